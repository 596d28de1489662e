/** Box pairing (src/pipeline/diff/box-pairing.ts) on boxes made here. */
import { describe, expect, test } from '@jest/globals';

import type { Detection } from '../../../../src/domain/detection.js';
import { pairBoxes } from '../../../../src/pipeline/diff/box-pairing.js';

const box = (className: string, x: number, score = 0.9, width = 10): Detection => ({
  classIndex: className === 'a' ? 0 : 1,
  className,
  score,
  box: { x, y: 0, width, height: 10 },
});

describe('pairBoxes', () => {
  test('pairs the same class by the highest IoU, each box once; other classes and far boxes stay unpaired', () => {
    const reference = [box('a', 0), box('a', 100), box('b', 200)];
    const candidate = [box('a', 1), box('a', 0.5), box('a', 300), box('a', 200)];
    const { pairs, unmatchedReference, unmatchedCandidate } = pairBoxes(reference, candidate);
    expect(pairs.map((p) => [p.reference.box.x, p.candidate.box.x])).toEqual([[0, 0.5]]);
    expect(pairs[0]!.iou).toBeCloseTo(9.5 / 10.5, 6);
    expect(unmatchedReference.map((d) => d.box.x)).toEqual([100, 200]);
    expect(unmatchedCandidate.map((d) => d.box.x)).toEqual([1, 300, 200]);
  });

  test("classes 'different' pairs only boxes of another class (a relabelled object), never the same class", () => {
    const reference = [box('a', 0), box('a', 50)];
    const candidate = [box('b', 1), box('a', 50)];
    const { pairs, unmatchedReference, unmatchedCandidate } = pairBoxes(reference, candidate, { classes: 'different' });
    expect(pairs.map((p) => [p.reference.box.x, p.candidate.className])).toEqual([[0, 'b']]);
    expect(unmatchedReference.map((d) => d.box.x)).toEqual([50]);
    expect(unmatchedCandidate.map((d) => d.box.x)).toEqual([50]);
  });

  test('IoU exactly at the threshold pairs; just under does not', () => {
    // Two 10x10 boxes offset by dx overlap (10 - dx) * 10; IoU = (10 - dx) / (10 + dx) = 0.5 at dx = 10/3.
    expect(pairBoxes([box('a', 0)], [box('a', 10 / 3)], { minIou: 0.5 - 1e-12 }).pairs).toHaveLength(1);
    expect(pairBoxes([box('a', 0)], [box('a', 3.4)]).pairs).toHaveLength(0);
  });
});
