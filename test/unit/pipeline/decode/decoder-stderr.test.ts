/** Parsing ffmpeg's stderr: frame info from showinfo, corrupt marks from decoder errors, truncation from the demuxer. */
import { describe, expect, test } from '@jest/globals';

import { DecoderStderr } from '../../../../src/pipeline/decode/decoder-stderr.js';
import { originFromTimeline } from '../../../../src/pipeline/decode/frame-timeline.js';

/** A showinfo line: instance 0 sees every decoded frame, instance 2 the selected ones. */
const info = (instance: number, n: number, pts: number, key: 0 | 1 = 0): string =>
  `[Parsed_showinfo_${instance} @ 0x55] [info] n:${String(n).padStart(4)} pts:${String(pts).padStart(7)} pts_time:${pts / 1000} pos: 1 fmt:yuv420p sar:1/1 s:160x120 i:P iskey:${key} type:${key === 1 ? 'I' : 'P'} checksum:0`;
const exited = (): boolean => true;

describe('DecoderStderr', () => {
  test('a decoder error marks the next decoded frame corrupt, and every frame after it up to the next keyframe', async () => {
    const log = new DecoderStderr();
    log.line(info(0, 0, 0, 1));
    log.line(info(2, 0, 0));
    log.line('[h264 @ 0x55] [error] error while decoding MB 1 2, bytestream -5');
    for (const [n, key] of [
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 0],
    ] as const) {
      log.line(info(0, n, n * 100, key));
      log.line(info(2, n, n * 100));
    }
    const marks = [];
    for (let i = 0; i < 5; i += 1) marks.push((await log.nextSelected(exited))?.corrupt);
    expect(marks).toEqual([false, true, true, false, false]);
    expect(log.stats).toMatchObject({ framesDecoded: 5, decodeErrors: 1, truncated: false });
  });

  test('an error in a keyframe marks the keyframe and the frames it predicts', async () => {
    const log = new DecoderStderr();
    log.line('[hevc @ 0x1] [error] Could not find ref with POC 4');
    log.line(info(0, 0, 0, 1));
    log.line(info(2, 0, 0));
    log.line(info(0, 1, 100));
    log.line(info(2, 1, 100));
    expect(await log.nextSelected(exited)).toMatchObject({ frameIndex: 0, corrupt: true });
    expect(await log.nextSelected(exited)).toMatchObject({ frameIndex: 1, corrupt: true });
  });

  test('a packet that yields no frame smears the frames after it, not the next keyframe (a stream cut mid-GOP starts clean)', async () => {
    const log = new DecoderStderr();
    // Cut mid-GOP: the frames before the first keyframe cannot decode; the keyframe is whole.
    log.line('[h264 @ 0x55] [error] non-existing PPS 0 referenced');
    log.line('[h264 @ 0x55] [error] no frame!');
    log.line(info(0, 0, 0, 1));
    log.line(info(2, 0, 0));
    // A lost packet mid-GOP: the frames predicted from it are smeared up to the next keyframe.
    log.line('[h264 @ 0x55] [error] Invalid NAL unit size (2147483647 > 1708).');
    log.line('[h264 @ 0x55] [error] Error splitting the input into NAL units.');
    for (const [n, key] of [
      [1, 0],
      [2, 1],
    ] as const) {
      log.line(info(0, n, n * 100, key));
      log.line(info(2, n, n * 100));
    }
    const marks = [];
    for (let i = 0; i < 3; i += 1) marks.push((await log.nextSelected(exited))?.corrupt);
    expect(marks).toEqual([false, true, false]);
    expect(log.stats.decodeErrors).toBe(4);
  });

  test('an error about SEI metadata (a camera that writes a malformed one into every GOP) leaves the frames whole and is not counted', async () => {
    const log = new DecoderStderr();
    log.line(info(0, 0, 0, 1));
    log.line(info(2, 0, 0));
    log.line('[h264 @ 0x55] [error] SEI type 5 size 2040 truncated at 1656');
    log.line(info(0, 1, 100));
    log.line(info(2, 1, 100));
    expect(await log.nextSelected(exited)).toMatchObject({ corrupt: false });
    expect(await log.nextSelected(exited)).toMatchObject({ corrupt: false });
    expect(log.stats.decodeErrors).toBe(0);
  });

  test('with an ffmpeg whose showinfo does not say iskey, only the frame after the error is marked', async () => {
    const log = new DecoderStderr();
    const bare = (instance: number, n: number, pts: number): string => info(instance, n, pts).replace(/ iskey:\d type:\w/, '');
    log.line('[h264 @ 0x55] [error] error while decoding MB 1 2, bytestream -5');
    for (const n of [0, 1]) {
      log.line(bare(0, n, n * 100));
      log.line(bare(2, n, n * 100));
    }
    expect(await log.nextSelected(exited)).toMatchObject({ frameIndex: 0, corrupt: true });
    expect(await log.nextSelected(exited)).toMatchObject({ frameIndex: 1, corrupt: false });
  });

  test('placed on the packet list, a frame the decoder lost does not shift the indices after it', async () => {
    const timeline = { pts: Float64Array.from([0, 100, 200, 300]), firstPtsTime: 0 };
    const counted = new DecoderStderr();
    const placed = new DecoderStderr(originFromTimeline(timeline));
    for (const log of [counted, placed]) {
      // The frame at pts 100 never decodes: ffmpeg's own count (n) runs on without it.
      for (const [n, pts] of [
        [0, 0],
        [1, 200],
        [2, 300],
      ] as const) {
        log.line(info(0, n, pts));
        log.line(info(2, n, pts));
      }
    }
    const indices = async (log: DecoderStderr): Promise<(number | undefined)[]> => [
      (await log.nextSelected(exited))?.frameIndex,
      (await log.nextSelected(exited))?.frameIndex,
      (await log.nextSelected(exited))?.frameIndex,
    ];
    expect(await indices(counted)).toEqual([0, 1, 2]);
    expect(await indices(placed)).toEqual([0, 2, 3]);
  });

  test('the demuxer reporting a partial file marks the decode truncated', () => {
    const log = new DecoderStderr();
    log.line('[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55] [error] stream 0, offset 0x4d515: partial file');
    expect(log.stats.truncated).toBe(true);
    expect(log.stats.decodeErrors).toBe(0);
  });
});
