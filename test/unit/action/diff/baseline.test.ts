/**
 * Which run's artifact becomes the baseline (`baseline-workflow`), against the REST stand-in on
 * 127.0.0.1: the newest completed run on the default branch that has the site's artifact, the current
 * run skipped, expired artifacts skipped; none found is a reason, not an error; REST failures are one
 * line naming the input. The download itself is the test's function here (the integration test
 * downloads for real with @actions/artifact).
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { resolveBaseline, type ArtifactDownload, type Baseline, type NoBaseline } from '../../../../src/action/diff/baseline.js';
import type { BaselineSource } from '../../../../src/action/diff/diff-context.js';
import { createRestClient, type RestClient } from '../../../../src/action/diff/github-rest.js';
import { OutputError, UsageError } from '../../../../src/errors.js';
import { startRestApi, type ArtifactLookup, type RestApi } from '../../../support/github-services/rest-api.js';

let api: RestApi;
let rest: RestClient;
let temp: string;
const stored = new Map<string, { id: number; expired: boolean; digest?: string }>();
const lookup: ArtifactLookup = {
  finalized: (name) => {
    const a = stored.get(name);
    return a && { id: a.id, name, sizeBytes: 10, digest: a.digest, expiresAt: a.expired ? new Date(0) : undefined };
  },
  readUrl: () => 'http://127.0.0.1:9/never-fetched',
};
const downloads: { artifactId: number; runId: number; into: string; expectedHash: string | undefined }[] = [];
const download: ArtifactDownload = async (artifactId, runId, into, expectedHash) => {
  downloads.push({ artifactId, runId, into, expectedHash });
  await writeFile(path.join(into, 'manifest.json'), '{}');
  return { digestMismatch: expectedHash === 'sha256:tampered' };
};

const source = (workflow: string, artifactName = ''): BaselineSource => ({
  kind: 'workflow',
  owner: 'protex',
  repo: 'north-gate',
  workflow,
  branch: 'main',
  artifactName,
});
const env = (): NodeJS.ProcessEnv => ({ RUNNER_TEMP: temp, GITHUB_RUN_ID: '700' });

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-baseline-'));
  api = await startRestApi({ repository: 'protex/north-gate', token: 'ghs_unit', artifacts: lookup });
  rest = createRestClient(api.token, { GITHUB_API_URL: api.url });
  stored.set('dataset-north-gate-500', { id: 50, expired: false, digest: 'sha256:abc' });
  stored.set('dataset-north-gate-600', { id: 60, expired: true });
  stored.set('dataset-north-gate-700', { id: 70, expired: false });
  stored.set('dataset-north-gate-650', { id: 65, expired: false });
  stored.set('custom', { id: 80, expired: false });
  stored.set('dataset-tampered-900', { id: 90, expired: false, digest: 'sha256:tampered' });
  api.addWorkflowRun({ id: 400, workflow: 'dataset.yml', branch: 'main', status: 'completed', artifacts: [] });
  api.addWorkflowRun({ id: 500, workflow: 'dataset.yml', branch: 'main', status: 'completed', artifacts: ['dataset-north-gate-500', 'custom'] });
  api.addWorkflowRun({ id: 550, workflow: 'dataset.yml', branch: 'main', status: 'completed', artifacts: ['dataset-south-gate-550'] });
  api.addWorkflowRun({ id: 600, workflow: 'dataset.yml', branch: 'main', status: 'completed', artifacts: ['dataset-north-gate-600'] });
  api.addWorkflowRun({ id: 650, workflow: 'dataset.yml', branch: 'feature', status: 'completed', artifacts: ['dataset-north-gate-650'] });
  api.addWorkflowRun({ id: 680, workflow: 'dataset.yml', branch: 'main', status: 'in_progress', artifacts: [] });
  api.addWorkflowRun({ id: 700, workflow: 'dataset.yml', branch: 'main', status: 'completed', artifacts: ['dataset-north-gate-700'] });
  api.addWorkflowRun({ id: 900, workflow: 'other.yml', branch: 'main', status: 'completed', artifacts: ['dataset-tampered-900'] });
});

afterAll(async () => {
  await api?.close();
  await rm(temp, { recursive: true, force: true });
});

describe('baseline-workflow', () => {
  test("the newest completed run on the default branch with the site's artifact (not this run, not an expired one)", async () => {
    const found = (await resolveBaseline(source('dataset.yml'), 'north-gate', rest, download, env())) as Baseline;
    expect(found.description).toBe('artifact "dataset-north-gate-500" of run 500 of workflow dataset.yml on main');
    expect(downloads.at(-1)).toEqual({ artifactId: 50, runId: 500, into: found.dir, expectedHash: 'sha256:abc' });
    expect(path.dirname(found.dir)).toBe(temp);
    expect(await readdir(found.dir)).toEqual(['manifest.json']);
    await found.dispose();
    await expect(stat(found.dir)).rejects.toThrow();
    // The runs looked at: completed, on main, newest first; 700 is this run.
    const looked = api.calls.filter((c) => c.url.includes('/artifacts?')).map((c) => c.url.replace(/\?.*/, ''));
    expect(looked).toEqual([
      '/repos/protex/north-gate/actions/runs/600/artifacts',
      '/repos/protex/north-gate/actions/runs/550/artifacts',
      '/repos/protex/north-gate/actions/runs/500/artifacts',
    ]);
    expect(api.calls.find((c) => c.url.includes('/workflows/'))?.url).toBe(
      '/repos/protex/north-gate/actions/workflows/dataset.yml/runs?branch=main&status=completed&per_page=20',
    );
  });

  test('baseline-artifact names the artifact instead of dataset-<site>-<run id>', async () => {
    const found = (await resolveBaseline(source('dataset.yml', 'custom'), 'north-gate', rest, download, env())) as Baseline;
    expect(found.description).toBe('artifact "custom" of run 500 of workflow dataset.yml on main');
    await found.dispose();
  });

  test('a site with no artifact yet (its first run): no baseline, and why', async () => {
    const none = (await resolveBaseline(source('dataset.yml'), 'depot-7', rest, download, env())) as NoBaseline;
    expect(none).toEqual({
      dir: null,
      reason:
        "no artifact named dataset-depot-7-<run id> in the last 4 completed runs of workflow dataset.yml on main (the site's first run, or the artifacts expired)",
    });
  });

  test('a workflow the API does not know: one line naming the input', async () => {
    const error = await resolveBaseline(source('missing.yml'), 'north-gate', rest, download, env()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'Cannot list the runs of workflow missing.yml: GET /repos/protex/north-gate/actions/workflows/missing.yml/runs?branch=main&status=completed&per_page=20 answered 404: Not Found; ' +
        'check input "baseline-workflow" "missing.yml" (a workflow file on main) and that the token may read Actions (permissions: actions: read)',
    );
  });

  test('an API that cannot be reached: one line naming the input, and what to do', async () => {
    const gone = createRestClient('t', { GITHUB_API_URL: 'http://127.0.0.1:9' });
    const error = await resolveBaseline(source('dataset.yml'), 'north-gate', gone, download, env()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toMatch(
      /^Cannot list the runs of workflow dataset\.yml \(input "baseline-workflow"\): GET \S+ failed: .*; the GitHub API \(GITHUB_API_URL\) may be unavailable, run the job again$/,
    );
  });

  test('a token the API refuses: one line naming github-token', async () => {
    const bad = createRestClient('wrong', { GITHUB_API_URL: api.url });
    const error = await resolveBaseline(source('dataset.yml'), 'north-gate', bad, download, env()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/answered 401: Bad credentials; give the job `permissions: actions: read` or a token .*\(input "github-token"\)$/);
  });

  test('a download whose digest does not match: refused, and its folder removed', async () => {
    const before = await readdir(temp);
    const error = await resolveBaseline(source('other.yml'), 'tampered', rest, download, env()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe(
      'Cannot download the baseline (input "baseline-workflow"), artifact "dataset-tampered-900" (id 90) of run 900 of workflow other.yml: ' +
        'its content does not match the digest GitHub recorded (sha256:tampered); run the job again, or give the baseline as a folder (input "baseline")',
    );
    expect(await readdir(temp)).toEqual(before);
  });
});

describe('baseline: a folder', () => {
  test('is used as given, and never removed', async () => {
    const found = (await resolveBaseline({ kind: 'folder', dir: temp, given: 'base' }, 'north-gate', rest, download, env())) as Baseline;
    expect(found).toMatchObject({ dir: temp, description: 'folder base' });
    await found.dispose();
    expect((await stat(temp)).isDirectory()).toBe(true);
  });
});
