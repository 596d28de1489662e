/** `--start` / `--end`: seconds or clock times, an end after the start, and no range with frame-count sampling. */
import { describe, expect, test } from '@jest/globals';

import type { VideoInfo } from '../../../src/domain/video.js';
import { UsageError } from '../../../src/errors.js';
import { parseVideoTime } from '../../../src/options/parse.js';
import { resolveOptions } from '../../../src/options/resolve-options.js';
import { checkpointBefore, originFromPackets } from '../../../src/pipeline/decode/range-plan.js';

const base = { video: ['v.mp4'], out: 'out' };

describe('time range options', () => {
  test.each([
    ['90', 90_000],
    ['90.5', 90_500],
    ['1:30', 90_000],
    ['01:02:03.5', 3_723_500],
    ['0', 0],
    ['26:00:00', 93_600_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseVideoTime(text, '--start')).toBe(ms);
  });

  test.each(['-5', '1:75', 'ten', '1e3', '1:2:3:4'])('%s is refused, naming the option', (text) => {
    expect(() => parseVideoTime(text, '--start')).toThrow(
      new UsageError(`Expected a time in the video: seconds (e.g. 90.5) or hh:mm:ss (e.g. 01:30:00) for --start but received "${text}"`),
    );
  });

  test('no range by default; start alone runs to the end', () => {
    expect(resolveOptions(base).timeRange).toBeNull();
    expect(resolveOptions({ ...base, start: '600' }).timeRange).toEqual({ startMs: 600_000, endMs: null });
    expect(resolveOptions({ ...base, end: '00:10:00' }).timeRange).toEqual({ startMs: 0, endMs: 600_000 });
  });

  test('an end at or before the start is refused', () => {
    expect(() => resolveOptions({ ...base, start: '60', end: '60' })).toThrow(/Expected a time after --start \(60 s\) for --end but received "60"/);
  });

  test('a range with --every-n-frames is refused', () => {
    expect(() => resolveOptions({ ...base, start: '60', 'every-n-frames': '5' })).toThrow(/no time range with --every-n-frames/);
  });
});

describe('range plan', () => {
  test('checkpoints fall every 10 minutes of video', () => {
    expect([0, 599_999, 600_000, 1_000_000].map(checkpointBefore)).toEqual([0, 0, 600_000, 600_000]);
  });

  test('frames before a pts are counted from the packets in presentation order, discarded ones left out', () => {
    const video = { path: 'v.mp4' } as VideoInfo;
    const packets = [0, 2, 1, 4, 3, 5].map((pts) => ({ pts: pts * 10, ptsTime: pts, discard: false }));
    const origin = originFromPackets(video, [{ pts: -10, ptsTime: -1, discard: true }, ...packets]);
    expect(origin.firstPtsTime).toBe(0);
    expect([0, 30, 50].map((pts) => origin.framesBefore(pts))).toEqual([0, 3, 5]);
    expect(() => origin.framesBefore(60)).toThrow(/past the listed packets/);
  });

  test('a packet list where a shown packet has no pts (AVI) cannot place a range: refused, saying to process the whole video', () => {
    const video = { path: 'cam.avi' } as VideoInfo;
    const packets = [0, 1, Number.NaN, 3].map((pts) => ({ pts: pts * 10, ptsTime: pts, discard: false }));
    expect(() => originFromPackets(video, packets)).toThrow(
      'Video cam.avi: not every packet carries a presentation timestamp (AVI stores decode order only), so it cannot be cut into time ranges; process the whole video',
    );
    // A discarded packet without a pts is never a frame: it does not matter.
    expect(
      originFromPackets(video, [{ pts: Number.NaN, ptsTime: Number.NaN, discard: true }, ...packets.filter((p) => Number.isFinite(p.pts))]).firstPtsTime,
    ).toBe(0);
  });
});
