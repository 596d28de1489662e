/** Diff gates: kept images falling against the baseline, classes lost; the one error naming both numbers. */
import { describe, expect, test } from '@jest/globals';

import { evaluateDiffGates, imageDropPercent } from '../../../../src/action/diff/diff-gates.js';
import { enforceGates } from '../../../../src/action/gates.js';
import { QualityGateError } from '../../../../src/errors.js';
import type { DatasetDiff } from '../../../../src/pipeline/diff/diff-model.js';

function diff(before: number, after: number, lost: string[] = []): Pick<DatasetDiff, 'frames' | 'detections'> {
  return { frames: { kept: { before, after } }, detections: { lost } } as unknown as Pick<DatasetDiff, 'frames' | 'detections'>;
}

const OFF = { maxImageDrop: null, failOnClassLoss: false };

describe('imageDropPercent', () => {
  test.each([
    [100, 80, 20],
    [3, 2, 33.33],
    [100, 100, 0],
    [100, 150, 0],
    [0, 0, 0],
    [0, 5, 0],
    [7, 0, 100],
  ])('%i → %i is a drop of %d %%', (before, after, percent) => {
    expect(imageDropPercent(diff(before, after))).toBe(percent);
  });
});

describe('diff gates', () => {
  test('off, or no diff (no baseline): no gate', () => {
    expect(evaluateDiffGates(diff(100, 0, ['truck']), OFF)).toEqual([]);
    expect(evaluateDiffGates(null, { maxImageDrop: 0, failOnClassLoss: true })).toEqual([]);
  });

  const cases: [string, Pick<DatasetDiff, 'frames' | 'detections'>, { maxImageDrop: number | null; failOnClassLoss: boolean }, RegExp | null][] = [
    ['a drop within the limit', diff(120, 110), { maxImageDrop: 10, failOnClassLoss: false }, null],
    ['a drop at the limit', diff(100, 90), { maxImageDrop: 10, failOnClassLoss: false }, null],
    ['more images', diff(100, 130), { maxImageDrop: 0, failOnClassLoss: false }, null],
    [
      'a drop over the limit',
      diff(120, 90),
      { maxImageDrop: 10, failOnClassLoss: false },
      /^Quality gate missed: kept images went from 120 in the baseline to 90 \(a drop of 25 %\); input "max-image-drop" allows at most 10 %; inspect here$/,
    ],
    ['no class lost', diff(5, 5), { maxImageDrop: null, failOnClassLoss: true }, null],
    [
      'one class lost',
      diff(5, 5, ['truck']),
      { maxImageDrop: null, failOnClassLoss: true },
      /^Quality gate missed: 1 class detected in the baseline has no detections now \("truck"\); input "fail-on-class-loss" allows 0; inspect here$/,
    ],
    [
      'both missed, named in one message',
      diff(10, 5, ['car', 'truck']),
      { maxImageDrop: 0, failOnClassLoss: true },
      /a drop of 50 %\); input "max-image-drop" allows at most 0 %; and 2 classes detected in the baseline have no detections now \("car", "truck"\); input "fail-on-class-loss"/,
    ],
  ];
  test.each(cases)('%s', (_label, d, gates, message) => {
    const results = evaluateDiffGates(d, gates);
    expect(results).toHaveLength(Number(gates.maxImageDrop !== null) + Number(gates.failOnClassLoss));
    if (message === null) {
      expect(results.every((r) => r.passed)).toBe(true);
      expect(() => enforceGates(results, 'inspect here')).not.toThrow();
    } else {
      expect(() => enforceGates(results, 'inspect here')).toThrow(QualityGateError);
      expect(() => enforceGates(results, 'inspect here')).toThrow(message);
    }
  });

  test('the summary table gets the threshold and the measure', () => {
    expect(evaluateDiffGates(diff(120, 90, ['truck']), { maxImageDrop: 10, failOnClassLoss: true })).toEqual([
      expect.objectContaining({ input: 'max-image-drop', threshold: 10, measured: 25, passed: false }),
      expect.objectContaining({ input: 'fail-on-class-loss', threshold: 0, measured: 1, passed: false }),
    ]);
  });
});
