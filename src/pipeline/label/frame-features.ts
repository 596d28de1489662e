/**
 * What the labelling budget compares kept frames by (domain/selection.ts): the frame's pHash (the
 * dedup stage's own, when it computed one) and the mean colour of each cell of a coarse grid, both
 * from the analysis image the quality and dedup stages already measured. The pHash sees structure in
 * grey; the tiles see colour and where things are bright, which a pHash of a night scene and of a day
 * scene of the same place may not tell apart.
 */
import type { RgbImage } from '../../domain/frame.js';
import { TILE_GRID, type FrameFeatures } from '../../domain/selection.js';
import { phash64 } from '../filter/phash.js';

/** Mean R, G, B of each grid cell (row-major), read on a sparse grid: means need few pixels. */
export function tileMeans(image: RgbImage, grid = TILE_GRID): number[] {
  const { rgb, width, height } = image;
  const sums = new Float64Array(grid * grid * 3);
  const counts = new Float64Array(grid * grid);
  const step = Math.max(1, Math.floor(Math.min(width, height) / grid / 16));
  for (let y = 0; y < height; y += step) {
    const row = Math.min(grid - 1, Math.floor((y * grid) / height)) * grid;
    for (let x = 0; x < width; x += step) {
      const cell = row + Math.min(grid - 1, Math.floor((x * grid) / width));
      const p = (y * width + x) * 3;
      sums[cell * 3]! += rgb[p]!;
      sums[cell * 3 + 1]! += rgb[p + 1]!;
      sums[cell * 3 + 2]! += rgb[p + 2]!;
      counts[cell]! += 1;
    }
  }
  return Array.from(sums, (sum, i) => {
    const n = counts[Math.floor(i / 3)]!;
    return n > 0 ? Math.round((sum / n) * 10) / 10 : 0;
  });
}

/** The features of a kept frame's analysis image; `phash` when the dedup stage already has it. */
export function frameFeatures(image: RgbImage, phash: string | null): FrameFeatures {
  return { phash: phash ?? phash64(image), tiles: tileMeans(image) };
}
