/**
 * The Action's run(), in-process, the way the runner drives it: INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and the real @actions/cache and @actions/artifact against the local
 * stand-in for GitHub's services (test/support/github-services). A model given as a URL comes from a
 * local HTTPS server. Nothing leaves the machine.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';

import { modelCacheDir, modelCacheKey, saveModelCache } from '../../src/action/model-cache.js';
import { Output } from '../../src/action/outputs.js';
import { run, type RunOptions } from '../../src/action/run-action.js';
import { QualityGateError } from '../../src/errors.js';
import { envScope } from '../support/env.js';
import { parseOutputFile } from '../support/github-files.js';
import { startGitHubServices, type GitHubServices } from '../support/github-services/index.js';
import { readZipEntries } from '../support/github-services/zip-entries.js';
import { startHttpsServer, type TestHttpsServer } from '../support/https-server.js';
import { makeVideo, MODEL } from '../support/videos.js';

let services: GitHubServices;
let root: string;
let workspace: string;
let runnerTemp: string;
let outputFile: string;
let summaryFile: string;
/** Every variable the tests set, put back in afterAll. */
const env = envScope();

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

interface ActionRun {
  error: unknown;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the Action with these inputs (all other INPUT_* cleared), capturing stdout and the files. */
async function runAction(inputs: Record<string, string>, options?: RunOptions): Promise<ActionRun> {
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) env.set(name, undefined);
  for (const [name, value] of Object.entries(inputs)) env.set(`INPUT_${name.toUpperCase()}`, value);
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  let error: unknown = null;
  try {
    await run(options);
  } catch (e) {
    error = e;
  } finally {
    spy.mockRestore();
  }
  return { error, stdout, outputs: parseOutputFile(await readFile(outputFile, 'utf8')), summary: await readFile(summaryFile, 'utf8') };
}

/** Name → sha256 of the files in the stand-in's stored zip of artifact `name`. */
async function artifactFiles(name: string): Promise<Record<string, string>> {
  const entries = readZipEntries(await services.downloadArtifactZip(name)).filter((e) => !e.directory);
  return Object.fromEntries(entries.map((e) => [e.name, sha256(e.data)]));
}

beforeAll(async () => {
  services = await startGitHubServices();
  root = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-action-run-'));
  workspace = path.join(root, 'workspace');
  runnerTemp = path.join(root, 'runner-temp');
  const fileCommands = path.join(root, 'file_commands');
  for (const dir of [workspace, runnerTemp, fileCommands]) await mkdir(dir, { recursive: true });
  outputFile = path.join(fileCommands, 'set_output');
  summaryFile = path.join(fileCommands, 'step_summary');
  env.setAll({
    ...services.env,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'protex/north-gate',
    GITHUB_RUN_ID: '4242',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ACTIONS_CACHE_URL: undefined,
    ACTIONS_CACHE_MODE: undefined,
    GITHUB_RETENTION_DAYS: undefined,
    RUNNER_DEBUG: undefined,
  });
  await makeVideo(path.join(workspace, 'v.mp4'), { width: 320, height: 240, fps: 10, frames: 30 });
  await copyFile(MODEL, path.join(workspace, 'yolov8n.onnx'));
}, 120_000);

