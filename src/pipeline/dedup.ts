/**
 * Near-duplicate removal within one video. Each frame's 64-bit perceptual hash (sharp-phash's: DCT
 * of the 32x32 greyscale image, 8x8 low frequencies against their mean; computed by phash.ts) is compared with the hash of
 * the last KEPT frame; a frame whose Hamming distance is at most the threshold adds nothing new and
 * is a duplicate. Only kept frames move the reference, so a slow change cannot be dropped forever as
 * a chain of small steps: once the scene has moved far enough from the last kept frame, a frame is
 * kept.
 *
 * The default threshold comes from measurements on the sample video (docs/thresholds.md): noise,
 * JPEG re-encoding and small light changes move the hash by 0-2 bits, while on a fixed camera a
 * global pHash barely sees people (at 1 frame/s the smallest distance between real frames is 3, with
 * a new person in the frame), so the threshold has to be low.
 */
import type { Frame } from './frame.js';
import { phash64 } from './phash.js';

/** Chosen from measurements on the sample video; see docs/thresholds.md. */
export const DEFAULT_DEDUP_THRESHOLD = 2;

/** Threshold value that turns deduplication off: every frame is kept and no hash is computed. */
export const DEDUP_DISABLED = -1;

/** Length of a sharp-phash hash: 64 characters, each '0' or '1'. */
const HASH_BITS = 64;

export interface DedupResult {
  /** Hamming distance (0..64) to the last kept frame's pHash; null for the first frame of a video or when dedup is disabled. */
  distance: number | null;
  duplicate: boolean;
}

/** Frames as the deduplicator needs them; `video.path` tells videos apart. */
export type DedupFrame = Pick<Frame, 'rgb' | 'width' | 'height'> & { video: Pick<Frame['video'], 'path'> };

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

/** The 64-bit pHash of a packed RGB frame (sharp-phash's hash; see phash.ts), as 64 characters '0'/'1'. */
export async function framePhash(frame: Pick<Frame, 'rgb' | 'width' | 'height'>): Promise<string> {
  return phash64(frame);
}

/**
 * One per run (or per video). `check` calls are answered in call order even when several are in
 * flight: hashes are computed concurrently, but each decision waits for the previous one, so the
 * reference is always the last kept frame in sampling order. A frame from a different video
 * (`video.path`) than the reference starts afresh, as `reset()` does.
 */
export class Deduplicator {
  readonly threshold: number;
  private reference: { hash: string; videoPath: string } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * @param threshold A frame is a duplicate when its distance to the last kept frame is <= this.
   *   0 drops only frames with an identical hash; -1 (`DEDUP_DISABLED`) keeps every frame.
   */
  constructor(threshold: number = DEFAULT_DEDUP_THRESHOLD) {
    if (!Number.isInteger(threshold) || threshold < DEDUP_DISABLED || threshold > HASH_BITS) {
      throw new RangeError(`dedup threshold must be an integer from ${DEDUP_DISABLED} (off) to ${HASH_BITS}; got ${threshold}`);
    }
    this.threshold = threshold;
  }

  get enabled(): boolean {
    return this.threshold !== DEDUP_DISABLED;
  }

  /** Forgets the reference; the next frame is kept. Ordered after any `check` already in flight. */
  reset(): void {
    this.queue = this.queue.then(() => {
      this.reference = null;
    });
  }

  check(frame: DedupFrame): Promise<DedupResult> {
    if (!this.enabled) return Promise.resolve({ distance: null, duplicate: false });
    const hashing = framePhash(frame);
    // Keep a rejected hash from surfacing as unhandled before its turn comes.
    hashing.catch(() => undefined);
    const decision = this.queue.then(async (): Promise<DedupResult> => {
      const hash = await hashing;
      const videoPath = frame.video.path;
      const ref = this.reference;
      if (ref === null || ref.videoPath !== videoPath) {
        this.reference = { hash, videoPath };
        return { distance: null, duplicate: false };
      }
      const distance = hammingDistance(hash, ref.hash);
      const duplicate = distance <= this.threshold;
      if (!duplicate) this.reference = { hash, videoPath };
      return { distance, duplicate };
    });
    this.queue = decision.catch(() => undefined);
    return decision;
  }
}
