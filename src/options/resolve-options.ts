/**
 * The run's options and their one validator. The CLI (argv) and the Action (inputs) both collect raw
 * strings into `RawOptions` and call `resolveOptions`; every message names the option as the user
 * spelled it, the value received and what was expected. Nothing is coerced silently.
 */
import path from 'node:path';

import { findControlCharacter } from '../domain/control-characters.js';
import {
  DEFAULT_LABEL_STUDIO_IMAGES,
  DEFAULT_VAL_FRACTION,
  EXPORT_FORMATS,
  isLabelStudioImagePrefix,
  LABEL_STUDIO_IMAGES_EXPECTED,
  MAX_VAL_FRACTION,
  type ExportFormat,
} from '../domain/exports.js';
import {
  cliName,
  DECODE_OPTIONS,
  INFERENCE_SHAPE_OPTIONS,
  LABELS_OPTIONS,
  type DecodeOption,
  type NameOf,
  type OptionKey,
  type Options,
  type WorkerCount,
} from '../domain/run-options.js';
import { DEFAULT_SAMPLING, type Sampling } from '../domain/sampling.js';
import { DEFAULT_SELECT_CONFIDENCE } from '../domain/selection.js';
import { DEDUP_DISABLED, DEFAULT_DEDUP_LOCAL_THRESHOLD, DEFAULT_DEDUP_THRESHOLD, DEFAULT_QUALITY_THRESHOLDS, LOCAL_CHANGE_MAX } from '../domain/thresholds.js';
import type { TimeRange } from '../domain/time-range.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_SECONDS, DEFAULT_STALL_TIMEOUT_SECONDS } from '../domain/timeouts.js';
import { invalidParameterError } from '../errors.js';
import { DEFAULT_PRESET, executionProviderSchema, PRESETS } from '../model/config.js';
import { parsePushgatewayUrl } from '../observe/pushgateway.js';
import { parseChoice, parseDecimal, parseInteger, parseText, parseVideoTime, type Range } from './parse.js';

/** Options given as a flag (present or not). */
export type FlagOptionKey = 'overwrite' | 'resume' | 'select-only' | 'strict';

/** Raw values as typed by a user; keys are the canonical option names. */
export type RawOptions = { video?: string[]; exclude?: string[] } & { [K in FlagOptionKey]?: boolean } & { [K in ScalarOptionKey]?: string };

/** Options given as one text value. */
export type ScalarOptionKey = Exclude<OptionKey, 'video' | 'exclude' | FlagOptionKey>;

function decimal(raw: RawOptions, key: ScalarOptionKey, name: NameOf, range: Range): number | null {
  return parseDecimal(raw[key], name(key), range);
}

function integer(raw: RawOptions, key: ScalarOptionKey, name: NameOf, range: Range): number | null {
  return parseInteger(raw[key], name(key), range);
}

function text(raw: RawOptions, key: ScalarOptionKey): string | null {
  return parseText(raw[key]);
}

/** Most inference workers accepted: each holds a copy of the model. */
export const MAX_INFERENCE_WORKERS = 16;

function decodeOption(raw: RawOptions, name: NameOf): DecodeOption {
  return parseChoice(raw.decode, name('decode'), DECODE_OPTIONS) ?? 'auto';
}

function workerCount(raw: RawOptions, name: NameOf): WorkerCount {
  const value = text(raw, 'inference-workers');
  if (value === null || value === 'auto') return 'auto';
  const expected = `"auto" or an integer from 1 to ${MAX_INFERENCE_WORKERS}`;
  return parseInteger(value, name('inference-workers'), { min: 1, max: MAX_INFERENCE_WORKERS }, expected) ?? 'auto';
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

/**
 * `start` / `end`: null when neither is given. A range seeks by time, so frame-count sampling (whose
 * grid is the decoder's frame counter) is refused with it.
 */
function timeRange(raw: RawOptions, name: NameOf, sampled: Sampling): TimeRange | null {
  const startMs = parseVideoTime(raw.start, name('start'));
  const endMs = parseVideoTime(raw.end, name('end'));
  if (startMs === null && endMs === null) return null;
  if (endMs !== null && endMs <= (startMs ?? 0)) {
    throw invalidParameterError(name('end'), `a time after ${name('start')} (${(startMs ?? 0) / 1000} s)`, raw.end);
  }
  if (sampled.mode === 'every-n-frames') {
    const given = startMs === null ? 'end' : 'start';
    throw invalidParameterError(name(given), `no time range with ${name('every-n-frames')} (a range keeps the ${name('sample-fps')} grid only)`, raw[given]);
  }
  return { startMs: startMs ?? 0, endMs };
}

/** `cuda,cpu`: providers tried in order; CUDA falls back to the CPU with one warning. */
function providerList(raw: RawOptions, name: NameOf): ('cpu' | 'cuda')[] | null {
  const value = text(raw, 'execution-providers');
  if (value === null) return null;
  const names = value.split(',').map((part) => part.trim().toLowerCase());
  if (names.some((part) => !executionProviderSchema.options.includes(part as 'cpu' | 'cuda'))) {
    throw invalidParameterError(
      name('execution-providers'),
      `a comma-separated list of ${executionProviderSchema.options.join(', ')} such as "cuda,cpu"`,
      value,
    );
  }
  return [...new Set(names as ('cpu' | 'cuda')[])];
}

const SITE = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;

/**
 * The default site name, from the first video's file name, made valid: characters outside the site
 * alphabet become "-", leading ones that cannot start a name are dropped, and it is cut to 100. A
 * file name is never a reason to refuse a run; a `site` the user typed still must be valid.
 */
export function siteFromFileName(file: string): string {
  const stem = path.basename(file, path.extname(file));
  const cleaned = stem
    .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, 100)
    .trimEnd();
  return cleaned === '' ? 'site' : cleaned;
}

