/**
 * The 64-bit perceptual hash of sharp-phash, computed in well under a millisecond.
 *
 * sharp-phash reduces the image to 32x32 grey, takes the 2-D DCT-II, and sets one bit per
 * coefficient of the 8x8 block of lowest non-DC frequencies (u, v = 1..8): 1 when above the block's
 * mean. It computes the full 32x32 DCT with a quadruple loop (about 10 ms per frame in JavaScript,
 * a fifth of the pipeline's per-frame work besides inference). Only 64 coefficients are needed, so
 * here the DCT is separable and limited to them: the same bits from the same 32x32 input (tested
 * against sharp-phash), a few hundred times faster. The 32x32 grey image is the BT.601 luma of the
 * frame, area-averaged; see `greySample`.
 */
import type { RgbImage } from '../../domain/frame.js';

export const SAMPLE_SIZE = 32;
const LOW = 8;

/** COS[i][u] = cos((2i + 1) u π / 2N), for u = 1..8 only. */
const COS: readonly Float64Array[] = Array.from({ length: SAMPLE_SIZE }, (_, i) =>
  Float64Array.from({ length: LOW + 1 }, (_, u) => Math.cos(((2 * i + 1) / (2 * SAMPLE_SIZE)) * u * Math.PI)),
);

/**
 * 32x32 grey samples (row-major) of an RGB image: each sample is the mean BT.601 luma of the source
 * pixels whose centres fall in its cell. Large images are read on a sparser grid (every `step`-th
 * pixel and row, keeping at least 4 in each direction per cell): the hash only needs the means.
 */
export function greySample(image: RgbImage): Float64Array {
  const { rgb, width, height } = image;
  const sums = new Float64Array(SAMPLE_SIZE * SAMPLE_SIZE);
  const counts = new Float64Array(SAMPLE_SIZE * SAMPLE_SIZE);
  const step = Math.max(1, Math.floor(Math.min(width, height) / SAMPLE_SIZE / 4));
  const column = Int32Array.from({ length: width }, (_, x) => Math.min(SAMPLE_SIZE - 1, Math.floor(((x + 0.5) * SAMPLE_SIZE) / width)));
  for (let y = 0; y < height; y += step) {
    const row = Math.min(SAMPLE_SIZE - 1, Math.floor(((y + 0.5) * SAMPLE_SIZE) / height)) * SAMPLE_SIZE;
    for (let x = 0, p = y * width * 3; x < width; x += step, p += 3 * step) {
      const cell = row + column[x]!;
      sums[cell]! += 0.299 * rgb[p]! + 0.587 * rgb[p + 1]! + 0.114 * rgb[p + 2]!;
      counts[cell]! += 1;
    }
  }
  for (let i = 0; i < sums.length; i++) sums[i] = counts[i]! > 0 ? sums[i]! / counts[i]! : 0;
  return sums;
}

/** sharp-phash's hash of 32x32 grey samples (row-major), as 64 characters '0'/'1'. */
export function dctHash(grey: ArrayLike<number>): string {
  if (grey.length !== SAMPLE_SIZE * SAMPLE_SIZE) throw new RangeError(`expected ${SAMPLE_SIZE * SAMPLE_SIZE} samples, got ${grey.length}`);
  // Rows first: partial[u][y] = Σx COS[x][u] · grey[y][x], for u = 1..8.
  const partial = new Float64Array(LOW * SAMPLE_SIZE);
  for (let y = 0; y < SAMPLE_SIZE; y++) {
    for (let x = 0; x < SAMPLE_SIZE; x++) {
      const value = grey[y * SAMPLE_SIZE + x]!;
      const cos = COS[x]!;
      for (let u = 1; u <= LOW; u++) partial[(u - 1) * SAMPLE_SIZE + y]! += cos[u]! * value;
    }
  }
  // Then columns: F[u][v] = Σy COS[y][v] · partial[u][y] / 4 (the DCT's c(u)c(v)/4 is 1/4 off DC).
  const coefficients = new Float64Array(LOW * LOW);
  let total = 0;
  for (let u = 0; u < LOW; u++) {
    for (let v = 1; v <= LOW; v++) {
      let sum = 0;
      for (let y = 0; y < SAMPLE_SIZE; y++) sum += COS[y]![v]! * partial[u * SAMPLE_SIZE + y]!;
      coefficients[u * LOW + (v - 1)] = sum / 4;
      total += sum / 4;
    }
  }
  const mean = total / (LOW * LOW);
  let bits = '';
  for (const value of coefficients) bits += value > mean ? '1' : '0';
  return bits;
}

/** The 64-bit pHash of a packed RGB image. */
export function phash64(image: RgbImage): string {
  return dctHash(greySample(image));
}
