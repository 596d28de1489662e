/**
 * Frame quality: brightness and sharpness measures, and the decision to drop a frame for being
 * corrupt, black, overexposed or blurred. Pure functions over packed RGB; no I/O.
 *
 * - Luma mean: BT.601 luma (0.299 R + 0.587 G + 0.114 B) averaged over every pixel, 0..255.
 * - Blur score: variance of the 3x3 Laplacian ([0 1 0; 1 -4 1; 0 1 0]) of the luma plane, over the
 *   interior pixels, measured on the analysis image (pipeline/filter/analysis.ts: the frame fitted to 640 px).
 *   A frame is blurred when its score is far below the video's own recent frames (`QualityFilter`,
 *   blur-judge.ts), or below an absolute floor when one is set. See docs/thresholds.md for the
 *   numbers behind the defaults.
 */
import type { QualityDropReason } from '../../domain/drop-reason.js';
import type { Frame, RgbImage } from '../../domain/frame.js';
import { DEDUP_CHECKPOINT_MS, DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../../domain/thresholds.js';
import { BlurJudge } from './blur-judge.js';

export interface QualityAssessment {
  /** BT.601 luma mean, 0..255 (NaN only for a corrupt frame whose pixel buffer has the wrong size). */
  lumaMean: number;
  /** Laplacian variance of the luma (NaN as for lumaMean). */
  blurScore: number;
  /** Why the frame should be dropped, or null to keep it. */
  reason: QualityDropReason | null;
}

export interface QualityMeasures {
  lumaMean: number;
  blurScore: number;
}

const R_WEIGHT = 0.299;
const G_WEIGHT = 0.587;
const B_WEIGHT = 0.114;

/** Luma mean and blur score of an image. Throws a RangeError when the buffer does not hold width × height × 3 bytes. */
export function measureQuality(image: RgbImage): QualityMeasures {
  const { width, height } = image;
  checkSize(image);
  // A plain Uint8Array view: V8 indexes it faster than the Buffer subclass.
  const rgb = new Uint8Array(image.rgb.buffer, image.rgb.byteOffset, image.rgb.length);
  if (width === 0 || height === 0) return { lumaMean: 0, blurScore: 0 };
  const luma = scratch(width * height);
  let sum = 0;
  for (let i = 0, p = 0; i < luma.length; i++, p += 3) {
    const y = R_WEIGHT * rgb[p]! + G_WEIGHT * rgb[p + 1]! + B_WEIGHT * rgb[p + 2]!;
    luma[i] = y;
    sum += y;
  }
  return { lumaMean: sum / luma.length, blurScore: laplacianVariance(luma, width, height) };
}

/**
 * The verdict for one frame on its own. Checks in order: corrupt, black, overexposed, and blurred
 * only by the absolute floor (`blurThreshold`, 0 = off); the first that applies is the reason. The
 * measures are computed for every frame with a well-formed buffer, corrupt or not, so they can be
 * reported. `QualityFilter` adds the check against the video's own recent frames.
 */
export function assessQuality(frame: RgbImage & Pick<Frame, 'corrupt'>, thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS): QualityAssessment {
  if (frame.corrupt && frame.rgb.length !== frame.width * frame.height * 3) {
    return { lumaMean: Number.NaN, blurScore: Number.NaN, reason: 'corrupt' };
  }
  const { lumaMean, blurScore } = measureQuality(frame);
  let reason: QualityDropReason | null = null;
  if (frame.corrupt) reason = 'corrupt';
  else if (lumaMean < thresholds.blackLuma) reason = 'black';
  else if (lumaMean > thresholds.overexposedLuma) reason = 'overexposed';
  else if (blurScore < thresholds.blurThreshold) reason = 'blurred';
  return { lumaMean, blurScore, reason };
}

/**
 * The quality verdicts for one video's frames, in sampling order: `assessQuality`, then a frame that
 * passed is blurred when its score is far below the video's recent frames (blur-judge.ts). The recent
 * frames start afresh at every decision checkpoint (`DEDUP_CHECKPOINT_MS` of video time), as dedup's
 * reference does, so a run over a time range that replays from the checkpoint decides exactly as a
 * run over the whole video (range-plan.ts).
 */
export class QualityFilter {
  private blur: BlurJudge;
  private checkpoint = -1;

  constructor(private readonly thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS) {
    this.blur = new BlurJudge(thresholds);
  }

  /** The verdict for a frame sampled at `timestampMs` (frames come in time order). */
  assess(frame: RgbImage & Pick<Frame, 'corrupt'>, timestampMs: number): QualityAssessment {
    const checkpoint = Math.floor(timestampMs / DEDUP_CHECKPOINT_MS);
    if (checkpoint !== this.checkpoint) {
      this.checkpoint = checkpoint;
      this.blur = new BlurJudge(this.thresholds);
    }
    const verdict = assessQuality(frame, this.thresholds);
    if (verdict.reason !== null) return verdict;
    return this.blur.isBlurred(verdict.blurScore) ? { ...verdict, reason: 'blurred' } : verdict;
  }
}

/**
 * A luma plane reused from call to call (the functions here are synchronous, so one is enough): a
 * fresh 1.2 MB array per frame costs more in page faults and garbage collection than the measure.
 */
let scratchPlane = new Float32Array(0);

function scratch(length: number): Float32Array {
  if (scratchPlane.length < length) scratchPlane = new Float32Array(length);
  return scratchPlane.subarray(0, length);
}

function checkSize({ rgb, width, height }: RgbImage): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`invalid frame size ${width}x${height}`);
  }
  if (rgb.length !== width * height * 3) {
    throw new RangeError(`frame buffer holds ${rgb.length} bytes; ${width}x${height} RGB needs ${width * height * 3}`);
  }
}

/**
 * Variance of the 4-neighbour Laplacian over the interior pixels (the one-pixel border has no full
 * neighbourhood and is skipped). 0 for images smaller than 3x3.
 */
function laplacianVariance(luma: Float32Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  for (let y = 1; y < height - 1; y++) {
    let i = y * width + 1;
    const end = y * width + width - 1;
    for (; i < end; i++) {
      const l = luma[i - width]! + luma[i + width]! + luma[i - 1]! + luma[i + 1]! - 4 * luma[i]!;
      sum += l;
      sumSq += l * l;
    }
  }
  const n = (width - 2) * (height - 2);
  const mean = sum / n;
  return Math.max(0, sumSq / n - mean * mean);
}
