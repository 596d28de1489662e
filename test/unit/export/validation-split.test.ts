/** The YOLO validation split: deterministic blocks of time within each video, about the share asked for. */
import { describe, expect, test } from '@jest/globals';

import type { CocoImage } from '../../../src/domain/coco.js';
import { MAX_BLOCKS, validationImageIds, validationPositions } from '../../../src/export/validation-split.js';

/** The runs of consecutive positions. */
function blocks(positions: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const p of positions) {
    const run = runs.at(-1);
    if (run && run.at(-1) === p - 1) run.push(p);
    else runs.push([p]);
  }
  return runs;
}

describe('validationPositions', () => {
  test.each([
    [100, 0.1, 10],
    [1000, 0.1, 100],
    [7, 0.1, 1],
    [2, 0.5, 1],
    [3, 0.5, 2],
    [37, 0.25, 9],
  ])('%d images at %d: %d distinct positions, in at most 4 blocks spread over the video', (count, fraction, expected) => {
    const positions = validationPositions(count, fraction);
    expect(new Set(positions).size).toBe(expected);
    expect(positions.every((p) => Number.isInteger(p) && p >= 0 && p < count)).toBe(true);
    const runs = blocks([...positions].sort((a, b) => a - b));
    expect(runs.length).toBeLessThanOrEqual(Math.min(MAX_BLOCKS, expected));
    if (expected >= MAX_BLOCKS && count >= 100) {
      // One block in each quarter of the video.
      expect(runs.map((run) => Math.floor((run[0]! * MAX_BLOCKS) / count))).toEqual([0, 1, 2, 3]);
    }
  });

  test('none for a fraction of 0 or a video of one image; never every image', () => {
    expect(validationPositions(100, 0)).toEqual([]);
    expect(validationPositions(1, 0.5)).toEqual([]);
    expect(validationPositions(2, 0.5)).toHaveLength(1);
  });
});

describe('validationImageIds', () => {
  const image = (id: number, video: string, frame: number): CocoImage => ({
    id,
    file_name: `${video}_${frame}.jpg`,
    width: 1,
    height: 1,
    video,
    frame_index: frame,
    timestamp_ms: frame * 40,
    decode: 'sequential',
    site: 's',
  });

  test('each video split on its own, by time whatever the images’ order; the same images give the same split', () => {
    const a = Array.from({ length: 20 }, (_, i) => image(i + 1, 'a', i * 25));
    const b = Array.from({ length: 10 }, (_, i) => image(i + 21, 'b', i * 25));
    const ids = validationImageIds([...b, ...a].reverse(), 0.1);
    expect([...ids].sort((x, y) => x - y)).toEqual([...validationImageIds([...a, ...b], 0.1)].sort((x, y) => x - y));
    expect([...ids].filter((id) => id <= 20)).toHaveLength(2);
    expect([...ids].filter((id) => id > 20)).toHaveLength(1);
  });
});