function classList(raw: RawOptions, name: NameOf): string[] | null {
  const value = text(raw, 'classes');
  if (value === null) return null;
  const names = value.split(',').map((part) => part.trim());
  if (names.some((part) => part === '')) {
    throw invalidParameterError(name('classes'), 'a comma-separated list of class names such as "person,car"', value);
  }
  return [...new Set(names)];
}

/** `coco` (always written: instances.json is the dataset's own file) and the formats asked for, in EXPORT_FORMATS order. */
function exportList(raw: RawOptions, name: NameOf): ExportFormat[] {
  const value = text(raw, 'export');
  const asked = new Set<string>(['coco']);
  if (value !== null) {
    for (const part of value.split(',').map((p) => p.trim().toLowerCase())) {
      if (!(EXPORT_FORMATS as readonly string[]).includes(part)) {
        throw invalidParameterError(name('export'), `a comma-separated list of ${EXPORT_FORMATS.join(', ')}`, value);
      }
      asked.add(part);
    }
  }
  return EXPORT_FORMATS.filter((format) => asked.has(format));
}

/**
 * `--label-studio-images`: an http(s) URL, Label Studio's local-files path or a relative path
 * (`isLabelStudioImagePrefix`, domain/exports.ts); the default when not given. Run, and merge for its own prefix.
 */
export function labelStudioImagesOption(raw: RawOptions, name: NameOf = cliName): string {
  const value = text(raw, 'label-studio-images');
  if (value === null) return DEFAULT_LABEL_STUDIO_IMAGES;
  if (!isLabelStudioImagePrefix(value)) throw invalidParameterError(name('label-studio-images'), LABEL_STUDIO_IMAGES_EXPECTED, value);
  return value;
}

/** Most frames the labelling budget accepts. */
export const MAX_SELECT = 1_000_000;

/** `--select` and `--select-only` (run, and merge choosing its own budget). */
export function labellingBudget(raw: RawOptions, name: NameOf = cliName): Pick<Options, 'select' | 'selectOnly'> {
  const select = integer(raw, 'select', name, { min: 1, max: MAX_SELECT });
  const selectOnly = raw['select-only'] === true;
  if (selectOnly && select === null)
    throw invalidParameterError(name('select-only'), `to go with ${name('select')} (the number of frames to choose)`, 'no budget');
  return { select, selectOnly };
}

/**
 * What `dataset-gen doctor` checks, validated as a run's options are: the providers a run would ask
 * for (`--execution-providers`, else the model config's), the model file to open on them (`--model`
 * as a file, else the config's), and ffmpeg.
 */
