import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EXIT_CODES, ModelError } from '../../src/errors.js';
import { loadModelConfig, parseModelConfig, type LoadedModelConfig } from '../../src/model/config.js';
import { downloadModel } from '../../src/model/download.js';
import {
  defaultCacheDir,
  EXPORT_HINT,
  resolveModel,
  type ResolveModelOptions,
  type ResolvedModel,
} from '../../src/model/resolve.js';
import { sha256File, sha256Text } from '../../src/model/sha256.js';
import {
  hasOpenssl,
  makeSelfSignedCertificate,
  startHttpsServer,
  type SelfSignedCertificate,
  type TestHttpsServer,
} from '../support/https-server.js';

/** A fake "model": resolve never parses ONNX, it only moves and hashes bytes. */
function fakeModel(size = 4096): Buffer {
  return randomBytes(size);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

let root: string;
let counter = 0;

/** A fresh, empty folder under the suite's temp dir. */
async function freshDir(label: string): Promise<string> {
  counter += 1;
  const dir = path.join(root, `${label}-${counter}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** A config with `source` (validated by the real schema, so the tests only use configs users can write). */
function configWith(source?: unknown, origin = 'test config', baseDir = root): LoadedModelConfig {
  return parseModelConfig(
    { name: 'test-model', layout: 'yolov8', ...(source === undefined ? {} : { source }) },
    origin,
    baseDir,
  );
}

/** The ModelError `promise` rejects with (fails the test if it resolves or rejects with something else). */
async function modelError(promise: Promise<unknown>): Promise<ModelError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ModelError);
  const error = caught as ModelError;
  expect(error.exitCode).toBe(EXIT_CODES.model);
  expect(error.message).not.toMatch(/[\r\n]/);
  return error;
}

/** Files in `dir`, the url-index folder excluded (downloads must never leave `.download-*` temp files). */
async function cacheFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name !== 'urls').sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-resolve-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('local weights', () => {
  test('an explicit path wins over a config source.path', async () => {
    const dir = await freshDir('explicit');
    const explicit = path.join(dir, 'explicit.onnx');
    const other = path.join(dir, 'other.onnx');
    const bytes = fakeModel();
    await writeFile(explicit, bytes);
    await writeFile(other, fakeModel());
    const resolved = await resolveModel(configWith({ path: other }), { modelPath: explicit });
    expect(resolved).toEqual({
      path: explicit,
      sha256: sha256(bytes),
      origin: 'option',
      url: null,
      pinned: false,
    } satisfies ResolvedModel);
  });

  test('an explicit path with --model-sha256 is verified', async () => {
    const dir = await freshDir('explicit-pinned');
    const explicit = path.join(dir, 'pinned.onnx');
    const bytes = fakeModel();
    await writeFile(explicit, bytes);
    const ok = await resolveModel(configWith(), { modelPath: explicit, modelSha256: sha256(bytes) });
    expect(ok).toMatchObject({ origin: 'option', pinned: true });
    const error = await modelError(resolveModel(configWith(), { modelPath: explicit, modelSha256: 'c'.repeat(64) }));
    expect(error.message).toContain(`sha256 is ${sha256(bytes)}, expected ${'c'.repeat(64)}`);
  });

  test('an explicit path wins over a config source.url (nothing is downloaded)', async () => {
    const dir = await freshDir('explicit-url');
    const explicit = path.join(dir, 'explicit.onnx');
    await writeFile(explicit, fakeModel());
    const cacheDir = path.join(dir, 'cache');
    // Port 9 (discard) on localhost: a download attempt would fail, so success proves none was made.
    const loaded = configWith({ url: 'https://127.0.0.1:9/never.onnx', sha256: 'b'.repeat(64) });
    const resolved = await resolveModel(loaded, { modelPath: explicit, cacheDir });
    expect(resolved.origin).toBe('option');
    await expect(readdir(cacheDir)).rejects.toThrow();
  });

  test('an explicit path wins when the config has no source at all', async () => {
    const dir = await freshDir('explicit-nosource');
    const explicit = path.join(dir, 'm.onnx');
    await writeFile(explicit, fakeModel());
    expect((await resolveModel(configWith(), { modelPath: explicit })).origin).toBe('option');
  });

  test('a missing explicit path → ModelError naming the path, with the export hint', async () => {
    const dir = await freshDir('missing');
    const missing = path.join(dir, 'nope.onnx');
    const error = await modelError(resolveModel(configWith({ path: missing }), { modelPath: missing }));
    expect(error.message).toContain(missing);
    expect(error.message).toContain('does not exist');
    expect(error.message).toContain('--model');
    expect(error.message).toContain(EXPORT_HINT);
    expect(error.message).toContain('yolo export model=yolov8n.pt format=onnx');
  });

  test('an empty explicit file → ModelError saying it is empty', async () => {
    const dir = await freshDir('empty');
    const empty = path.join(dir, 'empty.onnx');
    await writeFile(empty, Buffer.alloc(0));
    const error = await modelError(resolveModel(configWith(), { modelPath: empty }));
    expect(error.message).toContain(empty);
    expect(error.message).toMatch(/empty \(0 bytes\)/);
  });

  test('a directory as explicit path → ModelError saying it is not a file', async () => {
    const dir = await freshDir('directory');
    const folder = path.join(dir, 'model.onnx');
    await mkdir(folder);
    const error = await modelError(resolveModel(configWith(), { modelPath: folder }));
    expect(error.message).toContain(folder);
    expect(error.message).toContain('not a file');
  });

  test('config source.path is resolved relative to the config file folder, not the cwd', async () => {
    const dir = await freshDir('config-path');
    const configDir = path.join(dir, 'configs', 'site');
    await mkdir(path.join(dir, 'configs', 'weights'), { recursive: true });
    await mkdir(configDir, { recursive: true });
    const bytes = fakeModel();
    const weights = path.join(dir, 'configs', 'weights', 'site.onnx');
    await writeFile(weights, bytes);
    const configFile = path.join(configDir, 'model.json');
    await writeFile(
      configFile,
      JSON.stringify({ name: 'site', layout: 'yolov8', source: { path: '../weights/site.onnx' } }),
    );
    // A different cwd: the path must not be taken relative to it.
    const loaded = await loadModelConfig(path.relative(os.tmpdir(), configFile), os.tmpdir());
    const resolved = await resolveModel(loaded, { modelPath: null });
    expect(resolved).toEqual({
      path: weights,
      sha256: sha256(bytes),
      origin: 'config-path',
      url: null,
      pinned: false,
    } satisfies ResolvedModel);
  });

  test('an absolute config source.path is used as is', async () => {
    const dir = await freshDir('config-abs');
    const weights = path.join(dir, 'abs.onnx');
    await writeFile(weights, fakeModel());
    const resolved = await resolveModel(configWith({ path: weights }, 'cfg', '/somewhere/else'), { modelPath: null });
    expect(resolved.path).toBe(weights);
    expect(resolved.origin).toBe('config-path');
  });

  test('a missing config source.path → ModelError naming the resolved path and the config', async () => {
    const dir = await freshDir('config-missing');
    const error = await modelError(
      resolveModel(configWith({ path: 'gone.onnx' }, '/cfg/model.json', dir), { modelPath: null }),
    );
    expect(error.message).toContain(path.join(dir, 'gone.onnx'));
    expect(error.message).toContain('/cfg/model.json');
    expect(error.message).toContain(EXPORT_HINT);
  });

  test.each<[string, string | null]>([
    ['modelPath null', null],
    ['modelPath empty string', ''],
  ])('no source and no path (%s) → ModelError saying how to supply weights', async (_label, modelPath) => {
    const error = await modelError(resolveModel(configWith(undefined, 'preset "yolov8n-coco"'), { modelPath }));
    expect(error.message).toContain('preset "yolov8n-coco"');
    expect(error.message).toContain('--model');
    expect(error.message).toContain('DATASET_GEN_MODEL');
    expect(error.message).toContain('"source"');
    expect(error.message).toContain('yolo export model=yolov8n.pt format=onnx');
  });

  test('defaultCacheDir honours DATASET_GEN_CACHE, else ~/.cache/dataset-gen', () => {
    const saved = process.env.DATASET_GEN_CACHE;
    try {
      process.env.DATASET_GEN_CACHE = '/tmp/custom-cache';
      expect(defaultCacheDir()).toBe('/tmp/custom-cache');
      delete process.env.DATASET_GEN_CACHE;
      expect(defaultCacheDir()).toBe(path.join(os.homedir(), '.cache', 'dataset-gen'));
    } finally {
      if (saved === undefined) delete process.env.DATASET_GEN_CACHE;
      else process.env.DATASET_GEN_CACHE = saved;
    }
  });
});

const describeHttps = hasOpenssl() ? describe : describe.skip;

describeHttps('downloads from a local HTTPS server', () => {
  let certificate: SelfSignedCertificate;
  let server: TestHttpsServer;
  let pathCounter = 0;

  /** Serves a new random model at a unique path; returns its URL, bytes and digest. */
  function serveModel(size?: number): { url: string; pathname: string; bytes: Buffer; sha: string } {
    pathCounter += 1;
    const pathname = `/models/model-${pathCounter}.onnx`;
    const bytes = fakeModel(size);
    server.setFile(pathname, bytes);
    return { url: server.url(pathname), pathname, bytes, sha: sha256(bytes) };
  }

  function options(cacheDir: string, extra: Partial<ResolveModelOptions> = {}): ResolveModelOptions {
    return { modelPath: null, cacheDir, download: { ca: server.ca }, ...extra };
  }

  beforeAll(async () => {
    certificate = await makeSelfSignedCertificate();
    server = await startHttpsServer({}, certificate);
  });

  afterAll(async () => {
    await server?.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('an explicit URL (--model https://…) wins over the config and is cached like a source.url', async () => {
    const { url, sha } = serveModel();
    const cacheDir = await freshDir('explicit-url-option');
    const resolved = await resolveModel(configWith({ path: 'elsewhere.onnx' }), options(cacheDir, { modelUrl: url, modelSha256: sha }));
    expect(resolved).toMatchObject({ origin: 'download', sha256: sha, url, pinned: true });
    const again = await resolveModel(configWith(), options(cacheDir, { modelUrl: url, modelSha256: sha }));
    expect(again.origin).toBe('cache');
  });

  test('the test server refuses unknown paths with 404 and counts requests', async () => {
    const before = server.requestCount();
    const cacheDir = await freshDir('probe');
    await modelError(resolveModel(configWith({ url: server.url('/nothing-here') }), options(cacheDir)));
    expect(server.requestCount()).toBe(before + 1);
    expect(server.requestCount('/nothing-here')).toBe(1);
  });

  test('beforeDownload runs before a download, and its rejection stops it (no request); a cached model skips it', async () => {
    const { url, pathname, sha } = serveModel();
    const cacheDir = await freshDir('before-download');
    const refused = new Error('the videos did not probe');
    await expect(resolveModel(configWith({ url, sha256: sha }), options(cacheDir, { beforeDownload: () => Promise.reject(refused) }))).rejects.toBe(refused);
    expect(server.requestCount(pathname)).toBe(0);

    const beforeDownload = jest.fn(() => Promise.resolve());
    expect((await resolveModel(configWith({ url, sha256: sha }), options(cacheDir, { beforeDownload }))).origin).toBe('download');
    expect(server.requestCount(pathname)).toBe(1);
    expect(beforeDownload).toHaveBeenCalledTimes(1);
    expect((await resolveModel(configWith({ url, sha256: sha }), options(cacheDir, { beforeDownload }))).origin).toBe('cache');
    expect(beforeDownload).toHaveBeenCalledTimes(1);
  });

  test('a pinned URL with the right sha256 downloads into <sha256>.onnx; the second resolve uses the cache', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await freshDir('pinned');
    const onWarning = jest.fn<(message: string) => void>();

    const first = await resolveModel(configWith({ url, sha256: sha }), options(cacheDir, { onWarning }));
    expect(first).toEqual({
      path: path.join(cacheDir, `${sha}.onnx`),
      sha256: sha,
      origin: 'download',
      url,
      pinned: true,
    } satisfies ResolvedModel);
    expect(await readFile(first.path)).toEqual(bytes);
    expect(await cacheFiles(cacheDir)).toEqual([`${sha}.onnx`]);
    expect(server.requestCount(pathname)).toBe(1);
    expect(onWarning).not.toHaveBeenCalled();

    const second = await resolveModel(configWith({ url, sha256: sha }), options(cacheDir, { onWarning }));
    expect(second).toEqual({ ...first, origin: 'cache' } satisfies ResolvedModel);
    expect(server.requestCount(pathname)).toBe(1);
    expect(onWarning).not.toHaveBeenCalled();
  });

  test('a pinned cache hit needs no network at all (server path removed)', async () => {
    const { url, pathname, sha } = serveModel();
    const cacheDir = await freshDir('pinned-offline');
    await resolveModel(configWith({ url, sha256: sha }), options(cacheDir));
    server.remove(pathname);
    const again = await resolveModel(configWith({ url, sha256: sha }), options(cacheDir));
    expect(again.origin).toBe('cache');
    expect(server.requestCount(pathname)).toBe(1);
  });

  test('a larger model (several MiB, many chunks) arrives byte for byte', async () => {
    const { url, bytes, sha } = serveModel(5 * 1024 * 1024 + 17);
    const cacheDir = await freshDir('large');
    const resolved = await resolveModel(configWith({ url, sha256: sha }), options(cacheDir));
    expect(await sha256File(resolved.path)).toBe(sha);
    expect((await readFile(resolved.path)).equals(bytes)).toBe(true);
  });

  test('a wrong pinned sha256 → ModelError with both digests and nothing left in the cache', async () => {
    const { url, pathname, sha } = serveModel();
    const wrong = 'c'.repeat(64);
    const cacheDir = await freshDir('wrong-pin');
    const error = await modelError(resolveModel(configWith({ url, sha256: wrong }), options(cacheDir)));
    expect(error.message).toContain(sha);
    expect(error.message).toContain(wrong);
    expect(error.message).toContain(url);
    expect(await readdir(cacheDir)).toEqual([]);

    // Nothing was cached: a retry downloads (and fails) again rather than trusting a bad file.
    await modelError(resolveModel(configWith({ url, sha256: wrong }), options(cacheDir)));
    expect(server.requestCount(pathname)).toBe(2);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('an unpinned URL warns with the digest to pin; the second run uses the cache via the url index', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await freshDir('unpinned');
    const warnings: string[] = [];
    const onWarning = (message: string): void => void warnings.push(message);

    const first = await resolveModel(configWith({ url }), options(cacheDir, { onWarning }));
    expect(first).toEqual({
      path: path.join(cacheDir, `${sha}.onnx`),
      sha256: sha,
      origin: 'download',
      url,
      pinned: false,
    } satisfies ResolvedModel);
    expect(await readFile(first.path)).toEqual(bytes);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(url);
    expect(warnings[0]).toContain(`"sha256": "${sha}"`);
    expect(warnings[0]).toContain('not pinned');

    const index = path.join(cacheDir, 'urls', `${sha256Text(url)}.sha256`);
    expect((await readFile(index, 'utf8')).trim()).toBe(sha);
    expect(await cacheFiles(cacheDir)).toEqual([`${sha}.onnx`]);

    const second = await resolveModel(configWith({ url }), options(cacheDir, { onWarning }));
    expect(second).toEqual({ ...first, origin: 'cache' } satisfies ResolvedModel);
    expect(server.requestCount(pathname)).toBe(1);
    expect(warnings).toHaveLength(1);
  });

  test('two URLs serving the same bytes share one cache file', async () => {
    const { url, bytes, sha } = serveModel();
    const mirror = '/mirror/same.onnx';
    server.setFile(mirror, bytes);
    const cacheDir = await freshDir('shared');
    const a = await resolveModel(configWith({ url }), options(cacheDir));
    const b = await resolveModel(configWith({ url: server.url(mirror) }), options(cacheDir));
    expect(a.path).toBe(b.path);
    expect(await cacheFiles(cacheDir)).toEqual([`${sha}.onnx`]);
    expect(await readdir(path.join(cacheDir, 'urls'))).toHaveLength(2);
  });

  test('a url index that cannot be written only warns: the verified download is still used', async () => {
    const { url, sha, bytes } = serveModel();
    const cacheDir = await freshDir('index-unwritable');
    const index = path.join(cacheDir, 'urls', `${sha256Text(url)}.sha256`);
    await mkdir(index, { recursive: true }); // a directory where the index file should go
    const warnings: string[] = [];
    const resolved = await resolveModel(
      configWith({ url, sha256: sha }),
      options(cacheDir, { onWarning: (message) => void warnings.push(message) }),
    );
    expect(resolved.origin).toBe('download');
    expect((await readFile(resolved.path)).equals(bytes)).toBe(true);
    expect(await cacheFiles(cacheDir)).toEqual([`${sha}.onnx`]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(index);
  });

  test('a cache folder that cannot be created → ModelError naming it, before any request', async () => {
    const { url, pathname } = serveModel();
    const notAFolder = path.join(await freshDir('cache-is-file'), 'cache');
    await writeFile(notAFolder, 'a file, not a folder');
    const error = await modelError(resolveModel(configWith({ url }), options(notAFolder)));
    expect(error.message).toContain(notAFolder);
    expect(error.message).toContain('DATASET_GEN_CACHE');
    expect(server.requestCount(pathname)).toBe(0);
  });

  test.each<[string, number]>([
    ['302 Found', 302],
    ['301 Moved Permanently', 301],
    ['307 Temporary Redirect', 307],
    ['308 Permanent Redirect', 308],
  ])('a %s redirect is followed', async (_label, status) => {
    const { pathname, bytes, sha } = serveModel();
    const from = `/redirect-${status}-${pathCounter}`;
    server.setRedirect(from, server.url(pathname), status);
    const cacheDir = await freshDir('redirect');
    const resolved = await resolveModel(configWith({ url: server.url(from), sha256: sha }), options(cacheDir));
    expect(resolved.origin).toBe('download');
    expect(resolved.url).toBe(server.url(from));
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(server.requestCount(from)).toBe(1);
    expect(server.requestCount(pathname)).toBe(1);
  });

  test('a chain of relative redirects is followed', async () => {
    const { pathname, bytes } = serveModel();
    const base = `/chain-${pathCounter}`;
    server.setRedirect(`${base}/a`, 'b'); // relative to /chain-N/a
    server.setRedirect(`${base}/b`, `${base}/c`); // absolute path
    server.setRedirect(`${base}/c`, server.url(pathname)); // absolute URL
    const cacheDir = await freshDir('chain');
    const resolved = await resolveModel(configWith({ url: server.url(`${base}/a`) }), options(cacheDir));
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(server.requestCount(`${base}/b`)).toBe(1);
    expect(server.requestCount(`${base}/c`)).toBe(1);
  });

  test('a redirect loop → ModelError about redirects, no leftovers', async () => {
    const loop = `/loop-${(pathCounter += 1)}`;
    server.setRedirect(loop, loop);
    const cacheDir = await freshDir('loop');
    const error = await modelError(
      resolveModel(configWith({ url: server.url(loop) }), {
        ...options(cacheDir),
        download: { ca: server.ca, maxRedirects: 3 },
      }),
    );
    expect(error.message).toContain('more than 3 redirects');
    expect(server.requestCount(loop)).toBe(4); // the first request and 3 redirects followed
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a redirect to plain http:// is refused', async () => {
    const from = `/to-http-${(pathCounter += 1)}`;
    server.setRedirect(from, 'http://127.0.0.1:9/model.onnx');
    const cacheDir = await freshDir('to-http');
    const error = await modelError(resolveModel(configWith({ url: server.url(from) }), options(cacheDir)));
    expect(error.message).toContain('http://127.0.0.1:9/model.onnx');
    expect(error.message).toContain('https');
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('HTTP 404 → ModelError with the status and URL, nothing in the cache', async () => {
    const missing = server.url(`/missing-${(pathCounter += 1)}.onnx`);
    const cacheDir = await freshDir('404');
    const error = await modelError(resolveModel(configWith({ url: missing, sha256: 'd'.repeat(64) }), options(cacheDir)));
    expect(error.message).toContain('HTTP 404');
    expect(error.message).toContain(missing);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('HTTP 500 → ModelError with the status', async () => {
    const pathname = `/broken-${(pathCounter += 1)}`;
    server.setHandler(pathname, (_request, response) => {
      response.writeHead(500);
      response.end('oops');
    });
    const cacheDir = await freshDir('500');
    const error = await modelError(resolveModel(configWith({ url: server.url(pathname) }), options(cacheDir)));
    expect(error.message).toContain('HTTP 500');
  });

  test('a body cut short by the server → ModelError, no temp file left', async () => {
    const pathname = `/truncated-${(pathCounter += 1)}`;
    server.setHandler(pathname, (_request, response) => {
      response.writeHead(200, { 'content-length': 100000 });
      response.write(fakeModel(1000), () => response.destroy());
    });
    const cacheDir = await freshDir('truncated');
    const error = await modelError(resolveModel(configWith({ url: server.url(pathname) }), options(cacheDir)));
    expect(error.message).toContain(server.url(pathname));
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a server that never answers → ModelError after timeoutMs, no temp file left', async () => {
    const pathname = `/hang-${(pathCounter += 1)}`;
    server.setHandler(pathname, () => undefined);
    const cacheDir = await freshDir('hang');
    const error = await modelError(
      resolveModel(configWith({ url: server.url(pathname) }), {
        ...options(cacheDir),
        download: { ca: server.ca, timeoutMs: 300 },
      }),
    );
    expect(error.message).toContain('300 ms');
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a certificate that is not trusted (no ca given) → ModelError, nothing downloaded', async () => {
    const { url } = serveModel();
    const cacheDir = await freshDir('untrusted');
    const error = await modelError(resolveModel(configWith({ url }), { modelPath: null, cacheDir }));
    expect(error.message).toContain(url);
    expect(error.message).toMatch(/certificate/i);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a tampered pinned cache file is downloaded again, with a warning', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await freshDir('tampered-pinned');
    await resolveModel(configWith({ url, sha256: sha }), options(cacheDir));
    const cached = path.join(cacheDir, `${sha}.onnx`);
    const tampered = Buffer.from(bytes);
    tampered[10] = (tampered[10] ?? 0) ^ 0xff;
    await writeFile(cached, tampered);

    const warnings: string[] = [];
    const resolved = await resolveModel(
      configWith({ url, sha256: sha }),
      options(cacheDir, { onWarning: (message) => void warnings.push(message) }),
    );
    expect(resolved.origin).toBe('download');
    expect(resolved.path).toBe(cached);
    expect(await readFile(cached)).toEqual(bytes);
    expect(server.requestCount(pathname)).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(cached);
    expect(warnings[0]).toContain('does not match');
    expect(await cacheFiles(cacheDir)).toEqual([`${sha}.onnx`]);

    // And it is a clean cache hit afterwards.
    expect((await resolveModel(configWith({ url, sha256: sha }), options(cacheDir))).origin).toBe('cache');
    expect(server.requestCount(pathname)).toBe(2);
  });

  test('a tampered unpinned cache file (found via the url index) is downloaded again, with a warning', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await freshDir('tampered-unpinned');
    await resolveModel(configWith({ url }), options(cacheDir));
    const cached = path.join(cacheDir, `${sha}.onnx`);
    await writeFile(cached, fakeModel(bytes.length));

    const warnings: string[] = [];
    const resolved = await resolveModel(
      configWith({ url }),
      options(cacheDir, { onWarning: (message) => void warnings.push(message) }),
    );
    expect(resolved.origin).toBe('download');
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(server.requestCount(pathname)).toBe(2);
    expect(warnings.some((w) => w.includes('does not match') && w.includes(cached))).toBe(true);
  });

  test('an empty cached file counts as missing and is downloaded again', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await freshDir('empty-cache');
    await writeFile(path.join(cacheDir, `${sha}.onnx`), Buffer.alloc(0));
    const resolved = await resolveModel(configWith({ url, sha256: sha }), options(cacheDir));
    expect(resolved.origin).toBe('download');
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(server.requestCount(pathname)).toBe(1);
  });

  test('a url index pointing at a deleted cache file leads to a fresh download', async () => {
    const { url, pathname, sha } = serveModel();
    const cacheDir = await freshDir('index-stale');
    await resolveModel(configWith({ url }), options(cacheDir));
    await rm(path.join(cacheDir, `${sha}.onnx`));
    const resolved = await resolveModel(configWith({ url }), options(cacheDir));
    expect(resolved.origin).toBe('download');
    expect(server.requestCount(pathname)).toBe(2);
  });

  test('a url index holding garbage is ignored, not trusted as a path', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await freshDir('index-garbage');
    await mkdir(path.join(cacheDir, 'urls'), { recursive: true });
    // Points outside the cache at a real, non-empty file.
    const outside = path.join(root, 'outside.onnx');
    await writeFile(outside, fakeModel());
    await writeFile(path.join(cacheDir, 'urls', `${sha256Text(url)}.sha256`), `../outside\n`);
    const resolved = await resolveModel(configWith({ url }), options(cacheDir));
    expect(resolved.origin).toBe('download');
    expect(resolved.path).toBe(path.join(cacheDir, `${sha}.onnx`));
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(server.requestCount(pathname)).toBe(1);
  });

  test('the cache folder is created when missing (nested)', async () => {
    const { url, sha } = serveModel();
    const cacheDir = path.join(await freshDir('nested'), 'a', 'b', 'cache');
    const resolved = await resolveModel(configWith({ url, sha256: sha }), options(cacheDir));
    expect(resolved.path).toBe(path.join(cacheDir, `${sha}.onnx`));
  });

  test('without cacheDir the DATASET_GEN_CACHE folder is used', async () => {
    const { url, sha } = serveModel();
    const cacheDir = await freshDir('env-cache');
    const saved = process.env.DATASET_GEN_CACHE;
    process.env.DATASET_GEN_CACHE = cacheDir;
    try {
      const resolved = await resolveModel(configWith({ url, sha256: sha }), {
        modelPath: null,
        download: { ca: server.ca },
      });
      expect(resolved.path).toBe(path.join(cacheDir, `${sha}.onnx`));
    } finally {
      if (saved === undefined) delete process.env.DATASET_GEN_CACHE;
      else process.env.DATASET_GEN_CACHE = saved;
    }
  });

  test('downloadModel refuses a non-https URL before any request', async () => {
    const cacheDir = await freshDir('download-http');
    const before = server.requestCount();
    const error = await modelError(downloadModel(`http://127.0.0.1:9/x.onnx`, cacheDir, undefined, {}));
    expect(error.message).toContain('not https');
    expect(server.requestCount()).toBe(before);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('concurrent resolves of the same URL both end with the verified file', async () => {
    const { url, bytes, sha } = serveModel(256 * 1024);
    const cacheDir = await freshDir('concurrent');
    const [a, b] = await Promise.all([
      resolveModel(configWith({ url, sha256: sha }), options(cacheDir)),
      resolveModel(configWith({ url, sha256: sha }), options(cacheDir)),
    ]);
    expect(a.path).toBe(b.path);
    expect((await readFile(a.path)).equals(bytes)).toBe(true);
    expect(await cacheFiles(cacheDir)).toEqual([`${sha}.onnx`]);
  });

  test('the certificate helper makes a PEM certificate and key', () => {
    expect(certificate.cert).toContain('-----BEGIN CERTIFICATE-----');
    expect(certificate.key).toMatch(/-----BEGIN (RSA )?PRIVATE KEY-----/);
  });
});
