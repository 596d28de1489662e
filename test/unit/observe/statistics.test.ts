import { describe, expect, test } from '@jest/globals';

import { histogram, median, round, summarize, type BucketBounds } from '../../../src/observe/statistics.js';

/** 0 … 9, then 10+ (the buckets of detections per image). */
const BUCKETS: BucketBounds = [...Array.from({ length: 10 }, (_, i) => [i, i] as const), [10, null]];

describe('statistics', () => {
  test('round() cleans non-finite values and negative zero', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(Number.NaN, 2)).toBe(0);
    expect(Object.is(round(-0.0001, 2), 0)).toBe(true);
  });

  test('histogram() puts everything at or above the last bucket in it', () => {
    expect(histogram([0, 10, 11, 500], BUCKETS).map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
  });

  test('histogram() labels single values, ranges and the open last bucket', () => {
    expect(
      histogram(
        [2.9, 3],
        [
          [0, 0],
          [1, 3],
          [4, null],
        ],
      ),
    ).toEqual([
      { label: '0', min: 0, max: 0, count: 0 },
      { label: '1-3', min: 1, max: 3, count: 2 },
      { label: '4+', min: 4, max: null, count: 0 },
    ]);
  });

  test('median() is 0 for no values', () => {
    expect(median([])).toBe(0);
    expect(median([1, 2, 7])).toBe(2);
  });

  test('summarize() takes the mean of the middle pair for an even count', () => {
    expect(summarize([4, 1, 3, 2], BUCKETS).median).toBe(2.5);
  });

  test('summarize() leaves out non-finite values and gives zeros when none are left', () => {
    expect(summarize([Number.NaN, Number.POSITIVE_INFINITY], BUCKETS)).toMatchObject({ count: 0, min: 0, median: 0, mean: 0, max: 0 });
  });
});
