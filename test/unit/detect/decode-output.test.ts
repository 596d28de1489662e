import { describe, expect, test } from '@jest/globals';

import { checkOutputShape, decodeOutput, matchingLayouts } from '../../../src/detect/decode-output.js';

interface Anchor {
  cx: number;
  cy: number;
  w: number;
  h: number;
  obj?: number;
  scores: number[];
}

/** [B, 4+C, N]: one column per anchor. */
function yolov8Tensor(images: Anchor[][], numClasses: number): { data: Float32Array; dims: number[] } {
  const n = images[0]!.length;
  const rows = 4 + numClasses;
  const data = new Float32Array(images.length * rows * n);
  images.forEach((anchors, b) =>
    anchors.forEach((anchor, a) => {
      const values = [anchor.cx, anchor.cy, anchor.w, anchor.h, ...anchor.scores];
      values.forEach((value, row) => (data[(b * rows + row) * n + a] = value));
    }),
  );
  return { data, dims: [images.length, rows, n] };
}

/** [B, N, 5+C]: one row per anchor. */
function yolov5Tensor(images: Anchor[][], numClasses: number): { data: Float32Array; dims: number[] } {
  const n = images[0]!.length;
  const cols = 5 + numClasses;
  const data = new Float32Array(images.length * n * cols);
  images.forEach((anchors, b) =>
    anchors.forEach((anchor, a) => {
      const values = [anchor.cx, anchor.cy, anchor.w, anchor.h, anchor.obj ?? 1, ...anchor.scores];
      data.set(values, (b * n + a) * cols);
    }),
  );
  return { data, dims: [images.length, n, cols] };
}

const anchors: Anchor[] = [
  { cx: 100, cy: 50, w: 40, h: 20, obj: 0.9, scores: [0.1, 0.8, 0.05] },
  { cx: 300, cy: 200, w: 60, h: 80, obj: 0.5, scores: [0.6, 0.2, 0.1] },
  { cx: 10, cy: 10, w: 4, h: 4, obj: 0.9, scores: [0.01, 0.02, 0.1] },
  { cx: 500, cy: 400, w: 100, h: 50, obj: 1, scores: [0.05, 0.1, 0.3] },
];

describe('decodeOutput, yolov8 layout', () => {
  test('decodes known boxes to top-left xywh with the best class', () => {
    const { data, dims } = yolov8Tensor([anchors], 3);
    const [image] = decodeOutput(data, dims, { layout: 'yolov8', numClasses: 3, confidence: 0.25 });
    expect(image).toHaveLength(3);
    expect(image![0]).toEqual({ classIndex: 1, score: expect.closeTo(0.8, 6), x: 80, y: 40, width: 40, height: 20 });
    expect(image![1]).toMatchObject({ classIndex: 0, x: 270, y: 160, width: 60, height: 80 });
    expect(image![1]!.score).toBeCloseTo(0.6, 6);
    expect(image![2]).toMatchObject({ classIndex: 2, x: 450, y: 375, width: 100, height: 50 });
  });

  test('applies the confidence threshold (inclusive)', () => {
    const { data, dims } = yolov8Tensor([anchors], 3);
    const [image] = decodeOutput(data, dims, { layout: 'yolov8', numClasses: 3, confidence: 0.6 });
    expect(image!.map((c) => c.classIndex)).toEqual([1, 0]);
  });

  test('filters classes after choosing each anchor’s best class', () => {
    const { data, dims } = yolov8Tensor([anchors], 3);
    const [image] = decodeOutput(data, dims, {
      layout: 'yolov8',
      numClasses: 3,
      confidence: 0.25,
      classFilter: new Set([0, 2]),
    });
    // The first anchor's best class (1) is filtered out; it does not fall back to class 0 or 2.
    expect(image!.map((c) => [c.classIndex, c.x])).toEqual([
      [0, 270],
      [2, 450],
    ]);
  });

  test('decodes each image of a batch separately', () => {
    const second: Anchor[] = anchors.map((anchor) => ({ ...anchor, scores: [0, 0, 0] }));
    second[3] = { cx: 20, cy: 30, w: 10, h: 10, scores: [0.9, 0, 0] };
    const { data, dims } = yolov8Tensor([anchors, second], 3);
    const images = decodeOutput(data, dims, { layout: 'yolov8', numClasses: 3, confidence: 0.25 });
    expect(images).toHaveLength(2);
    expect(images[0]).toHaveLength(3);
    expect(images[1]).toEqual([{ classIndex: 0, score: expect.closeTo(0.9, 6), x: 15, y: 25, width: 10, height: 10 }]);
  });

  test('skips boxes with no area or non-finite values', () => {
    const bad: Anchor[] = [
      { cx: 10, cy: 10, w: 0, h: 5, scores: [0.9] },
      { cx: Number.NaN, cy: 10, w: 5, h: 5, scores: [0.9] },
      { cx: 10, cy: 10, w: 5, h: 5, scores: [Number.NaN] },
      { cx: 10, cy: 10, w: 5, h: 5, scores: [0.9] },
    ];
    const { data, dims } = yolov8Tensor([bad], 1);
    const [image] = decodeOutput(data, dims, { layout: 'yolov8', numClasses: 1, confidence: 0.25 });
    expect(image).toHaveLength(1);
  });

  test('refuses dims that do not fit the layout and class count', () => {
    const { data, dims } = yolov8Tensor([anchors], 3);
    expect(() => decodeOutput(data, dims, { layout: 'yolov8', numClasses: 4, confidence: 0.25 })).toThrow(/holds 3 class scores per anchor/);
    expect(() => decodeOutput(data.subarray(1), dims, { layout: 'yolov8', numClasses: 3, confidence: 0.25 })).toThrow(/output holds/);
  });
});

