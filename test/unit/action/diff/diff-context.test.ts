/**
 * The baseline, pull-request comment and diff-gate inputs, read the way the runner passes them
 * (`INPUT_<NAME>` variables, an event payload file at GITHUB_EVENT_PATH). No mocking.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';

import { getActionContext, type ActionContext } from '../../../../src/action/context.js';
import { UsageError } from '../../../../src/errors.js';
import { envScope } from '../../../support/env.js';

let root: string;
let ws: string;
let pullRequestEvent: string;
let pushEvent: string;
const testEnv = envScope();
/** What the last `context()` call wrote to stdout (the runner's commands, such as add-mask). */
let lastStdout = '';

const VARS = [
  'GITHUB_WORKSPACE',
  'GITHUB_REPOSITORY',
  'GITHUB_RUN_ID',
  'GITHUB_EVENT_PATH',
  'GITHUB_EVENT_NAME',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
];

async function context(inputs: Record<string, string>, env: Record<string, string | undefined> = {}): Promise<ActionContext> {
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_') || VARS.includes(name)) testEnv.set(name, undefined);
  testEnv.setAll({
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: 'protex/north-gate',
    GITHUB_RUN_ID: '4242',
    GITHUB_EVENT_PATH: pullRequestEvent,
    GITHUB_EVENT_NAME: 'pull_request',
    'INPUT_UPLOAD-ARTIFACT': 'false',
    'INPUT_GITHUB-TOKEN': 'ghs_secret123',
    INPUT_VIDEO: 'v.mp4',
    ...env,
  });
  for (const [name, value] of Object.entries(inputs)) testEnv.set(`INPUT_${name.toUpperCase()}`, value);
  lastStdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lastStdout += String(chunk);
    return true;
  });
  try {
    return await getActionContext();
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-diff-context-'));
  ws = path.join(root, 'workspace');
  await mkdir(path.join(ws, 'base'), { recursive: true });
  await writeFile(path.join(ws, 'v.mp4'), 'x');
  await mkdir(path.join(root, 'outside'));
  await symlink(path.join(root, 'outside'), path.join(ws, 'escape'));
  pullRequestEvent = path.join(root, 'pull_request.json');
  await writeFile(pullRequestEvent, JSON.stringify({ number: 7, pull_request: { number: 7 }, repository: { default_branch: 'trunk' } }));
  pushEvent = path.join(root, 'push.json');
  await writeFile(pushEvent, JSON.stringify({ ref: 'refs/heads/trunk', repository: { default_branch: 'trunk' } }));
});

afterEach(() => testEnv.restore());

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('defaults', () => {
  test('no baseline, no comment, no diff gates; the token is read but not required', async () => {
    const ctx = await context({});
    expect(ctx.diff).toEqual({ baseline: null, prComment: null, token: 'ghs_secret123', gates: { maxImageDrop: null, failOnClassLoss: false } });
  });

  test('an empty or missing github-token reads as empty, never as the default expression', async () => {
    expect((await context({}, { 'INPUT_GITHUB-TOKEN': undefined })).diff.token).toBe('');
    expect((await context({ 'github-token': '' })).diff.token).toBe('');
  });

  test('the token is masked in the log (add-mask), never printed', async () => {
    await context({ 'baseline-workflow': 'dataset.yml', 'pr-comment': 'true' });
    expect(lastStdout).toContain('::add-mask::ghs_secret123');
    expect(lastStdout.replace('::add-mask::ghs_secret123', '')).not.toContain('ghs_secret123');
  });
});

describe('values', () => {
  const cases: [string, Record<string, string>, Record<string, string | undefined>, Partial<ActionContext['diff']>][] = [
    ['a baseline folder, relative to the workspace', { baseline: 'base' }, {}, { baseline: { kind: 'folder', dir: path.join('WS', 'base'), given: 'base' } }],
    [
      'baseline-workflow: the default branch from the event payload, the repository from GITHUB_REPOSITORY',
      { 'baseline-workflow': 'dataset.yml' },
      {},
      { baseline: { kind: 'workflow', owner: 'protex', repo: 'north-gate', workflow: 'dataset.yml', branch: 'trunk', artifactName: '' } },
    ],
    [
      'baseline-artifact names the artifact',
      { 'baseline-workflow': 'nightly.yaml', 'baseline-artifact': 'north' },
      {},
      { baseline: { kind: 'workflow', owner: 'protex', repo: 'north-gate', workflow: 'nightly.yaml', branch: 'trunk', artifactName: 'north' } },
    ],
    [
      'pr-comment on a pull_request event: its number',
      { baseline: 'base', 'pr-comment': 'true' },
      {},
      { prComment: { owner: 'protex', repo: 'north-gate', number: 7 } },
    ],
    [
      'pr-comment on pull_request_target',
      { baseline: 'base', 'pr-comment': 'true' },
      { GITHUB_EVENT_NAME: 'pull_request_target' },
      { prComment: { owner: 'protex', repo: 'north-gate', number: 7 } },
    ],
    [
      'pr-comment on a push: no pull request',
      { baseline: 'base', 'pr-comment': 'true' },
      { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '' },
      { prComment: { owner: 'protex', repo: 'north-gate', number: null } },
    ],
    [
      'the diff gates',
      { baseline: 'base', 'max-image-drop': '12.5', 'fail-on-class-loss': 'true' },
      {},
      { gates: { maxImageDrop: 12.5, failOnClassLoss: true } },
    ],
    ['max-image-drop 0 is on (no drop at all)', { baseline: 'base', 'max-image-drop': '0' }, {}, { gates: { maxImageDrop: 0, failOnClassLoss: false } }],
  ];
  test.each(cases)('%s', async (_label, inputs, env, expected) => {
    const ctx = await context(inputs, env);
    const resolved = JSON.parse(JSON.stringify(expected).replaceAll('"WS', JSON.stringify(ws).slice(0, -1))) as Partial<ActionContext['diff']>;
    expect(ctx.diff).toMatchObject(resolved);
  });
});

