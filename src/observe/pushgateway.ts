/**
 * Pushes a run's metrics to a Prometheus Pushgateway: PUT (replace the group) to
 * `<gateway>/metrics/job/dataset-gen/site/<site>`, so each site keeps the metrics of its last run.
 *
 * A label value that is not plain URL-safe text (a `/`, spaces, quotes, non-ASCII, empty, `.` or `..`)
 * uses the Pushgateway's base64 form `site@base64/<base64url>`. Credentials in the URL
 * (`https://user:pass@host`) are sent as basic auth and never appear in messages.
 *
 * Monitoring must not fail a run: a gateway that is down, slow or answers an error gives a warning
 * string in the result, never a thrown error.
 */
import type { Registry } from 'prom-client';

import { redactUrl } from '../domain/url-redaction.js';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus.js';

export const PUSHGATEWAY_JOB = 'dataset-gen';
export const DEFAULT_PUSH_TIMEOUT_MS = 10_000;

export interface PushOptions {
  /** The gateway's base URL, e.g. `http://pushgateway:9091` (a path prefix is kept). */
  url: string;
  /** Grouping label `site`. */
  site: string;
  /** Default `dataset-gen`. */
  job?: string;
  /** Whole request, answer included. Default 10 s. */
  timeoutMs?: number;
  /** Cancels the push (e.g. the run's AbortSignal); a cancelled push is a warning too. */
  signal?: AbortSignal;
  /** For tests; default the global fetch. */
  fetch?: typeof fetch;
}

export interface PushResult {
  ok: boolean;
  /** The group's URL, without credentials. */
  url: string;
  /** HTTP status, null when no answer came. */
  status: number | null;
  /** Why the push failed, ready to log as a warning; null when it succeeded. */
  warning: string | null;
  ms: number;
}

const PLAIN_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** One `<name>/<value>` pair of a grouping key (`job` included), base64-encoded when needed. */
export function groupingKeySegment(name: string, value: string): string {
  if (PLAIN_SEGMENT.test(value) && !/^\.+$/.test(value)) return `${name}/${value}`;
  const encoded = Buffer.from(value, 'utf8').toString('base64url');
  return `${name}@base64/${encoded === '' ? '=' : encoded}`;
}

/** The path of a group below the gateway's root: `metrics/job/<job>/<label>/<value>…`. */
export function groupingPath(job: string, labels: readonly (readonly [string, string])[] = []): string {
  return ['metrics', groupingKeySegment('job', job), ...labels.map(([name, value]) => groupingKeySegment(name, value))].join('/');
}

/** The URL when `text` is an http:// or https:// URL, null otherwise (for option validation). */
export function parsePushgatewayUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

function describeFailure(error: unknown, timeoutMs: number, signal: AbortSignal | undefined): string {
  if (signal?.aborted) return 'cancelled';
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  const detail = (cause ?? error) as { code?: unknown; message?: unknown } | null | undefined;
  const code = typeof detail?.code === 'string' ? detail.code : null;
  if (code === 'ECONNREFUSED') return 'connection refused (nothing listens there)';
  const message = typeof detail?.message === 'string' && detail.message !== '' ? detail.message : String(cause ?? error);
  return code !== null && !message.includes(code) ? `${message} (${code})` : message;
}

/** The first line of an error answer, shortened: the Pushgateway says there why it refused. */
function answerSnippet(body: string): string {
  const line = body.trim().split(/\r?\n/)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/**
 * PUTs the metrics (a registry or exposition text) to the site's group. Never throws: any failure,
 * including an unusable URL, comes back as `warning`.
 */
export async function pushMetrics(metrics: Registry | string, options: PushOptions): Promise<PushResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_PUSH_TIMEOUT_MS;
  const job = options.job ?? PUSHGATEWAY_JOB;
  let shownUrl = options.url;
  const fail = (reason: string, status: number | null = null): PushResult => ({
    ok: false,
    url: shownUrl,
    status,
    warning: `Could not push metrics to the Pushgateway at ${shownUrl}: ${reason}`,
    ms: Math.round(performance.now() - started),
  });

  const base = parsePushgatewayUrl(options.url);
  if (!base) {
    shownUrl = '(invalid URL)';
    return fail(`expected an http:// or https:// URL but received ${JSON.stringify(options.url)}`);
  }
  const headers: Record<string, string> = { 'content-type': PROMETHEUS_CONTENT_TYPE };
  if (base.username !== '' || base.password !== '') {
    const user = decodeURIComponent(base.username);
    const password = decodeURIComponent(base.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
    base.username = '';
    base.password = '';
  }
  const target = new URL(base.href);
  target.pathname = `${base.pathname.replace(/\/+$/, '')}/${groupingPath(job, [['site', options.site]])}`;
  shownUrl = redactUrl(target);

  try {
    const body = typeof metrics === 'string' ? metrics : await metrics.metrics();
    const response = await (options.fetch ?? fetch)(target, {
      method: 'PUT',
      headers,
      body,
      signal: options.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]) : AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    const answer = await response.text();
    if (!response.ok) {
      const snippet = answerSnippet(answer);
      return fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${snippet ? `: ${snippet}` : ''}`, response.status);
    }
    return { ok: true, url: shownUrl, status: response.status, warning: null, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return fail(describeFailure(error, timeoutMs, options.signal));
  }
}
