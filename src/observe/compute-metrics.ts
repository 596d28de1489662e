/**
 * The computation of metrics.json (its shape: metrics-contract.ts) from everything the stages recorded
 * in a `RunRecord`: frame counts for the run and each video, detections, stage timings, pHash
 * distances, data-loss warnings, the run's cost and the labelling budget's choice. Pure: the record is
 * read, never changed.
 */
import path from 'node:path';

import { DATA_LOSS_SHARE, type DataLossWarning, type UncoveredRange } from '../domain/data-loss.js';
import { DROP_REASONS, QUALITY_DROP_REASONS, type DropReason } from '../domain/drop-reason.js';
import type { FrameRecord, KeptImage, VideoRecord } from '../domain/frame-record.js';
import type { Selection } from '../domain/selection.js';
import { STAGES, type Stage } from '../domain/stages.js';
import {
  METRICS_SCHEMA_VERSION,
  type ComputeMetrics,
  type DetectionMetrics,
  type FrameCounts,
  type RunMetrics,
  type SelectionMetrics,
  type StageMetrics,
  type TimingMetrics,
  type VideoMetrics,
} from './metrics-contract.js';
import type { RunRecord } from './recorder.js';
import { histogram, round, summarize, type BucketBounds } from './statistics.js';

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
  /** Compute time when it is not the record's own wall time (a merge: its parts' runs), ms. */
  computeMs?: number;
  /** Stretches of videos no merged part covered (`merge --allow-gaps`), reported first among the data-loss warnings. */
  uncovered?: readonly UncoveredRange[];
}

/** Buckets for detections per image: 0 … 9, then 10+. */
const DETECTIONS_PER_IMAGE_BUCKETS: BucketBounds = [...Array.from({ length: 10 }, (_, i) => [i, i] as const), [10, null]];

/** Buckets for pHash Hamming distances (0..64): fine-grained where dedup thresholds sit. */
const PHASH_DISTANCE_BUCKETS: BucketBounds = [
  [0, 0],
  [1, 1],
  [2, 2],
  [3, 3],
  [4, 4],
  [5, 5],
  [6, 6],
  [7, 7],
  [8, 8],
  [9, 9],
  [10, 11],
  [12, 15],
  [16, 23],
  [24, 31],
  [32, null],
];

/** Computes the run's metrics from everything the stages recorded. Pure: the recorder is not changed. */
export function computeMetrics(recorder: RunRecord, options: ComputeMetricsOptions): RunMetrics {
  const counts = countFrames(recorder.frames);
  const decoded = recorder.videos.reduce((acc, v) => acc + Math.max(0, v.framesDecoded), 0);
  const videos = videoMetrics(recorder);
  const distances = recorder.frames.map((f) => f.phashDistance).filter((d): d is number => d !== null && Number.isFinite(d));
  const classFilter = options.classFilter && options.classFilter.length > 0 ? options.classFilter : null;

  return {
    schemaVersion: METRICS_SCHEMA_VERSION,
    site: options.site,
    frames: { decoded, ...counts },
    frameDropRatio: counts.sampled > 0 ? round((counts.bad + counts.duplicates) / counts.sampled, 4) : 0,
    images: recorder.kept.length,
    detections: detectionMetrics(recorder.kept, options.classNames, classFilter),
    timings: timingMetrics(recorder),
    videos,
    phashDistance: summarize(distances, PHASH_DISTANCE_BUCKETS),
    dataLoss: [...(options.uncovered ?? []), ...dataLossOf(videos, counts.sampled, recorder.kept.length)],
    compute: costMetrics(recorder, options),
    exports: recorder.exports.map((e) => ({ ...e, files: [...e.files] })),
    selection: selectionMetrics(recorder.selection, recorder.exportsOnlySelected),
    qualityGates: [],
  };
}

function emptyReasonCounts(): Record<DropReason, number> {
  const counts = {} as Record<DropReason, number>;
  for (const reason of DROP_REASONS) counts[reason] = 0;
  return counts;
}

/** Counts frame records by outcome and drop reason. */
function countFrames(frames: readonly FrameRecord[]): FrameCounts {
  const droppedByReason = emptyReasonCounts();
  let kept = 0;
  for (const frame of frames) {
    if (frame.outcome === 'kept') kept += 1;
    else droppedByReason[frame.reason] += 1;
  }
  return {
    sampled: frames.length,
    kept,
    dropped: frames.length - kept,
    droppedByReason,
    bad: droppedByReason.corrupt + droppedByReason.black + droppedByReason.overexposed + droppedByReason.blurred,
    duplicates: droppedByReason.duplicate,
    labelled: droppedByReason.labelled,
  };
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

/** Each video's facts and counts, in run order; frame and kept-image records are matched to it by name. */
function videoMetrics(recorder: RunRecord): VideoMetrics[] {
  const resolve = videoResolver(recorder.videos);
  const framesByVideo = groupBy(recorder.frames, (f) => resolve(f.video), recorder.videos.length);
  const keptByVideo = groupBy(recorder.kept, (k) => resolve(k.video), recorder.videos.length);
  return recorder.videos.map((video, i): VideoMetrics => ({
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
    inference: video.inference === undefined ? null : { width: video.inference.width, height: video.inference.height },
    ...countFrames(framesByVideo[i] ?? []),
    detections: (keptByVideo[i] ?? []).reduce((acc, k) => acc + k.detections.length, 0),
  }));
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

/** The run's compute time (its wall time, or a merge's parts') against the video time it processed, and its cost when a price was given. */
function costMetrics(recorder: RunRecord, options: ComputeMetricsOptions): ComputeMetrics {
  const videoSeconds = options.videoSeconds ?? recorder.videos.reduce((acc, v) => acc + v.info.durationSeconds, 0);
  const computeSeconds = (options.computeMs ?? recorder.wallMs) / 1000;
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
  if (images === 0) warnings.push({ kind: 'no-images', sampled, labelled: videos.reduce((sum, v) => sum + v.labelled, 0) });
  return warnings;
}

function selectionMetrics(selection: Selection | null, exportsOnlySelected: boolean): SelectionMetrics | null {
  if (!selection) return null;
  const covered = new Set(selection.selected.flatMap((s) => s.classes));
  return {
    requested: selection.requested,
    selected: selection.selected.length,
    classes: selection.classes.length,
    classesCovered: selection.classes.filter((c) => covered.has(c.name)).length,
    confidence: selection.confidence,
    byReason: {
      class: selection.selected.filter((s) => s.reason === 'class').length,
      uncertain: selection.selected.filter((s) => s.reason === 'uncertain').length,
      spread: selection.selected.filter((s) => s.reason === 'spread').length,
    },
    exportsOnlySelected,
    picks: selection.selected.map(({ file, reason, why }) => ({ file, reason, why })),
  };
}
