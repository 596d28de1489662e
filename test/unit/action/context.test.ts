/**
 * The Action's inputs, read the way the runner passes them: `INPUT_<NAME>` variables (name upper-cased,
 * dashes kept), with GITHUB_WORKSPACE pointing at a temporary folder of small files. No mocking.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';

import { getActionContext, siteFromRepository, type ActionContext } from '../../../src/action/context.js';
import { actionName, getInputs, INPUT_NAMES } from '../../../src/action/inputs.js';
import { ConfigError, UsageError } from '../../../src/errors.js';
import { envScope } from '../../support/env.js';

let root: string;
let ws: string;
/** The variables a case changed, put back after each case (`env` names the cases' own values). */
const testEnv = envScope();

/** Every variable a case may set; all are cleared before each case and restored at the end. */
const GITHUB_VARS = [
  'GITHUB_WORKSPACE',
  'GITHUB_REPOSITORY',
  'GITHUB_RUN_ID',
  'GITHUB_SERVER_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'RUNNER_DEBUG',
];

function clearEnv(): void {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('INPUT_') || GITHUB_VARS.includes(name)) testEnv.set(name, undefined);
  }
}

/** Sets `INPUT_*` from input names, plus the base GitHub variables (which `env` may override or unset). */
function setEnv(inputs: Record<string, string>, env: Record<string, string | undefined> = {}): void {
  clearEnv();
  const all: Record<string, string | undefined> = {
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: 'protex/north-gate',
    GITHUB_RUN_ID: '4242',
    ACTIONS_RUNTIME_TOKEN: 'token',
    ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
    ...env,
  };
  for (const [name, value] of Object.entries(inputs)) all[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  testEnv.setAll(all);
}

/** @actions/glob writes `::debug::` lines to stdout; keep the test output clean. */
async function context(inputs: Record<string, string>, env?: Record<string, string | undefined>): Promise<ActionContext> {
  setEnv(inputs, env);
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return await getActionContext();
  } finally {
    spy.mockRestore();
  }
}

const at = (...parts: string[]): string => path.join(ws, ...parts);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-action-context-'));
  ws = path.join(root, 'workspace');
  const files = [
    'videos/cam-1.mp4',
    'videos/cam-2.mp4',
    'videos/notes.txt',
    'videos/day 1/cam-3.mov',
    'other/cam-1.mp4',
    'other/[weird] name.mp4',
    'models/m.onnx',
  ];
  for (const file of files) {
    await mkdir(path.dirname(at(file)), { recursive: true });
    await writeFile(at(file), 'x');
  }
  await mkdir(path.join(root, 'outside'), { recursive: true });
  await writeFile(path.join(root, 'outside', 'far.mp4'), 'x');
  await writeFile(path.join(root, 'outside', 'm.onnx'), 'x');
  await writeFile(path.join(root, 'outside', 'config.json'), '{}');
  // Symlinks inside the workspace: to a folder outside, to a file outside, and to a file inside.
  await symlink(path.join(root, 'outside'), at('escape'));
  await mkdir(at('links'));
  await symlink(path.join(root, 'outside', 'far.mp4'), at('links/far-link.mp4'));
  await symlink(at('videos/cam-2.mp4'), at('other/cam-2-link.mp4'));
  await symlink(at('videos'), at('videos-link'));
});

