/**
 * The Action's comparison with a baseline, in-process as the runner drives it (INPUT_* variables, the
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a pull_request event payload), on the demo clip with
 * small settings, against the local stand-ins for GitHub's services: the real @actions/artifact
 * uploads each dataset and downloads the baseline artifact of an earlier run (REST zip redirect →
 * Azurite), and the pull-request comment goes through the REST stand-in. Nothing leaves the machine.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';

import { commentMarker, READ_ONLY_WARNING } from '../../src/action/diff/pr-comment.js';
import { Output } from '../../src/action/outputs.js';
import type { run as runType } from '../../src/action/run-action.js';
import { exitCodeOf, QualityGateError } from '../../src/errors.js';
import { envScope } from '../support/env.js';
import { parseOutputFile } from '../support/github-files.js';
import { startGitHubServices, type GitHubServices } from '../support/github-services/index.js';
import { readZipEntries } from '../support/github-services/zip-entries.js';
import { MODEL } from '../support/videos.js';

const DEMO = path.resolve('demo/site-walkway-20s.mp4');
const PR = 7;
const MARKER = commentMarker('north-gate');

let services: GitHubServices;
let run: typeof runType;
let root: string;
let workspace: string;
let runnerTemp: string;
let outputFile: string;
let summaryFile: string;
const env = envScope();

interface ActionRun {
  error: unknown;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Small settings on the demo clip: a frame every 2 s of the first 10 s. */
const SMALL = { video: 'walkway.mp4', model: 'yolov8n.onnx', 'sample-fps': '0.5', end: '10' };

/** Runs the Action as workflow run `runId` with these inputs (all other INPUT_* cleared). */
async function runAction(runId: number, inputs: Record<string, string>): Promise<ActionRun> {
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) env.set(name, undefined);
  env.set('GITHUB_RUN_ID', String(runId));
  for (const [name, value] of Object.entries({ ...SMALL, 'github-token': services.rest.token, ...inputs })) env.set(`INPUT_${name.toUpperCase()}`, value);
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  let error: unknown = null;
  try {
    await run();
  } catch (e) {
    error = e;
  } finally {
    spy.mockRestore();
  }
  return { error, stdout, outputs: parseOutputFile(await readFile(outputFile, 'utf8')), summary: await readFile(summaryFile, 'utf8') };
}

async function counts(dir: string): Promise<{ images: number; detections: number }> {
  const manifest = JSON.parse(await readFile(path.join(workspace, dir, 'manifest.json'), 'utf8')) as { counts: { images: number; detections: number } };
  return manifest.counts;
}

async function files(dir: string): Promise<string[]> {
  return (await readdir(path.join(workspace, dir), { recursive: true })).map(String).sort();
}

beforeAll(async () => {
  services = await startGitHubServices({ repository: 'protex/north-gate' });
  root = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-action-diff-'));
  workspace = path.join(root, 'workspace');
  runnerTemp = path.join(root, 'runner-temp');
  const fileCommands = path.join(root, 'file_commands');
  for (const dir of [workspace, runnerTemp, fileCommands]) await mkdir(dir, { recursive: true });
  outputFile = path.join(fileCommands, 'set_output');
  summaryFile = path.join(fileCommands, 'step_summary');
  const event = path.join(root, 'event.json');
  await writeFile(
    event,
    JSON.stringify({ action: 'synchronize', number: PR, pull_request: { number: PR }, repository: { full_name: 'protex/north-gate', default_branch: 'main' } }),
  );
  env.setAll({
    ...services.env,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_PATH: event,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ACTIONS_CACHE_URL: undefined,
    ACTIONS_CACHE_MODE: undefined,
    GITHUB_RETENTION_DAYS: undefined,
    RUNNER_DEBUG: undefined,
  });
  await copyFile(DEMO, path.join(workspace, 'walkway.mp4'));
  await copyFile(MODEL, path.join(workspace, 'yolov8n.onnx'));
  // @actions/artifact's REST client takes GITHUB_API_URL when it is first imported, as on a runner.
  ({ run } = await import('../../src/action/run-action.js'));
}, 120_000);

