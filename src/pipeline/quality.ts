/**
 * Frame quality: brightness and sharpness measures, and the decision to drop a frame for being
 * corrupt, black, overexposed or blurred. Pure functions over the frame's packed RGB; no I/O.
 *
 * - Luma mean: BT.601 luma (0.299 R + 0.587 G + 0.114 B) averaged over every pixel, 0..255.
 * - Blur score: variance of the 3x3 Laplacian ([0 1 0; 1 -4 1; 0 1 0]) of the luma plane, over the
 *   interior pixels. Frames whose longer side exceeds `BLUR_ANALYSIS_SIZE` (640) are first
 *   area-downscaled to that longer side (aspect ratio kept), so that one threshold means the same
 *   thing for 720p, 1080p and 4K video, portrait or landscape: the Laplacian measures detail per
 *   pixel, and the same scene at twice the resolution spreads each edge over twice as many pixels and
 *   scores far lower. 640 on the longer side is also the scale the detector's letterbox sees.
 *   Smaller frames are scored as they are (upscaling would only invent smoothness). See
 *   docs/thresholds.md for the numbers behind the defaults.
 */
import type { Frame, QualityDropReason } from './frame.js';

export interface QualityThresholds {
  /** Drop as 'black' when the luma mean is below this (0..255). */
  blackLuma: number;
  /** Drop as 'overexposed' when the luma mean is above this (0..255). */
  overexposedLuma: number;
  /** Drop as 'blurred' when the blur score is below this. 0 disables the blur check. */
  blurThreshold: number;
}

/** Chosen from measurements on the sample video; see docs/thresholds.md. */
export const DEFAULT_QUALITY_THRESHOLDS: Readonly<QualityThresholds> = Object.freeze({
  blackLuma: 16,
  overexposedLuma: 240,
  blurThreshold: 50,
});

/** Frames whose longer side exceeds this are area-downscaled to it before the blur score is computed. */
export const BLUR_ANALYSIS_SIZE = 640;

export interface QualityAssessment {
  /** BT.601 luma mean, 0..255 (NaN only for a corrupt frame whose pixel buffer has the wrong size). */
  lumaMean: number;
  /** Laplacian variance of the (downscaled) luma (NaN as for lumaMean). */
  blurScore: number;
  /** Why the frame should be dropped, or null to keep it. */
  reason: QualityDropReason | null;
}

/** Pixel dimensions and packed RGB (3 bytes per pixel, rows top to bottom, no padding). */
export type RgbImage = Pick<Frame, 'rgb' | 'width' | 'height'>;

export interface QualityMeasures {
  lumaMean: number;
  blurScore: number;
}

const R_WEIGHT = 0.299;
const G_WEIGHT = 0.587;
const B_WEIGHT = 0.114;

/**
 * Luma mean and blur score of an image. Throws a RangeError when the buffer does not hold
 * width × height × 3 bytes. `analysisSize` is the longer side the blur score is computed at
 * (Infinity: full resolution).
 */
export function measureQuality(image: RgbImage, analysisSize = BLUR_ANALYSIS_SIZE): QualityMeasures {
  const { width, height } = image;
  checkSize(image);
  if (!(analysisSize >= 3)) throw new RangeError(`analysis size must be at least 3; got ${analysisSize}`);
  // A plain Uint8Array view: V8 indexes it faster than the Buffer subclass.
  const rgb = new Uint8Array(image.rgb.buffer, image.rgb.byteOffset, image.rgb.length);
  if (width === 0 || height === 0) return { lumaMean: 0, blurScore: 0 };

  const longSide = Math.max(width, height);
  if (longSide <= analysisSize) {
    const luma = scratch(width * height);
    let sum = 0;
    for (let i = 0, p = 0; i < luma.length; i++, p += 3) {
      const y = R_WEIGHT * rgb[p]! + G_WEIGHT * rgb[p + 1]! + B_WEIGHT * rgb[p + 2]!;
      luma[i] = y;
      sum += y;
    }
    return { lumaMean: sum / luma.length, blurScore: laplacianVariance(luma, width, height) };
  }

  // One pass over the pixels. A source pixel overlaps at most two output samples of an area
  // downscale (scale >= 1), so each luma value is added, with its covered fractions as weights, into
  // at most two samples of the resampled row; each finished row is added the same way into at most
  // two output rows. Weights of a sample's second output are 0 when it has none (the extra slot at
  // the end of each array absorbs it).
  const outW = Math.max(1, Math.round((width * analysisSize) / longSide));
  const outH = Math.max(1, Math.round((height * analysisSize) / longSide));
  const xs = areaScatter(width, outW);
  const ys = areaScatter(height, outH);
  const xOut = xs.out;
  const xW0 = xs.w0;
  const xW1 = xs.w1;
  const narrowRow = new Float64Array(outW + 1);
  const small = scratch(outW * (outH + 1)).fill(0);
  let sum = 0;
  for (let y = 0, p = 0; y < height; y++) {
    narrowRow.fill(0);
    for (let x = 0; x < width; x++, p += 3) {
      const v = R_WEIGHT * rgb[p]! + G_WEIGHT * rgb[p + 1]! + B_WEIGHT * rgb[p + 2]!;
      sum += v;
      const o = xOut[x]!;
      narrowRow[o]! += xW0[x]! * v;
      narrowRow[o + 1]! += xW1[x]! * v;
    }
    const wa = ys.w0[y]!;
    const wb = ys.w1[y]!;
    const a = ys.out[y]! * outW;
    const b = a + outW;
    for (let o = 0; o < outW; o++) {
      const v = narrowRow[o]!;
      small[a + o]! += wa * v;
      small[b + o]! += wb * v;
    }
  }
  return { lumaMean: sum / (width * height), blurScore: laplacianVariance(small, outW, outH) };
}

/**
 * The quality verdict for a frame. Checks in order: corrupt, black, overexposed, blurred; the first
 * that applies is the reason. The measures are computed for every frame with a well-formed buffer,
 * corrupt or not, so they can be reported.
 */
export function assessQuality(
  frame: RgbImage & Pick<Frame, 'corrupt'>,
  thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS,
): QualityAssessment {
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

/**
 * Area (box-filter) downscaling from `src` samples to `dst` (dst <= src), by source sample. Output
 * sample o averages the source interval [o·s, (o+1)·s), s = src/dst, counting a partly covered
 * source sample by its covered fraction. Source sample i overlaps output `out[i]` with weight
 * `w0[i]` (covered fraction / s) and output `out[i] + 1` with weight `w1[i]` (0 when it does not
 * reach it).
 */
interface AreaScatter {
  out: Int32Array;
  w0: Float64Array;
  w1: Float64Array;
}

const scatterTables = new Map<string, AreaScatter>();

function areaScatter(src: number, dst: number): AreaScatter {
  const key = `${src}:${dst}`;
  const cached = scatterTables.get(key);
  if (cached) return cached;
  const scale = src / dst;
  const table: AreaScatter = { out: new Int32Array(src), w0: new Float64Array(src), w1: new Float64Array(src) };
  for (let i = 0; i < src; i++) {
    const o = Math.min(dst - 1, Math.floor(i / scale));
    const boundary = (o + 1) * scale; // where output o ends
    table.out[i] = o;
    if (boundary >= i + 1 || o === dst - 1) {
      table.w0[i] = 1 / scale;
    } else {
      table.w0[i] = (boundary - i) / scale;
      table.w1[i] = (i + 1 - boundary) / scale;
    }
  }
  if (scatterTables.size >= 16) scatterTables.clear();
  scatterTables.set(key, table);
  return table;
}
