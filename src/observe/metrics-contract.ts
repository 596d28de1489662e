/**
 * The shape of metrics.json: the run's metrics as one plain, JSON-serialisable object, computed once at
 * the end of a run (compute-metrics.ts). report.md and the console summary render from it and from
 * nothing else.
 *
 * Numbers are rounded (statistics.ts `round`) so that two runs over the same input produce the same
 * metrics.json apart from the timings, which are wall-clock measurements and vary by nature.
 */
import type { DataLossWarning } from '../domain/data-loss.js';
import type { DropReason } from '../domain/drop-reason.js';
import type { ExportRecord } from '../domain/exports.js';
import type { QualityGateVerdict } from '../domain/quality-gates.js';
import type { DecodeMode } from '../domain/run-options.js';
import type { SelectionReason } from '../domain/selection.js';
import type { Stage } from '../domain/stages.js';
import type { DistributionSummary, HistogramBucket } from './statistics.js';

export const METRICS_SCHEMA_VERSION = 1 as const;

/** What became of a set of sampled frames: the same counts for the whole run and for each video. */
export interface FrameCounts {
  /** Frames that reached the quality stage (one FrameRecord each). */
  sampled: number;
  kept: number;
  /** bad + duplicates + labelled. */
  dropped: number;
  /** Every reason in `DROP_REASONS` order, 0 when none. */
  droppedByReason: Record<DropReason, number>;
  /** Quality drops: corrupt + black + overexposed + blurred. */
  bad: number;
  duplicates: number;
  /** Frames already labelled (`--exclude`): not written again, and not a loss (not in `frameDropRatio`). */
  labelled: number;
}

export interface FrameMetrics extends FrameCounts {
  /** Frames ffmpeg decoded, summed over videos. */
  decoded: number;
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

export interface VideoMetrics extends FrameCounts {
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
  /** Frames ffmpeg decoded from this video. */
  decoded: number;
  decodeErrors: number;
  detections: number;
  /** Where decoding stopped in a truncated file (seconds); null when it decoded to the end. */
  truncatedAtSeconds: number | null;
  /** The model input its frames were letterboxed into (`--inference-shape`); null when not recorded (a merge of older parts). */
  inference: { width: number; height: number } | null;
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
  /** The quality gates the run was checked against (the Action's `min-images`, `max-drop-ratio`), with their verdicts; empty when none was set. */
  qualityGates: QualityGateVerdict[];
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
  /** The score a detection had to reach for its class to count as shown. */
  confidence: number;
  /** Picks made to show a class, for the model's uncertainty, and for being unlike the others. */
  byReason: { class: number; uncertain: number; spread: number };
  /** The exports hold only the selected frames. */
  exportsOnlySelected: boolean;
  /** The selected frames in pick order: image file, reason, and the reason in words. */
  picks: { file: string; reason: SelectionReason; why: string }[];
}
