import { describe, expect, test } from '@jest/globals';

import {
  chooseDecodeMode,
  chooseTargets,
  intervalMs,
  ptsSelectExpression,
  slotTimes,
  type DecodeTarget,
} from '../../../../src/pipeline/decode/keyframe-choice.js';

/** Frame times of a constant-rate video. */
function cfr(fps: number, frames: number): number[] {
  return Array.from({ length: frames }, (_, i) => (i * 1000) / fps);
}

/** Keyframe indices every `gop` frames. */
function everyNth(frames: number, gop: number): number[] {
  return Array.from({ length: Math.ceil(frames / gop) }, (_, i) => i * gop);
}

const brief = (targets: DecodeTarget[]): string[] => targets.map((t) => `${t.slotMs}:${t.frame}${t.kind === 'exact' ? '!' : ''}`);

describe('chooseTargets', () => {
  const cases: { name: string; slots: number[]; frames: number[]; keys: number[]; tolerance: number; want: string[] }[] = [
    {
      name: 'keyframes on the slots: each slot takes its own keyframe',
      slots: [0, 4000, 8000],
      frames: cfr(25, 250),
      keys: everyNth(250, 50),
      tolerance: 2000,
      want: ['0:0', '4000:100', '8000:200'],
    },
    {
      name: 'keyframes denser than slots: the nearest one, others skipped',
      slots: [0, 1000, 2000],
      frames: cfr(10, 30),
      keys: everyNth(30, 3), // every 0.3 s
      tolerance: 500,
      want: ['0:0', '1000:9', '2000:21'], // 0.9 s beats 1.2 s; 2.1 s beats 1.8 s
    },
    {
      name: 'a tie goes to the earlier keyframe',
      slots: [1000],
      frames: cfr(10, 30),
      keys: [5, 15],
      tolerance: 500,
      want: ['1000:5'],
    },
    {
      name: 'no keyframe within the tolerance: the slot is decoded exactly',
      slots: [0, 4000, 8000],
      frames: cfr(25, 250),
      keys: [0, 200],
      tolerance: 2000,
      want: ['0:0', '4000:100!', '8000:200'],
    },
    {
      name: 'a keyframe taken by one slot is not taken again by the next',
      slots: [0, 1000, 2000],
      frames: cfr(10, 30),
      keys: [0, 15],
      tolerance: 500,
      want: ['0:0', '1000:15', '2000:20!'],
    },
    {
      name: 'a range: slots starting late choose as in the whole video',
      slots: [8000, 12000],
      frames: cfr(25, 500),
      keys: everyNth(500, 50),
      tolerance: 2000,
      want: ['8000:200', '12000:300'],
    },
    {
      name: 'variable rate: a slot with no frame is skipped, as a decode of every frame would',
      slots: [0, 1000, 2000, 3000],
      frames: [0, 100, 200, 2500, 2600, 3100],
      keys: [0, 3],
      tolerance: 500,
      want: ['0:0', '2000:3', '3000:5!'],
    },
    {
      name: 'variable rate: the keyframe nearest in time, not in frame count',
      slots: [0, 2000],
      frames: [0, 1000, 1100, 1200, 1300, 1400, 2400, 2900],
      keys: [0, 1, 7],
      tolerance: 1000,
      want: ['0:0', '2000:7'],
    },
    {
      name: 'no keyframes at all: every slot exact',
      slots: [0, 1000],
      frames: cfr(10, 20),
      keys: [],
      tolerance: 500,
      want: ['0:0!', '1000:10!'],
    },
    {
      name: 'decimal times a microsecond early still land on their slot',
      slots: [0, 1000 / 3],
      frames: [0, 333.33299999999997, 666.667],
      keys: [],
      tolerance: 100,
      want: [`0:0!`, `${1000 / 3}:1!`],
    },
  ];
  test.each(cases)('$name', ({ slots, frames, keys, tolerance, want }) => {
    expect(brief(chooseTargets(slots, frames, keys, tolerance))).toEqual(want);
  });

  test('targets are strictly increasing and each within the tolerance or exact', () => {
    const frames = cfr(25, 15000);
    const keys = everyNth(15000, 50);
    const targets = chooseTargets(slotTimes({ mode: 'fps', fps: 0.1 }, frames), frames, keys, 5000);
    expect(targets).toHaveLength(60);
    for (const [i, t] of targets.entries()) {
      if (i > 0) expect(t.frame).toBeGreaterThan(targets[i - 1]!.frame);
      expect(t.kind).toBe('keyframe');
      expect(Math.abs(frames[t.frame]! - t.slotMs)).toBeLessThanOrEqual(5000);
    }
  });
});