afterEach(() => testEnv.restore());

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('video: paths and globs relative to the workspace', () => {
  const cases: [string, string, () => string[]][] = [
    ['one file', 'videos/cam-1.mp4', () => [at('videos/cam-1.mp4')]],
    ['a glob, sorted', 'videos/*.mp4', () => [at('videos/cam-1.mp4'), at('videos/cam-2.mp4')]],
    ['several lines keep their order', 'videos/cam-2.mp4\nvideos/cam-1.mp4', () => [at('videos/cam-2.mp4'), at('videos/cam-1.mp4')]],
    ['CRLF lines and blank lines', 'videos/cam-2.mp4\r\n\r\n  videos/cam-1.mp4  \r\n', () => [at('videos/cam-2.mp4'), at('videos/cam-1.mp4')]],
    ['a globstar into a folder with a space', '**/*.mov', () => [at('videos/day 1/cam-3.mov')]],
    ['a file matched twice is listed once', 'videos/cam-1.mp4\nvideos/*.mp4', () => [at('videos/cam-1.mp4'), at('videos/cam-2.mp4')]],
    ['"!" lines exclude', 'videos/*.mp4\n!videos/cam-2.mp4', () => [at('videos/cam-1.mp4')]],
    ['a literal name with glob characters', 'other/[weird] name.mp4', () => [at('other/[weird] name.mp4')]],
    ['".." that stays inside', 'videos/../videos/cam-*.mp4', () => [at('videos/cam-1.mp4'), at('videos/cam-2.mp4')]],
    ['a symlinked file pointing inside', 'other/cam-2-link.mp4', () => [at('other/cam-2-link.mp4')]],
    ['a glob under a symlinked folder pointing inside (searched from its real folder)', 'videos-link/cam-1.*', () => [at('videos/cam-1.mp4')]],
    ['an absolute path', '', () => [at('videos/cam-2.mp4')]],
  ];
  test.each(cases)('%s', async (_label, video, expected) => {
    const ctx = await context({ video: video || at('videos/cam-2.mp4') });
    expect(ctx.options.videos).toEqual(expected());
  });
});

describe('defaults', () => {
  test('the action.yml defaults apply when no input is set', async () => {
    const ctx = await context({ video: 'videos/cam-1.mp4' });
    expect(ctx.workspace).toBe(ws);
    expect(ctx.options).toMatchObject({
      outDir: at('dataset'),
      overwrite: false,
      resume: false,
      site: 'north-gate',
      sampling: { mode: 'fps', fps: 1 },
      modelPath: null,
      modelUrl: null,
      modelConfig: 'yolov8n-coco',
      dedupThreshold: 2,
      confidence: null,
      iou: null,
      classes: null,
    });
    expect(ctx.artifact).toEqual({ upload: true, name: 'dataset-north-gate-4242', retentionDays: undefined });
    expect(ctx).toMatchObject({ jobSummary: true, cacheModel: true, gates: { minImages: 0, maxDropRatio: 1 } });
  });

  const sites: [string, Record<string, string>, Record<string, string | undefined>, string, string][] = [
    ['site is the repository name', {}, {}, 'north-gate', 'dataset-north-gate-4242'],
    ['a repository name starting with "." loses it', {}, { GITHUB_REPOSITORY: 'protex/.sites' }, 'sites', 'dataset-sites-4242'],
    ["no repository: the first video's name", {}, { GITHUB_REPOSITORY: undefined }, 'cam-1', 'dataset-cam-1-4242'],
    ['no run id: no suffix', {}, { GITHUB_RUN_ID: undefined }, 'north-gate', 'dataset-north-gate'],
    ['a given site is used in the artifact name', { site: 'South Yard' }, {}, 'South Yard', 'dataset-South Yard-4242'],
    ['a given artifact name is sanitised', { 'artifact-name': 'sites/north:gate?' }, {}, 'north-gate', 'sites-north-gate-'],
  ];
  test.each(sites)('%s', async (_label, inputs, env, site, artifactName) => {
    const ctx = await context({ video: 'videos/cam-1.mp4', ...inputs }, env);
    expect(ctx.options.site).toBe(site);
    expect(ctx.artifact.name).toBe(artifactName);
  });

  test('siteFromRepository', () => {
    expect(siteFromRepository('a/b.c_d-e')).toBe('b.c_d-e');
    expect(siteFromRepository('a/...')).toBeUndefined();
    expect(siteFromRepository(undefined)).toBeUndefined();
    expect(siteFromRepository(`a/${'x'.repeat(150)}`)).toHaveLength(100);
  });
});

