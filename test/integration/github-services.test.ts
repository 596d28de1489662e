/**
 * The real @actions/cache and @actions/artifact clients against the local stand-in for GitHub's
 * results service (test/support/github-services): Twirp on 127.0.0.1 plus Azurite for the blobs.
 * Nothing leaves the machine.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { restoreCache, saveCache } from '@actions/cache';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import sharp from 'sharp';

import { envScope } from '../support/env.js';
import { startGitHubServices, type GitHubServices } from '../support/github-services/index.js';
import { readZipEntries } from '../support/github-services/zip-entries.js';
import { MODEL } from '../support/videos.js';

/** Variables the toolkit reads that could point it elsewhere; each is set or removed, then restored. */
const TOUCHED = ['ACTIONS_CACHE_URL', 'ACTIONS_CACHE_MODE', 'GITHUB_RETENTION_DAYS', 'RUNNER_TEMP', 'GITHUB_WORKSPACE'];

let services: GitHubServices;
let root: string;
let workspace: string;
const env = envScope();

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

async function fileSha(file: string): Promise<string> {
  return sha256(await readFile(file));
}

/** Relative path → sha256 of every file under dir. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full).split(path.sep).join('/')] = await fileSha(full);
  }
  return out;
}

/** Runs fn with process.stdout captured (the toolkit logs there, `::warning::` etc. included). */
async function captureStdout<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
  let output = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    return { result: await fn(), output };
  } finally {
    spy.mockRestore();
  }
}

function calls(method: string): GitHubServices['requests'] {
  return services.requests.filter((call) => call.method === method);
}

beforeAll(async () => {
  services = await startGitHubServices();
  root = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-gh-services-'));
  workspace = path.join(root, 'workspace');
  await mkdir(path.join(root, 'runner-temp'), { recursive: true });
  await mkdir(workspace, { recursive: true });
  const values: Record<string, string | undefined> = {
    ...services.env,
    RUNNER_TEMP: path.join(root, 'runner-temp'),
    GITHUB_WORKSPACE: workspace,
    ACTIONS_CACHE_URL: undefined,
    ACTIONS_CACHE_MODE: undefined,
    GITHUB_RETENTION_DAYS: undefined,
  };
  for (const name of new Set([...Object.keys(values), ...TOUCHED])) env.set(name, values[name]);
}, 60_000);

