/**
 * Blur judged against the video's own frames. The variance of the Laplacian is not comparable across
 * scenes: smooth, dark, foggy, low-contrast and close-up footage scores low while perfectly sharp,
 * so one absolute threshold either drops whole datasets of such footage or misses blur in busy
 * scenes (docs/thresholds.md has the measurements). A frame is blurred when its score falls below
 * `ratio` × the median score of the video's last `window` frames: the camera's own sharpness is the
 * reference, a slow change (dusk, fog rolling in) moves the reference with it, and a frame smeared by
 * motion or a focus hunt among sharp ones still stands out. The first frames of a video have no
 * reference yet and are kept.
 */
import type { QualityThresholds } from '../../domain/thresholds.js';
import { median } from '../../observe/statistics.js';

/** Recent scores needed before a frame is judged against them. */
export const BLUR_WARMUP = 3;

export class BlurJudge {
  private readonly recent: number[] = [];

  constructor(private readonly thresholds: Pick<QualityThresholds, 'blurRatio' | 'blurWindow'>) {}

  /**
   * Whether `score` is far below the recent frames' median; then adds it to the recent scores (a
   * blurred frame's too, so that a long blurred stretch, such as fog, becomes the new normal).
   */
  isBlurred(score: number): boolean {
    const { blurRatio, blurWindow } = this.thresholds;
    const reference = this.recent.length >= BLUR_WARMUP ? median([...this.recent].sort((a, b) => a - b)) : null;
    this.recent.push(score);
    if (this.recent.length > blurWindow) this.recent.shift();
    return reference !== null && blurRatio > 0 && score < blurRatio * reference;
  }
}
