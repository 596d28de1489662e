/**
 * Where the model weights come from, in order: an explicit path (--model / DATASET_GEN_MODEL), the
 * model config's `source.path`, the cache entry for its `source.url`, or a download into the cache.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { cliName } from '../domain/run-options.js';
import { redactUrl } from '../domain/url-redaction.js';
import { ModelError } from '../errors.js';
import type { LoadedModelConfig } from './config.js';
import { downloadModel, type DownloadOptions } from './download.js';
import { sha256File, sha256Text } from './sha256.js';

export interface ResolvedModel {
  path: string;
  sha256: string;
  origin: 'option' | 'config-path' | 'cache' | 'download';
  url: string | null;
  /** The config pinned a sha256 (and it matched). */
  pinned: boolean;
}

export interface ResolveModelOptions {
  /** An explicit weights file; wins over the config's source. */
  modelPath: string | null;
  /** An explicit https:// URL; wins over the config's source. */
  modelUrl?: string | null;
  /** Expected sha256 of the explicit file or URL. */
  modelSha256?: string | null;
  cacheDir?: string;
  download?: DownloadOptions;
  /** Awaited just before a download starts (the run waits for its videos to probe first); a rejection stops it. */
  beforeDownload?: () => Promise<void>;
  onWarning?: (message: string) => void;
  /** How messages name the model options: the CLI's flags by default, the Action passes its inputs. */
  names?: ModelOptionNames;
}

export interface ModelOptionNames {
  model: string;
  sha256: string;
  /** The environment variable that also sets `model`, if any. */
  env: string | null;
}

/** The library's default: the CLI's flags. */
const DEFAULT_NAMES: ModelOptionNames = { model: cliName('model'), sha256: cliName('model-sha256'), env: null };

export const EXPORT_HINT = 'to make one: `pip install ultralytics && yolo export model=yolov8n.pt format=onnx` (writes yolov8n.onnx)';

export function defaultCacheDir(): string {
  return process.env.DATASET_GEN_CACHE || path.join(os.homedir(), '.cache', 'dataset-gen');
}

async function checkWeightsFile(file: string, what: string, names: ModelOptionNames): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new ModelError(`Model ${file} (${what}) does not exist; pass an ONNX file with ${names.model}, ${EXPORT_HINT}`);
  }
  if (!info.isFile()) throw new ModelError(`Model ${file} (${what}) is not a file; pass an .onnx file`);
  if (info.size === 0) throw new ModelError(`Model ${file} (${what}) is empty (0 bytes); re-export or re-download it`);
}

async function fromFile(file: string, what: string, origin: ResolvedModel['origin'], names: ModelOptionNames): Promise<ResolvedModel> {
  await checkWeightsFile(file, what, names);
  return { path: file, sha256: await sha256File(file), origin, url: null, pinned: false };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );
}

async function fromUrl(url: string, pinned: string | undefined, options: ResolveModelOptions): Promise<ResolvedModel> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const urlIndex = path.join(cacheDir, 'urls', `${sha256Text(url)}.sha256`);
  const known =
    pinned ??
    (await readFile(urlIndex, 'utf8').then(
      (t) => t.trim(),
      () => undefined,
    ));
  if (known) {
    const cached = path.join(cacheDir, `${known}.onnx`);
    if (await exists(cached)) {
      const sha256 = await sha256File(cached);
      if (sha256 === known) return { path: cached, sha256, origin: 'cache', url, pinned: Boolean(pinned) };
      options.onWarning?.(`Cached model ${cached} does not match its sha256; downloading it again`);
    }
  }
  await options.beforeDownload?.();
  const downloaded = await downloadModel(url, cacheDir, pinned, options.download);
  // The index only saves a later download of an unpinned URL; failing to write it must not fail a
  // download that was already verified and cached (and a raw fs error would exit as an internal bug).
  try {
    await mkdir(path.dirname(urlIndex), { recursive: true });
    await writeFile(urlIndex, `${downloaded.sha256}\n`);
  } catch (error) {
    options.onWarning?.(`Cannot record ${redactUrl(url)} in the model cache index ${urlIndex}: ${(error as Error).message}`);
  }
  if (!pinned) {
    const names = options.names ?? DEFAULT_NAMES;
    const pin = options.modelUrl === url ? `pass ${names.sha256} ${downloaded.sha256}` : `add "sha256": "${downloaded.sha256}" to the model config's source`;
    options.onWarning?.(`Model ${redactUrl(url)} is not pinned: ${pin} so a changed file is refused`);
  }
  return { path: downloaded.path, sha256: downloaded.sha256, origin: 'download', url, pinned: Boolean(pinned) };
}

export async function resolveModel(loaded: LoadedModelConfig, options: ResolveModelOptions): Promise<ResolvedModel> {
  const names = options.names ?? DEFAULT_NAMES;
  if (options.modelPath) {
    const resolved = await fromFile(options.modelPath, `given with ${names.model}`, 'option', names);
    if (options.modelSha256 && resolved.sha256 !== options.modelSha256) {
      throw new ModelError(`Model ${options.modelPath}: sha256 is ${resolved.sha256}, expected ${options.modelSha256}; use the pinned file or update the pin`);
    }
    return { ...resolved, pinned: Boolean(options.modelSha256) };
  }
  if (options.modelUrl) return fromUrl(options.modelUrl, options.modelSha256 ?? undefined, options);
  const source = loaded.config.source;
  if (source && 'path' in source) {
    return fromFile(path.resolve(loaded.baseDir, source.path), `source.path of ${loaded.origin}`, 'config-path', names);
  }
  if (source && 'url' in source) return fromUrl(source.url, source.sha256, options);
  throw new ModelError(
    `No model weights for ${loaded.origin}: pass ${names.model} path/to/model.onnx${names.env ? ` (or set ${names.env})` : ''}, or give the model config a "source"; ${EXPORT_HINT}`,
  );
}
