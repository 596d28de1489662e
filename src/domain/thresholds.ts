/** The filters' thresholds and their defaults; docs/thresholds.md has the measurements behind them. */

export interface QualityThresholds {
  /** Drop as 'black' when the luma mean is below this (0..255). */
  blackLuma: number;
  /** Drop as 'overexposed' when the luma mean is above this (0..255). */
  overexposedLuma: number;
  /** Drop as 'blurred' when the blur score is below this absolute floor. 0 turns the floor off. */
  blurThreshold: number;
  /** Drop as 'blurred' when the blur score is below this share of the median of the video's recent frames. 0 turns it off. */
  blurRatio: number;
  /** How many recent frames (that passed the brightness checks) make that median. */
  blurWindow: number;
}

/** Chosen from measurements on the sample video; see docs/thresholds.md. */
export const DEFAULT_QUALITY_THRESHOLDS: Readonly<QualityThresholds> = Object.freeze({
  blackLuma: 16,
  overexposedLuma: 240,
  blurThreshold: 0,
  blurRatio: 0.4,
  blurWindow: 15,
});

/** Chosen from measurements on the sample video; see docs/thresholds.md. */
export const DEFAULT_DEDUP_THRESHOLD = 2;

/**
 * Largest local change (luma levels, 0..255) a frame may show against the last kept frame and still be
 * a duplicate: the largest change of one cell's mean luma on a 32x32 grid over the analysis image,
 * after removing the frame-wide change (src/pipeline/filter/local-change.ts). Sensor noise, compression and a
 * few percent of flicker move it by up to 13; the smallest change between real frames of the sample
 * video at 2 frames/s is 27 (docs/thresholds.md). 255 turns the local check off (pHash only).
 */
export const DEFAULT_DEDUP_LOCAL_THRESHOLD = 20;

/**
 * When a labelled image (`--exclude`) is taken for a sampled frame by how it looks: pHash within this
 * many bits and local change within the dedup default. A labelling tool's re-encoded JPEG of a frame
 * moves the pHash by up to 3 bits and the local change by under 5 levels; the frames 0.2 s apart on
 * the sample video differ by more (docs/thresholds.md, "Frames already labelled").
 */
export const LABELLED_LOOK = Object.freeze({ hashBits: 4, localLevels: DEFAULT_DEDUP_LOCAL_THRESHOLD });

/** The largest local change: a local threshold this high never keeps a frame the pHash would drop. */
export const LOCAL_CHANGE_MAX = 255;

/** Dedup threshold value that turns deduplication off: every frame is kept and no hash is computed. */
export const DEDUP_DISABLED = -1;

/** Bits in a frame's perceptual hash: the largest Hamming distance, and the largest dedup threshold. */
export const HASH_BITS = 64;

/**
 * The dedup reference is reset at every multiple of this much video time: the first frame sampled at
 * or after a checkpoint compares against nothing. This bounds what a frame's dedup outcome depends on,
 * so a run over a time range (`--start`) can replay quality and dedup from the checkpoint before its
 * start and decide exactly as a run over the whole video does (docs/long-videos.md). On a fixed camera
 * it costs at most one extra kept frame per period.
 */
export const DEDUP_CHECKPOINT_MS = 600_000;
