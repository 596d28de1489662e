/**
 * manifest.json: what produced this dataset, written last. Versions of every tool, the fully resolved
 * configuration, sha256 of every input video and of the model, and the counts.
 */
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';

import type { LabelledSourceSummary } from '../../domain/coco.js';
import { DATASET_FILES, EXPORT_FILES } from '../../domain/dataset-files.js';
import type { ExportRecord } from '../../domain/exports.js';
import type { InferenceInput, VideoRecord } from '../../domain/frame-record.js';
import type { DecodeMode, Options } from '../../domain/run-options.js';
import { redactUrl } from '../../domain/url-redaction.js';
import type { VideoInfo } from '../../domain/video.js';
import type { FfmpegTools } from '../../media/tools.js';
import type { ModelConfig } from '../../model/config.js';
import type { ResolvedModel } from '../../model/resolve-model.js';
import type { RunMetrics } from '../../observe/metrics-contract.js';

export interface RunManifest {
  schemaVersion: 1;
  tool: { name: 'dataset-gen'; version: string; gitCommit: string | null };
  runtime: {
    node: string;
    platform: string;
    ffmpeg: { path: string; version: string; source: FfmpegTools['source'] };
    ffprobe: { path: string; version: string };
    onnxruntime: string;
    sharp: string;
    libvips: string;
    executionProviders: string[];
    /** Where ffmpeg decoded: `cuda` (NVDEC) or `cpu`. */
    decoder: 'cuda' | 'cpu';
  };
  run: { id: string; startedAt: string; finishedAt: string; wallSeconds: number };
  /**
   * The resolved options, without paths of this machine's run, without the Pushgateway URL (it may hold a
   * password) and without `resume` (a resumed run's dataset is the same as an uninterrupted run's).
   */
  config: Omit<Options, 'videos' | 'outDir' | 'pushgatewayUrl' | 'historyCsv' | 'resume' | 'exclude'> & {
    model: ModelConfig;
    /** `--exclude`: the sha256 of each source as read (the paths are in `labelled`). */
    exclude: string[];
  };
  model: { path: string; sha256: string; origin: ResolvedModel['origin']; url: string | null; pinned: boolean; classNames: string[] };
  videos: (Pick<
    VideoInfo,
    | 'path'
    | 'stem'
    | 'sizeBytes'
    | 'container'
    | 'codec'
    | 'durationSeconds'
    | 'fps'
    | 'width'
    | 'height'
    | 'rotation'
    | 'frameCount'
    | 'frameCountExact'
    | 'reordersFrames'
  > & {
    sha256: string;
    /** How its frames were decoded (`--decode`, `auto` settled) and why. */
    decode: DecodeMode;
    decodeReason: string;
    framesDecoded: number;
    decodeErrors: number;
    /** Where decoding stopped in a truncated file (seconds of `durationSeconds`); null when it decoded to the end. */
    truncatedAtSeconds: number | null;
    /** The model input its frames were letterboxed into (`--inference-shape`) and why; null in a merge of parts that did not record it. */
    inference: InferenceInput | null;
  })[];
  counts: {
    framesDecoded: number;
    framesSampled: number;
    images: number;
    detections: number;
    dropped: Record<string, number>;
    frameDropRatio: number;
  };
  /** The frames already labelled (`--exclude`): each source as given, what was read of it and what it held. */
  labelled: LabelledSourceSummary[];
  /** The dataset's other files, relative to its folder. */
  files: Omit<typeof DATASET_FILES, 'manifest'>;
  /** The annotation exports written (`--export`): each format's files and folders, images and boxes. */
  exports: ExportRecord[];
  /** The labelling budget's choice (`--select`), relative to the dataset folder; null when none was asked for. */
  selection: {
    file: typeof EXPORT_FILES.selection;
    /** Every kept frame's appearance features, which `merge` chooses from again. */
    featuresFile: typeof EXPORT_FILES.selectionFeatures;
    frames: number;
    exportsOnlySelected: boolean;
  } | null;
  /** For a dataset made by `dataset-gen merge`: what its parts cover of each video (seconds), gaps left out. */
  coverage?: { video: string; durationSeconds: number; covered: [number, number][] }[];
  /** For a dataset made by `dataset-gen merge`: the datasets it joins, in the order given. */
  parts?: ManifestPart[];
}

/** One dataset a merged dataset was made from. */
export interface ManifestPart {
  /** The folder as given to `merge`. */
  path: string;
  runId: string;
  timeRange: Options['timeRange'];
  images: number;
  executionProviders: string[];
  wallSeconds: number;
}

