/**
 * A local HTTPS server for tests: a self-signed certificate for 127.0.0.1 is made at test time with
 * the system `openssl`, and the server answers from an in-memory table of files and redirects (404 for
 * anything else). It counts requests so a test can tell a cache hit from a download. Nothing leaves
 * the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const OPENSSL = process.env['OPENSSL_PATH'] ?? 'openssl';

export interface SelfSignedCertificate {
  /** PEM certificate; pass it as the client's `ca`. */
  cert: string;
  /** PEM private key. */
  key: string;
}

/** Whether the `openssl` command can be run. */
export function hasOpenssl(): boolean {
  try {
    execFileSync(OPENSSL, ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A fresh self-signed certificate (RSA 2048, one day) for CN and subjectAltName IP 127.0.0.1. */
export async function makeSelfSignedCertificate(): Promise<SelfSignedCertificate> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      OPENSSL,
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-days',
        '1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface TestHttpsServer {
  /** `https://127.0.0.1:<port>` with no trailing slash. */
  readonly origin: string;
  /** The certificate to trust (PEM). */
  readonly ca: string;
  /** Full URL for a path such as `/model.onnx`. */
  url(pathname: string): string;
  /** Serves `body` with 200 at `pathname` (replacing whatever was there). */
  setFile(pathname: string, body: Buffer): void;
  /** Answers `pathname` with `status` (302 by default) and a Location header of `location`. */
  setRedirect(pathname: string, location: string, status?: number): void;
  /** Answers `pathname` with a custom handler (e.g. one that never answers, or cuts the body short). */
  setHandler(pathname: string, handler: RequestHandler): void;
  /** Makes `pathname` answer 404 again. */
  remove(pathname: string): void;
  /** Requests received so far, in order (`pathname` as requested). */
  readonly requests: readonly string[];
  /** How many requests were made for `pathname`, or for anything when omitted. */
  requestCount(pathname?: string): number;
  close(): Promise<void>;
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

type Route = { kind: 'file'; body: Buffer } | { kind: 'redirect'; location: string; status: number } | { kind: 'handler'; handler: RequestHandler };

/** Starts a server on 127.0.0.1 at a free port with `files` (pathname → bytes). */
export async function startHttpsServer(files: Readonly<Record<string, Buffer>> = {}, certificate?: SelfSignedCertificate): Promise<TestHttpsServer> {
  const { cert, key } = certificate ?? (await makeSelfSignedCertificate());
  const routes = new Map<string, Route>(Object.entries(files).map(([p, body]) => [p, { kind: 'file', body }]));
  const requests: string[] = [];

  const server = https.createServer({ cert, key }, (request, response) => {
    const pathname = new URL(request.url ?? '/', 'https://127.0.0.1').pathname;
    requests.push(pathname);
    const route = routes.get(pathname);
    if (route?.kind === 'file') {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': route.body.length });
      response.end(route.body);
    } else if (route?.kind === 'handler') {
      route.handler(request, response);
    } else if (route?.kind === 'redirect') {
      response.writeHead(route.status, { location: route.location });
      response.end();
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found\n');
    }
  });

  // Never close an idle keep-alive socket first: the client's pooled socket could be reused at the
  // very moment the server drops it (ECONNRESET). close() ends every connection anyway.
  server.keepAliveTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `https://127.0.0.1:${port}`;

  return {
    origin,
    ca: cert,
    url: (pathname) => `${origin}${pathname.startsWith('/') ? '' : '/'}${pathname}`,
    setFile: (pathname, body) => void routes.set(pathname, { kind: 'file', body }),
    setRedirect: (pathname, location, status = 302) => void routes.set(pathname, { kind: 'redirect', location, status }),
    setHandler: (pathname, handler) => void routes.set(pathname, { kind: 'handler', handler }),
    remove: (pathname) => void routes.delete(pathname),
    requests,
    requestCount: (pathname) => (pathname === undefined ? requests.length : requests.filter((p) => p === pathname).length),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from the client's agent would hold close() open; drop them.
        server.closeAllConnections();
      }),
  };
}
