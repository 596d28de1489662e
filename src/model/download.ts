/**
 * Downloads model weights over HTTPS into the cache folder: streamed to a temporary file in the same
 * folder while hashing, verified, then renamed into place, so a cache entry is never half-written
 * (the temporary file is removed on every failure).
 *
 * Bounded in every way a remote host could hold the run: a size cap (checked against Content-Length
 * before reading, and while streaming), a stall timeout (no response or no bytes for that long ends
 * the attempt) and an overall deadline (retries and their waits included). Transient failures — a
 * stall, a connection reset or refused, HTTP 5xx, 408 or 429 — are retried with exponential backoff
 * a bounded number of times, each retry reported; other HTTP statuses (4xx) and a wrong sha256 are not.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';

import { DEFAULT_DOWNLOAD_TIMEOUT_SECONDS, DEFAULT_STALL_TIMEOUT_SECONDS } from '../domain/timeouts.js';
import { redactUrl } from '../domain/url-redaction.js';
import { ModelError } from '../errors.js';

/** Largest model file accepted unless `maxBytes` says otherwise: 1 GiB (YOLO weights are 6–300 MB). */
export const DEFAULT_MAX_MODEL_BYTES = 1024 ** 3;
export const DEFAULT_DOWNLOAD_RETRIES = 3;
export const DEFAULT_BACKOFF_MS = 1000;

export interface DownloadOptions {
  /** Extra trusted CA certificates (PEM), e.g. for a private model host. */
  ca?: string | Buffer;
  maxRedirects?: number;
  /** No response, or no bytes, for this long ends an attempt (ms). */
  stallTimeoutMs?: number;
  /** The whole download may take this long, retries and their waits included (ms). */
  deadlineMs?: number;
  /** Largest file accepted (bytes); a larger one is refused, not retried. */
  maxBytes?: number;
  /** Attempts after the first, for transient failures only. */
  retries?: number;
  /** Wait before the first retry (ms), doubled before each next one. */
  backoffMs?: number;
  /** Told about each retry, with the failure and the wait. */
  onRetry?: (message: string) => void;
  /** How messages name the options that set the timeouts (`--stall-timeout`, `input "stall-timeout"`). */
  timeoutNames?: { stall: string; deadline: string };
}

/** A failure worth another attempt; anything else ends the download at once. */
class TransientError extends Error {}

interface Limits {
  stallMs: number;
  maxBytes: number;
  names: { stall: string; deadline: string };
}

function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Why an attempt's request was ended by this module (a stall), which its body stream reports only as "aborted". */
interface AttemptState {
  cause: Error | null;
}

function get(url: URL, options: DownloadOptions, limits: Limits, signal: AbortSignal, state: AttemptState): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { ca: options.ca, signal }, resolve);
    // Socket inactivity, while waiting for the response and while its body streams.
    request.setTimeout(limits.stallMs, () => {
      state.cause = new TransientError(`no data for ${limits.stallMs / 1000} s (stalled; ${limits.names.stall} sets the limit)`);
      request.destroy(state.cause);
    });
    request.on('error', reject);
  });
}

async function open(url: URL, options: DownloadOptions, limits: Limits, signal: AbortSignal, state: AttemptState): Promise<IncomingMessage> {
  let current = url;
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop += 1) {
    if (current.protocol !== 'https:') throw new ModelError(`Model URL ${redactUrl(current)} is not https; only https downloads are allowed`);
    const response = await get(current, options, limits, signal, state);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      current = new URL(response.headers.location, current);
      continue;
    }
    if (status !== 200) {
      response.resume();
      if (isTransientStatus(status)) throw new TransientError(`HTTP ${status}`);
      throw new ModelError(`Model download ${redactUrl(url)} failed: HTTP ${status}; check the URL and that the runner can reach it`);
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      response.destroy();
      throw new ModelError(`Model download ${redactUrl(url)} refused: ${declared} bytes is more than the ${limits.maxBytes}-byte limit for a model file`);
    }
    return response;
  }
  throw new ModelError(`Model download ${redactUrl(url)} failed: more than ${options.maxRedirects ?? 5} redirects`);
}

/** One attempt: the body streamed into `temporary` while hashed and counted; returns its sha256. */
async function attempt(url: URL, temporary: string, options: DownloadOptions, limits: Limits, signal: AbortSignal): Promise<string> {
  const state: AttemptState = { cause: null };
  const response = await open(url, options, limits, signal, state);
  const hash = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) {
        callback(new ModelError(`Model download ${redactUrl(url)} refused: more than the ${limits.maxBytes}-byte limit for a model file`));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(response, counter, createWriteStream(temporary));
  } catch (error) {
    // The request's stall error reaches the body stream as a plain "aborted": report the cause.
    throw state.cause ?? error;
  }
  return hash.digest('hex');
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message ?? String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

function isTransient(error: unknown): boolean {
  if (error instanceof TransientError) return true;
  if (error instanceof ModelError) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined && TRANSIENT_CODES.has(code)) || /socket hang up|aborted/i.test((error as Error).message ?? '');
}

/** Downloads `url` to `<cacheDir>/<sha256>.onnx` and returns that path and the digest. */
export async function downloadModel(
  url: string,
  cacheDir: string,
  expectedSha256: string | undefined,
  options: DownloadOptions = {},
): Promise<{ path: string; sha256: string }> {
  try {
    await mkdir(cacheDir, { recursive: true });
  } catch (error) {
    throw new ModelError(`Cannot create the model cache folder ${cacheDir}: ${(error as Error).message}; set DATASET_GEN_CACHE to a writable folder`);
  }
  const names = options.timeoutNames ?? { stall: '--stall-timeout', deadline: '--download-timeout' };
  const limits: Limits = {
    stallMs: options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_SECONDS * 1000,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_MODEL_BYTES,
    names,
  };
  const deadlineMs = options.deadlineMs ?? DEFAULT_DOWNLOAD_TIMEOUT_SECONDS * 1000;
  const deadline = AbortSignal.timeout(deadlineMs);
  const retries = options.retries ?? DEFAULT_DOWNLOAD_RETRIES;
  const shown = redactUrl(url);
  const temporary = path.join(cacheDir, `.download-${randomBytes(6).toString('hex')}`);
  try {
    for (let tried = 0; ; tried += 1) {
      try {
        const sha256 = await attempt(new URL(url), temporary, options, limits, deadline);
        if (expectedSha256 && sha256 !== expectedSha256) {
          throw new ModelError(`Model download ${shown}: sha256 is ${sha256}, expected ${expectedSha256}; the file changed upstream or the pin is wrong`);
        }
        const target = path.join(cacheDir, `${sha256}.onnx`);
        await rename(temporary, target);
        return { path: target, sha256 };
      } catch (error) {
        await rm(temporary, { force: true });
        if (deadline.aborted) {
          throw new ModelError(
            `Model download ${shown} did not finish within ${deadlineMs / 1000} s (${names.deadline}); check the network, or raise ${names.deadline}`,
          );
        }
        if (!isTransient(error)) throw error;
        if (tried >= retries) {
          throw new ModelError(`Model download ${shown} failed after ${tried + 1} attempts: ${describe(error)}; check the URL and the network`);
        }
        const wait = (options.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** tried;
        options.onRetry?.(`Model download ${shown} failed (${describe(error)}); retry ${tried + 1} of ${retries} in ${wait / 1000} s`);
        await sleep(wait, undefined, { signal: deadline }).catch(() => undefined);
      }
    }
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof ModelError) throw error;
    throw new ModelError(`Model download ${shown} failed: ${describe(error)}; check the URL and the network`);
  }
}