afterAll(async () => {
  env.restore();
  await services?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a model file in the workspace', () => {
  test('builds the dataset, uploads it, writes the summary and every output', async () => {
    const result = await runAction({ video: 'v.mp4', model: 'yolov8n.onnx', 'output-dir': 'out-file', 'retention-days': '5' });
    expect(result.error).toBeNull();

    const manifest = JSON.parse(await readFile(path.join(workspace, 'out-file', 'manifest.json'), 'utf8')) as {
      counts: { images: number; detections: number; frameDropRatio: number };
      model: { origin: string };
    };
    const artifact = services.artifacts().find((a) => a.name === 'dataset-north-gate-4242');
    expect(artifact).toMatchObject({ finalized: true, mimeType: 'application/zip' });
    expect(Object.keys(result.outputs).sort()).toEqual(Object.values(Output).sort());
    expect(result.outputs).toEqual({
      [Output.ImageCount]: String(manifest.counts.images),
      [Output.DetectionCount]: String(manifest.counts.detections),
      [Output.DropRatio]: String(manifest.counts.frameDropRatio),
      [Output.DatasetDir]: 'out-file',
      [Output.CocoPath]: 'out-file/annotations/instances.json',
      [Output.ReportPath]: 'out-file/report.md',
      [Output.ManifestPath]: 'out-file/manifest.json',
      [Output.ArtifactId]: String(artifact?.id),
      [Output.ArtifactUrl]: `https://github.com/protex/north-gate/actions/runs/4242/artifacts/${artifact?.id}`,
      [Output.DiffVerdict]: 'none',
      [Output.DiffHeadline]: '',
      [Output.DiffCounts]: '',
    });
    expect(manifest.counts.images).toBeGreaterThan(0);
    expect(manifest.model.origin).toBe('option');

    // The artifact holds the whole dataset folder, byte for byte.
    const files = await artifactFiles('dataset-north-gate-4242');
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['annotations/instances.json', 'manifest.json', 'report.md', 'metrics.json', 'metrics.csv']));
    expect(Object.keys(files).filter((f) => f.startsWith('images/'))).toHaveLength(manifest.counts.images);
    for (const [name, digest] of Object.entries(files)) {
      expect(sha256(await readFile(path.join(workspace, 'out-file', name)))).toBe(digest);
    }
    const expiresInDays = (new Date(artifact!.expiresAt!).getTime() - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(4.9);
    expect(expiresInDays).toBeLessThanOrEqual(5);

    expect(result.summary).toContain('# Dataset report: north-gate');
    expect(result.summary).toContain(`[dataset-north-gate-4242](${result.outputs[Output.ArtifactUrl]})`);
    expect(result.summary).toContain(`| Images kept | ${manifest.counts.images} |`);

    // One group per stage; a model file needs no cache.
    for (const group of ['Inputs', 'Model cache: restore', 'Dataset', 'Artifact', 'Job summary', 'Outputs', 'Quality gates']) {
      expect(result.stdout).toContain(`::group::${group}\n`);
    }
    expect(result.stdout).toContain('Model cache not used: the model is not downloaded from a URL');
    expect(services.caches()).toEqual([]);
    expect(process.exitCode ?? 0).toBe(0);
  });
});

describe('switches', () => {
  test('upload-artifact and job-summary false: no artifact, no summary, empty artifact outputs', async () => {
    const before = services.artifacts().length;
    const result = await runAction({ video: '*.mp4', model: 'yolov8n.onnx', 'output-dir': 'out-local', 'upload-artifact': 'false', 'job-summary': 'false' });
    expect(result.error).toBeNull();
    expect(services.artifacts()).toHaveLength(before);
    expect(result.summary).toBe('');
    expect(result.outputs).toMatchObject({ [Output.DatasetDir]: 'out-local', [Output.ArtifactId]: '', [Output.ArtifactUrl]: '' });
    expect(result.stdout).toContain('artifact: not uploaded (input "upload-artifact" is false)');
  });
});

describe('step debug logging', () => {
  test('prints what the runner would run on (dataset-gen doctor) before the dataset, and still builds it', async () => {
    env.set('RUNNER_DEBUG', '1');
    try {
      const result = await runAction({ video: 'v.mp4', model: 'yolov8n.onnx', 'output-dir': 'out-debug', 'upload-artifact': 'false', 'job-summary': 'false' });
      expect(result.error).toBeNull();
      const doctor = result.stdout.split('::group::Doctor\n')[1]?.split('::endgroup::')[0] ?? '';
      expect(doctor).toMatch(/^onnxruntime-node \d+\.\d+\.\d+; providers offered: /m);
      expect(doctor).toMatch(/^ {2}ok {3}cpu: loads$/m);
      expect(doctor).toMatch(/^verdict: this run would infer on the CPU, as asked/m);
      expect(result.stdout.indexOf('::group::Doctor')).toBeLessThan(result.stdout.indexOf('::group::Dataset'));
    } finally {
      env.set('RUNNER_DEBUG', undefined);
    }
  });

  test('without it, no doctor report', async () => {
    const result = await runAction({ video: 'v.mp4', model: 'yolov8n.onnx', 'output-dir': 'out-quiet', 'upload-artifact': 'false', 'job-summary': 'false' });
    expect(result.stdout).not.toContain('::group::Doctor');
  });
});

