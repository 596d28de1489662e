/** The AP50 measure the inference-shape checks rely on (test/support/detection-agreement.ts), on boxes made here. */
import { describe, expect, test } from '@jest/globals';

import type { Detection } from '../../../src/domain/detection.js';
import { weightedAp50 } from '../../support/detection-agreement.js';

const box = (className: string, x: number, score = 0.9, width = 10): Detection => ({
  classIndex: className === 'a' ? 0 : 1,
  className,
  score,
  box: { x, y: 0, width, height: 10 },
});

describe('weightedAp50', () => {
  const reference = [box('a', 0), box('a', 100), box('b', 200), box('b', 300)];

  test('identical detections: 1', () => {
    expect(weightedAp50([{ reference, candidate: reference }])).toBe(1);
  });

  test('half of a class missed: that class 0.5, weighted by its boxes', () => {
    const candidate = [box('a', 0), box('b', 200), box('b', 300)];
    expect(weightedAp50([{ reference, candidate }])).toBeCloseTo((0.5 * 2 + 1 * 2) / 4, 9);
  });

  test('a false box scored above the true ones costs precision: 1/2 then 2/3, interpolated to 2/3 over all recall', () => {
    const only = [box('a', 0), box('a', 100)];
    const candidate = [box('a', 500, 0.99), box('a', 0, 0.8), box('a', 100, 0.7)];
    expect(weightedAp50([{ reference: only, candidate }])).toBeCloseTo(2 / 3, 9);
  });

  test('frames are scored apart: a box of one frame does not match a box of another', () => {
    const frames = [
      { reference: [box('a', 0)], candidate: [] },
      { reference: [], candidate: [box('a', 0)] },
    ];
    expect(weightedAp50(frames)).toBe(0);
  });
});
