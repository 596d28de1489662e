/** Model weights from an https:// URL: pinned and unpinned, the cache and its url index, against a local HTTPS server. */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';

import { resolveModel, type ResolvedModel, type ResolveModelOptions } from '../../../src/model/resolve-model.js';
import { sha256File, sha256Text } from '../../../src/model/sha256.js';
import { withEnv } from '../../support/env.js';
import { hasOpenssl, type TestHttpsServer } from '../../support/https-server.js';
import { cacheFiles, configWith, fakeModel, modelError, startModelServer, tempFolders, type ModelServer, type TempFolders } from '../../support/model-files.js';

let folders: TempFolders;

beforeAll(async () => {
  folders = await tempFolders('dataset-gen-resolve-url-');
});

afterAll(async () => {
  await folders.remove();
});

const describeHttps = hasOpenssl() ? describe : describe.skip;

describeHttps('models from https:// URLs and the cache', () => {
  let models: ModelServer;
  let server: TestHttpsServer;
  const serveModel = (size?: number) => models.serveModel(size);
  const options = (cacheDir: string, extra?: Partial<ResolveModelOptions>) => models.options(cacheDir, extra);

  beforeAll(async () => {
    models = await startModelServer();
    server = models.server;
  });

  afterAll(async () => {
    await server?.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('an explicit URL (--model https://…) wins over the config and is cached like a source.url', async () => {
    const { url, sha } = serveModel();
    const cacheDir = await folders.fresh('explicit-url-option');
    const resolved = await resolveModel(configWith(folders.root, { path: 'elsewhere.onnx' }), options(cacheDir, { modelUrl: url, modelSha256: sha }));
    expect(resolved).toMatchObject({ origin: 'download', sha256: sha, url, pinned: true });
    const again = await resolveModel(configWith(folders.root), options(cacheDir, { modelUrl: url, modelSha256: sha }));
    expect(again.origin).toBe('cache');
  });

  test('the test server refuses unknown paths with 404 and counts requests', async () => {
    const before = server.requestCount();
    const cacheDir = await folders.fresh('probe');
    await modelError(resolveModel(configWith(folders.root, { url: server.url('/nothing-here') }), options(cacheDir)));
    expect(server.requestCount()).toBe(before + 1);
    expect(server.requestCount('/nothing-here')).toBe(1);
  });

  test('beforeDownload runs before a download, and its rejection stops it (no request); a cached model skips it', async () => {
    const { url, pathname, sha } = serveModel();
    const cacheDir = await folders.fresh('before-download');
    const refused = new Error('the videos did not probe');
    await expect(
      resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir, { beforeDownload: () => Promise.reject(refused) })),
    ).rejects.toBe(refused);
    expect(server.requestCount(pathname)).toBe(0);

    const beforeDownload = jest.fn(() => Promise.resolve());
    expect((await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir, { beforeDownload }))).origin).toBe('download');
    expect(server.requestCount(pathname)).toBe(1);
    expect(beforeDownload).toHaveBeenCalledTimes(1);
    expect((await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir, { beforeDownload }))).origin).toBe('cache');
    expect(beforeDownload).toHaveBeenCalledTimes(1);
  });

  test('a pinned URL with the right sha256 downloads into <sha256>.onnx; the second resolve uses the cache', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await folders.fresh('pinned');
    const onWarning = jest.fn<(message: string) => void>();

    const first = await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir, { onWarning }));
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

    const second = await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir, { onWarning }));
    expect(second).toEqual({ ...first, origin: 'cache' } satisfies ResolvedModel);
    expect(server.requestCount(pathname)).toBe(1);
    expect(onWarning).not.toHaveBeenCalled();
  });

  test('a pinned cache hit needs no network at all (server path removed)', async () => {
    const { url, pathname, sha } = serveModel();
    const cacheDir = await folders.fresh('pinned-offline');
    await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir));
    server.remove(pathname);
    const again = await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir));
    expect(again.origin).toBe('cache');
    expect(server.requestCount(pathname)).toBe(1);
  });

  test('a larger model (several MiB, many chunks) arrives byte for byte', async () => {
    const { url, bytes, sha } = serveModel(5 * 1024 * 1024 + 17);
    const cacheDir = await folders.fresh('large');
    const resolved = await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir));
    expect(await sha256File(resolved.path)).toBe(sha);
    expect((await readFile(resolved.path)).equals(bytes)).toBe(true);
  });

  test('a wrong pinned sha256 → ModelError with both digests and nothing left in the cache', async () => {
    const { url, pathname, sha } = serveModel();
    const wrong = 'c'.repeat(64);
    const cacheDir = await folders.fresh('wrong-pin');
    const error = await modelError(resolveModel(configWith(folders.root, { url, sha256: wrong }), options(cacheDir)));
    expect(error.message).toContain(sha);
    expect(error.message).toContain(wrong);
    expect(error.message).toContain(url);
    expect(await readdir(cacheDir)).toEqual([]);

    // Nothing was cached: a retry downloads (and fails) again rather than trusting a bad file.
    await modelError(resolveModel(configWith(folders.root, { url, sha256: wrong }), options(cacheDir)));
    expect(server.requestCount(pathname)).toBe(2);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('an unpinned URL warns with the digest to pin; the second run uses the cache via the url index', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await folders.fresh('unpinned');
    const warnings: string[] = [];
    const onWarning = (message: string): void => void warnings.push(message);

    const first = await resolveModel(configWith(folders.root, { url }), options(cacheDir, { onWarning }));
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

    const second = await resolveModel(configWith(folders.root, { url }), options(cacheDir, { onWarning }));
    expect(second).toEqual({ ...first, origin: 'cache' } satisfies ResolvedModel);
    expect(server.requestCount(pathname)).toBe(1);
    expect(warnings).toHaveLength(1);
  });

  test('two URLs serving the same bytes share one cache file', async () => {
    const { url, bytes, sha } = serveModel();
    const mirror = '/mirror/same.onnx';
    server.setFile(mirror, bytes);
    const cacheDir = await folders.fresh('shared');
    const a = await resolveModel(configWith(folders.root, { url }), options(cacheDir));
    const b = await resolveModel(configWith(folders.root, { url: server.url(mirror) }), options(cacheDir));
    expect(a.path).toBe(b.path);
    expect(await cacheFiles(cacheDir)).toEqual([`${sha}.onnx`]);
    expect(await readdir(path.join(cacheDir, 'urls'))).toHaveLength(2);
  });

  test('a url index that cannot be written only warns: the verified download is still used', async () => {
    const { url, sha, bytes } = serveModel();
    const cacheDir = await folders.fresh('index-unwritable');
    const index = path.join(cacheDir, 'urls', `${sha256Text(url)}.sha256`);
    await mkdir(index, { recursive: true }); // a directory where the index file should go
    const warnings: string[] = [];
    const resolved = await resolveModel(
      configWith(folders.root, { url, sha256: sha }),
      options(cacheDir, { onWarning: (message) => void warnings.push(message) }),
    );
    expect(resolved.origin).toBe('download');
    expect((await readFile(resolved.path)).equals(bytes)).toBe(true);
    expect(await cacheFiles(cacheDir)).toEqual([`${sha}.onnx`]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(index);
  });

  test('a tampered pinned cache file is downloaded again, with a warning', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await folders.fresh('tampered-pinned');
    await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir));
    const cached = path.join(cacheDir, `${sha}.onnx`);
    const tampered = Buffer.from(bytes);
    tampered[10] = (tampered[10] ?? 0) ^ 0xff;
    await writeFile(cached, tampered);

    const warnings: string[] = [];
    const resolved = await resolveModel(
      configWith(folders.root, { url, sha256: sha }),
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
    expect((await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir))).origin).toBe('cache');
    expect(server.requestCount(pathname)).toBe(2);
  });

  test('a tampered unpinned cache file (found via the url index) is downloaded again, with a warning', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await folders.fresh('tampered-unpinned');
    await resolveModel(configWith(folders.root, { url }), options(cacheDir));
    const cached = path.join(cacheDir, `${sha}.onnx`);
    await writeFile(cached, fakeModel(bytes.length));

    const warnings: string[] = [];
    const resolved = await resolveModel(configWith(folders.root, { url }), options(cacheDir, { onWarning: (message) => void warnings.push(message) }));
    expect(resolved.origin).toBe('download');
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(server.requestCount(pathname)).toBe(2);
    expect(warnings.some((w) => w.includes('does not match') && w.includes(cached))).toBe(true);
  });

  test('an empty cached file counts as missing and is downloaded again', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await folders.fresh('empty-cache');
    await writeFile(path.join(cacheDir, `${sha}.onnx`), Buffer.alloc(0));
    const resolved = await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir));
    expect(resolved.origin).toBe('download');
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(server.requestCount(pathname)).toBe(1);
  });

  test('a url index pointing at a deleted cache file leads to a fresh download', async () => {
    const { url, pathname, sha } = serveModel();
    const cacheDir = await folders.fresh('index-stale');
    await resolveModel(configWith(folders.root, { url }), options(cacheDir));
    await rm(path.join(cacheDir, `${sha}.onnx`));
    const resolved = await resolveModel(configWith(folders.root, { url }), options(cacheDir));
    expect(resolved.origin).toBe('download');
    expect(server.requestCount(pathname)).toBe(2);
  });

  test('the cache folder is created when missing (nested)', async () => {
    const { url, sha } = serveModel();
    const cacheDir = path.join(await folders.fresh('nested'), 'a', 'b', 'cache');
    const resolved = await resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir));
    expect(resolved.path).toBe(path.join(cacheDir, `${sha}.onnx`));
  });

  test('without cacheDir the DATASET_GEN_CACHE folder is used', async () => {
    const { url, sha } = serveModel();
    const cacheDir = await folders.fresh('env-cache');
    await withEnv({ DATASET_GEN_CACHE: cacheDir }, async () => {
      const resolved = await resolveModel(configWith(folders.root, { url, sha256: sha }), {
        modelPath: null,
        download: { ca: server.ca },
      });
      expect(resolved.path).toBe(path.join(cacheDir, `${sha}.onnx`));
    });
  });

  test('concurrent resolves of the same URL both end with the verified file', async () => {
    const { url, bytes, sha } = serveModel(256 * 1024);
    const cacheDir = await folders.fresh('concurrent');
    const [a, b] = await Promise.all([
      resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir)),
      resolveModel(configWith(folders.root, { url, sha256: sha }), options(cacheDir)),
    ]);
    expect(a.path).toBe(b.path);
    expect((await readFile(a.path)).equals(bytes)).toBe(true);
    expect(await cacheFiles(cacheDir)).toEqual([`${sha}.onnx`]);
  });

  test('a cache folder that cannot be created → ModelError naming it, before any request', async () => {
    const { url, pathname } = serveModel();
    const notAFolder = path.join(await folders.fresh('cache-is-file'), 'cache');
    await writeFile(notAFolder, 'a file, not a folder');
    const error = await modelError(resolveModel(configWith(folders.root, { url }), options(notAFolder)));
    expect(error.message).toContain(notAFolder);
    expect(error.message).toContain('DATASET_GEN_CACHE');
    expect(server.requestCount(pathname)).toBe(0);
  });

  test('a url index holding garbage is ignored, not trusted as a path', async () => {
    const { url, pathname, bytes, sha } = serveModel();
    const cacheDir = await folders.fresh('index-garbage');
    await mkdir(path.join(cacheDir, 'urls'), { recursive: true });
    // Points outside the cache at a real, non-empty file.
    const outside = path.join(folders.root, 'outside.onnx');
    await writeFile(outside, fakeModel());
    await writeFile(path.join(cacheDir, 'urls', `${sha256Text(url)}.sha256`), `../outside\n`);
    const resolved = await resolveModel(configWith(folders.root, { url }), options(cacheDir));
    expect(resolved.origin).toBe('download');
    expect(resolved.path).toBe(path.join(cacheDir, `${sha}.onnx`));
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(server.requestCount(pathname)).toBe(1);
  });
});
