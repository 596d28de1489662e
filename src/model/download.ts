/**
 * Downloads model weights over HTTPS into the cache folder: streamed to a temporary file in the same
 * folder while hashing, verified, then renamed into place, so a cache entry is never half-written.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ModelError } from '../errors.js';
import { redactUrl } from '../domain/url-redaction.js';

export interface DownloadOptions {
  /** Extra trusted CA certificates (PEM), e.g. for a private model host. */
  ca?: string | Buffer;
  maxRedirects?: number;
  timeoutMs?: number;
}

function get(url: URL, options: DownloadOptions): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { ca: options.ca, timeout: options.timeoutMs ?? 60000 }, resolve);
    request.on('timeout', () => request.destroy(new Error(`no response within ${options.timeoutMs ?? 60000} ms`)));
    request.on('error', reject);
  });
}

async function open(url: URL, options: DownloadOptions): Promise<IncomingMessage> {
  let current = url;
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop += 1) {
    if (current.protocol !== 'https:') throw new ModelError(`Model URL ${redactUrl(current)} is not https; only https downloads are allowed`);
    const response = await get(current, options);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      current = new URL(response.headers.location, current);
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new ModelError(`Model download ${redactUrl(url)} failed: HTTP ${status}; check the URL and that the runner can reach it`);
    }
    return response;
  }
  throw new ModelError(`Model download ${redactUrl(url)} failed: more than ${options.maxRedirects ?? 5} redirects`);
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
    throw new ModelError(
      `Cannot create the model cache folder ${cacheDir}: ${(error as Error).message}; set DATASET_GEN_CACHE to a writable folder`,
    );
  }
  const temporary = path.join(cacheDir, `.download-${randomBytes(6).toString('hex')}`);
  const hash = createHash('sha256');
  try {
    const response = await open(new URL(url), options);
    response.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(response, createWriteStream(temporary));
    const sha256 = hash.digest('hex');
    if (expectedSha256 && sha256 !== expectedSha256) {
      throw new ModelError(
        `Model download ${redactUrl(url)}: sha256 is ${sha256}, expected ${expectedSha256}; the file changed upstream or the pin is wrong`,
      );
    }
    const target = path.join(cacheDir, `${sha256}.onnx`);
    await rename(temporary, target);
    return { path: target, sha256 };
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof ModelError) throw error;
    throw new ModelError(`Model download ${redactUrl(url)} failed: ${(error as Error).message}; check the URL and the network`);
  }
}
