/** Quality gates: which gates are on, their verdicts, and the one error naming every missed gate. */
import { describe, expect, test } from '@jest/globals';

import { enforceGates, evaluateGates } from '../../../src/action/gates.js';
import { QualityGateError } from '../../../src/errors.js';
import type { RunMetrics } from '../../../src/observe/metrics-contract.js';

function metrics(images: number, frameDropRatio: number): RunMetrics {
  return { images, frameDropRatio, detections: { total: 7 } } as unknown as RunMetrics;
}

describe('quality gates', () => {
  test('0 images and a ratio of 1 turn the gates off', () => {
    expect(evaluateGates(metrics(0, 1), { minImages: 0, maxDropRatio: 1 })).toEqual([]);
  });

  const cases: [string, number, number, { minImages: number; maxDropRatio: number }, RegExp | null][] = [
    ['enough images', 30, 0.1, { minImages: 30, maxDropRatio: 1 }, null],
    [
      'too few images',
      3,
      0.1,
      { minImages: 1000, maxDropRatio: 1 },
      /^Quality gate missed: the dataset has 3 images; input "min-images" asks for at least 1000; inspect here$/,
    ],
    ['drop ratio at the limit', 30, 0.25, { minImages: 0, maxDropRatio: 0.25 }, null],
    [
      'too many dropped',
      30,
      0.7321,
      { minImages: 0, maxDropRatio: 0.5 },
      /73\.2 % of the sampled frames were dropped \(drop ratio 0\.7321\); input "max-drop-ratio" allows at most 0\.5 \(50\.0 %\)/,
    ],
    ['both missed', 3, 0.9, { minImages: 10, maxDropRatio: 0.5 }, /input "min-images" asks for at least 10; and 90\.0 % .* input "max-drop-ratio"/],
  ];
  test.each(cases)('%s', (_label, images, ratio, gates, message) => {
    const results = evaluateGates(metrics(images, ratio), gates);
    if (message === null) {
      expect(results.every((r) => r.passed)).toBe(true);
      expect(() => enforceGates(results, 'inspect here')).not.toThrow();
    } else {
      expect(() => enforceGates(results, 'inspect here')).toThrow(QualityGateError);
      expect(() => enforceGates(results, 'inspect here')).toThrow(message);
    }
  });

  test('a missed gate exits with code 8', () => {
    const error = (() => {
      try {
        enforceGates(evaluateGates(metrics(1, 0), { minImages: 2, maxDropRatio: 1 }));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect((error as QualityGateError).exitCode).toBe(8);
  });
});