describe('decodeOutput, yolov5 layout', () => {
  test('multiplies the class score by objectness', () => {
    const { data, dims } = yolov5Tensor([anchors], 3);
    const [image] = decodeOutput(data, dims, { layout: 'yolov5', numClasses: 3, confidence: 0.25 });
    // 0.9 × 0.8 = 0.72; 0.5 × 0.6 = 0.30; 0.9 × 0.1 = 0.09 (dropped); 1 × 0.3 = 0.3
    expect(image!.map((c) => c.classIndex)).toEqual([1, 0, 2]);
    expect(image![0]!.score).toBeCloseTo(0.72, 6);
    expect(image![1]!.score).toBeCloseTo(0.3, 6);
    expect(image![0]).toMatchObject({ x: 80, y: 40, width: 40, height: 20 });
  });

  test('objectness below the threshold drops the anchor', () => {
    const { data, dims } = yolov5Tensor([anchors], 3);
    const [image] = decodeOutput(data, dims, { layout: 'yolov5', numClasses: 3, confidence: 0.31 });
    expect(image!.map((c) => c.classIndex)).toEqual([1]);
  });

  test('class filter', () => {
    const { data, dims } = yolov5Tensor([anchors], 3);
    const [image] = decodeOutput(data, dims, {
      layout: 'yolov5',
      numClasses: 3,
      confidence: 0.25,
      classFilter: new Set([2]),
    });
    expect(image!.map((c) => [c.classIndex, c.x])).toEqual([[2, 450]]);
  });
});

describe('checkOutputShape', () => {
  test('accepts the standard shapes and reports classes and anchors', () => {
    expect(checkOutputShape([1, 84, 8400], 'yolov8')).toEqual({ ok: true, numClasses: 80, numAnchors: 8400 });
    expect(checkOutputShape([1, 25200, 85], 'yolov5', 80)).toEqual({ ok: true, numClasses: 80, numAnchors: 25200 });
    expect(checkOutputShape(['batch', 84, 'anchors'], 'yolov8', 80)).toEqual({
      ok: true,
      numClasses: 80,
      numAnchors: null,
    });
  });

  test('gives a reason for a wrong rank, no classes or a class-count mismatch', () => {
    const rank = checkOutputShape([1, 10], 'yolov8');
    expect(rank).toEqual({ ok: false, reason: expect.stringContaining('[1,10] has rank 2') });
    const empty = checkOutputShape([1, 4, 8400], 'yolov8');
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.reason).toMatch(/leaves no class scores/);
    const count = checkOutputShape([1, 84, 8400], 'yolov8', 3);
    expect(!count.ok && count.reason).toMatch(/holds 80 class scores per anchor for layout yolov8, but there are 3 class names/);
  });

  test('matchingLayouts tells the layouts apart by class count', () => {
    expect(matchingLayouts([1, 84, 8400], 80)).toEqual(['yolov8']);
    expect(matchingLayouts([1, 25200, 85], 80)).toEqual(['yolov5']);
    expect(matchingLayouts([1, 10])).toEqual([]);
  });
});