describe('slotTimes and intervalMs', () => {
  test('a rate: k / fps up to the last frame', () => {
    expect(slotTimes({ mode: 'fps', fps: 0.25 }, cfr(25, 500))).toEqual([0, 4000, 8000, 12000, 16000]);
    expect(slotTimes({ mode: 'fps', fps: 1 }, [])).toEqual([]);
  });
  test('every n frames: the times of frames 0, n, 2n, …', () => {
    expect(slotTimes({ mode: 'every-n-frames', n: 3 }, [0, 40, 80, 120, 160, 200, 240])).toEqual([0, 120, 240]);
  });
  test('interval of each sampling', () => {
    expect(intervalMs({ mode: 'fps', fps: 0.1 }, 25)).toBe(10000);
    expect(intervalMs({ mode: 'every-n-frames', n: 50 }, 25)).toBe(2000);
  });
});

describe('chooseDecodeMode (the auto rule)', () => {
  test('keyframes every 2 s, one sample every 4 s: keyframes', () => {
    const choice = chooseDecodeMode(4000, cfr(25, 500), everyNth(500, 50));
    expect(choice.mode).toBe('keyframes');
    expect(choice.longestGapMs).toBe(2000);
  });
  test('a sample every second with keyframes every 2 s: all', () => {
    const choice = chooseDecodeMode(1000, cfr(25, 500), everyNth(500, 50));
    expect(choice.mode).toBe('all');
    expect(choice.reason).toMatch(/2\.00 s apart, longer than the sampling interval 1\.00 s/);
  });
  test('one keyframe at the start of a long video: all (the tail counts as a gap)', () => {
    expect(chooseDecodeMode(10000, cfr(10, 200), [0]).mode).toBe('all');
  });
  test('keyframes too dense to skip anything worth it: all', () => {
    const choice = chooseDecodeMode(4000, cfr(25, 500), everyNth(500, 3));
    expect(choice.mode).toBe('all');
    expect(choice.reason).toMatch(/every 3\.0 frames/);
  });
  test('no keyframe listed: all', () => {
    expect(chooseDecodeMode(4000, cfr(25, 500), [])).toEqual({ mode: 'all', reason: 'no keyframe listed', longestGapMs: null });
  });
  test('a gap exactly the interval still covers every slot', () => {
    expect(chooseDecodeMode(2000, cfr(25, 500), everyNth(500, 50)).mode).toBe('keyframes');
  });
});

describe('ptsSelectExpression', () => {
  test('a regular run becomes one term', () => {
    expect(ptsSelectExpression([0, 1000, 2000, 3000])).toBe('between(pts,0,3000)*not(mod(pts-0,1000))');
  });
  test('short runs and strays are single terms', () => {
    expect(ptsSelectExpression([5, 7])).toBe('eq(pts,5)+eq(pts,7)');
    expect(ptsSelectExpression([0, 10, 20, 25, 40])).toBe('between(pts,0,20)*not(mod(pts-0,10))+eq(pts,25)+eq(pts,40)');
  });
  test('nothing selects nothing', () => {
    expect(ptsSelectExpression([])).toBe('0');
  });
});
