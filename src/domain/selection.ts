/**
 * The labelling budget (`--select N`): which kept frames a person should label first, and why. The
 * features it compares are measured on each kept frame's analysis image while the run filters it.
 */

/** What a kept frame looks like, coarsely: enough to tell scenes apart. */
export interface FrameFeatures {
  /** The frame's 64-bit pHash, as 64 characters '0'/'1' (pipeline/filter/phash.ts). */
  phash: string;
  /** Mean R, G and B of each cell of a TILE_GRID × TILE_GRID grid, row-major, 0..255 rounded to 0.1. */
  tiles: number[];
}

/** Cells per side of the tile grid of `FrameFeatures.tiles`. */
export const TILE_GRID = 4;

/** Why a frame was selected: it shows a class no earlier pick showed, or it is far from every earlier pick. */
export type SelectionReason = 'class' | 'spread';

export interface SelectedFrame {
  /** 1 for the first pick. */
  rank: number;
  file: string;
  video: string;
  frameIndex: number;
  timestampMs: number;
  detections: number;
  /** Classes detected in the frame, by name. */
  classes: string[];
  reason: SelectionReason;
  /** The reason in words, e.g. "first frame with truck (seen in 2 of 40 kept frames)". */
  why: string;
  /** Appearance distance (0..1) to the nearest earlier pick; null for the first pick. */
  distance: number | null;
}

export interface Selection {
  requested: number;
  /** Kept frames chosen from. */
  candidates: number;
  /** Classes detected in the candidates, rarest first (frames showing them, then name). */
  classes: { name: string; frames: number }[];
  selected: SelectedFrame[];
}
