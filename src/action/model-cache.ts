/**
 * Model weights given as a URL (the `model` input, or the model config's `source.url`) are kept in the
 * Actions cache under `dataset-gen-model-<sha256>` (the pinned sha256, else the sha256 of the URL).
 * The model cache folder is restored before the run resolves the model, and saved after a download.
 * Cache trouble is only ever a warning: the run downloads the model instead.
 */
import os from 'node:os';
import path from 'node:path';
import * as cache from '@actions/cache';
import * as core from '@actions/core';

import type { Options } from '../domain/run-options.js';
import { messageOf } from '../errors.js';
import { loadModelConfig, sha256Text, type ResolvedModel } from '../index.js';
import { isEnterpriseServer } from './artifact.js';

export const CACHE_KEY_PREFIX = 'dataset-gen-model-';

export interface ModelCache {
  /** The folder the run downloads the model into (its `<sha256>.onnx` and `urls/` index). */
  dir: string;
  /** The cache key, or null when the Actions cache is not used for this run. */
  key: string | null;
  /** Whether the restore found the key. */
  restored: boolean;
}

/**
 * A fixed folder for the model cache. Its path is part of the cache version, so it must be spelled
 * the same in every run: RUNNER_TEMP is (the runner passes the host's value into the container).
 */
export function modelCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.RUNNER_TEMP || os.tmpdir(), 'dataset-gen-models');
}

export function modelCacheKey(url: string, sha256: string | null): string {
  return `${CACHE_KEY_PREFIX}${sha256 ?? sha256Text(url)}`;
}

/**
 * The runner does not pass ACTIONS_CACHE_SERVICE_V2 into container actions, and without it
 * @actions/cache speaks a retired protocol. Sets it when the results service is there and the server
 * is github.com, *.ghe.com (or unset); returns whether it did.
 */
export function enableCacheServiceV2(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.ACTIONS_RESULTS_URL || isEnterpriseServer(env)) return false;
  env.ACTIONS_CACHE_SERVICE_V2 = 'true';
  return true;
}

/** The URL the run will download the model from, with its pinned sha256; null for a model file. */
export async function modelDownloadSource(options: Options): Promise<{ url: string; sha256: string | null } | null> {
  if (options.modelPath) return null;
  if (options.modelUrl) return { url: options.modelUrl, sha256: options.modelSha256 };
  try {
    const source = (await loadModelConfig(options.modelConfig)).config.source;
    return source && 'url' in source ? { url: source.url, sha256: source.sha256 ?? null } : null;
  } catch {
    return null; // the run reports a bad config itself
  }
}

/** Restores the model cache folder when the model is a URL and caching is on and available. */
export async function restoreModelCache(options: Options, enabled: boolean, env: NodeJS.ProcessEnv = process.env): Promise<ModelCache> {
  const dir = modelCacheDir(env);
  const skip = (why: string): ModelCache => {
    core.info(`Model cache not used: ${why}`);
    return { dir, key: null, restored: false };
  };
  const source = await modelDownloadSource(options);
  if (source === null) return skip('the model is not downloaded from a URL');
  if (!enabled) return skip('input "cache-model" is false');
  // A hit is used as it is: only a digest the run verifies against makes it safe to trust.
  if (source.sha256 === null) return skip('the model URL has no pinned sha256 (give the model config\'s source a "sha256")');
  enableCacheServiceV2(env);
  if (!cache.isFeatureAvailable()) return skip('the Actions cache service is not available here');

  const key = modelCacheKey(source.url, source.sha256);
  try {
    const hit = await cache.restoreCache([dir], key);
    if (hit === undefined) {
      core.info(`No cached model for key ${key}; the model will be downloaded and cached`);
      return { dir, key, restored: false };
    }
    core.info(`Model restored from the Actions cache (key ${hit}) into ${dir}`);
    return { dir, key, restored: true };
  } catch (error) {
    core.warning(`Cannot restore the model from the Actions cache (key ${key}): ${messageOf(error)}; the model will be downloaded`);
    return { dir, key, restored: false };
  }
}

/** Whether a save is due: the cache is in use, missed, and the run downloaded the model. */
export function shouldSaveModelCache(state: ModelCache, origin: ResolvedModel['origin']): boolean {
  return state.key !== null && !state.restored && origin === 'download';
}

/** Saves the model cache folder; never throws. Returns whether the entry was saved. */
export async function saveModelCache(state: ModelCache): Promise<boolean> {
  if (state.key === null) return false;
  try {
    const id = await cache.saveCache([state.dir], state.key);
    if (id === -1) {
      core.warning(
        `The model was not saved to the Actions cache (key ${state.key}); the cache client's message above says why. The next run downloads it again`,
      );
      return false;
    }
    core.info(`Model saved to the Actions cache (key ${state.key}, entry ${id})`);
    return true;
  } catch (error) {
    core.warning(`Cannot save the model to the Actions cache (key ${state.key}): ${messageOf(error)}`);
    return false;
  }
}
