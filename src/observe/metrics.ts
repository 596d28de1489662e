/**
 * The run's metrics: one plain, JSON-serialisable object computed once from the `RunRecorder` at the
 * end of a run. metrics.json is this object; report.md and the console summary render from it and
 * from nothing else.
 *
 * Numbers are rounded (see `round`) so that two runs over the same input produce the same
 * metrics.json apart from the timings, which are wall-clock measurements and vary by nature.
 */
import path from 'node:path';
import { DROP_REASONS, QUALITY_DROP_REASONS, type DropReason } from '../domain/drop-reason.js';
import type { ExportRecord } from '../domain/exports.js';
import type { FrameRecord, KeptImage, VideoRecord } from '../domain/frame-record.js';
import type { DecodeMode } from '../domain/run-options.js';
import type { Selection } from '../domain/selection.js';
import { STAGES, type Stage } from '../domain/stages.js';
import { DATA_LOSS_SHARE, type DataLossWarning } from '../domain/data-loss.js';
import type { RunRecord } from './recorder.js';

export const METRICS_SCHEMA_VERSION = 1 as const;

/** One bucket of a histogram: values `min..max` inclusive; `max` null for an open-ended last bucket. */
export interface HistogramBucket {
  label: string;
  min: number;
  max: number | null;
  count: number;
}

/** Summary of a list of numbers. All zeros (never NaN) when `count` is 0. */
export interface DistributionSummary {
  count: number;
  min: number;
  median: number;
  mean: number;
  max: number;
  histogram: HistogramBucket[];
}

export interface FrameMetrics {
  /** Frames ffmpeg decoded, summed over videos. */
  decoded: number;
  /** Frames that reached the quality stage (one FrameRecord each). */
  sampled: number;
  kept: number;
  /** bad + duplicates. */
  dropped: number;
  /** Every reason in `DROP_REASONS` order, 0 when none. */
  droppedByReason: Record<DropReason, number>;
  /** Quality drops: corrupt + black + overexposed + blurred. */
  bad: number;
  duplicates: number;
}

export interface ClassMetrics {
  name: string;
  count: number;
  /** Mean confidence of this class's detections, 0 when count is 0. */
  meanScore: number;
}

export interface DetectionMetrics {
  total: number;
  /** Detections per kept image; histogram buckets 0, 1, …, 9, 10+. */
  perImage: { min: number; mean: number; max: number; histogram: HistogramBucket[] };
  /** Classes with at least one detection, by count descending, then name ascending. */
  byClass: ClassMetrics[];
  /**
   * Classes that could have been detected but never were: the class filter's, in its order, when
   * there is one (the model's other classes were filtered out, not missed), else the model's, in
   * model order.
   */
  classesWithoutDetections: string[];
  /** The class filter (`--classes`, input `classes`): the classes kept, of how many the model has; null when all are kept. */
  classFilter: ClassFilterMetrics | null;
}

export interface ClassFilterMetrics {
  /** Class names kept, in the order given. */
  kept: string[];
  /** Number of classes the model has. */
  modelClasses: number;
}

export interface StageMetrics {
  ms: number;
  /** Fraction (0..1) of the sum of all stage times. */
  share: number;
}

export interface TimingMetrics {
  wallMs: number;
  /** Sum of the stage times (can differ from wallMs: stages may overlap or leave gaps). */
  stageTotalMs: number;
  /** Every stage, in pipeline order. */
  stages: Record<Stage, StageMetrics>;
}

export interface VideoMetrics {
  /** File name with extension. */
  name: string;
  stem: string;
  index: number;
  sha256: string;
  durationSeconds: number;
  fps: number;
  width: number;
  height: number;
  sizeBytes: number;
  /** How its frames were decoded: every frame, or keyframes (`--decode`). */
  decode: DecodeMode;
  decoded: number;
  decodeErrors: number;
  sampled: number;
  kept: number;
  dropped: number;
  /** Every reason in `DROP_REASONS` order, 0 when none. */
  droppedByReason: Record<DropReason, number>;
  bad: number;
  duplicates: number;
  detections: number;
  /** Where decoding stopped in a truncated file (seconds); null when it decoded to the end. */
  truncatedAtSeconds: number | null;
}

export interface RunMetrics {
  schemaVersion: typeof METRICS_SCHEMA_VERSION;
  site: string;
  frames: FrameMetrics;
  /** (bad + duplicates) / sampled; 0 when nothing was sampled. */
  frameDropRatio: number;
  /** Images written (kept images recorded). */
  images: number;
  detections: DetectionMetrics;
  timings: TimingMetrics;
  videos: VideoMetrics[];
  /** Hamming distances of frame pHashes to the previous kept frame (first frames excluded). */
  phashDistance: DistributionSummary;
  /** Where data was lost: most of a video's frames to one reason, none kept, a truncated or damaged file (src/domain/data-loss.ts); empty when none was. */
  dataLoss: DataLossWarning[];
  compute: ComputeMetrics;
  /** The annotation exports written (`--export`), with their files. */
  exports: ExportRecord[];
  /** The labelling budget (`--select`); null when none was asked for. */
  selection: SelectionMetrics | null;
}

