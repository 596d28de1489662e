/**
 * What the model-resolution tests share: fake weights, a temporary folder per case, configs users can
 * write, and the ModelError a call must end with.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@jest/globals';

import { EXIT_CODES, ModelError } from '../../src/errors.js';
import { parseModelConfig, type LoadedModelConfig } from '../../src/model/config.js';
import type { ResolveModelOptions } from '../../src/model/resolve-model.js';
import { makeSelfSignedCertificate, startHttpsServer, type SelfSignedCertificate, type TestHttpsServer } from './https-server.js';

/** A fake "model": resolve never parses ONNX, it only moves and hashes bytes. */
export function fakeModel(size = 4096): Buffer {
  return randomBytes(size);
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A temporary root with a fresh, empty folder per call of `fresh`; `remove` deletes it all. */
export interface TempFolders {
  root: string;
  fresh(label: string): Promise<string>;
  remove(): Promise<void>;
}

export async function tempFolders(prefix: string): Promise<TempFolders> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  let counter = 0;
  return {
    root,
    async fresh(label) {
      counter += 1;
      const dir = path.join(root, `${label}-${counter}`);
      await mkdir(dir, { recursive: true });
      return dir;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** A config with `source` (validated by the real schema, so the tests only use configs users can write). */
export function configWith(baseDir: string, source?: unknown, origin = 'test config'): LoadedModelConfig {
  return parseModelConfig({ name: 'test-model', layout: 'yolov8', ...(source === undefined ? {} : { source }) }, origin, baseDir);
}

/** The ModelError `promise` rejects with (fails the test if it resolves or rejects with something else). */
export async function modelError(promise: Promise<unknown>): Promise<ModelError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ModelError);
  const error = caught as ModelError;
  expect(error.exitCode).toBe(EXIT_CODES.model);
  expect(error.message).not.toMatch(/[\r\n]/);
  return error;
}

/** Files in `dir`, the url-index folder excluded (downloads must never leave `.download-*` temp files). */
export async function cacheFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name !== 'urls').sort();
}

/** A local HTTPS server with a self-signed certificate, serving fake models at unique paths. */
export interface ModelServer {
  server: TestHttpsServer;
  certificate: SelfSignedCertificate;
  /** Serves a new random model at a unique path; returns its URL, path, bytes and digest. */
  serveModel(size?: number): { url: string; pathname: string; bytes: Buffer; sha: string };
  /** A path no other call returned, e.g. `/redirect-7`. */
  uniquePath(prefix: string): string;
  /** Resolve options that download into `cacheDir` trusting the server's certificate. */
  options(cacheDir: string, extra?: Partial<ResolveModelOptions>): ResolveModelOptions;
}

export async function startModelServer(): Promise<ModelServer> {
  const certificate = await makeSelfSignedCertificate();
  const server = await startHttpsServer({}, certificate);
  let counter = 0;
  const uniquePath = (prefix: string): string => `${prefix}-${(counter += 1)}`;
  return {
    server,
    certificate,
    uniquePath,
    serveModel(size) {
      const pathname = `${uniquePath('/models/model')}.onnx`;
      const bytes = fakeModel(size);
      server.setFile(pathname, bytes);
      return { url: server.url(pathname), pathname, bytes, sha: sha256(bytes) };
    },
    options: (cacheDir, extra = {}) => ({ modelPath: null, cacheDir, download: { ca: server.ca }, ...extra }),
  };
}
