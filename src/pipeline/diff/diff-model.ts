/**
 * What `dataset-gen diff` finds between two finished datasets, the baseline (`base`) and the new one
 * (`head`): the one model the Markdown, the JSON file, the Action's outputs and its gates are made
 * from. Every number is counted from the datasets' own files (manifest.json, metrics.csv, COCO,
 * metrics.json), read back through the trust boundary.
 */
import type { DropReason } from '../../domain/drop-reason.js';
import type { QualityGateVerdict } from '../../domain/quality-gates.js';

export const DIFF_SCHEMA_VERSION = 1 as const;

/** A number before (baseline) and after (head). */
export interface Change {
  before: number;
  after: number;
}

/** One side of the comparison, as its files name it. */
export interface DiffSide {
  /** The folder as the user gave it. */
  given: string;
  site: string;
  toolVersion: string;
  runId: string;
  finishedAt: string;
}

/** A manifest value that differs (`config.blurThreshold`, `model.sha256`, …); `undefined` → `null`. */
export interface ValueChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** A video of either side, by its content. */
export interface DiffVideo {
  stem: string;
  sha256: string;
  durationSeconds: number;
}

export interface VideoChanges {
  /** In head only (by sha256). */
  added: DiffVideo[];
  /** In the baseline only (by sha256). */
  removed: DiffVideo[];
  /** In both: same sha256 (a renamed file keeps its frames). */
  same: number;
  /** The same stem with other content: listed in added and removed too. */
  replacedStems: string[];
}

/** Sampled frames and what became of them. */
export interface FrameCountChanges {
  sampled: Change;
  kept: Change;
  dropped: Change;
  droppedByReason: Record<DropReason, Change>;
}

export interface ClassChange extends Change {
  name: string;
}

/** Detections per image (min, mean, max) and scores in ten buckets of 0.1. */
export interface DetectionDistribution {
  perImage: { min: number; mean: number; max: number };
  /** Count of scores in [0, 0.1), [0.1, 0.2) … [0.9, 1]. */
  scoreBuckets: number[];
  meanScore: number;
}

export interface DetectionChanges {
  total: Change;
  /** Every class detected on either side, the largest change first. */
  byClass: ClassChange[];
  /** Classes with detections in the baseline and none in head. */
  lost: string[];
  /** Classes with none in the baseline and some in head. */
  gained: string[];
  before: DetectionDistribution;
  after: DetectionDistribution;
}

/** What happened to a sampled frame on one side: kept, a drop reason, or not sampled. */
export type FrameFate = 'kept' | DropReason | 'not sampled';

/** A frame kept on one side only, with what became of it on the other. */
export interface FrameMove {
  /** Video sha256 and frame index identify the frame across both sides. */
  sha256: string;
  frameIndex: number;
  /** The image file on the side that kept it. */
  file: string;
  /** The frame's fate on the other side. */
  other: FrameFate;
}

/** A box of one side (COCO's x, y, width, height in pixels). */
export interface DiffBox {
  className: string;
  score: number;
  box: { x: number; y: number; width: number; height: number };
}

/** A frame kept on both sides whose boxes differ. */
export interface FrameBoxChange {
  sha256: string;
  frameIndex: number;
  /** The image file in head (and in the baseline: the name depends on the stem, which may differ). */
  file: string;
  baseFile: string;
  /** Boxes paired by class at IoU ≥ 0.5. */
  paired: number;
  /** Head boxes no baseline box pairs with (and none relabelled). */
  added: DiffBox[];
  /** Baseline boxes no head box pairs with (and none relabelled). */
  removed: DiffBox[];
  /** Pairs at IoU ≥ 0.5 of another class: the baseline's box, then head's. */
  relabelled: { before: DiffBox; after: DiffBox }[];
  /** Pairs of the same class whose IoU is below 0.9: the same object, its box shifted. */
  moved: { before: DiffBox; after: DiffBox; iou: number }[];
}

export interface FrameChanges {
  /** Kept in head only. */
  added: FrameMove[];
  /** Kept in the baseline only. */
  removed: FrameMove[];
  /** Kept on both sides with the same boxes (each paired at IoU ≥ 0.9 with one of its class). */
  unchanged: number;
  /** Kept on both sides with other boxes, the most changed first. */
  changed: FrameBoxChange[];
  /** Box totals over `changed`. */
  boxes: { added: number; removed: number; relabelled: number; moved: number };
}

export interface DatasetDiff {
  schemaVersion: typeof DIFF_SCHEMA_VERSION;
  base: DiffSide;
  head: DiffSide;
  /** `no-change`: nothing below differs (tool version, run ids and times aside). */
  verdict: 'no-change' | 'changed';
  /** One line: "no change", or what changed most (images, detections, frames). */
  headline: string;
  /** Tool version, model (name, sha256, classes) and every option that differs. */
  settings: ValueChange[];
  videos: VideoChanges;
  frames: FrameCountChanges;
  detections: DetectionChanges;
  frameChanges: FrameChanges;
  /** The quality gates each dataset was checked against (metrics.json); null when not recorded. */
  gates: { before: QualityGateVerdict[] | null; after: QualityGateVerdict[] | null };
}
