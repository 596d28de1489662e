/** The download itself (download.ts through resolveModel): redirects, HTTP errors, cut and hanging bodies, TLS trust, against a local HTTPS server. */
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { downloadModel } from '../../src/model/download.js';
import { resolveModel, type ResolveModelOptions } from '../../src/model/resolve.js';
import { hasOpenssl, type TestHttpsServer } from '../support/https-server.js';
import { configWith, fakeModel, modelError, startModelServer, tempFolders, type ModelServer, type TempFolders } from '../support/model-files.js';

let folders: TempFolders;

beforeAll(async () => {
  folders = await tempFolders('dataset-gen-download-');
});

afterAll(async () => {
  await folders.remove();
});

const describeHttps = hasOpenssl() ? describe : describe.skip;

describeHttps('downloads from a local HTTPS server', () => {
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


  test.each<[string, number]>([
    ['302 Found', 302],
    ['301 Moved Permanently', 301],
    ['307 Temporary Redirect', 307],
    ['308 Permanent Redirect', 308],
  ])('a %s redirect is followed', async (_label, status) => {
    const { pathname, bytes, sha } = serveModel();
    const from = models.uniquePath(`/redirect-${status}`);
    server.setRedirect(from, server.url(pathname), status);
    const cacheDir = await folders.fresh('redirect');
    const resolved = await resolveModel(configWith(folders.root, { url: server.url(from), sha256: sha }), options(cacheDir));
    expect(resolved.origin).toBe('download');
    expect(resolved.url).toBe(server.url(from));
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(server.requestCount(from)).toBe(1);
    expect(server.requestCount(pathname)).toBe(1);
  });

  test('a chain of relative redirects is followed', async () => {
    const { pathname, bytes } = serveModel();
    const base = models.uniquePath('/chain');
    server.setRedirect(`${base}/a`, 'b'); // relative to /chain-N/a
    server.setRedirect(`${base}/b`, `${base}/c`); // absolute path
    server.setRedirect(`${base}/c`, server.url(pathname)); // absolute URL
    const cacheDir = await folders.fresh('chain');
    const resolved = await resolveModel(configWith(folders.root, { url: server.url(`${base}/a`) }), options(cacheDir));
    expect(await readFile(resolved.path)).toEqual(bytes);
    expect(server.requestCount(`${base}/b`)).toBe(1);
    expect(server.requestCount(`${base}/c`)).toBe(1);
  });

  test('a redirect loop → ModelError about redirects, no leftovers', async () => {
    const loop = models.uniquePath('/loop');
    server.setRedirect(loop, loop);
    const cacheDir = await folders.fresh('loop');
    const error = await modelError(
      resolveModel(configWith(folders.root, { url: server.url(loop) }), {
        ...options(cacheDir),
        download: { ca: server.ca, maxRedirects: 3 },
      }),
    );
    expect(error.message).toContain('more than 3 redirects');
    expect(server.requestCount(loop)).toBe(4); // the first request and 3 redirects followed
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a redirect to plain http:// is refused', async () => {
    const from = models.uniquePath('/to-http');
    server.setRedirect(from, 'http://127.0.0.1:9/model.onnx');
    const cacheDir = await folders.fresh('to-http');
    const error = await modelError(resolveModel(configWith(folders.root, { url: server.url(from) }), options(cacheDir)));
    expect(error.message).toContain('http://127.0.0.1:9/model.onnx');
    expect(error.message).toContain('https');
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('HTTP 404 → ModelError with the status and URL, nothing in the cache', async () => {
    const missing = server.url(`${models.uniquePath('/missing')}.onnx`);
    const cacheDir = await folders.fresh('404');
    const error = await modelError(resolveModel(configWith(folders.root, { url: missing, sha256: 'd'.repeat(64) }), options(cacheDir)));
    expect(error.message).toContain('HTTP 404');
    expect(error.message).toContain(missing);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('HTTP 500 → ModelError with the status', async () => {
    const pathname = models.uniquePath('/broken');
    server.setHandler(pathname, (_request, response) => {
      response.writeHead(500);
      response.end('oops');
    });
    const cacheDir = await folders.fresh('500');
    const error = await modelError(resolveModel(configWith(folders.root, { url: server.url(pathname) }), options(cacheDir)));
    expect(error.message).toContain('HTTP 500');
  });

  test('a body cut short by the server → ModelError, no temp file left', async () => {
    const pathname = models.uniquePath('/truncated');
    server.setHandler(pathname, (_request, response) => {
      response.writeHead(200, { 'content-length': 100000 });
      response.write(fakeModel(1000), () => response.destroy());
    });
    const cacheDir = await folders.fresh('truncated');
    const error = await modelError(resolveModel(configWith(folders.root, { url: server.url(pathname) }), options(cacheDir)));
    expect(error.message).toContain(server.url(pathname));
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a server that never answers → ModelError after timeoutMs, no temp file left', async () => {
    const pathname = models.uniquePath('/hang');
    server.setHandler(pathname, () => undefined);
    const cacheDir = await folders.fresh('hang');
    const error = await modelError(
      resolveModel(configWith(folders.root, { url: server.url(pathname) }), {
        ...options(cacheDir),
        download: { ca: server.ca, timeoutMs: 300 },
      }),
    );
    expect(error.message).toContain('300 ms');
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a certificate that is not trusted (no ca given) → ModelError, nothing downloaded', async () => {
    const { url } = serveModel();
    const cacheDir = await folders.fresh('untrusted');
    const error = await modelError(resolveModel(configWith(folders.root, { url }), { modelPath: null, cacheDir }));
    expect(error.message).toContain(url);
    expect(error.message).toMatch(/certificate/i);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('downloadModel refuses a non-https URL before any request', async () => {
    const cacheDir = await folders.fresh('download-http');
    const before = server.requestCount();
    const error = await modelError(downloadModel(`http://127.0.0.1:9/x.onnx`, cacheDir, undefined, {}));
    expect(error.message).toContain('not https');
    expect(server.requestCount()).toBe(before);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('the certificate helper makes a PEM certificate and key', () => {
    expect(models.certificate.cert).toContain('-----BEGIN CERTIFICATE-----');
    expect(models.certificate.key).toMatch(/-----BEGIN (RSA )?PRIVATE KEY-----/);
  });
});
