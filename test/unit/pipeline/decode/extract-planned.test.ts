import { describe, expect, test } from '@jest/globals';

import { groupTargets, MAX_GROUP_TARGETS } from '../../../../src/pipeline/decode/extract-planned.js';
import type { FrameTimeline } from '../../../../src/pipeline/decode/frame-timeline.js';
import type { DecodeTarget } from '../../../../src/pipeline/decode/keyframe-choice.js';

/** A constant-rate timeline of `frames` frames at 25 fps with a keyframe every `gop`. */
function timeline(frames: number, gop: number): FrameTimeline {
  const ms = Array.from({ length: frames }, (_, i) => i * 40);
  return {
    pts: Float64Array.from(ms, (t) => t * 12.8),
    ms,
    keyframes: ms.map((_, i) => i).filter((i) => i % gop === 0),
    firstPtsTime: 0,
  };
}

const key = (frame: number): DecodeTarget => ({ slotMs: frame * 40, frame, kind: 'keyframe' });
const exact = (frame: number): DecodeTarget => ({ slotMs: frame * 40, frame, kind: 'exact' });
const shape = (groups: ReturnType<typeof groupTargets>): string[] => groups.map((g) => `${g.kind}:${g.targets.map((t) => t.frame).join(',')}`);

describe('groupTargets', () => {
  test('runs of keyframes share a decode; exact frames after the same keyframe share one', () => {
    const groups = groupTargets(timeline(1000, 250), [key(0), exact(100), exact(200), key(250), exact(300), exact(600), key(750)]);
    expect(shape(groups)).toEqual(['keyframe:0', 'exact:100,200', 'keyframe:250', 'exact:300', 'exact:600', 'keyframe:750']);
  });

  test('a long run is split so that no select expression grows without bound', () => {
    const targets = Array.from({ length: MAX_GROUP_TARGETS * 2 + 1 }, (_, i) => key(i * 50));
    const groups = groupTargets(timeline(targets.length * 50, 50), targets);
    expect(groups.map((g) => g.targets.length)).toEqual([MAX_GROUP_TARGETS, MAX_GROUP_TARGETS, 1]);
    expect(groups.flatMap((g) => g.targets)).toEqual(targets);
  });
});
