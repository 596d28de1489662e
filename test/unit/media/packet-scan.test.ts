/** The packet list as typed arrays: a dts stands in for a missing pts, and jumps in the decode timestamps are counted. */
import { describe, expect, test } from '@jest/globals';

import { DISCARD, FROM_DTS, KEYFRAME, PacketCollector, type PacketFields } from '../../../src/media/packet-scan.js';

/** Packets from [pts, dts, flags] in seconds (null: "N/A"), in a 1/1000 time base. */
function collect(packets: [number | null, number | null, string][]): PacketCollector {
  const collector = new PacketCollector();
  const field = (s: number | null): [string, string] => (s === null ? ['N/A', 'N/A'] : [String(Math.round(s * 1000)), s.toFixed(6)]);
  for (const [pts, dts, flags] of packets) {
    const fields: PacketFields = {};
    [fields.pts, fields.ptsTime] = field(pts);
    [fields.dts, fields.dtsTime] = field(dts);
    fields.flags = flags;
    collector.add(fields);
  }
  return collector;
}

describe('PacketCollector', () => {
  test('pts kept as given; a packet without one takes its dts and is flagged; one with neither is counted and left out', () => {
    const { scan } = collect([
      [0.08, 0, 'K_'],
      [null, 0.04, '__'],
      [null, null, '__'],
      [null, null, '_D'],
    ]);
    expect(scan.count).toBe(2);
    expect([...scan.pts.subarray(0, 2)]).toEqual([80, 40]);
    expect([...scan.ptsTime.subarray(0, 2)]).toEqual([0.08, 0.04]);
    expect([...scan.flags.subarray(0, 2)]).toEqual([KEYFRAME, FROM_DTS]);
    expect([scan.fromDts, scan.untimed]).toEqual([1, 1]);
  });

  test('a discarded packet without a pts is stored with its dts but not counted as shown', () => {
    const { scan } = collect([[null, -0.04, '_D']]);
    expect([scan.flags[0], scan.fromDts]).toEqual([DISCARD | FROM_DTS, 0]);
  });

  test('decode timestamps more than 0.1 s back are back jumps, more than 10 s ahead are gaps; reordering within a GOP is neither', () => {
    const steady = collect([0, 0.04, 0.08, 0.12].map((t): [number, number, string] => [t + 0.08, t, '__'])).scan;
    expect([steady.backJumps, steady.gaps]).toEqual([0, 0]);
    const { scan } = collect([
      [0, 0, 'K_'],
      [0.04, 0.04, '__'],
      [90, 90, 'K_'],
      [1, 1, 'K_'],
      [0.95, 0.95, '__'],
    ]);
    expect([scan.backJumps, scan.gaps]).toEqual([1, 1]);
  });

  test('grows past its first capacity, keeping every packet', () => {
    const many = Array.from({ length: 10_000 }, (_, i): [number, number, string] => [i / 25, i / 25, i % 25 === 0 ? 'K_' : '__']);
    const { scan } = collect(many);
    expect(scan.count).toBe(10_000);
    expect(scan.ptsTime[9_999]).toBeCloseTo(9_999 / 25, 6);
    expect(scan.flags[9_975]).toBe(KEYFRAME);
  });
});
