/**
 * A run that loses most of its frames must say so: one quality reason removing more than half of a
 * video's frames (duplicates aside), or a dataset with no images at all; so must one that reads a
 * damaged or truncated file, and a merge that holds only part of a video. Computed once with the metrics; logged as warnings and shown in every
 * report.
 */
import type { QualityDropReason } from './drop-reason.js';
import type { OptionKey } from './run-options.js';

export interface ReasonDataLoss {
  kind: 'reason';
  /** The video's stem. */
  video: string;
  reason: QualityDropReason;
  /** Frames the reason dropped, of the video's sampled frames that were not duplicates. */
  dropped: number;
  of: number;
}

export interface EmptyDataset {
  kind: 'no-images';
  sampled: number;
  /** Of them, frames already labelled (`--exclude`). */
  labelled: number;
}

/** A truncated file whose decodable part was used (`--strict` refuses such files instead). */
export interface TruncatedVideo {
  kind: 'truncated';
  video: string;
  decodedSeconds: number;
  durationSeconds: number;
}

/**
 * A video the decoder reported errors in (damaged data inside the file): what it decoded from the
 * damaged stretches, up to the next keyframe, was dropped as corrupt.
 */
export interface DamagedVideo {
  kind: 'damaged';
  video: string;
  decodeErrors: number;
  /** Sampled frames dropped as corrupt. */
  dropped: number;
  sampled: number;
}

/** A stretch of a video no merged part covered (`merge --allow-gaps`): its frames are not in the dataset. */
export interface UncoveredRange {
  kind: 'uncovered';
  video: string;
  fromSeconds: number;
  toSeconds: number;
}

export type DataLossWarning = ReasonDataLoss | EmptyDataset | TruncatedVideo | DamagedVideo | UncoveredRange;

/** Above this share of a video's non-duplicate frames, a reason's drops are a warning. */
export const DATA_LOSS_SHARE = 0.5;

/** The options that control each quality reason (none for corrupt: the file itself is damaged). */
export const REASON_OPTIONS: Readonly<Record<QualityDropReason, readonly OptionKey[]>> = {
  corrupt: [],
  black: ['black-luma'],
  overexposed: ['overexposed-luma'],
  blurred: ['blur-ratio', 'blur-threshold'],
};
