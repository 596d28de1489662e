/**
 * The run's options and their one validator. The CLI (argv) and the Action (inputs) both collect raw
 * strings into `RawOptions` and call `resolveOptions`; every message names the option as the user
 * spelled it, the value received and what was expected. Nothing is coerced silently.
 */
import path from 'node:path';
import { invalidParameterError } from './errors.js';
import { parsePushgatewayUrl } from './observe/pushgateway.js';
import type { WorkerCount } from './detect/runtime-layout.js';
import { DEFAULT_PRESET, PRESETS } from './model/config.js';
import { DEDUP_DISABLED, DEFAULT_DEDUP_THRESHOLD } from './pipeline/dedup.js';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from './pipeline/quality.js';
import { DEFAULT_SAMPLING, type Sampling } from './pipeline/sampling.js';

export interface Options {
  /** Absolute paths of the input videos, in the order given. */
  videos: string[];
  /** Absolute path of the dataset folder to create. */
  outDir: string;
  overwrite: boolean;
  site: string;
  sampling: Sampling;
  /** ONNX weights given directly as a file (overrides the model config's source). */
  modelPath: string | null;
  /** ONNX weights given directly as an https:// URL (overrides the model config's source). */
  modelUrl: string | null;
  /** Expected sha256 of the weights given with `model`; a mismatch is refused. */
  modelSha256: string | null;
  /** A preset name or a model-config JSON path. */
  modelConfig: string;
  /** Hamming distance at or below which a frame is a duplicate of the last kept one; -1 disables. */
  dedupThreshold: number;
  /** Overrides of the model config's values; null keeps the config's. */
  confidence: number | null;
  iou: number | null;
  maxDetections: number | null;
  /** Class names to keep; null keeps all. */
  classes: string[] | null;
  quality: QualityThresholds;
  jpegQuality: number;
  /** Inference workers: sessions detecting different batches at once (`auto`: 2 on a CPU with 2+ cores, 1 on a GPU). */
  inferenceWorkers: WorkerCount;
  ffmpegPath: string | null;
  /** Prometheus Pushgateway to push the run's metrics to (job dataset-gen, grouped by site). */
  pushgatewayUrl: string | null;
  /** CSV file to append one row per run to. */
  historyCsv: string | null;
}

/** Raw values as typed by a user; keys are the canonical option names. */
export interface RawOptions {
  video?: string[];
  out?: string;
  overwrite?: boolean;
  site?: string;
  'sample-fps'?: string;
  'every-n-frames'?: string;
  model?: string;
  'model-sha256'?: string;
  'model-config'?: string;
  'dedup-threshold'?: string;
  confidence?: string;
  iou?: string;
  'max-detections'?: string;
  classes?: string;
  'black-luma'?: string;
  'overexposed-luma'?: string;
  'blur-threshold'?: string;
  'jpeg-quality'?: string;
  'inference-workers'?: string;
  'ffmpeg-path'?: string;
  'pushgateway-url'?: string;
  'history-csv'?: string;
}

export type RawKey = keyof RawOptions;

/** How a key is shown to the user: `--sample-fps` for the CLI, `sample-fps` input for the Action. */
export type NameOf = (key: RawKey) => string;
export const cliName: NameOf = (key) => `--${key}`;

const DECIMAL = /^[+]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;

interface Range {
  min: number;
  max: number;
  minExclusive?: boolean;
}

function describeRange(kind: string, { min, max, minExclusive }: Range): string {
  return `${kind} ${minExclusive ? 'greater than' : 'from'} ${min} ${minExclusive ? 'and at most' : 'to'} ${max}`;
}

function decimal(raw: RawOptions, key: RawKey, name: NameOf, range: Range): number | null {
  const value = raw[key];
  if (value === undefined || value === '') return null;
  const text = String(value).trim();
  const n = Number(text);
  const inRange = range.minExclusive ? n > range.min : n >= range.min;
  if (!DECIMAL.test(text) || !Number.isFinite(n) || !inRange || n > range.max) {
    throw invalidParameterError(name(key), describeRange('a number', range), value);
  }
  return n;
}

function integer(raw: RawOptions, key: RawKey, name: NameOf, range: Range): number | null {
  const value = raw[key];
  if (value === undefined || value === '') return null;
  const text = String(value).trim();
  const n = Number(text);
  if (!INTEGER.test(text) || n < range.min || n > range.max) {
    throw invalidParameterError(name(key), describeRange('an integer', range), value);
  }
  return n;
}

