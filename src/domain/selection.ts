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

/**
 * Why a frame was selected: it shows, with confidence, a class no earlier pick showed; most of its
 * detections are uncertain (the model is unsure there, which teaches it most); or it is far from
 * every earlier pick.
 */
export type SelectionReason = 'class' | 'uncertain' | 'spread';

/** The score a detection must reach for its class to count as shown in a frame (`--select-confidence`). */
export const DEFAULT_SELECT_CONFIDENCE = 0.5;
/** Share of the budget kept for frames whose detections are mostly uncertain, when there are any. */
export const UNCERTAIN_SHARE = 0.2;

export interface SelectedFrame {
  /** 1 for the first pick. */
  rank: number;
  file: string;
  video: string;
  frameIndex: number;
  timestampMs: number;
  detections: number;
  /** Classes detected in the frame with confidence (a detection scoring at least `Selection.confidence`), by name. */
  classes: string[];
  /** Detections scoring below `Selection.confidence`. */
  uncertain: number;
  reason: SelectionReason;
  /** The reason in words, e.g. "first frame with truck (seen in 2 of 40 kept frames)". */
  why: string;
  /** Appearance distance (0..1) to the nearest earlier pick; null for the first pick. */
  distance: number | null;
}

export interface Selection {
  requested: number;
  /** The score a detection must reach for its class to count as shown. */
  confidence: number;
  /** Kept frames chosen from. */
  candidates: number;
  /** Classes detected with confidence in the candidates, rarest first (frames showing them, then name). */
  classes: { name: string; frames: number }[];
  /** Candidates whose detections are mostly uncertain (more below the confidence than at or above it). */
  uncertainFrames: number;
  selected: SelectedFrame[];
}
