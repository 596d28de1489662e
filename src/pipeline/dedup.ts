/**
 * Near-duplicate removal within one video. Each frame's 64-bit perceptual hash (sharp-phash's: DCT
 * of the 32x32 greyscale image, 8x8 low frequencies against their mean; computed by phash.ts) is
 * compared with the hash of the last KEPT frame; a frame whose Hamming distance is at most the
 * threshold adds nothing new and is a duplicate. Only kept frames move the reference, so a slow
 * change cannot be dropped forever as a chain of small steps: once the scene has moved far enough
 * from the last kept frame, a frame is kept.
 *
 * The default threshold comes from measurements on the sample video (docs/thresholds.md): noise,
 * JPEG re-encoding and small light changes move the hash by 0-2 bits, while on a fixed camera a
 * global pHash barely sees people (at 1 frame/s the smallest distance between real frames is 3, with
 * a new person in the frame), so the threshold has to be low.
 *
 * The reference is reset at every dedup checkpoint (`DEDUP_CHECKPOINT_MS` of video time): the first
 * frame at or after one compares against nothing. A frame's outcome then depends only on the frames
 * since the last checkpoint, which a run over a time range can replay (range-plan.ts).
 */
import type { RgbImage } from '../domain/image.js';
import { DEDUP_CHECKPOINT_MS, DEDUP_DISABLED, DEFAULT_DEDUP_THRESHOLD, HASH_BITS } from '../domain/thresholds.js';
import { phash64 } from './phash.js';

export interface DedupResult {
  /** Hamming distance (0..64) to the last kept frame's pHash; null for the first frame since a checkpoint or when dedup is disabled. */
  distance: number | null;
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
  private reference: string | null = null;
  private checkpoint = -1;

  /**
   * @param threshold A frame is a duplicate when its distance to the last kept frame is <= this.
   *   0 drops only frames with an identical hash; -1 (`DEDUP_DISABLED`) keeps every frame.
   */
  constructor(readonly threshold: number = DEFAULT_DEDUP_THRESHOLD) {
    if (!Number.isInteger(threshold) || threshold < DEDUP_DISABLED || threshold > HASH_BITS) {
      throw new RangeError(`dedup threshold must be an integer from ${DEDUP_DISABLED} (off) to ${HASH_BITS}; got ${threshold}`);
    }
  }

  /** Checks a frame sampled at `timestampMs` (frames come in time order). */
  check(image: RgbImage, timestampMs: number): DedupResult {
    if (this.threshold === DEDUP_DISABLED) return { distance: null, duplicate: false, hash: null };
    const hash = phash64(image);
    const checkpoint = Math.floor(timestampMs / DEDUP_CHECKPOINT_MS);
    if (checkpoint !== this.checkpoint) {
      this.checkpoint = checkpoint;
      this.reference = null;
    }
    if (this.reference === null) {
      this.reference = hash;
      return { distance: null, duplicate: false, hash };
    }
    const distance = hammingDistance(hash, this.reference);
    const duplicate = distance <= this.threshold;
    if (!duplicate) this.reference = hash;
    return { distance, duplicate, hash };
  }
}
