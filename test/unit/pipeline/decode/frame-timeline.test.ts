/** How a packet list places frames in time (placementOf) and the timeline it gives. */
import { describe, expect, test } from '@jest/globals';

import type { VideoInfo } from '../../../../src/domain/video.js';
import { PacketCollector, type PacketScan } from '../../../../src/media/packet-scan.js';
import { placementOf, timelineFromPackets } from '../../../../src/pipeline/decode/frame-timeline.js';

/** Packets from [pts, dts] in frames of 1/25 s (null: "N/A"), the first a keyframe. */
function scanOf(packets: [number | null, number | null][]): PacketScan {
  const collector = new PacketCollector();
  const field = (f: number | null): [string, string] => (f === null ? ['N/A', 'N/A'] : [String(f), (f / 25).toFixed(6)]);
  packets.forEach(([pts, dts], i) => {
    const [p, pTime] = field(pts);
    const [d, dTime] = field(dts);
    collector.add({ pts: p, ptsTime: pTime, dts: d, dtsTime: dTime, flags: i === 0 ? 'K_' : '__' });
  });
  return collector.scan;
}

const video = (container: string, reordersFrames: boolean): VideoInfo => ({ path: `/v.${container}`, container, reordersFrames }) as VideoInfo;
const decodeOrder = (n: number): [null, number][] => Array.from({ length: n }, (_, i) => [null, i]);

describe('placementOf', () => {
  test('every packet with a pts: by pts', () => {
    expect(
      placementOf(
        video('mov,mp4,m4a,3gp,3g2,mj2', true),
        scanOf([
          [0, -1],
          [2, 0],
          [1, 1],
        ]),
      ),
    ).toEqual({ by: 'pts' });
  });

  test('AVI without reordering: by decode timestamps, said in a note; the timeline is decode order', () => {
    const scan = scanOf(decodeOrder(4));
    const placement = placementOf(video('avi', false), scan);
    expect(placement).toEqual({ by: 'dts', note: expect.stringContaining('decode timestamps') });
    expect([...timelineFromPackets(video('avi', false), scan).pts]).toEqual([0, 1, 2, 3]);
  });

  test.each([
    ['AVI whose stream reorders frames', video('avi', true), scanOf(decodeOrder(4)), /stream reorders frames/],
    [
      'MPEG-4 in AVI, some packets with a pts and some without',
      video('avi', true),
      scanOf([
        [null, 0],
        [null, 1],
        [2, 2],
        [3, 3],
      ]),
      /reorders frames/,
    ],
    [
      'packets with no time at all',
      video('avi', false),
      scanOf([
        [0, 0],
        [null, null],
      ]),
      /1 packets carry no timestamp at all/,
    ],
    [
      'timestamps that jump back (files joined end to end)',
      video('mov,mp4,m4a,3gp,3g2,mj2', false),
      scanOf([
        [0, 0],
        [25, 25],
        [0, 0],
      ]),
      /jump back 1 times/,
    ],
    [
      'an MPEG-TS discontinuity',
      video('mpegts', false),
      scanOf([
        [0, 0],
        [1, 1],
        [2000, 2000],
      ]),
      /jump ahead 1 times \(discontinuities/,
    ],
    ['no packets', video('mov,mp4,m4a,3gp,3g2,mj2', false), scanOf([]), /listed no video packets/],
  ])('%s: counted as decoded, saying why', (_name, info, scan, why) => {
    const placement = placementOf(info, scan);
    expect(placement.by).toBe('count');
    expect(placement.by === 'count' && placement.why).toMatch(why);
  });

  test('a pause of more than 10 s in an MP4 is real time, not a discontinuity', () => {
    expect(
      placementOf(
        video('mov,mp4,m4a,3gp,3g2,mj2', false),
        scanOf([
          [0, 0],
          [1, 1],
          [2000, 2000],
        ]),
      ),
    ).toEqual({ by: 'pts' });
  });
});
