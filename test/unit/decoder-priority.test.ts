import { describe, expect, test } from '@jest/globals';
import { chooseDecoderSetting, DECODE_BOUND_MEGAPIXELS, KEYFRAME_COST } from '../../src/pipeline/decoder-priority.js';

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
    expect(chooseDecoderSetting({ gpu: false, decodedPerSample: 250, keyframes: false, ...PAL }).reason).toBe('110.6 decoded megapixels per sampled frame: decoding is most of the work');
  });
});