export interface ManifestInput {
  runId: string;
  startedAt: Date;
  finishedAt: Date;
  options: Options;
  modelConfig: ModelConfig;
  model: ResolvedModel;
  classNames: string[];
  providers: string[];
  decoder: 'cuda' | 'cpu';
  tools: FfmpegTools;
  videos: readonly VideoRecord[];
  metrics: RunMetrics;
  labelled: readonly LabelledSourceSummary[];
  toolVersion: string;
  gitCommit: string | null;
}

/** The model config with a source URL cut to scheme, host and path (see domain/url-redaction.ts). */
function redactedModelConfig(config: ModelConfig): ModelConfig {
  const { source } = config;
  return source && 'url' in source ? { ...config, source: { ...source, url: redactUrl(source.url) } } : config;
}

export function buildManifest(input: ManifestInput): RunManifest {
  const { options, metrics } = input;
  const { videos: _videos, outDir: _outDir, pushgatewayUrl: _push, historyCsv: _history, resume: _resume, exclude: _exclude, ...config } = options;
  return {
    schemaVersion: 1,
    tool: { name: 'dataset-gen', version: input.toolVersion, gitCommit: input.gitCommit },
    runtime: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      ffmpeg: { ...input.tools.ffmpeg, source: input.tools.source },
      ffprobe: input.tools.ffprobe,
      onnxruntime: ort.env.versions.node ?? ort.env.versions.common,
      sharp: sharp.versions.sharp ?? 'unknown',
      libvips: sharp.versions.vips,
      executionProviders: input.providers,
      decoder: input.decoder,
    },
    run: {
      id: input.runId,
      startedAt: input.startedAt.toISOString(),
      finishedAt: input.finishedAt.toISOString(),
      wallSeconds: Math.round((input.finishedAt.getTime() - input.startedAt.getTime()) / 10) / 100,
    },
    config: {
      ...config,
      modelUrl: config.modelUrl === null ? null : redactUrl(config.modelUrl),
      model: redactedModelConfig(input.modelConfig),
      exclude: input.labelled.map((source) => source.sha256),
    },
    model: {
      path: input.model.path,
      sha256: input.model.sha256,
      origin: input.model.origin,
      url: input.model.url === null ? null : redactUrl(input.model.url),
      pinned: input.model.pinned,
      classNames: input.classNames,
    },
    videos: input.videos.map((v) => ({
      path: v.info.path,
      stem: v.info.stem,
      sha256: v.sha256,
      decode: v.decode.mode,
      decodeReason: v.decode.reason,
      sizeBytes: v.info.sizeBytes,
      container: v.info.container,
      codec: v.info.codec,
      durationSeconds: v.info.durationSeconds,
      fps: v.info.fps,
      width: v.info.width,
      height: v.info.height,
      rotation: v.info.rotation,
      frameCount: v.info.frameCount,
      frameCountExact: v.info.frameCountExact,
      reordersFrames: v.info.reordersFrames,
      framesDecoded: v.framesDecoded,
      decodeErrors: v.decodeErrors,
      truncatedAtSeconds: v.truncatedAtMs === undefined ? null : Math.round(v.truncatedAtMs) / 1000,
      inference: v.inference ?? null,
    })),
    counts: manifestCounts(metrics),
    labelled: input.labelled.map((source) => ({ ...source })),
    files: manifestFiles(),
    exports: metrics.exports,
    selection: manifestSelection(metrics),
  };
}

/** The dataset's files besides the manifest, as the manifest lists them. */
export function manifestFiles(): RunManifest['files'] {
  const { manifest: _manifest, ...files } = DATASET_FILES;
  return files;
}

/** The manifest's entry for the labelling budget, from the metrics; null when none was asked for. */
export function manifestSelection(metrics: RunMetrics): RunManifest['selection'] {
  const { selection } = metrics;
  if (selection === null) return null;
  return {
    file: EXPORT_FILES.selection,
    featuresFile: EXPORT_FILES.selectionFeatures,
    frames: selection.selected,
    exportsOnlySelected: selection.exportsOnlySelected,
  };
}

export function manifestCounts(metrics: RunMetrics): RunManifest['counts'] {
  return {
    framesDecoded: metrics.frames.decoded,
    framesSampled: metrics.frames.sampled,
    images: metrics.images,
    detections: metrics.detections.total,
    dropped: { ...metrics.frames.droppedByReason },
    frameDropRatio: metrics.frameDropRatio,
  };
}