function text(raw: RawOptions, key: RawKey): string | null {
  const value = raw[key];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Most inference workers accepted: each holds a copy of the model. */
export const MAX_INFERENCE_WORKERS = 16;

function workerCount(raw: RawOptions, name: NameOf): WorkerCount {
  const value = text(raw, 'inference-workers');
  if (value === null || value === 'auto') return 'auto';
  const n = Number(value);
  if (!INTEGER.test(value) || n < 1 || n > MAX_INFERENCE_WORKERS) {
    throw invalidParameterError(name('inference-workers'), `"auto" or an integer from 1 to ${MAX_INFERENCE_WORKERS}`, raw['inference-workers']);
  }
  return n;
}

function sampling(raw: RawOptions, name: NameOf): Sampling {
  const fps = decimal(raw, 'sample-fps', name, { min: 0, max: 240, minExclusive: true });
  const n = integer(raw, 'every-n-frames', name, { min: 1, max: 1_000_000 });
  if (fps !== null && n !== null) {
    throw invalidParameterError(`${name('sample-fps')} and ${name('every-n-frames')}`, 'one of the two', 'both');
  }
  if (n !== null) return { mode: 'every-n-frames', n };
  if (fps !== null) return { mode: 'fps', fps };
  return DEFAULT_SAMPLING;
}

const SITE = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;

function classList(raw: RawOptions, name: NameOf): string[] | null {
  const value = text(raw, 'classes');
  if (value === null) return null;
  const names = value.split(',').map((part) => part.trim());
  if (names.some((part) => part === '')) {
    throw invalidParameterError(name('classes'), 'a comma-separated list of class names such as "person,car"', value);
  }
  return [...new Set(names)];
}

/** `model` is a file path or an https:// URL; `model-sha256` pins either. */
function modelInput(raw: RawOptions, name: NameOf, cwd: string): Pick<Options, 'modelPath' | 'modelUrl' | 'modelSha256'> {
  const model = text(raw, 'model');
  const sha256 = text(raw, 'model-sha256');
  if (sha256 !== null && !/^[0-9a-f]{64}$/.test(sha256)) {
    throw invalidParameterError(name('model-sha256'), 'a sha256 digest of 64 lowercase hex characters', sha256);
  }
  if (model === null) {
    if (sha256 !== null) throw invalidParameterError(name('model'), `a file or https:// URL to go with ${name('model-sha256')}`, raw.model);
    return { modelPath: null, modelUrl: null, modelSha256: null };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(model)) {
    let url: URL | null = null;
    try {
      url = new URL(model);
    } catch {
      url = null;
    }
    if (url?.protocol !== 'https:') throw invalidParameterError(name('model'), 'an ONNX file path or an https:// URL', model);
    return { modelPath: null, modelUrl: url.href, modelSha256: sha256 };
  }
  return { modelPath: path.resolve(cwd, model), modelUrl: null, modelSha256: sha256 };
}

/** A preset name stays as it is; anything else is a config file path, made absolute. */
function modelConfigSpec(value: string | null, cwd: string): string {
  if (value === null) return DEFAULT_PRESET;
  return Object.hasOwn(PRESETS, value) ? value : path.resolve(cwd, value);
}

/** Validates raw options into `Options`; `cwd` resolves relative paths. */
export function resolveOptions(raw: RawOptions, name: NameOf = cliName, cwd = process.cwd()): Options {
  const videos = (raw.video ?? []).map((v) => v.trim()).filter((v) => v !== '');
  if (videos.length === 0) throw invalidParameterError(name('video'), 'at least one video file', raw.video?.[0]);
  const stems = videos.map((v) => path.basename(v, path.extname(v)));
  const repeated = stems.find((stem, i) => stems.indexOf(stem) !== i);
  if (repeated !== undefined) {
    throw invalidParameterError(name('video'), 'videos with distinct file names (images are named <video-stem>_<frame>.jpg)', `two videos named ${repeated}`);
  }
  const out = text(raw, 'out');
  if (out === null) throw invalidParameterError(name('out'), 'an output folder path', raw.out);
  const site = text(raw, 'site') ?? path.basename(videos[0] ?? 'site', path.extname(videos[0] ?? ''));
  if (!SITE.test(site)) {
    throw invalidParameterError(name('site'), 'a name of letters, digits, spaces, ".", "_" or "-" (at most 100, starting with a letter or digit)', site);
  }
  const dedup = integer(raw, 'dedup-threshold', name, { min: DEDUP_DISABLED, max: 64 });
  const quality = {
    blackLuma: decimal(raw, 'black-luma', name, { min: 0, max: 255 }) ?? DEFAULT_QUALITY_THRESHOLDS.blackLuma,
    overexposedLuma: decimal(raw, 'overexposed-luma', name, { min: 0, max: 255 }) ?? DEFAULT_QUALITY_THRESHOLDS.overexposedLuma,
    blurThreshold: decimal(raw, 'blur-threshold', name, { min: 0, max: 1e6 }) ?? DEFAULT_QUALITY_THRESHOLDS.blurThreshold,
  };
  if (quality.blackLuma >= quality.overexposedLuma) {
    throw invalidParameterError(name('black-luma'), `a value below ${name('overexposed-luma')} (${quality.overexposedLuma})`, quality.blackLuma);
  }
  const model = modelInput(raw, name, cwd);
  const ffmpegPath = text(raw, 'ffmpeg-path');
  const pushgatewayUrl = text(raw, 'pushgateway-url');
  if (pushgatewayUrl !== null && parsePushgatewayUrl(pushgatewayUrl) === null) {
    throw invalidParameterError(name('pushgateway-url'), 'an http:// or https:// URL of a Prometheus Pushgateway', pushgatewayUrl);
  }
  const historyCsv = text(raw, 'history-csv');
  return {
    videos: videos.map((v) => path.resolve(cwd, v)),
    outDir: path.resolve(cwd, out),
    overwrite: raw.overwrite === true,
    site,
    sampling: sampling(raw, name),
    ...model,
    modelConfig: modelConfigSpec(text(raw, 'model-config'), cwd),
    dedupThreshold: dedup ?? DEFAULT_DEDUP_THRESHOLD,
    confidence: decimal(raw, 'confidence', name, { min: 0, max: 1, minExclusive: true }),
    iou: decimal(raw, 'iou', name, { min: 0, max: 1, minExclusive: true }),
    maxDetections: integer(raw, 'max-detections', name, { min: 1, max: 10000 }),
    classes: classList(raw, name),
    quality,
    jpegQuality: integer(raw, 'jpeg-quality', name, { min: 1, max: 100 }) ?? 90,
    inferenceWorkers: workerCount(raw, name),
    ffmpegPath: ffmpegPath === null ? null : path.resolve(cwd, ffmpegPath),
    pushgatewayUrl,
    historyCsv: historyCsv === null ? null : path.resolve(cwd, historyCsv),
  };
}
