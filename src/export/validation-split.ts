/**
 * The validation split of a dataset (`--val-fraction`): deterministic, by blocks of time within each
 * video, so that the frames on either side of a validation frame are mostly validation frames too and
 * near-identical neighbours do not sit on both sides of the split. Each video gives about `fraction`
 * of its images, in up to MAX_BLOCKS contiguous blocks spread evenly over its time (morning, noon and
 * evening of a day-long video alike), at least one image when it has two or more, never all of them.
 */
import type { CocoImage } from '../domain/coco.js';

/** Most validation blocks one video is cut into. */
export const MAX_BLOCKS = 4;

/** The positions (in time order) of one video's `count` images that go to validation. */
export function validationPositions(count: number, fraction: number): number[] {
  if (fraction <= 0 || count < 2) return [];
  const wanted = Math.min(count - 1, Math.max(1, Math.round(count * fraction)));
  const blocks = Math.min(MAX_BLOCKS, wanted);
  const positions: number[] = [];
  for (let b = 0; b < blocks; b += 1) {
    // Block b holds its share of `wanted`, centred on the middle of the b-th of `blocks` equal stretches.
    const size = Math.floor(((b + 1) * wanted) / blocks) - Math.floor((b * wanted) / blocks);
    const centre = ((b + 0.5) * count) / blocks;
    const start = Math.min(count - size, Math.max(0, Math.round(centre - size / 2)));
    for (let p = start; p < start + size; p += 1) positions.push(p);
  }
  return positions;
}

/** The ids of the images that go to validation, by video and time (frame index breaking ties). */
export function validationImageIds(images: readonly CocoImage[], fraction: number): Set<number> {
  const byVideo = new Map<string, CocoImage[]>();
  for (const image of images) {
    const list = byVideo.get(image.video);
    if (list) list.push(image);
    else byVideo.set(image.video, [image]);
  }
  const ids = new Set<number>();
  for (const list of byVideo.values()) {
    const ordered = [...list].sort((a, b) => a.timestamp_ms - b.timestamp_ms || a.frame_index - b.frame_index);
    for (const position of validationPositions(ordered.length, fraction)) ids.add(ordered[position]!.id);
  }
  return ids;
}
