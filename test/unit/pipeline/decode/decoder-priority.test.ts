import { describe, expect, test } from '@jest/globals';

import { chooseDecoderSetting, DECODE_BOUND_MEGAPIXELS, DecoderPriority, KEYFRAME_COST } from '../../../../src/pipeline/decode/decoder-priority.js';

const PAL = { width: 768, height: 576 };

describe('chooseDecoderSetting', () => {
  test.each([
    ['GPU: the lowest priority, whatever the work', { gpu: true, decodedPerSample: 1, keyframes: false, ...PAL }, true],
    ['camera 25 fps sampled every 10 s, every frame decoded: decoding dominates', { gpu: false, decodedPerSample: 250, keyframes: false, ...PAL }, false],
    ['the sample, 10 fps at 1 frame/s: inference dominates', { gpu: false, decodedPerSample: 10, keyframes: false, ...PAL }, true],
    ['keyframes 2 s apart sampled every 10 s: 5 keyframes per sample', { gpu: false, decodedPerSample: 5, keyframes: true, ...PAL }, false],
    ['one keyframe per sample: inference dominates', { gpu: false, decodedPerSample: 1, keyframes: true, ...PAL }, true],
    ['small frames: many of them before decoding dominates', { gpu: false, decodedPerSample: 250, keyframes: false, width: 160, height: 120 }, true],
  ])('%s', (_name, work, lowPriority) => {
    expect(chooseDecoderSetting(work).lowPriority).toBe(lowPriority);
  });

  test('the boundary is the decoded megapixels per sample, keyframes counted at their cost', () => {
    const frames = DECODE_BOUND_MEGAPIXELS / ((768 * 576) / 1e6);
    expect(chooseDecoderSetting({ gpu: false, decodedPerSample: Math.ceil(frames), keyframes: false, ...PAL }).lowPriority).toBe(false);
    expect(chooseDecoderSetting({ gpu: false, decodedPerSample: Math.floor(frames), keyframes: false, ...PAL }).lowPriority).toBe(true);
    expect(chooseDecoderSetting({ gpu: false, decodedPerSample: Math.ceil(frames / KEYFRAME_COST), keyframes: true, ...PAL }).lowPriority).toBe(false);
    expect(chooseDecoderSetting({ gpu: false, decodedPerSample: 250, keyframes: false, ...PAL }).reason).toBe(
      '110.6 decoded megapixels per sampled frame: decoding is most of the work',
    );
  });
});

describe('DecoderPriority', () => {
  /** A stand-in for a decoder process: records the priorities set, refusing to raise when `mayRaise` is false. */
  function decoder(mayRaise = true): { calls: boolean[]; set: (low: boolean) => boolean } {
    const calls: boolean[] = [];
    return { calls, set: (low) => (calls.push(low), low || mayRaise) };
  }

  test('follows the workers: the lowest while all are busy, normal when one is idle; no call when nothing changes', () => {
    const priority = new DecoderPriority(true);
    const process = decoder();
    priority.attach(process.set);
    priority.follow(true);
    priority.follow(false);
    priority.follow(false);
    priority.follow(true);
    expect(process.calls).toEqual([false, true]);
    expect(priority.low).toBe(true);
    expect(priority.changes).toBe(2);
  });

  test('starts where chooseDecoderSetting put it: normal when decoding is most of the work', () => {
    const priority = new DecoderPriority(false);
    expect(priority.low).toBe(false);
    const process = decoder();
    priority.attach(process.set);
    priority.follow(false);
    expect(process.calls).toEqual([]);
    priority.follow(true);
    expect(process.calls).toEqual([true]);
  });

  test('once raising is refused (a container without CAP_SYS_NICE), it stays the lowest and stops asking', () => {
    const priority = new DecoderPriority(true);
    const process = decoder(false);
    priority.attach(process.set);
    priority.follow(false);
    priority.follow(true);
    priority.follow(false);
    expect(process.calls).toEqual([false]);
    expect(priority.low).toBe(true);
    expect(priority.changes).toBe(0);
  });

  test('a later decoder process of the same video starts at the current priority and is the one changed', () => {
    const priority = new DecoderPriority(true);
    const first = decoder();
    priority.attach(first.set);
    priority.follow(false);
    const second = decoder();
    priority.attach(second.set);
    expect(priority.low).toBe(false);
    priority.follow(true);
    expect(first.calls).toEqual([false]);
    expect(second.calls).toEqual([true]);
  });
});
