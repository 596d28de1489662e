import { describe, expect, test } from '@jest/globals';

import { UsageError } from '../../../../src/errors.js';
import { coverageOf } from '../../../../src/pipeline/merge/coverage.js';
import type { DatasetPart } from '../../../../src/pipeline/merge/dataset-part.js';

/** A part holding `videos` (stem → duration in seconds) over `range` ([start, end] seconds; end null: to the end; no range: whole). */
function part(given: string, range: [number, number | null] | null, videos: Record<string, number> = { cam: 100 }): DatasetPart {
  const timeRange = range === null ? null : { startMs: range[0] * 1000, endMs: range[1] === null ? null : range[1] * 1000 };
  return {
    given,
    manifest: { config: { timeRange }, videos: Object.entries(videos).map(([stem, durationSeconds]) => ({ stem, durationSeconds })) },
  } as unknown as DatasetPart;
}

describe('what merged parts cover', () => {
  test.each<[string, DatasetPart[], [number, number][]]>([
    ['one whole run', [part('a', null)], [[0, 100]]],
    ['ranges meeting end to start, in any order', [part('b', [40, null]), part('a', [0, 40])], [[0, 100]]],
    ['a range past the video end is clipped to it', [part('a', [0, 60]), part('b', [60, 500])], [[0, 100]]],
    ['ranges given to the ms', [part('a', [0, 33.3]), part('b', [33.3, null])], [[0, 100]]],
  ])('%s: the whole video, no gap', (_name, parts, covered) => {
    expect(coverageOf(parts, false)).toEqual({ videos: [{ video: 'cam', durationSeconds: 100, covered }], gaps: [] });
  });

  test.each<[string, DatasetPart[], string]>([
    ['a missing middle', [part('a', [0, 30]), part('b', [70, null])], 'from 30 s to 70 s'],
    ['a missing start', [part('b', [20, null])], 'from 0 s to 20 s'],
    ['a missing end', [part('a', [0, 80])], 'from 80 s to 100 s'],
  ])('%s: refused naming the missing seconds; recorded with --allow-gaps', (_name, parts, missing) => {
    const error = (() => {
      try {
        coverageOf(parts, false);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `Cannot merge: no part covers video cam ${missing}; merge the missing part too, or pass --allow-gaps to merge what there is (the gaps are then recorded and reported)`,
    );
    const allowed = coverageOf(parts, true);
    const [from, to] = missing.match(/[\d.]+/g)!.map(Number);
    expect(allowed.gaps).toEqual([{ kind: 'uncovered', video: 'cam', fromSeconds: from, toSeconds: to }]);
  });

  test('several gaps: the first named, the others counted; each video on its own', () => {
    const parts = [part('a', [0, 10], { cam: 100, gate: 50 }), part('b', [20, 30], { cam: 100, gate: 50 })];
    expect(() => coverageOf(parts, false)).toThrow(/no part covers video cam from 10 s to 20 s \(and 3 more gaps\)/);
    const { videos, gaps } = coverageOf(parts, true);
    expect(videos).toEqual([
      {
        video: 'cam',
        durationSeconds: 100,
        covered: [
          [0, 10],
          [20, 30],
        ],
      },
      {
        video: 'gate',
        durationSeconds: 50,
        covered: [
          [0, 10],
          [20, 30],
        ],
      },
    ]);
    expect(gaps.map((g) => `${g.video} ${g.fromSeconds}-${g.toSeconds}`)).toEqual(['cam 10-20', 'cam 30-100', 'gate 10-20', 'gate 30-50']);
  });

  test('overlapping ranges are refused, with or without --allow-gaps', () => {
    const parts = [part('a', [0, 60]), part('b', [50, null])];
    for (const allowGaps of [false, true]) {
      expect(() => coverageOf(parts, allowGaps)).toThrow('Cannot merge: a and b both cover video cam from 50 s to 60 s; their time ranges overlap');
    }
    expect(() => coverageOf([part('a', null), part('b', [10, 20])], true)).toThrow(/a and b both cover video cam from 10 s to 20 s/);
  });
});
