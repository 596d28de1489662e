/**
 * A minimal Twirp (JSON only) server: POST /twirp/<package.Service>/<Method> with a JSON object body,
 * answered with a JSON object or a Twirp error `{ code, msg }` with the matching HTTP status. Every
 * call needs `Authorization: Bearer <token>` with the token the stand-in issued. Each call is logged.
 * Listens on 127.0.0.1 on a free port.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type JsonObject = Record<string, unknown>;

export type TwirpCode =
  | 'bad_route'
  | 'malformed'
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'already_exists'
  | 'failed_precondition'
  | 'internal';

const STATUS: Record<TwirpCode, number> = {
  bad_route: 404,
  malformed: 400,
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500,
};

export class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string,
  ) {
    super(message);
    this.name = 'TwirpError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export type TwirpHandler = (request: JsonObject) => JsonObject | Promise<JsonObject>;

export interface TwirpService {
  /** Fully qualified, e.g. github.actions.results.api.v1.CacheService. */
  readonly name: string;
  readonly methods: Readonly<Record<string, TwirpHandler>>;
}

export interface TwirpCall {
  readonly at: Date;
  readonly service: string;
  readonly method: string;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly request: unknown;
  readonly status: number;
  readonly response: JsonObject;
}

export interface TwirpServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES ? reject(new TwirpError('malformed', 'request body too large')) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function parseObject(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TwirpError('malformed', 'the request body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TwirpError('malformed', 'the request body is not a JSON object');
  }
  return value as JsonObject;
}

export async function startTwirpServer(options: { services: readonly TwirpService[]; token: string; log: TwirpCall[] }): Promise<TwirpServer> {
  const services = new Map(options.services.map((s) => [s.name, s]));

  async function answer(req: http.IncomingMessage, route: { service: string; method: string }, text: string): Promise<JsonObject> {
    const handler = services.get(route.service)?.methods[route.method];
    if (req.method !== 'POST' || !handler) throw new TwirpError('bad_route', `no handler for ${req.method ?? ''} ${req.url ?? ''}`);
    if (req.headers.authorization !== `Bearer ${options.token}`) throw new TwirpError('unauthenticated', 'missing or unknown runtime token');
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      throw new TwirpError('bad_route', 'only application/json is served by this stand-in');
    }
    return handler(parseObject(text));
  }

  const server = http.createServer((req, res) => {
    const match = /^\/twirp\/([^/]+)\/([^/]+)$/.exec(new URL(req.url ?? '/', 'http://stand-in').pathname);
    const route = { service: match?.[1] ?? '', method: match?.[2] ?? '' };
    let text = '';
    readBody(req)
      .then((body) => {
        text = body;
        return answer(req, route, body);
      })
      .then(
        (response) => ({ status: 200, response }),
        (error: unknown) => {
          const twirp = error instanceof TwirpError ? error : new TwirpError('internal', error instanceof Error ? error.message : String(error));
          return { status: twirp.status, response: { code: twirp.code, msg: twirp.message } as JsonObject };
        },
      )
      .then(({ status, response }) => {
        let request: unknown = text;
        try {
          request = JSON.parse(text);
        } catch {
          // keep the raw text
        }
        options.log.push({ at: new Date(), ...route, request, status, response });
        const body = JSON.stringify(response);
        res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
