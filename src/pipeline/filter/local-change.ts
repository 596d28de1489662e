/**
 * How much one part of the frame changed: the pHash of the whole frame barely moves when one person
 * walks into a corner (docs/thresholds.md), so dedup also compares the 32x32 grid of mean luma that
 * the pHash is computed from (phash.ts `greySample`, about 20x15 pixels of the 640 px analysis image
 * per cell) with the last kept frame's. The frame-wide change (the median of the cells' changes) is
 * taken off first, so a global brightness step does not count; what is left in the cell that moved
 * most is the local change, in luma levels (0..255).
 */

/** The largest change of one cell after removing the median change over all cells; 0 for identical grids. */
export function localChange(grey: ArrayLike<number>, reference: ArrayLike<number>): number {
  if (grey.length !== reference.length || grey.length === 0) {
    throw new RangeError(`cannot compare luma grids of ${grey.length} and ${reference.length} cells`);
  }
  const deltas = new Float64Array(grey.length);
  for (let i = 0; i < grey.length; i++) deltas[i] = grey[i]! - reference[i]!;
  const sorted = Float64Array.from(deltas).sort();
  const half = sorted.length >> 1;
  const offset = sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
  let largest = 0;
  for (const delta of deltas) largest = Math.max(largest, Math.abs(delta - offset));
  return largest;
}
