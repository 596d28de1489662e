/**
 * The few GitHub REST calls the Action makes (workflow runs, a run's artifacts, pull-request
 * comments), with @actions/http-client (which honours the runner's proxy settings) against
 * GITHUB_API_URL, the API of the server the job runs on. The token goes in the Authorization header
 * only; it is never part of a message.
 */
import { HttpClient } from '@actions/http-client';

import { TOOL_VERSION } from '../../index.js';

/** A REST call that answered with a status other than 2xx (or could not be made: status 0). */
export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

export interface RestClient {
  /** The API's base URL, without a trailing slash. */
  readonly apiUrl: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

/** GITHUB_API_URL (set by the runner), else the public API. */
export function apiUrlOf(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}

/** `owner/name` split, or null when GITHUB_REPOSITORY is not of that form. */
export function repositoryOf(env: NodeJS.ProcessEnv = process.env): { owner: string; repo: string } | null {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
  return match ? { owner: match[1]!, repo: match[2]! } : null;
}

/** The path with each `{}` filled with its URL-encoded value, e.g. `path('/repos/{}/{}', o, r)`. */
export function restPath(template: string, ...values: (string | number)[]): string {
  let i = 0;
  return template.replace(/\{\}/g, () => encodeURIComponent(String(values[i++])));
}

/** GitHub's error message in a JSON body (`{"message": …}`), else the status text. */
function reason(status: number, statusText: string | undefined, body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return message.split('\n')[0]!.slice(0, 200);
  } catch {
    // not JSON
  }
  return statusText || `HTTP ${status}`;
}

export function createRestClient(token: string, env: NodeJS.ProcessEnv = process.env): RestClient {
  const apiUrl = apiUrlOf(env);
  const client = new HttpClient(`dataset-gen/${TOOL_VERSION}`, [], { socketTimeout: 30_000, allowRetries: true, maxRetries: 2 });
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${token}`,
    'x-github-api-version': '2022-11-28',
    'content-type': 'application/json',
  };
  async function call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    let response;
    try {
      response = await client.request(method, `${apiUrl}${path}`, body === undefined ? null : JSON.stringify(body), headers);
    } catch (error) {
      throw new RestError(0, `${method} ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const status = response.message.statusCode ?? 0;
    const text = await response.readBody();
    if (status < 200 || status > 299)
      throw new RestError(status, `${method} ${path} answered ${status}: ${reason(status, response.message.statusMessage, text)}`);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new RestError(status, `${method} ${path} answered ${status} with a body that is not JSON`);
    }
  }
  return {
    apiUrl,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
  };
}