afterAll(async () => {
  env.restore();
  await services?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a baseline from the default branch, and the pull-request comment', () => {
  test("the default branch's run: no baseline asked, verdict none", async () => {
    const result = await runAction(5001, { 'output-dir': 'main-1' });
    expect(result.error).toBeNull();
    expect(result.outputs).toMatchObject({ [Output.DiffVerdict]: 'none', [Output.DiffHeadline]: '', [Output.DiffCounts]: '' });
    expect(result.summary).not.toContain('Changes against the baseline');
    expect(services.artifacts().find((a) => a.name === 'dataset-north-gate-5001')?.finalized).toBe(true);
    services.rest.addWorkflowRun({
      id: 5001,
      workflow: 'dataset.yml',
      branch: 'main',
      status: 'completed',
      conclusion: 'success',
      artifacts: ['dataset-north-gate-5001'],
    });
    // A later run on the default branch without this site's artifact, and a pull request's run: both passed over.
    services.rest.addWorkflowRun({ id: 5010, workflow: 'dataset.yml', branch: 'main', status: 'completed', conclusion: 'success', artifacts: [] });
    services.rest.addWorkflowRun({
      id: 5011,
      workflow: 'dataset.yml',
      branch: 'feature',
      status: 'completed',
      conclusion: 'success',
      artifacts: ['dataset-north-gate-5001'],
    });
  });

  test('a pull request run: the artifact of that run is downloaded and compared; the diff under the report, the outputs, one comment', async () => {
    const result = await runAction(5002, { 'output-dir': 'pr-1', confidence: '0.75', 'baseline-workflow': 'dataset.yml', 'pr-comment': 'true' });
    expect(result.error).toBeNull();
    expect(result.stdout).toContain('Baseline: artifact "dataset-north-gate-5001" of run 5001 of workflow dataset.yml on main');
    const zip = services.rest.calls.filter((c) => /\/actions\/artifacts\/\d+\/zip$/.test(c.url));
    expect(zip).toEqual([{ method: 'GET', url: expect.stringContaining('/repos/protex/north-gate/actions/artifacts/'), status: 302 }]);
    // The downloaded copy is gone from RUNNER_TEMP, and nothing was written into the dataset.
    expect((await readdir(runnerTemp)).filter((n) => n.startsWith('dataset-gen-baseline-'))).toEqual([]);
    expect(await files('pr-1')).toEqual(await files('main-1'));

    const [before, after] = [await counts('main-1'), await counts('pr-1')];
    expect(after.detections).toBeLessThan(before.detections);
    expect(result.outputs[Output.DiffVerdict]).toBe('changed');
    expect(result.outputs[Output.DiffHeadline]).not.toBe('');
    expect(result.outputs[Output.DiffHeadline]).not.toContain('\n');
    expect(JSON.parse(result.outputs[Output.DiffCounts]!)).toEqual({
      images: { before: before.images, after: after.images },
      frames: { added: expect.any(Number), removed: expect.any(Number), changed: expect.any(Number) },
      detections: { before: before.detections, after: after.detections },
      classesLost: expect.any(Array),
    });

    const report = result.summary.indexOf('# Dataset report: north-gate');
    const diff = result.summary.indexOf('## Changes against the baseline');
    expect(report).toBeGreaterThanOrEqual(0);
    expect(diff).toBeGreaterThan(report);
    expect(result.summary.slice(diff)).toContain('Baseline: artifact "dataset-north-gate-5001" of run 5001 of workflow dataset.yml on main');
    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024);

    const comments = services.rest.comments(PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user.type).toBe('Bot');
    expect(comments[0]!.body.startsWith(`${MARKER}\n### Dataset changes: north-gate`)).toBe(true);
    expect(comments[0]!.body).toContain('_From [run 5002](https://github.com/protex/north-gate/actions/runs/5002)');
    expect(result.stdout).toMatch(/Pull-request comment created \(id \d+\)/);

    // The diff's own artifact: the page with the frames side by side, the Markdown and the JSON; the summary and the comment link to it.
    const page = services.artifacts().find((a) => a.name === 'dataset-north-gate-5002-diff');
    expect(page?.finalized).toBe(true);
    const entries = readZipEntries(await services.downloadArtifactZip('dataset-north-gate-5002-diff')).filter((e) => !e.directory);
    expect(entries.map((e) => e.name).sort()).toEqual(['diff.html', 'diff.json', 'diff.md']);
    const html = entries.find((e) => e.name === 'diff.html')!.data.toString('utf8');
    const changed = (JSON.parse(entries.find((e) => e.name === 'diff.json')!.data.toString('utf8')) as { frameChanges: { changed: unknown[] } }).frameChanges
      .changed;
    expect(html.match(/<div class="sheet pair">/g)).toHaveLength(Math.min(12, changed.length));
    expect(result.summary.slice(diff)).toMatch(
      /side by side: diff\.html in artifact \[dataset-north-gate-5002-diff\]\(https:\/\/github\.com\/protex\/north-gate\/actions\/runs\/5002\/artifacts\/\d+\)/,
    );
    expect(comments[0]!.body).toContain('diff.html in artifact [dataset-north-gate-5002-diff]');
    expect((await readdir(runnerTemp)).filter((n) => n.startsWith('dataset-gen-diff-'))).toEqual([]);
  });

  test('the next run (a baseline folder, the same settings as the baseline): no change, the same comment updated', async () => {
    const first = services.rest.comments(PR)[0]!;
    const result = await runAction(5003, { 'output-dir': 'pr-2', baseline: 'main-1', 'pr-comment': 'true', 'upload-artifact': 'false' });
    expect(result.error).toBeNull();
    expect(result.outputs[Output.DiffVerdict]).toBe('no-change');
    expect(result.summary).toContain('Baseline: folder main-1');
    const comments = services.rest.comments(PR);
    expect(comments.map((c) => c.id)).toEqual([first.id]);
    expect(comments[0]!.body).not.toBe(first.body);
    expect(comments[0]!.body).toContain('_From [run 5003]');
    expect(result.stdout).toContain(`Pull-request comment updated (id ${first.id})`);
  });

  test('a read-only token (a fork): the diff stays in the summary, one warning, the step passes', async () => {
    const before = services.rest.comments(PR);
    services.rest.setReadOnly(true);
    try {
      const result = await runAction(5004, { 'output-dir': 'pr-fork', baseline: 'main-1', 'pr-comment': 'true', 'upload-artifact': 'false' });
      expect(result.error).toBeNull();
      expect(result.stdout.split('\n').filter((l) => l.startsWith('::warning::'))).toEqual([`::warning::${READ_ONLY_WARNING}`]);
      expect(result.summary).toContain('## Changes against the baseline');
      expect(services.rest.comments(PR)).toEqual(before);
      // The token appears once, in the add-mask command that hides it from the log.
      expect(result.stdout.replace(`::add-mask::${services.rest.token}\n`, '')).not.toContain(services.rest.token);
    } finally {
      services.rest.setReadOnly(false);
    }
  });

  test("a site's first run (no artifact in the workflow's runs): a warning, verdict none, no comment, not a failure", async () => {
    const before = services.rest.comments(PR);
    const result = await runAction(5005, {
      'output-dir': 'depot',
      site: 'depot-7',
      'baseline-workflow': 'dataset.yml',
      'pr-comment': 'true',
      'upload-artifact': 'false',
    });
    expect(result.error).toBeNull();
    expect(result.stdout).toContain(
      '::warning::No baseline to compare with: no artifact named dataset-depot-7-<run id> in the last 2 completed runs of workflow dataset.yml on main',
    );
    expect(result.stdout).toContain('No pull-request comment: there is no diff');
    expect(result.outputs[Output.DiffVerdict]).toBe('none');
    expect(result.summary).toContain('_Baseline: no baseline: no artifact named dataset-depot-7-');
    expect(services.rest.comments(PR)).toEqual(before);
  });

  test('outside a pull request: one info line, no comment', async () => {
    env.set('GITHUB_EVENT_NAME', 'push');
    try {
      const before = services.rest.comments(PR);
      const result = await runAction(5006, { 'output-dir': 'push-1', baseline: 'main-1', 'pr-comment': 'true', 'upload-artifact': 'false' });
      expect(result.error).toBeNull();
      expect(result.stdout).toContain('No pull-request comment: the event is push, not a pull request (input "pr-comment")');
      expect(services.rest.comments(PR)).toEqual(before);
    } finally {
      env.set('GITHUB_EVENT_NAME', 'pull_request');
    }
  });
});