describe('refused, with one line naming the input', () => {
  const cases: [string, Record<string, string>, Record<string, string | undefined>, RegExp][] = [
    [
      'both baselines',
      { baseline: 'base', 'baseline-workflow': 'dataset.yml' },
      {},
      /^input "baseline" and input "baseline-workflow" are both set; give one baseline/,
    ],
    ['baseline-artifact alone', { 'baseline-artifact': 'x' }, {}, /^input "baseline-artifact" is set but input "baseline-workflow" is empty/],
    ['a baseline outside the workspace', { baseline: '../outside' }, {}, /^input "baseline" "\.\.\/outside" is outside the workspace /],
    [
      'a baseline through a symlink out of the workspace',
      { baseline: 'escape' },
      {},
      /^input "baseline" "escape" is outside the workspace .*through a symlink/,
    ],
    [
      'the output folder itself',
      { baseline: 'dataset' },
      {},
      /^input "baseline" "dataset" is the dataset this run writes \(input "output-dir"\) or inside it; give the baseline another folder/,
    ],
    ['a folder inside the output folder', { baseline: 'out/old', 'output-dir': 'out' }, {}, /^input "baseline" "out\/old" is the dataset this run writes/],
    [
      'a workflow path instead of a file name',
      { 'baseline-workflow': '.github/workflows/dataset.yml' },
      {},
      /^input "baseline-workflow" "\.github\/workflows\/dataset\.yml" is not a workflow file name/,
    ],
    [
      'baseline-workflow without a token',
      { 'baseline-workflow': 'dataset.yml', 'github-token': '' },
      {},
      /^input "baseline-workflow" needs a token but input "github-token" is empty/,
    ],
    [
      'baseline-workflow without an event payload',
      { 'baseline-workflow': 'dataset.yml' },
      { GITHUB_EVENT_PATH: undefined },
      /needs the default branch, but the event payload \(GITHUB_EVENT_PATH\) has no repository\.default_branch/,
    ],
    [
      'baseline-workflow without GITHUB_REPOSITORY',
      { 'baseline-workflow': 'dataset.yml' },
      { GITHUB_REPOSITORY: undefined, INPUT_SITE: 'n' },
      /^input "baseline-workflow" needs the repository, but GITHUB_REPOSITORY is not "owner\/name"/,
    ],
    ['pr-comment without a baseline', { 'pr-comment': 'true' }, {}, /^input "pr-comment" compares with a baseline, but none is given/],
    ['max-image-drop without a baseline', { 'max-image-drop': '5' }, {}, /^input "max-image-drop" compares with a baseline, but none is given/],
    ['fail-on-class-loss without a baseline', { 'fail-on-class-loss': 'true' }, {}, /^input "fail-on-class-loss" compares with a baseline, but none is given/],
    ['pr-comment without a token', { baseline: 'base', 'pr-comment': 'true', 'github-token': '' }, {}, /^input "pr-comment" needs a token/],
    [
      'max-image-drop over 100',
      { baseline: 'base', 'max-image-drop': '101' },
      {},
      /^Expected a percentage from 0 to 100 for input "max-image-drop" but received "101"$/,
    ],
    [
      'max-image-drop not a number',
      { baseline: 'base', 'max-image-drop': '10%' },
      {},
      /^Expected a percentage from 0 to 100 for input "max-image-drop" but received "10%"$/,
    ],
    [
      'fail-on-class-loss not a boolean',
      { baseline: 'base', 'fail-on-class-loss': 'yes please' },
      {},
      /^Expected true or false for input "fail-on-class-loss" but received "yes please"$/,
    ],
  ];
  test.each(cases)('%s', async (_label, inputs, env, message) => {
    const error = await context(inputs, env).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).not.toContain('ghs_secret123');
  });
});
