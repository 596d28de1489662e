/** The download itself (download.ts through resolveModel): redirects, HTTP errors, cut and hanging bodies, TLS trust, against a local HTTPS server. */
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';

import { downloadModel } from '../../../src/model/download.js';
import { resolveModel, type ResolveModelOptions } from '../../../src/model/resolve-model.js';
import { hasOpenssl, type TestHttpsServer } from '../../support/https-server.js';
import { configWith, fakeModel, modelError, startModelServer, tempFolders, type ModelServer, type TempFolders } from '../../support/model-files.js';

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

  test('HTTP 404 is not retried', async () => {
    const missing = models.uniquePath('/missing-no-retry');
    const cacheDir = await folders.fresh('404-no-retry');
    const retries: string[] = [];
    const error = await modelError(downloadModel(server.url(missing), cacheDir, undefined, { ca: server.ca, backoffMs: 10, onRetry: (m) => retries.push(m) }));
    expect(error.message).toContain('HTTP 404');
    expect(server.requestCount(missing)).toBe(1);
    expect(retries).toEqual([]);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('HTTP 500 every time: retried a bounded number of times with growing waits, then ModelError with the status', async () => {
    const pathname = models.uniquePath('/broken');
    server.setHandler(pathname, (_request, response) => {
      response.writeHead(500);
      response.end('oops');
    });
    const cacheDir = await folders.fresh('500');
    const retries: string[] = [];
    const started = Date.now();
    const error = await modelError(
      downloadModel(server.url(pathname), cacheDir, undefined, { ca: server.ca, retries: 2, backoffMs: 100, onRetry: (m) => retries.push(m) }),
    );
    expect(error.message).toMatch(/failed after 3 attempts: HTTP 500; check the URL and the network$/);
    expect(server.requestCount(pathname)).toBe(3);
    expect(retries).toEqual([
      expect.stringMatching(/failed \(HTTP 500\); retry 1 of 2 in 0\.1 s$/),
      expect.stringMatching(/failed \(HTTP 500\); retry 2 of 2 in 0\.2 s$/),
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('HTTP 503 then 200: one retry, logged, and the file is downloaded', async () => {
    const { pathname, bytes, sha } = serveModel();
    const flaky = models.uniquePath('/flaky-503');
    let calls = 0;
    server.setHandler(flaky, (_request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(503, { 'retry-after': '0' });
        response.end('busy');
      } else {
        response.writeHead(302, { location: server.url(pathname) });
        response.end();
      }
    });
    const cacheDir = await folders.fresh('503-then-200');
    const retries: string[] = [];
    const result = await downloadModel(server.url(flaky), cacheDir, sha, { ca: server.ca, backoffMs: 10, onRetry: (m) => retries.push(m) });
    expect(await readFile(result.path)).toEqual(bytes);
    expect(server.requestCount(flaky)).toBe(2);
    expect(retries).toEqual([expect.stringMatching(/^Model download https:\/\/127\.0\.0\.1:\d+\/flaky-503\S* failed \(HTTP 503\); retry 1 of 3 in 0\.01 s$/)]);
    expect(await readdir(cacheDir)).toEqual([`${sha}.onnx`]);
  });

  test('a connection reset mid-body, then a good answer: retried, no partial file kept', async () => {
    const body = fakeModel(50000);
    const reset = models.uniquePath('/reset');
    let calls = 0;
    server.setHandler(reset, (request, response) => {
      calls += 1;
      response.writeHead(200, { 'content-length': body.length });
      if (calls === 1) response.write(body.subarray(0, 1000), () => request.socket.destroy());
      else response.end(body);
    });
    const cacheDir = await folders.fresh('reset');
    const retries: string[] = [];
    const result = await downloadModel(server.url(reset), cacheDir, undefined, { ca: server.ca, backoffMs: 10, onRetry: (m) => retries.push(m) });
    expect(await readFile(result.path)).toEqual(body);
    expect(calls).toBe(2);
    expect(retries).toHaveLength(1);
    expect(await readdir(cacheDir)).toEqual([`${result.sha256}.onnx`]);
  });

  test('a body cut short by the server every time → ModelError, no temp file left', async () => {
    const pathname = models.uniquePath('/truncated');
    server.setHandler(pathname, (_request, response) => {
      response.writeHead(200, { 'content-length': 100000 });
      response.write(fakeModel(1000), () => response.destroy());
    });
    const cacheDir = await folders.fresh('truncated');
    const error = await modelError(downloadModel(server.url(pathname), cacheDir, undefined, { ca: server.ca, backoffMs: 10 }));
    expect(error.message).toContain(server.url(pathname));
    expect(server.requestCount(pathname)).toBe(4);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a server that never answers → ModelError naming the stall and its option, no temp file left', async () => {
    const pathname = models.uniquePath('/hang');
    server.setHandler(pathname, () => undefined);
    const cacheDir = await folders.fresh('hang');
    const error = await modelError(
      resolveModel(configWith(folders.root, { url: server.url(pathname) }), {
        ...options(cacheDir),
        download: { ca: server.ca, stallTimeoutMs: 300, retries: 0 },
      }),
    );
    expect(error.message).toMatch(/failed after 1 attempts: no data for 0\.3 s \(stalled; --stall-timeout sets the limit\)/);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a transfer that stalls mid-body → retried, then ModelError; no partial file left', async () => {
    const pathname = models.uniquePath('/stall-body');
    server.setHandler(pathname, (_request, response) => {
      response.writeHead(200, { 'content-length': 100000 });
      response.write(fakeModel(2000)); // then nothing, the connection kept open
    });
    const cacheDir = await folders.fresh('stall-body');
    const retries: string[] = [];
    const started = Date.now();
    const error = await modelError(
      downloadModel(server.url(pathname), cacheDir, undefined, {
        ca: server.ca,
        stallTimeoutMs: 300,
        retries: 1,
        backoffMs: 10,
        onRetry: (m) => retries.push(m),
        timeoutNames: { stall: 'input "stall-timeout"', deadline: 'input "download-timeout"' },
      }),
    );
    expect(error.message).toMatch(/failed after 2 attempts: no data for 0\.3 s \(stalled; input "stall-timeout" sets the limit\)/);
    expect(retries).toEqual([expect.stringMatching(/no data for 0\.3 s.*retry 1 of 1/)]);
    expect(server.requestCount(pathname)).toBe(2);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a transfer that trickles past the overall deadline → ModelError naming download-timeout, not retried', async () => {
    const pathname = models.uniquePath('/trickle');
    server.setHandler(pathname, (_request, response) => {
      response.writeHead(200, { 'content-length': 100000 });
      const timer = setInterval(() => response.write(Buffer.alloc(10)), 50);
      response.on('close', () => clearInterval(timer));
    });
    const cacheDir = await folders.fresh('trickle');
    const retries: string[] = [];
    const started = Date.now();
    const error = await modelError(
      downloadModel(server.url(pathname), cacheDir, undefined, { ca: server.ca, deadlineMs: 600, stallTimeoutMs: 300, onRetry: (m) => retries.push(m) }),
    );
    expect(error.message).toMatch(/did not finish within 0\.6 s \(--download-timeout\); check the network, or raise --download-timeout$/);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(retries).toEqual([]);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a file larger than the cap (Content-Length) is refused before its body is read, not retried', async () => {
    const { pathname } = serveModel(5000);
    const cacheDir = await folders.fresh('oversize');
    const error = await modelError(downloadModel(server.url(pathname), cacheDir, undefined, { ca: server.ca, maxBytes: 4096, backoffMs: 10 }));
    expect(error.message).toMatch(/refused: 5000 bytes is more than the 4096-byte limit for a model file$/);
    expect(server.requestCount(pathname)).toBe(1);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  test('a body that grows past the cap without a Content-Length is cut off; no partial file left', async () => {
    const pathname = models.uniquePath('/chunked-oversize');
    server.setHandler(pathname, (_request, response) => {
      response.writeHead(200); // chunked: no length announced
      const timer = setInterval(() => response.write(Buffer.alloc(1024)), 5);
      response.on('close', () => clearInterval(timer));
    });
    const cacheDir = await folders.fresh('chunked-oversize');
    const error = await modelError(downloadModel(server.url(pathname), cacheDir, undefined, { ca: server.ca, maxBytes: 8192, backoffMs: 10 }));
    expect(error.message).toMatch(/refused: more than the 8192-byte limit for a model file$/);
    expect(server.requestCount(pathname)).toBe(1);
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
