import { describe, expect, test } from '@jest/globals';
import { chooseDecoderSetting, DECODE_BOUND_MEGAPIXELS, KEYFRAME_COST } from '../../src/pipeline/decoder-threads.js';

const PAL = { width: 768, height: 576 };

describe('chooseDecoderSetting', () => {
  test.each([
    ['GPU: every core, whatever the work', { gpu: true, decodedPerSample: 1, keyframes: false, ...PAL }, undefined, true],
    ['camera 25 fps sampled every 10 s, every frame decoded: decoding dominates', { gpu: false, decodedPerSample: 250, keyframes: false, ...PAL }, undefined, false],
    ['the sample, 10 fps at 1 frame/s: inference dominates', { gpu: false, decodedPerSample: 10, keyframes: false, ...PAL }, 1, true],
    ['keyframes 2 s apart sampled every 10 s: 5 keyframes per sample', { gpu: false, decodedPerSample: 5, keyframes: true, ...PAL }, undefined, false],
    ['one keyframe per sample: inference dominates', { gpu: false, decodedPerSample: 1, keyframes: true, ...PAL }, 1, true],
    ['small frames: many of them before decoding dominates', { gpu: false, decodedPerSample: 250, keyframes: false, width: 160, height: 120 }, 1, true],
  ])('%s', (_name, work, threads, lowPriority) => {
    const setting = chooseDecoderSetting(work);
    expect(setting.threads).toBe(threads);
    expect(setting.lowPriority).toBe(lowPriority);
  });

  test('the boundary is the decoded megapixels per sample, keyframes counted at their cost', () => {
    const frames = DECODE_BOUND_MEGAPIXELS / ((768 * 576) / 1e6);
    expect(chooseDecoderSetting({ gpu: false, decodedPerSample: Math.ceil(frames), keyframes: false, ...PAL }).threads).toBeUndefined();
    expect(chooseDecoderSetting({ gpu: false, decodedPerSample: Math.floor(frames), keyframes: false, ...PAL }).threads).toBe(1);
    expect(chooseDecoderSetting({ gpu: false, decodedPerSample: Math.ceil(frames / KEYFRAME_COST), keyframes: true, ...PAL }).threads).toBeUndefined();
    expect(chooseDecoderSetting({ gpu: false, decodedPerSample: 250, keyframes: false, ...PAL }).reason).toBe('110.6 decoded megapixels per sampled frame: decoding is most of the work');
  });
});