describe('exclude: the frames of an earlier dataset in the workspace', () => {
  test('are left out and named in the summary; with the same sampling nothing is left, and the warning says why', async () => {
    const first = await runAction({ video: 'v.mp4', model: 'yolov8n.onnx', 'output-dir': 'round-1', 'upload-artifact': 'false' });
    expect(first.error).toBeNull();
    const images = (JSON.parse(await readFile(path.join(workspace, 'round-1', 'manifest.json'), 'utf8')) as { counts: { images: number } }).counts.images;
    const second = await runAction({ video: 'v.mp4', model: 'yolov8n.onnx', 'output-dir': 'round-2', 'upload-artifact': 'false', exclude: 'round-1' });
    expect(second.error).toBeNull();
    expect(second.summary).toContain(`| Already labelled (left out) | ${images} |`);
    expect(second.summary).toContain(`| labelled | ${images} |`);
    expect(second.stdout).toContain(`(${images} of them already labelled: input "exclude")`);
    expect(second.outputs).toMatchObject({ [Output.ImageCount]: '0' });
  });
});

describe('a quality gate', () => {
  test('a missed gate fails with QualityGateError after the dataset was uploaded and the outputs set', async () => {
    const result = await runAction({
      video: 'v.mp4',
      model: 'yolov8n.onnx',
      'output-dir': 'out-gate',
      'artifact-name': 'gate/check',
      'min-images': '1000',
    });
    expect(result.error).toBeInstanceOf(QualityGateError);
    const images = Number(result.outputs[Output.ImageCount]);
    expect((result.error as Error).message).toBe(
      `Quality gate missed: the dataset has ${images} images; input "min-images" asks for at least 1000; ` +
        `inspect the dataset in artifact "gate-check" (${result.outputs[Output.ArtifactUrl]})`,
    );
    const artifact = services.artifacts().find((a) => a.name === 'gate-check');
    expect(artifact?.finalized).toBe(true);
    expect(result.outputs[Output.ArtifactId]).toBe(String(artifact?.id));
    expect(Object.keys(await artifactFiles('gate-check'))).toEqual(expect.arrayContaining(['annotations/instances.json', 'manifest.json']));
    expect(result.summary).toContain('| `min-images` | 1000 |');
    expect(result.summary).toContain('**missed**');
    expect(result.stdout).toContain('MISSED: the dataset has');
  });
});