export function doctorOptions(
  raw: RawOptions,
  name: NameOf = cliName,
  cwd = process.cwd(),
): Pick<Options, 'executionProviders' | 'modelPath' | 'modelConfig' | 'ffmpegPath'> {
  const model = modelInput(raw, name, cwd);
  if (model.modelUrl !== null) throw invalidParameterError(name('model'), 'a model file (doctor downloads nothing)', raw.model);
  const ffmpegPath = text(raw, 'ffmpeg-path');
  return {
    executionProviders: providerList(raw, name),
    modelPath: model.modelPath,
    modelConfig: modelConfigSpec(text(raw, 'model-config'), cwd),
    ffmpegPath: ffmpegPath === null ? null : path.resolve(cwd, ffmpegPath),
  };
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
  // Image names begin with the stem, and the exports (CVAT's XML, the reports) cannot hold every control character.
  const controlled = videos.find((v) => findControlCharacter(path.basename(v)) !== null);
  if (controlled !== undefined) {
    throw invalidParameterError(name('video'), 'a video whose file name holds no control character (images are named after it; rename the file)', controlled);
  }
  const repeated = stems.find((stem, i) => stems.indexOf(stem) !== i);
  if (repeated !== undefined) {
    throw invalidParameterError(name('video'), 'videos with distinct file names (images are named <video-stem>_<frame>.jpg)', `two videos named ${repeated}`);
  }
  const out = text(raw, 'out');
  if (out === null) throw invalidParameterError(name('out'), 'an output folder path', raw.out);
  const site = text(raw, 'site') ?? siteFromFileName(videos[0] ?? 'site');
  if (!SITE.test(site)) {
    throw invalidParameterError(name('site'), 'a name of letters, digits, spaces, ".", "_" or "-" (at most 100, starting with a letter or digit)', site);
  }
  const dedup = integer(raw, 'dedup-threshold', name, { min: DEDUP_DISABLED, max: 64 });
  const quality = {
    blackLuma: decimal(raw, 'black-luma', name, { min: 0, max: 255 }) ?? DEFAULT_QUALITY_THRESHOLDS.blackLuma,
    overexposedLuma: decimal(raw, 'overexposed-luma', name, { min: 0, max: 255 }) ?? DEFAULT_QUALITY_THRESHOLDS.overexposedLuma,
    blurThreshold: decimal(raw, 'blur-threshold', name, { min: 0, max: 1e6 }) ?? DEFAULT_QUALITY_THRESHOLDS.blurThreshold,
    blurRatio: decimal(raw, 'blur-ratio', name, { min: 0, max: 1 }) ?? DEFAULT_QUALITY_THRESHOLDS.blurRatio,
    blurWindow: integer(raw, 'blur-window', name, { min: 1, max: 1000 }) ?? DEFAULT_QUALITY_THRESHOLDS.blurWindow,
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
  const sampled = sampling(raw, name);
  return {
    videos: videos.map((v) => path.resolve(cwd, v)),
    exclude: (raw.exclude ?? [])
      .map((v) => v.trim())
      .filter((v) => v !== '')
      .map((v) => path.resolve(cwd, v)),
    outDir: path.resolve(cwd, out),
    overwrite: raw.overwrite === true,
    resume: raw.resume === true,
    strict: raw.strict === true,
    site,
    sampling: sampled,
    decode: decodeOption(raw, name),
    timeRange: timeRange(raw, name, sampled),
    ...model,
    modelConfig: modelConfigSpec(text(raw, 'model-config'), cwd),
    dedupThreshold: dedup ?? DEFAULT_DEDUP_THRESHOLD,
    dedupLocalThreshold: decimal(raw, 'dedup-local-threshold', name, { min: 0, max: LOCAL_CHANGE_MAX }) ?? DEFAULT_DEDUP_LOCAL_THRESHOLD,
    confidence: decimal(raw, 'confidence', name, { min: 0, max: 1, minExclusive: true }),
    iou: decimal(raw, 'iou', name, { min: 0, max: 1, minExclusive: true }),
    maxDetections: integer(raw, 'max-detections', name, { min: 1, max: 10000 }),
    classes: classList(raw, name),
    quality,
    jpegQuality: integer(raw, 'jpeg-quality', name, { min: 1, max: 100 }) ?? 90,
    inferenceWorkers: workerCount(raw, name),
    inferenceShape: parseChoice(raw['inference-shape'], name('inference-shape'), INFERENCE_SHAPE_OPTIONS) ?? 'auto',
    ffmpegPath: ffmpegPath === null ? null : path.resolve(cwd, ffmpegPath),
    pushgatewayUrl,
    historyCsv: historyCsv === null ? null : path.resolve(cwd, historyCsv),
    pricePerHour: decimal(raw, 'price-per-hour', name, { min: 0, max: 1000 }),
    executionProviders: providerList(raw, name),
    exports: exportList(raw, name),
    labelStudioImages: labelStudioImagesOption(raw, name),
    valFraction: decimal(raw, 'val-fraction', name, { min: 0, max: MAX_VAL_FRACTION }) ?? DEFAULT_VAL_FRACTION,
    labels: parseChoice(raw.labels, name('labels'), LABELS_OPTIONS) ?? 'dataset',
    selectConfidence: decimal(raw, 'select-confidence', name, { min: 0, max: 1 }) ?? DEFAULT_SELECT_CONFIDENCE,
    ...labellingBudget(raw, name),
    stallTimeoutSeconds: decimal(raw, 'stall-timeout', name, { min: 0, max: 86400, minExclusive: true }) ?? DEFAULT_STALL_TIMEOUT_SECONDS,
    downloadTimeoutSeconds: decimal(raw, 'download-timeout', name, { min: 0, max: 86400, minExclusive: true }) ?? DEFAULT_DOWNLOAD_TIMEOUT_SECONDS,
  };
}