/** What the run cost: its wall time against the video time it processed, and in money at a given price. */
export interface ComputeMetrics {
  /** Seconds of video processed (the time range's share of each video, or all of it). */
  videoSeconds: number;
  /** The run's wall seconds (a runner is billed for its wall time). */
  computeSeconds: number;
  computeSecondsPerVideoHour: number;
  /** USD per hour given with `price-per-hour`; null when not given, and then no cost below. */
  pricePerHour: number | null;
  cost: number | null;
  costPerVideoHour: number | null;
  /** onnxruntime's execution providers that ran the model (after any CUDA → CPU fallback). */
  executionProviders: string[];
}

export interface SelectionMetrics {
  requested: number;
  selected: number;
  /** Classes detected in the kept frames, and how many of them the selected frames show. */
  classes: number;
  classesCovered: number;
  /** Picks made to show a class, and picks made for being unlike the others. */
  byReason: { class: number; spread: number };
  /** The exports hold only the selected frames. */
  exportsOnlySelected: boolean;
  /** Image files of the selected frames, in pick order. */
  files: string[];
}

function selectionMetrics(selection: Selection | null, exportsOnlySelected: boolean): SelectionMetrics | null {
  if (!selection) return null;
  const covered = new Set(selection.selected.flatMap((s) => s.classes));
  return {
    requested: selection.requested,
    selected: selection.selected.length,
    classes: selection.classes.length,
    classesCovered: selection.classes.filter((c) => covered.has(c.name)).length,
    byReason: {
      class: selection.selected.filter((s) => s.reason === 'class').length,
      spread: selection.selected.filter((s) => s.reason === 'spread').length,
    },
    exportsOnlySelected,
    files: selection.selected.map((s) => s.file),
  };
}

export interface ComputeMetricsOptions {
  site: string;
  /** Seconds of video processed; default: every video whole. */
  videoSeconds?: number;
  pricePerHour?: number | null;
  executionProviders?: readonly string[];
  /** The model's class names, in output order. */
  classNames: readonly string[];
  /** The class filter, when the run kept only some classes; absent or null keeps all. */
  classFilter?: readonly string[] | null;
}

/** Rounds to `digits` decimals; non-finite input gives 0 and -0 becomes 0, so JSON stays clean. */
export function round(value: number, digits = 0): number {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Buckets for detections per image: 0 … 9, then 10+. */
export const DETECTIONS_PER_IMAGE_BUCKETS: readonly (readonly [number, number | null])[] = [
  ...Array.from({ length: 10 }, (_, i) => [i, i] as const),
  [10, null],
];

/** Buckets for pHash Hamming distances (0..64): fine-grained where dedup thresholds sit. */
export const PHASH_DISTANCE_BUCKETS: readonly (readonly [number, number | null])[] = [
  [0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 7], [8, 8], [9, 9],
  [10, 11], [12, 15], [16, 23], [24, 31], [32, null],
];

function bucketLabel(min: number, max: number | null): string {
  if (max === null) return `${min}+`;
  return min === max ? String(min) : `${min}-${max}`;
}

/** Counts `values` into the given inclusive integer buckets (values are floored first). */
export function histogram(
  values: readonly number[],
  buckets: readonly (readonly [number, number | null])[],
): HistogramBucket[] {
  const result = buckets.map(([min, max]) => ({ label: bucketLabel(min, max), min, max, count: 0 }));
  for (const raw of values) {
    const value = Math.floor(raw);
    const bucket = result.find((b) => value >= b.min && (b.max === null || value <= b.max));
    if (bucket) bucket.count += 1;
  }
  return result;
}

/** The median of numbers sorted ascending; 0 when there are none. */
export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? 0;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** min / median / mean / max and histogram of `values`; zeros when empty. */
export function summarize(
  values: readonly number[],
  buckets: readonly (readonly [number, number | null])[],
): DistributionSummary {
  const finite = values.filter((v) => Number.isFinite(v));
  const sorted = [...finite].sort((a, b) => a - b);
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  return {
    count: sorted.length,
    min: round(sorted[0] ?? 0, 3),
    median: round(median(sorted), 3),
    mean: round(sorted.length === 0 ? 0 : sum / sorted.length, 3),
    max: round(sorted[sorted.length - 1] ?? 0, 3),
    histogram: histogram(sorted, buckets),
  };
}

function emptyReasonCounts(): Record<DropReason, number> {
  const counts = {} as Record<DropReason, number>;
  for (const reason of DROP_REASONS) counts[reason] = 0;
  return counts;
}

interface FrameTally {
  sampled: number;
  kept: number;
  dropped: number;
  byReason: Record<DropReason, number>;
}

function tallyFrames(frames: readonly FrameRecord[]): FrameTally {
  const tally: FrameTally = { sampled: 0, kept: 0, dropped: 0, byReason: emptyReasonCounts() };
  for (const frame of frames) {
    tally.sampled += 1;
    if (frame.outcome === 'kept') {
      tally.kept += 1;
    } else {
      tally.dropped += 1;
      tally.byReason[frame.reason] += 1;
    }
  }
  return tally;
}

function badOf(byReason: Record<DropReason, number>): number {
  return byReason.corrupt + byReason.black + byReason.overexposed + byReason.blurred;
}

/**
 * Maps the `video` string of frame and kept-image records to a video's position in `videos`.
 * Records may name a video by path, file name or stem; the path is tried first since it is unique.
 */
function videoResolver(videos: readonly VideoRecord[]): (name: string) => number | undefined {
  const byPath = new Map<string, number>();
  const byBase = new Map<string, number>();
  const byStem = new Map<string, number>();
  videos.forEach((video, i) => {
    if (!byPath.has(video.info.path)) byPath.set(video.info.path, i);
    const base = path.basename(video.info.path);
    if (!byBase.has(base)) byBase.set(base, i);
    if (!byStem.has(video.info.stem)) byStem.set(video.info.stem, i);
  });
  return (name) => byPath.get(name) ?? byBase.get(name) ?? byStem.get(name);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number | undefined, size: number): T[][] {
  const groups: T[][] = Array.from({ length: size }, () => []);
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) groups[key]?.push(item);
  }
  return groups;
}

