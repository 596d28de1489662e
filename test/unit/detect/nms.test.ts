import { describe, expect, test } from '@jest/globals';

import type { Candidate } from '../../../src/detect/decode-output.js';
import { iou, nms } from '../../../src/detect/nms.js';

function box(classIndex: number, score: number, x: number, y: number, width = 100, height = 100): Candidate {
  return { classIndex, score, x, y, width, height };
}

const options = { iouThreshold: 0.45, maxDetections: 300 };

describe('iou', () => {
  test('identical, disjoint, half-overlapping and empty boxes', () => {
    expect(iou(box(0, 1, 0, 0), box(0, 1, 0, 0))).toBe(1);
    expect(iou(box(0, 1, 0, 0), box(0, 1, 200, 0))).toBe(0);
    expect(iou(box(0, 1, 0, 0), box(0, 1, 50, 0))).toBeCloseTo(50 / 150, 10);
    expect(iou(box(0, 1, 0, 0, 0, 0), box(0, 1, 0, 0, 0, 0))).toBe(0);
  });
});

describe('nms', () => {
  test('suppresses an overlapping box of the same class, keeps the better one', () => {
    const kept = nms([box(0, 0.6, 10, 10), box(0, 0.9, 0, 0)], options);
    expect(kept).toEqual([box(0, 0.9, 0, 0)]);
  });

  test('keeps overlapping boxes of different classes', () => {
    const kept = nms([box(0, 0.9, 0, 0), box(1, 0.8, 10, 10)], options);
    expect(kept.map((c) => c.classIndex)).toEqual([0, 1]);
  });

  test('keeps same-class boxes that overlap at or below the threshold', () => {
    // IoU of boxes offset by 50 px is 1/3.
    expect(nms([box(0, 0.9, 0, 0), box(0, 0.8, 50, 0)], options)).toHaveLength(2);
    expect(nms([box(0, 0.9, 0, 0), box(0, 0.8, 50, 0)], { ...options, iouThreshold: 0.3 })).toHaveLength(1);
  });

  test('a suppressed box does not suppress others', () => {
    // b overlaps a (suppressed); c overlaps b but not a: c survives.
    const a = box(0, 0.9, 0, 0);
    const b = box(0, 0.8, 20, 0);
    const c = box(0, 0.7, 110, 0);
    expect(nms([a, b, c], options)).toEqual([a, c]);
  });

  test('caps the result at maxDetections, best first', () => {
    const many = Array.from({ length: 10 }, (_, i) => box(0, 0.1 + i * 0.05, i * 200, 0));
    const kept = nms(many, { ...options, maxDetections: 3 });
    expect(kept.map((c) => c.x)).toEqual([1800, 1600, 1400]);
  });

  test('output order does not depend on input order; ties go by class then coordinates', () => {
    const candidates = [box(2, 0.5, 0, 0), box(1, 0.5, 500, 0), box(1, 0.5, 300, 0), box(0, 0.7, 900, 900), box(1, 0.5, 300, 0, 50, 50)];
    // Same score: class 1 before class 2; within class 1 by x, then (same corner) the smaller box.
    // The two boxes at (300, 0) overlap with IoU 0.25, so both stay.
    const expected = [box(0, 0.7, 900, 900), box(1, 0.5, 300, 0, 50, 50), box(1, 0.5, 300, 0), box(1, 0.5, 500, 0), box(2, 0.5, 0, 0)];
    const reversed = [...candidates].reverse();
    const shuffled = [candidates[3]!, candidates[0]!, candidates[4]!, candidates[2]!, candidates[1]!];
    expect(nms(candidates, options)).toEqual(expected);
    expect(nms(reversed, options)).toEqual(expected);
    expect(nms(shuffled, options)).toEqual(expected);
  });

  test('does not modify its input', () => {
    const candidates = [box(0, 0.1, 0, 0), box(0, 0.9, 5, 5)];
    const copy = candidates.map((c) => ({ ...c }));
    nms(candidates, options);
    expect(candidates).toEqual(copy);
  });
});