describe('a model given as an https URL', () => {
  let server: TestHttpsServer;
  let url: string;
  let digest: string;
  const modelPath = '/models/yolov8n.onnx';

  beforeAll(async () => {
    const weights = await readFile(MODEL);
    digest = sha256(weights);
    server = await startHttpsServer({ [modelPath]: weights });
    url = server.url(modelPath);
  });

  afterAll(async () => {
    await server?.close();
  });

  test('is downloaded once and saved to the cache; the next run restores it with no request', async () => {
    env.set('ACTIONS_CACHE_SERVICE_V2', undefined); // as in a container action: the runner does not pass it
    const first = await runAction(
      { video: 'v.mp4', model: url, 'model-sha256': digest, 'output-dir': 'out-url-1', 'artifact-name': 'url-1' },
      { modelDownload: { ca: server.ca } },
    );
    expect(first.error).toBeNull();
    expect(process.env.ACTIONS_CACHE_SERVICE_V2).toBe('true');
    expect(server.requestCount(modelPath)).toBe(1);
    const key = modelCacheKey(url, digest);
    expect(services.caches()).toEqual([expect.objectContaining({ key, finalized: true })]);
    expect(first.stdout).toContain(`No cached model for key ${key}`);
    expect(first.stdout).toContain(`Model saved to the Actions cache (key ${key}`);
    expect(first.stdout).not.toContain('is not pinned');
    const firstManifest = JSON.parse(await readFile(path.join(workspace, 'out-url-1', 'manifest.json'), 'utf8')) as {
      model: { origin: string; sha256: string };
    };
    expect(firstManifest.model.origin).toBe('download');

    // A new job: the runner's temp folder starts empty.
    await rm(modelCacheDir(), { recursive: true, force: true });
    const second = await runAction(
      { video: 'v.mp4', model: url, 'model-sha256': digest, 'output-dir': 'out-url-2', 'artifact-name': 'url-2' },
      { modelDownload: { ca: server.ca } },
    );
    expect(second.error).toBeNull();
    expect(server.requestCount(modelPath)).toBe(1);
    expect(second.stdout).toContain(`Model restored from the Actions cache (key ${key})`);
    expect(second.stdout).not.toContain('Model saved');
    const secondManifest = JSON.parse(await readFile(path.join(workspace, 'out-url-2', 'manifest.json'), 'utf8')) as {
      model: { origin: string; sha256: string };
    };
    expect(secondManifest.model).toMatchObject({ origin: 'cache', sha256: firstManifest.model.sha256 });
    expect(services.caches()).toHaveLength(1);
    const lookups = services.requests.filter((r) => r.method === 'GetCacheEntryDownloadURL');
    expect(lookups.map((r) => (r.response as { ok: boolean }).ok)).toEqual([false, true]);
  });

  test("a presigned URL's token is masked in the log and never reaches the manifest or the reports", async () => {
    const presigned = `${url}?X-Amz-Signature=topsecret123&X-Amz-Expires=300`;
    const run = await runAction(
      { video: 'v.mp4', model: presigned, 'model-sha256': digest, 'output-dir': 'out-url-token', 'artifact-name': 'url-token' },
      { modelDownload: { ca: server.ca } },
    );
    expect(run.error).toBeNull();
    // The runner masks every later occurrence of a value registered with add-mask.
    expect(run.stdout).toContain(`::add-mask::${presigned}`);
    const logged = run.stdout.replace(`::add-mask::${presigned}`, '');
    expect(logged).not.toContain('topsecret123');
    for (const file of ['manifest.json', 'metrics.json', 'report.md', 'report.html']) {
      expect(await readFile(path.join(workspace, 'out-url-token', file), 'utf8')).not.toContain('topsecret123');
    }
    const manifest = JSON.parse(await readFile(path.join(workspace, 'out-url-token', 'manifest.json'), 'utf8')) as {
      config: { modelUrl: string };
      model: { url: string };
    };
    expect(manifest.config.modelUrl).toBe(url);
    expect(manifest.model.url).toBe(url);
  });

  test('a host that answers 503 once: the download is retried, the retry logged as a warning', async () => {
    const flaky = '/models/flaky.onnx';
    await rm(modelCacheDir(), { recursive: true, force: true }); // no local copy from the tests above
    let calls = 0;
    server.setHandler(flaky, (_request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(503);
        response.end('busy');
      } else {
        response.writeHead(302, { location: url });
        response.end();
      }
    });
    const run = await runAction(
      { video: 'v.mp4', model: server.url(flaky), 'model-sha256': digest, 'output-dir': 'out-url-flaky', 'upload-artifact': 'false', 'cache-model': 'false' },
      { modelDownload: { ca: server.ca } },
    );
    expect(run.error).toBeNull();
    expect(calls).toBe(2);
    expect(run.stdout).toMatch(/::warning::Model download https:\/\/127\.0\.0\.1:\d+\/models\/flaky\.onnx failed \(HTTP 503\); retry 1 of 3 in 1 s/);
  });

  test('cache trouble is a warning, never a failure', async () => {
    const key = modelCacheKey(url, digest);
    let saved: boolean | undefined;
    const capture = async (fn: () => Promise<boolean>): Promise<string> => {
      let out = '';
      const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        out += String(chunk);
        return true;
      });
      try {
        saved = await fn();
      } finally {
        spy.mockRestore();
      }
      return out;
    };
    // The key exists: saveCache returns -1.
    const exists = await capture(() => saveModelCache({ dir: modelCacheDir(), key, restored: false }));
    expect(saved).toBe(false);
    expect(exists).toContain(`::warning::The model was not saved to the Actions cache (key ${key})`);
    // Nothing to save: saveCache throws.
    const missing = await capture(() => saveModelCache({ dir: path.join(root, 'no-such-folder'), key: 'dataset-gen-model-other', restored: false }));
    expect(saved).toBe(false);
    expect(missing).toMatch(/::warning::Cannot save the model to the Actions cache \(key dataset-gen-model-other\): Path Validation Error/);
  });
});