describe('values', () => {
  test('every input reaches the options, relative paths from the workspace', async () => {
    const ctx = await context({
      video: 'videos/cam-1.mp4',
      'output-dir': 'out/site',
      'model-config': 'models/config.json',
      model: 'models/m.onnx',
      'model-sha256': 'a'.repeat(64),
      'sample-fps': '2.5',
      'dedup-threshold': '-1',
      confidence: '0.4',
      iou: '0.6',
      classes: 'person, truck',
      'upload-artifact': 'False',
      'retention-days': '30',
      'job-summary': 'FALSE',
      'cache-model': 'false',
      'min-images': '10',
      'max-drop-ratio': '0.25',
    });
    expect(ctx.options).toMatchObject({
      outDir: at('out/site'),
      modelConfig: at('models/config.json'),
      modelPath: at('models/m.onnx'),
      modelSha256: 'a'.repeat(64),
      sampling: { mode: 'fps', fps: 2.5 },
      dedupThreshold: -1,
      confidence: 0.4,
      iou: 0.6,
      classes: ['person', 'truck'],
    });
    expect(ctx.artifact).toMatchObject({ upload: false, retentionDays: 30 });
    expect(ctx).toMatchObject({ jobSummary: false, cacheModel: false, gates: { minImages: 10, maxDropRatio: 0.25 } });
  });

  test('a model URL', async () => {
    const ctx = await context({ video: 'videos/cam-1.mp4', model: 'https://models.example.com/yolov8n.onnx', 'model-sha256': 'c'.repeat(64) });
    expect(ctx.options).toMatchObject({ modelUrl: 'https://models.example.com/yolov8n.onnx', modelPath: null });
  });

  test('booleans accept the YAML 1.2 core spellings', async () => {
    const ctx = await context({ video: 'videos/cam-1.mp4', 'upload-artifact': 'TRUE', 'job-summary': 'True', 'cache-model': 'False' });
    expect([ctx.artifact.upload, ctx.jobSummary, ctx.cacheModel]).toEqual([true, true, false]);
  });

  test('inputs are read from INPUT_<NAME> with dashes kept, never with underscores', async () => {
    setEnv({ video: 'videos/cam-1.mp4' }, { INPUT_SAMPLE_FPS: '5' });
    expect(getInputs()['sample-fps']).toBe('1');
    setEnv({ video: 'videos/cam-1.mp4', 'sample-fps': '5' });
    expect(getInputs()['sample-fps']).toBe('5');
  });

  test('getInputs has one key per action.yml input', () => {
    setEnv({});
    expect(Object.keys(getInputs()).sort()).toEqual([...INPUT_NAMES].sort());
  });

  test('option names are shown as inputs', () => {
    expect(actionName('sample-fps')).toBe('input "sample-fps"');
    expect(actionName('out')).toBe('input "output-dir"');
  });
});

