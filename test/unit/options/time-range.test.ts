/** `--start` / `--end`: seconds or clock times, an end after the start, and no range with frame-count sampling. */
import { describe, expect, test } from '@jest/globals';

import type { VideoInfo } from '../../../src/domain/video.js';
import { UsageError } from '../../../src/errors.js';
import { PacketCollector, type PacketScan } from '../../../src/media/packet-scan.js';
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

  /** A packet list as ffprobe gives it: [pts, dts] in ticks of 0.1 s (null: "N/A"), and flags. */
  function scanOf(packets: [number | null, number | null, string?][]): PacketScan {
    const collector = new PacketCollector();
    const field = (ticks: number | null): [string, string] => (ticks === null ? ['N/A', 'N/A'] : [String(ticks), (ticks / 10).toFixed(6)]);
    for (const [pts, dts, flags = '__'] of packets) {
      const [p, pTime] = field(pts);
      const [d, dTime] = field(dts);
      collector.add({ pts: p, ptsTime: pTime, dts: d, dtsTime: dTime, flags });
    }
    return collector.scan;
  }
  const mp4 = { path: 'v.mp4', container: 'mov,mp4,m4a,3gp,3g2,mj2', reordersFrames: true } as VideoInfo;

  test('frames before a pts are counted from the packets in presentation order, discarded ones left out', () => {
    const origin = originFromPackets(mp4, scanOf([[-1, -2, '_D'], ...[0, 2, 1, 4, 3, 5].map((pts, i): [number, number] => [pts, i - 1])]));
    expect(origin.firstPtsTime).toBe(0);
    expect([0, 3, 5].map((pts) => origin.framesBefore(pts))).toEqual([0, 3, 5]);
    expect(() => origin.framesBefore(6)).toThrow(/past the listed packets/);
  });

  test('an AVI whose stream reorders frames (no pts) cannot place a range: refused, saying to process the whole video', () => {
    const avi = { path: 'cam.avi', container: 'avi', reordersFrames: true } as VideoInfo;
    const packets = scanOf([0, 1, 2, 3].map((dts): [null, number] => [null, dts]));
    expect(() => originFromPackets(avi, packets)).toThrow(
      'Video cam.avi: not every packet carries a presentation timestamp (AVI stores decode order only) and the stream reorders frames, so it cannot be cut into time ranges; process the whole video',
    );
    // Without reordering, decode order is presentation order: the decode timestamps place the frames.
    expect(originFromPackets({ ...avi, reordersFrames: false }, packets).framesBefore(2)).toBe(2);
  });

  test('timestamps that jump back (files joined end to end) cannot place a range', () => {
    expect(() =>
      originFromPackets(
        mp4,
        scanOf([
          [0, 0],
          [5, 5],
          [0, 0],
          [5, 5],
        ]),
      ),
    ).toThrow(
      'Video v.mp4: its timestamps jump back 1 times (a clock reset, or files joined end to end), so it cannot be cut into time ranges; process the whole video',
    );
  });
});
