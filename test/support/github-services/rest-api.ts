/**
 * The few GitHub REST endpoints the Action calls, on 127.0.0.1 (GITHUB_API_URL points here): a
 * workflow's runs, a run's artifacts and the artifact zip (a 302 to the artifact service's signed
 * Azurite URL, as @actions/artifact's `downloadArtifact` with `findBy` follows it), and a pull
 * request's issue comments (list, create, update). One repository; one token (`Bearer` or `token`).
 * `setReadOnly(true)` answers every comment write with 403, as a fork's pull-request token does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the REST stand-in needs of the artifact service: artifacts by name and their download URL. */
export interface ArtifactLookup {
  finalized(name: string): { id: number; name: string; sizeBytes: number; digest: string | undefined; expiresAt: Date | undefined } | undefined;
  readUrl(id: number): string | undefined;
}

export interface WorkflowRun {
  id: number;
  /** The workflow's file name, e.g. dataset.yml. */
  workflow: string;
  branch: string;
  status: 'completed' | 'in_progress' | 'queued';
  conclusion?: 'success' | 'failure' | null;
  /** Names of artifacts in the artifact service that belong to this run. */
  artifacts: string[];
}

export interface IssueComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
  html_url: string;
}

export interface RestCall {
  method: string;
  /** Path and query, as requested. */
  url: string;
  status: number;
}