describe('every bad value is refused with a message naming the input', () => {
  const video = 'videos/cam-1.mp4';
  const cases: [string, Record<string, string>, Record<string, string | undefined>, RegExp][] = [
    ['missing video file', { video: 'videos/missing.mp4' }, {}, /for input "video" but "videos\/missing\.mp4" does not exist in the workspace/],
    ['glob matching nothing', { video: 'videos/*.avi' }, {}, /for input "video" but "videos\/\*\.avi" matches no file/],
    ['one of several lines matching nothing', { video: `${video}\nclips/*.mp4` }, {}, /input "video" but "clips\/\*\.mp4" matches no file/],
    [
      'everything excluded',
      { video: 'videos/cam-1.mp4\n!videos/*.mp4' },
      {},
      /input "video" but "videos\/cam-1\.mp4" matches no file \(after the "!" exclusions\)/,
    ],
    ['a folder', { video: 'videos' }, {}, /input "video" but "videos" is a folder/],
    ['no video', { video: '' }, {}, /Expected at least one video file for input "video"/],
    ['two videos with the same name', { video: 'videos/cam-1.mp4\nother/cam-1.mp4' }, {}, /input "video" but received "two videos named cam-1"/],
    [
      'sample-fps not a number',
      { video, 'sample-fps': 'lots' },
      {},
      /Expected a number greater than 0 and at most 240 for input "sample-fps" but received "lots"/,
    ],
    ['sample-fps zero', { video, 'sample-fps': '0' }, {}, /for input "sample-fps" but received "0"/],
    ['dedup-threshold out of range', { video, 'dedup-threshold': '65' }, {}, /for input "dedup-threshold" but received "65"/],
    ['confidence above 1', { video, confidence: '1.5' }, {}, /for input "confidence" but received "1\.5"/],
    ['iou zero', { video, iou: '0' }, {}, /for input "iou" but received "0"/],
    ['classes with an empty name', { video, classes: 'person,,car' }, {}, /for input "classes" but received "person,,car"/],
    ['model over http', { video, model: 'http://example.com/m.onnx' }, {}, /an ONNX file path or an https:\/\/ URL for input "model"/],
    ['model-sha256 not hex', { video, model: 'models/m.onnx', 'model-sha256': 'abc' }, {}, /for input "model-sha256" but received "abc"/],
    ['model-sha256 without model', { video, 'model-sha256': 'b'.repeat(64) }, {}, /to go with input "model-sha256" for input "model"/],
    ['site with a slash', { video, site: 'north/gate' }, {}, /for input "site" but received "north\/gate"/],
    ['upload-artifact not a boolean', { video, 'upload-artifact': 'yes' }, {}, /^Expected true or false for input "upload-artifact" but received "yes"$/],
    ['job-summary not a boolean', { video, 'job-summary': 'on' }, {}, /^Expected true or false for input "job-summary" but received "on"$/],
    ['cache-model not a boolean', { video, 'cache-model': '1' }, {}, /^Expected true or false for input "cache-model" but received "1"$/],
    ['retention-days 0', { video, 'retention-days': '0' }, {}, /^Expected an integer from 1 to 90 \(days\) for input "retention-days" but received "0"$/],
    ['retention-days 91', { video, 'retention-days': '91' }, {}, /for input "retention-days" but received "91"/],
    ['retention-days a fraction', { video, 'retention-days': '7.5' }, {}, /for input "retention-days" but received "7\.5"/],
    ['retention-days a word', { video, 'retention-days': 'week' }, {}, /for input "retention-days" but received "week"/],
    ['min-images negative', { video, 'min-images': '-1' }, {}, /for input "min-images" but received "-1"/],
    ['min-images a fraction', { video, 'min-images': '2.5' }, {}, /for input "min-images" but received "2\.5"/],
    ['max-drop-ratio above 1', { video, 'max-drop-ratio': '1.5' }, {}, /^Expected a number from 0 to 1 for input "max-drop-ratio" but received "1\.5"$/],
    ['max-drop-ratio negative', { video, 'max-drop-ratio': '-0.1' }, {}, /for input "max-drop-ratio" but received "-0\.1"/],
    ['max-drop-ratio a word', { video, 'max-drop-ratio': 'half' }, {}, /for input "max-drop-ratio" but received "half"/],
    [
      'upload without the artifact service',
      { video },
      { ACTIONS_RUNTIME_TOKEN: undefined },
      /input "upload-artifact" is true but the artifact service is not reachable.*set upload-artifact: false/,
    ],
    [
      'upload on GitHub Enterprise Server',
      { video },
      { GITHUB_SERVER_URL: 'https://git.example.com' },
      /input "upload-artifact" is true but GitHub Enterprise Server/,
    ],
  ];
  test.each(cases)('%s', async (_label, inputs, env, message) => {
    const error = await context(inputs, env).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  test('a model URL without model-sha256 is refused (a cache hit would be trusted)', async () => {
    const error = await context({ video, model: 'https://models.example.com/yolov8n.onnx' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^input "model" is a URL but input "model-sha256" is empty; set model-sha256 to the file's sha256/);
    expect((error as Error).message).not.toMatch(/\n/);
  });

  test('without uploading, the artifact service is not needed', async () => {
    const ctx = await context({ video, 'upload-artifact': 'false' }, { ACTIONS_RUNTIME_TOKEN: undefined, ACTIONS_RESULTS_URL: undefined });
    expect(ctx.artifact.upload).toBe(false);
  });
});

describe('every path input must resolve inside the workspace', () => {
  const video = 'videos/cam-1.mp4';
  /** `@outside` stands for the absolute folder beside the workspace (made in beforeAll). */
  const outside = (file: string): string => `@outside/${file}`;
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'video: ".." before a glob',
      { video: '../outside/*.mp4' },
      /^input "video" "\.\.\/outside\/\*\.mp4" is outside the workspace .*: it resolves to .*\/outside; give a path inside the workspace/,
    ],
    ['video: ".." to a file', { video: '../outside/far.mp4' }, /^input "video" "\.\.\/outside\/far\.mp4" is outside the workspace/],
    ['video: an absolute path outside', { video: outside('far.mp4') }, /^input "video" ".*\/outside\/far\.mp4" is outside the workspace/],
    ['video: "/**" (would crawl the container)', { video: '/**/*.mp4' }, /^input "video" "\/\*\*\/\*\.mp4" is outside the workspace .*: it resolves to \/;/],
    ['video: "**" under ".." ', { video: '../**' }, /^input "video" "\.\.\/\*\*" is outside the workspace/],
    [
      'video: a glob under a symlinked folder pointing outside',
      { video: 'escape/*.mp4' },
      /^input "video" "escape\/\*\.mp4" is outside the workspace .*\(through a symlink: .*\/workspace\/escape → .*\/outside\)/,
    ],
    [
      'video: a symlinked file pointing outside',
      { video: 'links/far-link.mp4' },
      /^input "video" "links\/far-link\.mp4" is outside the workspace .*through a symlink/,
    ],
    [
      'video: a glob matching a symlinked file pointing outside',
      { video: 'links/*.mp4' },
      /^input "video" "links\/far-link\.mp4" is outside the workspace .*through a symlink/,
    ],
    ['output-dir: ".."', { video, 'output-dir': '../dataset' }, /^input "output-dir" "\.\.\/dataset" is outside the workspace .*: it resolves to .*\/dataset;/],
    ['output-dir: absolute', { video, 'output-dir': '/tmp/dataset' }, /^input "output-dir" "\/tmp\/dataset" is outside the workspace/],
    [
      'output-dir: below a symlinked folder pointing outside (not yet made)',
      { video, 'output-dir': 'escape/new/dataset' },
      /^input "output-dir" "escape\/new\/dataset" is outside the workspace .*through a symlink/,
    ],
    [
      'model: a path outside',
      { video, model: '../outside/m.onnx', 'model-sha256': 'a'.repeat(64) },
      /^input "model" "\.\.\/outside\/m\.onnx" is outside the workspace/,
    ],
    ['model: through a symlinked folder', { video, model: 'escape/m.onnx' }, /^input "model" "escape\/m\.onnx" is outside the workspace .*through a symlink/],
    [
      'model-config: a path outside',
      { video, 'model-config': outside('config.json') },
      /^input "model-config" ".*\/outside\/config\.json" is outside the workspace/,
    ],
    ['history-csv: ".."', { video, 'history-csv': '../runs.csv' }, /^input "history-csv" "\.\.\/runs\.csv" is outside the workspace/],
    [
      'history-csv: through a symlinked folder',
      { video, 'history-csv': 'escape/runs.csv' },
      /^input "history-csv" "escape\/runs\.csv" is outside the workspace .*through a symlink/,
    ],
    [
      'exclude: ".." on its second line',
      { video, exclude: 'labelled/instances.json\n../outside/done' },
      /^input "exclude" "\.\.\/outside\/done" is outside the workspace/,
    ],
    [
      'exclude: through a symlinked folder',
      { video, exclude: 'escape/result.json' },
      /^input "exclude" "escape\/result\.json" is outside the workspace .*through a symlink/,
    ],
  ];
  test.each(cases)('%s is refused', async (_label, inputs, message) => {
    const given = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.replace('@outside', path.join(root, 'outside'))]));
    const error = await context(given).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/\n/);
  });

  test('paths inside are accepted: a preset name, a model URL, outputs still to be made, ".." that stays inside', async () => {
    const ctx = await context({
      video: 'videos/cam-1.mp4',
      'output-dir': 'out/../out/new/site',
      'model-config': 'yolov8n-coco',
      'history-csv': 'metrics/runs.csv',
      model: 'https://models.example.com/m.onnx',
      'model-sha256': 'a'.repeat(64),
      exclude: 'labelled/result.json\n\nround-1',
    });
    expect(ctx.options).toMatchObject({
      outDir: at('out/new/site'),
      modelConfig: 'yolov8n-coco',
      historyCsv: at('metrics/runs.csv'),
      exclude: [at('labelled/result.json'), at('round-1')],
    });
  });
});