afterAll(async () => {
  env.restore();
  await services?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('cache service with the real @actions/cache', () => {
  let modelFile: string;
  let emptyFile: string;
  let paths: string[];
  let key: string;
  let modelSha: string;

  beforeAll(async () => {
    const dir = path.join(workspace, 'models');
    await mkdir(dir, { recursive: true });
    modelFile = path.join(dir, 'yolov8n.onnx');
    emptyFile = path.join(dir, 'empty.bin');
    await writeFiles();
    modelSha = await fileSha(modelFile);
    paths = [modelFile, emptyFile];
    key = `dataset-gen-model-${modelSha}`;
  });

  async function writeFiles(): Promise<void> {
    await copyFile(MODEL, modelFile);
    await writeFile(emptyFile, '');
  }

  async function removeFiles(): Promise<void> {
    await rm(modelFile, { force: true });
    await rm(emptyFile, { force: true });
  }

  test('saveCache then restoreCache with the same paths gives back the same bytes', async () => {
    const { result: id, output } = await captureStdout(() => saveCache(paths, key));
    expect(output).not.toContain('::warning::');
    expect(id).toBeGreaterThan(0);
    const entry = services.caches().find((e) => e.key === key);
    expect(entry).toMatchObject({ id, key, finalized: true });
    expect(entry?.sizeBytes).toBeGreaterThan(1_000_000);
    expect(calls('CreateCacheEntry').at(-1)?.request).toEqual({ key, version: entry?.version });
    expect(calls('FinalizeCacheEntryUpload').at(-1)?.request).toEqual({ key, version: entry?.version, size_bytes: String(entry?.sizeBytes) });

    await removeFiles();
    const { result: restored } = await captureStdout(() => restoreCache(paths, key));
    expect(restored).toBe(key);
    expect(await fileSha(modelFile)).toBe(modelSha);
    expect((await stat(emptyFile)).size).toBe(0);
  });

  test('a miss returns undefined, and the service answered { ok: false } with status 200', async () => {
    const { result } = await captureStdout(() => restoreCache(paths, 'dataset-gen-model-0000'));
    expect(result).toBeUndefined();
    const last = calls('GetCacheEntryDownloadURL').at(-1);
    expect(last).toMatchObject({ status: 200, response: { ok: false } });
    expect(last?.request).toEqual({ key: 'dataset-gen-model-0000', version: services.caches()[0]?.version });
  });

  test('other paths mean another version: the same key misses', async () => {
    const { result } = await captureStdout(() => restoreCache([modelFile], key));
    expect(result).toBeUndefined();
  });

  test('restoreKeys match by prefix', async () => {
    await removeFiles();
    const { result, output } = await captureStdout(() => restoreCache(paths, 'dataset-gen-model-not-there', ['dataset-gen-other-', 'dataset-gen-model-']));
    expect(result).toBe(key);
    expect(output).toContain(`Cache hit for restore-key: ${key}`);
    expect(calls('GetCacheEntryDownloadURL').at(-1)?.request).toMatchObject({ restore_keys: ['dataset-gen-other-', 'dataset-gen-model-'] });
    expect(await fileSha(modelFile)).toBe(modelSha);
  });

  test('saving the same key again does not throw: the client logs it and returns -1', async () => {
    await writeFiles();
    const before = services.caches().length;
    const { result, output } = await captureStdout(() => saveCache(paths, key));
    expect(result).toBe(-1);
    expect(calls('CreateCacheEntry').at(-1)).toMatchObject({ status: 409, response: { code: 'already_exists' } });
    expect(output).toContain(`Failed to save: Unable to reserve cache with key ${key}, another job may be creating this cache.`);
    expect(output).not.toContain('::warning::');
    expect(services.caches()).toHaveLength(before);
  });
});

describe('artifact service with the real @actions/artifact', () => {
  const name = 'dataset-gen-test-dataset';
  let source: string;
  let files: string[];
  let expected: Record<string, string>;
  const client = new DefaultArtifactClient();
  let artifactId: number;

  beforeAll(async () => {
    source = path.join(workspace, 'dataset');
    await mkdir(path.join(source, 'images', 'walkway', 'day-1'), { recursive: true });
    await mkdir(path.join(source, 'annotations'), { recursive: true });
    const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .png()
      .toBuffer();
    await writeFile(path.join(source, 'images', 'walkway', 'day-1', 'frame-000001.png'), image);
    await writeFile(
      path.join(source, 'annotations', 'instances.json'),
      JSON.stringify({ images: [{ id: 1, file_name: 'frame-000001.png' }], annotations: [] }, null, 2),
    );
    await writeFile(path.join(source, 'report.md'), '# report\n');
    await writeFile(path.join(source, 'annotations', 'empty.txt'), '');
    files = Object.keys(await tree(source)).map((rel) => path.join(source, rel));
    expected = await tree(source);
  });

  test('uploadArtifact returns an id and the stand-in has it finalized', async () => {
    const { result } = await captureStdout(() => client.uploadArtifact(name, files, source, { retentionDays: 3 }));
    expect(result.id).toBeGreaterThan(0);
    artifactId = result.id!;
    const stored = services.artifacts().find((a) => a.id === artifactId);
    expect(stored).toMatchObject({ name, finalized: true, mimeType: 'application/zip', digest: `sha256:${result.digest}` });
    expect(stored?.sizeBytes).toBe(result.size);
    const zip = await services.downloadArtifactZip(name);
    expect(zip.length).toBe(result.size);
    expect(sha256(zip)).toBe(result.digest);
    const create = calls('CreateArtifact').at(-1)?.request as Record<string, unknown>;
    expect(create).toMatchObject({ name, version: 7, mime_type: 'application/zip', workflow_run_backend_id: services.identity.workflowRunBackendId });
    expect(typeof create['expires_at']).toBe('string');
  });

  test('listArtifacts and getArtifact see it', async () => {
    const { result: list } = await captureStdout(() => client.listArtifacts());
    expect(list.artifacts).toEqual([expect.objectContaining({ id: artifactId, name, size: services.artifacts()[0]?.sizeBytes })]);
    const { result: one } = await captureStdout(() => client.getArtifact(name));
    expect(one.artifact.id).toBe(artifactId);
    expect(one.artifact.createdAt).toBeInstanceOf(Date);
  });

  test('downloadArtifact into a fresh folder gives identical files, and the digest matches', async () => {
    const target = path.join(root, 'download');
    const digest = services.artifacts().find((a) => a.id === artifactId)?.digest;
    const { result } = await captureStdout(() => client.downloadArtifact(artifactId, { path: target, expectedHash: digest }));
    expect(result).toEqual({ downloadPath: target, digestMismatch: false });
    expect(await tree(target)).toEqual(expected);
    // The client unzips because Azurite serves the Content-Type stored at upload; the URL has no .zip.
    const signedUrl = (calls('GetSignedArtifactURL').at(-1)?.response as { signed_url: string }).signed_url;
    expect(new URL(signedUrl).pathname.endsWith('.zip')).toBe(false);
    const response = await fetch(signedUrl);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain(`filename="${name}.zip"`);
    await response.arrayBuffer();
  });

  test("the stand-in's zip holds the same entries", async () => {
    const entries = readZipEntries(await services.downloadArtifactZip(name)).filter((e) => !e.directory);
    expect(Object.fromEntries(entries.map((e) => [e.name, sha256(e.data)]))).toEqual(expected);
  });

  test('the same name cannot be uploaded twice in a run', async () => {
    await expect(captureStdout(() => client.uploadArtifact(name, files, source))).rejects.toThrow(/409/);
  });

  test('skipArchive uploads the raw file and it downloads under its own name', async () => {
    const file = path.join(source, 'report.md');
    const { result } = await captureStdout(() => client.uploadArtifact('report', [file], source, { skipArchive: true }));
    expect(services.artifacts().find((a) => a.id === result.id)).toMatchObject({ name: 'report.md', mimeType: 'text/markdown', finalized: true });
    const target = path.join(root, 'download-raw');
    await captureStdout(() => client.downloadArtifact(result.id!, { path: target }));
    expect(await tree(target)).toEqual({ 'report.md': expected['report.md'] });
  });

  test('an empty raw file is finalized with no size field (zero values are omitted)', async () => {
    const { result, output } = await captureStdout(() =>
      client.uploadArtifact('empty', [path.join(source, 'annotations', 'empty.txt')], source, { skipArchive: true }),
    );
    expect(output).toContain('::warning::No data was uploaded to blob storage');
    expect(calls('FinalizeArtifact').at(-1)?.request).not.toHaveProperty('size');
    expect(services.artifacts().find((a) => a.id === result.id)).toMatchObject({ name: 'empty.txt', sizeBytes: 0, finalized: true });
    const target = path.join(root, 'download-empty');
    await captureStdout(() => client.downloadArtifact(result.id!, { path: target }));
    expect(await tree(target)).toEqual({ 'empty.txt': sha256(Buffer.alloc(0)) });
    await captureStdout(() => client.deleteArtifact('empty.txt'));
  });

  test('deleteArtifact removes it', async () => {
    const { result } = await captureStdout(() => client.deleteArtifact(name));
    expect(result.id).toBe(artifactId);
    const { result: list } = await captureStdout(() => client.listArtifacts());
    expect(list.artifacts.map((a) => a.name)).toEqual(['report.md']);
  });
});
