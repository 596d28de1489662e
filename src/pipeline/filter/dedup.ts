/**
 * Near-duplicate removal within one video. A frame is a duplicate of the last KEPT frame when both
 * - its 64-bit perceptual hash (sharp-phash's: DCT of the 32x32 greyscale image, 8x8 low frequencies
 *   against their mean; phash.ts) is within the Hamming-distance threshold of the kept frame's, and
 * - no part of it changed: the local change (local-change.ts: the largest change of one cell of the
 *   same 32x32 grey grid, after taking off the frame-wide change) is within the local threshold.
 * Only kept frames move the reference, so a slow change cannot be dropped forever as a chain of small
 * steps: once the scene has moved far enough from the last kept frame, a frame is kept.
 *
 * The defaults come from measurements on the sample video (docs/thresholds.md): noise, JPEG
 * re-encoding and small light changes move the hash by 0-2 bits and the local change by up to 13
 * levels; a global pHash barely sees people (one walking into a corner can leave it within 2 bits),
 * while the local change of a frame with a person moved is 27 levels or more.
 *
 * The reference is reset at every dedup checkpoint (`DEDUP_CHECKPOINT_MS` of video time): the first
 * frame at or after one compares against nothing. A frame's outcome then depends only on the frames
 * since the last checkpoint, which a run over a time range can replay (range-plan.ts).
 */
import type { RgbImage } from '../../domain/frame.js';
import {
  DEDUP_CHECKPOINT_MS,
  DEDUP_DISABLED,
  DEFAULT_DEDUP_LOCAL_THRESHOLD,
  DEFAULT_DEDUP_THRESHOLD,
  HASH_BITS,
  LOCAL_CHANGE_MAX,
} from '../../domain/thresholds.js';
import { localChange } from './local-change.js';
import { dctHash, greySample } from './phash.js';

export interface DedupResult {
  /** Hamming distance (0..64) to the last kept frame's pHash; null for the first frame since a checkpoint or when dedup is disabled. */
  distance: number | null;
  /** Local change (luma levels) against the last kept frame, to 0.1; null when `distance` is null. */
  localChange: number | null;
  duplicate: boolean;
  /** The frame's pHash; null when dedup is disabled (nothing was hashed). */
  hash: string | null;
}

/** Hamming distance between two pHashes given as equal-length strings of '0' and '1'. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) {
    throw new RangeError(`cannot compare hashes of ${a.length} and ${b.length} bits`);
  }
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) distance++;
  }
  return distance;
}

/** One per video: frames are checked in sampling order against the last kept one since the last checkpoint. */
export class Deduplicator {
  private reference: { hash: string; grey: Float64Array } | null = null;
  private checkpoint = -1;

  /**
   * @param threshold A frame is a duplicate when its distance to the last kept frame is <= this.
   *   0 drops only frames with an identical hash; -1 (`DEDUP_DISABLED`) keeps every frame.
   * @param localThreshold ... and its local change is <= this (0..255; 255 leaves the decision to the pHash).
   */
  constructor(
    readonly threshold: number = DEFAULT_DEDUP_THRESHOLD,
    readonly localThreshold: number = DEFAULT_DEDUP_LOCAL_THRESHOLD,
  ) {
    if (!Number.isInteger(threshold) || threshold < DEDUP_DISABLED || threshold > HASH_BITS) {
      throw new RangeError(`dedup threshold must be an integer from ${DEDUP_DISABLED} (off) to ${HASH_BITS}; got ${threshold}`);
    }
    if (!Number.isFinite(localThreshold) || localThreshold < 0 || localThreshold > LOCAL_CHANGE_MAX) {
      throw new RangeError(`dedup local threshold must be from 0 to ${LOCAL_CHANGE_MAX}; got ${localThreshold}`);
    }
  }

  /** Checks a frame sampled at `timestampMs` (frames come in time order). */
  check(image: RgbImage, timestampMs: number): DedupResult {
    if (this.threshold === DEDUP_DISABLED) return { distance: null, localChange: null, duplicate: false, hash: null };
    const grey = greySample(image);
    const hash = dctHash(grey);
    const checkpoint = Math.floor(timestampMs / DEDUP_CHECKPOINT_MS);
    if (checkpoint !== this.checkpoint) {
      this.checkpoint = checkpoint;
      this.reference = null;
    }
    if (this.reference === null) {
      this.reference = { hash, grey };
      return { distance: null, localChange: null, duplicate: false, hash };
    }
    const distance = hammingDistance(hash, this.reference.hash);
    // Rounded before comparing, so the recorded figure decides exactly as it reads.
    const local = Math.round(localChange(grey, this.reference.grey) * 10) / 10;
    const duplicate = distance <= this.threshold && local <= this.localThreshold;
    if (!duplicate) this.reference = { hash, grey };
    return { distance, localChange: local, duplicate, hash };
  }
}