describe("a model config file's source, checked with the inputs", () => {
  test.each([
    ['a source.path outside the workspace', { path: '../outside.onnx' }, /: source\.path "\.\.\/outside\.onnx" is outside the workspace /],
    ['a source.url without sha256', { url: 'https://127.0.0.1:9/models/m.onnx' }, /: source\.url has no "sha256"; add "sha256"/],
  ])('%s: the step fails in "Inputs", before the model cache or any read of the weights', async (_label, source, message) => {
    await writeFile(path.join(root, 'outside.onnx'), await readFile(MODEL));
    await writeFile(path.join(workspace, 'site-model.json'), JSON.stringify({ name: 'site-model', layout: 'yolov8', source }));
    const result = await runAction({ video: 'v.mp4', 'model-config': 'site-model.json', 'output-dir': 'out-config-source' });
    expect((result.error as Error).name).toBe('UsageError');
    expect((result.error as Error).message).toMatch(new RegExp(`^input "model-config" .*/site-model\\.json${message.source}`));
    expect(result.stdout).toContain('::group::Inputs\n');
    expect(result.stdout).not.toContain('::group::Model cache');
    expect(result.stdout).not.toContain('::group::Dataset');
  });
});

describe('resume: a staging folder planted in the workspace', () => {
  test('images -> $RUNNER_TEMP with a checkpoint header: refused in "Dataset", and the runner\'s temp folder is left alone', async () => {
    const staging = path.join(workspace, '.out-planted.partial');
    await mkdir(staging, { recursive: true });
    await writeFile(path.join(runnerTemp, 'keep-me.txt'), 'runner state');
    const before = (await readdir(runnerTemp)).sort();
    await symlink(runnerTemp, path.join(staging, 'images'));
    const json = JSON.stringify({
      kind: 'header',
      version: 2,
      identity: { tool: '0.1.0', ffmpeg: 'x', options: {}, modelConfig: {}, modelSha256: 'c'.repeat(64), videos: [] },
    });
    await writeFile(path.join(staging, '.checkpoint.jsonl'), `${createHash('sha256').update(json).digest('hex')} ${json}\n`);
    const result = await runAction({ video: 'v.mp4', model: 'yolov8n.onnx', 'output-dir': 'out-planted', resume: 'true', 'upload-artifact': 'false' });
    expect((result.error as Error).name).toBe('UsageError');
    expect((result.error as Error).message).toMatch(
      /^Cannot resume the interrupted run in .*\.out-planted\.partial: \.out-planted\.partial\/images is a symbolic link, which dataset-gen never writes there; remove .* and run again without input "resume"$/,
    );
    expect((await readdir(runnerTemp)).sort()).toEqual(before);
    expect(await readFile(path.join(runnerTemp, 'keep-me.txt'), 'utf8')).toBe('runner state');
  });
});