export interface RestApi {
  /** `http://127.0.0.1:<port>`: GITHUB_API_URL. */
  readonly url: string;
  /** The token the stand-in accepts. */
  readonly token: string;
  readonly repository: string;
  addWorkflowRun(run: WorkflowRun): void;
  /** A pull request's comments in order (live copies). */
  comments(pr: number): IssueComment[];
  /** Adds a comment as `user` (for a test's setting: a person's comment, another bot's). */
  addComment(pr: number, body: string, user?: IssueComment['user']): IssueComment;
  /** Comment writes answer 403 (`Resource not accessible by integration`) while true. */
  setReadOnly(readOnly: boolean): void;
  /** Every call so far, in order (live array). */
  readonly calls: readonly RestCall[];
  close(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' as const };
const MAX_COMMENT_CHARS = 65_536;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function commentBody(text: string): string {
  let body: unknown;
  try {
    body = (JSON.parse(text) as { body?: unknown }).body;
  } catch {
    throw new HttpError(400, 'Problems parsing JSON');
  }
  if (typeof body !== 'string' || body === '') throw new HttpError(422, 'Validation Failed: body is missing');
  if (body.length > MAX_COMMENT_CHARS) throw new HttpError(422, 'Validation Failed: body is too long (maximum is 65536 characters)');
  return body;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

export async function startRestApi(options: { repository: string; token: string; artifacts?: ArtifactLookup }): Promise<RestApi> {
  const runs: WorkflowRun[] = [];
  const comments = new Map<number, IssueComment[]>();
  const calls: RestCall[] = [];
  let readOnly = false;
  let nextCommentId = 9000;
  let url = '';
  const repoPath = `/repos/${options.repository}`;

  function add(pr: number, body: string, user: IssueComment['user']): IssueComment {
    const now = new Date().toISOString();
    const id = nextCommentId++;
    const comment = { id, body, user, created_at: now, updated_at: now, html_url: `https://github.com/${options.repository}/pull/${pr}#issuecomment-${id}` };
    comments.set(pr, [...(comments.get(pr) ?? []), comment]);
    return comment;
  }

  function runArtifacts(runId: number, name: string | null): unknown[] {
    const run = runs.find((r) => r.id === runId);
    if (!run) throw new HttpError(404, 'Not Found');
    return run.artifacts
      .filter((n) => name === null || n === name)
      .flatMap((n) => {
        const a = options.artifacts?.finalized(n);
        if (!a) return [];
        const expired = a.expiresAt !== undefined && a.expiresAt.getTime() <= Date.now();
        return [
          { id: a.id, name: a.name, size_in_bytes: a.sizeBytes, expired, digest: a.digest ?? null, workflow_run: { id: run.id, head_branch: run.branch } },
        ];
      });
  }

  async function answer(req: http.IncomingMessage): Promise<Answer> {
    if (req.headers.authorization !== `Bearer ${options.token}` && req.headers.authorization !== `token ${options.token}`) {
      throw new HttpError(401, 'Bad credentials');
    }
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://stand-in');
    if (!pathname.startsWith(`${repoPath}/`)) throw new HttpError(404, 'Not Found');
    const rest = pathname.slice(repoPath.length);
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(rest))) {
      const workflow = decodeURIComponent(m[1]!);
      const perPage = Math.min(100, Number(searchParams.get('per_page') ?? 30));
      const found = runs
        .filter((r) => r.workflow === workflow)
        .filter((r) => !searchParams.get('branch') || r.branch === searchParams.get('branch'))
        .filter((r) => !searchParams.get('status') || r.status === searchParams.get('status'))
        .sort((a, b) => b.id - a.id);
      if (!runs.some((r) => r.workflow === workflow)) throw new HttpError(404, 'Not Found');
      const page = found
        .slice(0, perPage)
        .map((r) => ({ id: r.id, head_branch: r.branch, status: r.status, conclusion: r.conclusion ?? null, path: `.github/workflows/${r.workflow}` }));
      return { status: 200, body: { total_count: found.length, workflow_runs: page } };
    }
    if (method === 'GET' && (m = /^\/actions\/runs\/(\d+)\/artifacts$/.exec(rest))) {
      const artifacts = runArtifacts(Number(m[1]), searchParams.get('name'));
      return { status: 200, body: { total_count: artifacts.length, artifacts } };
    }
    if (method === 'GET' && (m = /^\/actions\/artifacts\/(\d+)\/zip$/.exec(rest))) {
      const id = Number(m[1]);
      const location = runs.some((r) => r.artifacts.some((n) => options.artifacts?.finalized(n)?.id === id)) ? options.artifacts?.readUrl(id) : undefined;
      if (!location) throw new HttpError(404, 'Not Found');
      return { status: 302, headers: { location } };
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const pr = Number(m[1]);
      if (method === 'GET') {
        const perPage = Math.min(100, Number(searchParams.get('per_page') ?? 30));
        const page = Math.max(1, Number(searchParams.get('page') ?? 1));
        return { status: 200, body: (comments.get(pr) ?? []).slice((page - 1) * perPage, page * perPage) };
      }
      if (method === 'POST') {
        const body = commentBody(await readBody(req));
        if (readOnly) throw new HttpError(403, 'Resource not accessible by integration');
        return { status: 201, body: add(pr, body, BOT) };
      }
    }
    if (method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const id = Number(m[1]);
      const body = commentBody(await readBody(req));
      if (readOnly) throw new HttpError(403, 'Resource not accessible by integration');
      const comment = [...comments.values()].flat().find((c) => c.id === id);
      if (!comment) throw new HttpError(404, 'Not Found');
      comment.body = body;
      comment.updated_at = new Date().toISOString();
      return { status: 200, body: comment };
    }
    throw new HttpError(404, 'Not Found');
  }

  const server = http.createServer((req, res) => {
    answer(req)
      .catch((error: unknown) => {
        const status = error instanceof HttpError ? error.status : 500;
        return {
          status,
          body: { message: error instanceof Error ? error.message : String(error), documentation_url: 'https://docs.github.com/rest' },
        } as Answer;
      })
      .then(({ status, body, headers }) => {
        calls.push({ method: req.method ?? '', url: req.url ?? '', status });
        const text = body === undefined ? '' : JSON.stringify(body);
        res.writeHead(status, {
          ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
          'content-length': String(Buffer.byteLength(text)),
          ...headers,
        });
        res.end(text);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    token: options.token,
    repository: options.repository,
    addWorkflowRun: (run) => {
      runs.push({ ...run, artifacts: [...run.artifacts] });
    },
    comments: (pr) => (comments.get(pr) ?? []).map((c) => ({ ...c, user: { ...c.user } })),
    addComment: (pr, body, user = { login: 'a-person', type: 'User' }) => add(pr, body, user),
    setReadOnly: (value) => {
      readOnly = value;
    },
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