function detectionMetrics(kept: readonly KeptImage[], classNames: readonly string[], filter: readonly string[] | null): DetectionMetrics {
  const perImage = kept.map((image) => image.detections.length);
  const total = perImage.reduce((acc, n) => acc + n, 0);
  const classes = new Map<string, { count: number; scoreSum: number }>();
  for (const image of kept) {
    for (const det of image.detections) {
      const name = det.className || classNames[det.classIndex] || `class ${det.classIndex}`;
      const entry = classes.get(name) ?? { count: 0, scoreSum: 0 };
      entry.count += 1;
      entry.scoreSum += Number.isFinite(det.score) ? det.score : 0;
      classes.set(name, entry);
    }
  }
  const byClass = [...classes.entries()]
    .map(([name, { count, scoreSum }]) => ({ name, count, meanScore: round(scoreSum / count, 4) }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seen = new Set<string>();
  const classesWithoutDetections = (filter ?? classNames).filter((name) => {
    if (classes.has(name) || seen.has(name)) return false;
    seen.add(name);
    return true;
  });
  return {
    total,
    perImage: {
      // reduce, not Math.min(...): spreading a very long array overflows the call stack.
      min: perImage.length === 0 ? 0 : perImage.reduce((a, b) => Math.min(a, b)),
      mean: round(perImage.length === 0 ? 0 : total / perImage.length, 3),
      max: perImage.length === 0 ? 0 : perImage.reduce((a, b) => Math.max(a, b)),
      histogram: histogram(perImage, DETECTIONS_PER_IMAGE_BUCKETS),
    },
    byClass,
    classesWithoutDetections,
    classFilter: filter === null ? null : { kept: [...filter], modelClasses: classNames.length },
  };
}

function timingMetrics(recorder: RunRecord): TimingMetrics {
  const total = STAGES.reduce((acc, stage) => acc + Math.max(0, recorder.stageMs[stage]), 0);
  const stages = {} as Record<Stage, StageMetrics>;
  for (const stage of STAGES) {
    const ms = Math.max(0, recorder.stageMs[stage]);
    stages[stage] = { ms: round(ms, 1), share: total > 0 ? round(ms / total, 4) : 0 };
  }
  return { wallMs: round(recorder.wallMs, 1), stageTotalMs: round(total, 1), stages };
}

/** Computes the run's metrics from everything the stages recorded. Pure: the recorder is not changed. */
export function computeMetrics(recorder: RunRecord, options: ComputeMetricsOptions): RunMetrics {
  const tally = tallyFrames(recorder.frames);
  const bad = badOf(tally.byReason);
  const duplicates = tally.byReason.duplicate;
  const decoded = recorder.videos.reduce((acc, v) => acc + Math.max(0, v.framesDecoded), 0);

  const resolve = videoResolver(recorder.videos);
  const framesByVideo = groupBy(recorder.frames, (f) => resolve(f.video), recorder.videos.length);
  const keptByVideo = groupBy(recorder.kept, (k) => resolve(k.video), recorder.videos.length);
  const videos = recorder.videos.map((video, i): VideoMetrics => {
    const vt = tallyFrames(framesByVideo[i] ?? []);
    const detections = (keptByVideo[i] ?? []).reduce((acc, k) => acc + k.detections.length, 0);
    return {
      name: path.basename(video.info.path),
      stem: video.info.stem,
      index: video.info.index,
      sha256: video.sha256,
      durationSeconds: round(video.info.durationSeconds, 3),
      fps: round(video.info.fps, 3),
      width: video.info.width,
      height: video.info.height,
      sizeBytes: video.info.sizeBytes,
      decode: video.decode.mode,
      decoded: video.framesDecoded,
      truncatedAtSeconds: video.truncatedAtMs === undefined ? null : round(video.truncatedAtMs / 1000, 3),
      decodeErrors: video.decodeErrors,
      sampled: vt.sampled,
      kept: vt.kept,
      dropped: vt.dropped,
      droppedByReason: vt.byReason,
      bad: badOf(vt.byReason),
      duplicates: vt.byReason.duplicate,
      detections,
    };
  });

  const distances = recorder.frames
    .map((f) => f.phashDistance)
    .filter((d): d is number => d !== null && Number.isFinite(d));

  return {
    schemaVersion: METRICS_SCHEMA_VERSION,
    site: options.site,
    frames: {
      decoded,
      sampled: tally.sampled,
      kept: tally.kept,
      dropped: tally.dropped,
      droppedByReason: tally.byReason,
      bad,
      duplicates,
    },
    frameDropRatio: tally.sampled > 0 ? round((bad + duplicates) / tally.sampled, 4) : 0,
    images: recorder.kept.length,
    detections: detectionMetrics(recorder.kept, options.classNames, options.classFilter && options.classFilter.length > 0 ? options.classFilter : null),
    timings: timingMetrics(recorder),
    videos,
    phashDistance: summarize(distances, PHASH_DISTANCE_BUCKETS),
    dataLoss: dataLossOf(videos, tally.sampled, recorder.kept.length),
    compute: computeMetricsOf(recorder, options),
    exports: recorder.exports.map((e) => ({ ...e, files: [...e.files] })),
    selection: selectionMetrics(recorder.selection, recorder.exportsOnlySelected),
  };
}

function computeMetricsOf(recorder: RunRecord, options: ComputeMetricsOptions): ComputeMetrics {
  const videoSeconds = options.videoSeconds ?? recorder.videos.reduce((acc, v) => acc + v.info.durationSeconds, 0);
  const computeSeconds = recorder.wallMs / 1000;
  const perVideoHour = videoSeconds > 0 ? (computeSeconds * 3600) / videoSeconds : 0;
  const price = options.pricePerHour ?? null;
  return {
    videoSeconds: round(videoSeconds, 3),
    computeSeconds: round(computeSeconds, 2),
    computeSecondsPerVideoHour: round(perVideoHour, 1),
    pricePerHour: price,
    cost: price === null ? null : round((computeSeconds / 3600) * price, 4),
    costPerVideoHour: price === null ? null : round((perVideoHour / 3600) * price, 4),
    executionProviders: [...(options.executionProviders ?? [])],
  };
}

/** A warning for each truncated or damaged video, each quality reason that dropped more than half of a video's non-duplicate frames, and an empty dataset. */
function dataLossOf(videos: readonly VideoMetrics[], sampled: number, images: number): DataLossWarning[] {
  const warnings: DataLossWarning[] = [];
  for (const video of videos) {
    if (video.truncatedAtSeconds !== null) {
      warnings.push({ kind: 'truncated', video: video.stem, decodedSeconds: video.truncatedAtSeconds, durationSeconds: video.durationSeconds });
    }
    const damaged = video.decodeErrors > 0;
    if (damaged) {
      warnings.push({ kind: 'damaged', video: video.stem, decodeErrors: video.decodeErrors, dropped: video.droppedByReason.corrupt, sampled: video.sampled });
    }
    const of = video.sampled - video.duplicates;
    for (const reason of QUALITY_DROP_REASONS) {
      const dropped = video.droppedByReason[reason];
      // Corrupt frames come from decoder errors, which the damaged warning already counts.
      if (reason === 'corrupt' && damaged) continue;
      if (of > 0 && dropped > DATA_LOSS_SHARE * of) warnings.push({ kind: 'reason', video: video.stem, reason, dropped, of });
    }
  }
  if (images === 0) warnings.push({ kind: 'no-images', sampled });
  return warnings;
}
