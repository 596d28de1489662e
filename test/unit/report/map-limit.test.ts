import { describe, expect, test } from '@jest/globals';

import { mapLimit } from '../../../src/report/map-limit.js';

describe('mapLimit', () => {
  test('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const delays = [30, 5, 20, 1, 10, 2, 8];
    const out = await mapLimit(delays, 3, async (ms, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return `${i}:${ms}`;
    });
    expect(out).toEqual(delays.map((ms, i) => `${i}:${ms}`));
    expect(most).toBe(3);
  });

  test('empty input, and a bad limit', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
    await expect(mapLimit([1], 0, async (x) => x)).rejects.toThrow(RangeError);
  });

  test('the first failure rejects the whole map', async () => {
    await expect(
      mapLimit([1, 2, 3], 2, async (x) => {
        if (x === 2) throw new Error('no 2');
        return x;
      }),
    ).rejects.toThrow('no 2');
  });
});
