/** The labelling budget: every class first (rarest first), then the frames least like the picks; deterministic. */
import { describe, expect, test } from '@jest/globals';

import type { KeptImage } from '../../../../src/domain/frame-record.js';
import type { FrameFeatures } from '../../../../src/domain/selection.js';
import { frameDistance, selectFrames } from '../../../../src/pipeline/label/labelling-budget.js';

function image(i: number, classes: string[]): KeptImage {
  return {
    file: `v_${String(i).padStart(6, '0')}.jpg`,
    video: 'v',
    frameIndex: i,
    timestampMs: i * 1000,
    decode: 'sequential',
    width: 64,
    height: 48,
    detections: classes.map((className, k) => ({ classIndex: 0, className, score: 0.5 + k / 100, box: { x: 0, y: 0, width: 1, height: 1 } })),
  };
}

/** Scene s: a pHash with the bits of block s set, tiles at a brightness of its own. */
function scene(s: number, jitter = 0): FrameFeatures {
  const phash = Array.from({ length: 64 }, (_, b) => (Math.floor(b / 16) === s ? '1' : '0')).join('');
  return { phash, tiles: Array.from({ length: 48 }, () => s * 60 + jitter) };
}

describe('selectFrames', () => {
  // 12 frames: scene 0 for frames 0-8 (people), then one frame each of scenes 1, 2, 3; a dog in frame 4 only.
  const kept = Array.from({ length: 12 }, (_, i) => image(i, i === 4 ? ['person', 'dog'] : i < 9 ? ['person'] : []));
  const features = new Map(kept.map((k, i) => [k.file, i < 9 ? scene(0, i) : scene(i - 8)]));

  test('covers the rarest class first, then spreads over the scenes', () => {
    const selection = selectFrames(kept, features, 4);
    expect(selection.classes).toEqual([
      { name: 'dog', frames: 1 },
      { name: 'person', frames: 9 },
    ]);
    expect(selection.selected.map((s) => [s.frameIndex, s.reason])).toEqual([
      [4, 'class'],
      [11, 'spread'],
      [10, 'spread'],
      [9, 'spread'],
    ]);
    expect(selection.selected[0]!.why).toBe('first pick with dog (in 1 of 12 kept frames)');
    expect(selection.selected[0]!.distance).toBeNull();
    expect(selection.selected[1]!.distance).toBeGreaterThan(0);
  });

  test('the same input gives the same choice', () => {
    expect(selectFrames(kept, features, 4)).toEqual(selectFrames([...kept], new Map(features), 4));
  });

  test('asks for more than there are: every frame once', () => {
    const selection = selectFrames(kept, features, 50);
    expect(selection.selected).toHaveLength(12);
    expect(new Set(selection.selected.map((s) => s.file)).size).toBe(12);
  });

  test('distance is 0 for the same look and grows with pHash bits and colour', () => {
    expect(frameDistance(scene(0), scene(0))).toBe(0);
    expect(frameDistance(scene(0), scene(3))).toBeGreaterThan(frameDistance(scene(0), scene(1)));
  });

  test('a frame without features is an error, not a silent pick', () => {
    expect(() => selectFrames(kept, new Map(), 2)).toThrow(/no appearance features/);
  });
});
