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
    expect(selection.selected[0]!.why).toBe('first pick with dog scored at least 0.5 (in 1 of 12 kept frames)');
    expect(selection).toMatchObject({ confidence: 0.5, uncertainFrames: 0 });
    expect(selection.selected[0]!.distance).toBeNull();
    expect(selection.selected[1]!.distance).toBeGreaterThan(0);
  });

  describe('a rare class seen with confidence, and one seen only below it', () => {
    /** Frames 0-9 of scene 0 show a person (0.8); frame 3 also a horse (0.9); frame 7 a dog (0.3) and a cat (0.2); frames 10-14 are other scenes. */
    const scored = Array.from({ length: 15 }, (_, i): KeptImage => {
      const boxes: [string, number][] = i < 10 ? [['person', 0.8]] : [];
      if (i === 3) boxes.push(['horse', 0.9]);
      if (i === 7) boxes.push(['dog', 0.3], ['cat', 0.2]);
      return {
        ...image(i, []),
        detections: boxes.map(([className, score]) => ({ classIndex: 0, className, score, box: { x: 0, y: 0, width: 1, height: 1 } })),
      };
    });
    const looks = new Map(scored.map((k, i) => [k.file, i < 10 ? scene(0, i) : scene(1 + (i % 3), i)]));

    test('the confident rare class is a class pick; the frame the model is unsure of an uncertain pick, with its share', () => {
      const selection = selectFrames(scored, looks, 5);
      expect(selection.classes).toEqual([
        { name: 'horse', frames: 1 },
        { name: 'person', frames: 10 },
      ]);
      expect(selection.uncertainFrames).toBe(1);
      expect(selection.selected.map((s) => [s.frameIndex, s.reason])).toEqual([
        [3, 'class'],
        [7, 'uncertain'],
        ...selection.selected.slice(2).map((s) => [s.frameIndex, 'spread']),
      ]);
      expect(selection.selected[1]).toMatchObject({
        uncertain: 2,
        classes: ['person'],
        why: 'uncertain: the model is unsure of 2 boxes here (scored below 0.5)',
      });
    });

    test('a lower --select-confidence makes the unsure classes count: dog and cat become class picks', () => {
      const selection = selectFrames(scored, looks, 5, 0.2);
      expect(selection.classes.map((c) => c.name)).toEqual(['cat', 'dog', 'horse', 'person']);
      expect(selection.uncertainFrames).toBe(0);
      expect(selection.selected.slice(0, 2).map((s) => [s.frameIndex, s.reason])).toEqual([
        [7, 'class'],
        [3, 'class'],
      ]);
    });

    test('a budget too small for a share (round(n × 0.2) = 0) stays with the classes', () => {
      expect(selectFrames(scored, looks, 2).selected.map((s) => s.reason)).toEqual(['class', 'spread']);
    });
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