describe('diff gates', () => {
  test('fewer images and a class gone: exit 8 after the upload, both gates named with their numbers, in the summary table', async () => {
    const result = await runAction(5007, {
      'output-dir': 'pr-gates',
      baseline: 'main-1',
      classes: 'person',
      'sample-fps': '0.25',
      'max-image-drop': '10',
      'fail-on-class-loss': 'true',
    });
    expect(result.error).toBeInstanceOf(QualityGateError);
    expect(exitCodeOf(result.error)).toBe(8);
    const [before, after] = [await counts('main-1'), await counts('pr-gates')];
    expect(after.images).toBeLessThan(before.images);
    const drop = Math.round(((before.images - after.images) / before.images) * 10_000) / 100;
    const message = (result.error as Error).message;
    expect(message).toContain(
      `kept images went from ${before.images} in the baseline to ${after.images} (a drop of ${drop} %); input "max-image-drop" allows at most 10 %`,
    );
    expect(message).toMatch(/classes? detected in the baseline ha(s|ve) no detections now \("car", "truck"\); input "fail-on-class-loss" allows 0/);
    expect(message).toContain('inspect the dataset in artifact "dataset-north-gate-5007"');
    expect(services.artifacts().find((a) => a.name === 'dataset-north-gate-5007')?.finalized).toBe(true);
    expect(result.outputs[Output.DiffVerdict]).toBe('changed');
    expect(JSON.parse(result.outputs[Output.DiffCounts]!)).toMatchObject({ classesLost: ['car', 'truck'] });
    expect(result.summary).toContain(`| \`max-image-drop\` | 10 | ${drop} | **missed** |`);
    expect(result.summary).toContain('| `fail-on-class-loss` | 0 | 2 | **missed** |');
  });
});