describe("a model config file's source is held to what the model input is", () => {
  const video = 'videos/cam-1.mp4';
  const sha = 'd'.repeat(64);
  const config = (source: unknown): string => JSON.stringify({ name: 'site-model', layout: 'yolov8', ...(source === undefined ? {} : { source }) });

  beforeAll(async () => {
    await mkdir(at('cfg'), { recursive: true });
    const configs: Record<string, string> = {
      'inside.json': config({ path: '../models/m.onnx' }),
      'missing-inside.json': config({ path: 'not-yet.onnx' }),
      'dotdot.json': config({ path: '../../outside/m.onnx' }),
      'absolute.json': config({ path: path.join(root, 'outside', 'm.onnx') }),
      'through-link.json': config({ path: '../escape/m.onnx' }),
      'url-pinned.json': config({ url: 'https://models.example.com/m.onnx', sha256: sha }),
      'url-unpinned.json': config({ url: 'https://models.example.com/m.onnx?X-Amz-Signature=topsecret' }),
      'no-source.json': config(undefined),
      'not-json.json': '{ "name": ',
    };
    for (const [name, text] of Object.entries(configs)) await writeFile(at('cfg', name), text);
    // A link to a config inside: its source.path resolves against the link's folder (cfg/), inside.
    await symlink(at('cfg', 'inside.json'), at('cfg', 'inside-link.json'));
  });

  const accepted: [string, Record<string, string>][] = [
    ['the preset (bundled weights, outside the workspace)', { 'model-config': 'yolov8n-coco' }],
    ['a source.path inside the workspace', { 'model-config': 'cfg/inside.json' }],
    ['a source.path inside that does not exist yet (the run says so)', { 'model-config': 'cfg/missing-inside.json' }],
    ['a config reached through a symlink inside', { 'model-config': 'cfg/inside-link.json' }],
    ['a source.url with its sha256', { 'model-config': 'cfg/url-pinned.json' }],
    ['no source (the weights come from elsewhere or the run says none)', { 'model-config': 'cfg/no-source.json' }],
    ['a source.path outside, overridden by a model file', { 'model-config': 'cfg/dotdot.json', model: 'models/m.onnx' }],
    [
      'an unpinned source.url, overridden by a pinned model URL',
      { 'model-config': 'cfg/url-unpinned.json', model: 'https://models.example.com/n.onnx', 'model-sha256': sha },
    ],
  ];
  test.each(accepted)('accepted: %s', async (_label, inputs) => {
    const ctx = await context({ video, ...inputs });
    expect(ctx.options.modelConfig).toBe(inputs['model-config'] === 'yolov8n-coco' ? 'yolov8n-coco' : at(inputs['model-config']!));
  });

  const refused: [string, string, RegExp][] = [
    [
      'a source.path ".." out of the workspace',
      'dotdot.json',
      /^input "model-config" .*\/cfg\/dotdot\.json: source\.path "\.\.\/\.\.\/outside\/m\.onnx" is outside the workspace .*: it resolves to .*\/outside\/m\.onnx; give a path inside the workspace/,
    ],
    [
      'an absolute source.path outside',
      'absolute.json',
      /^input "model-config" .*\/cfg\/absolute\.json: source\.path ".*\/outside\/m\.onnx" is outside the workspace/,
    ],
    [
      'a source.path through a symlinked folder pointing outside',
      'through-link.json',
      /^input "model-config" .*\/cfg\/through-link\.json: source\.path "\.\.\/escape\/m\.onnx" is outside the workspace .*\(through a symlink: .*\/escape\/m\.onnx → .*\/outside\/m\.onnx\)/,
    ],
    [
      'a source.url without sha256',
      'url-unpinned.json',
      /^input "model-config" .*\/cfg\/url-unpinned\.json: source\.url has no "sha256"; add "sha256": "<the file's sha256>" beside it .* or give the model with input "model" and input "model-sha256"$/,
    ],
  ];
  test.each(refused)('refused: %s, in one line naming the input and the file', async (_label, file, message) => {
    const error = await context({ video, 'model-config': `cfg/${file}` }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/\n/);
    expect((error as Error).message).not.toContain('topsecret'); // a presigned URL's token stays out of the log
  });

  test('a config that is not valid JSON is refused here as the run would refuse it (ConfigError)', async () => {
    const error = await context({ video, 'model-config': 'cfg/not-json.json' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^Invalid model config .*\/cfg\/not-json\.json: not valid JSON/);
  });
});
