import { beforeAll, describe, expect, test } from '@jest/globals';

import type { Frame } from '../../../../src/domain/frame.js';
import { DEDUP_CHECKPOINT_MS, DEDUP_DISABLED, DEFAULT_DEDUP_THRESHOLD, LOCAL_CHANGE_MAX } from '../../../../src/domain/thresholds.js';
import { Deduplicator, hammingDistance } from '../../../../src/pipeline/filter/dedup.js';
import { phash64 } from '../../../../src/pipeline/filter/phash.js';
import { lavfiFrame, lavfiFrames, makeFrame } from '../../../support/raw-frames.js';

const W = 320;
const H = 240;

describe('hammingDistance', () => {
  test('counts differing positions', () => {
    expect(hammingDistance('0101', '0101')).toBe(0);
    expect(hammingDistance('0101', '0110')).toBe(2);
    expect(hammingDistance('0'.repeat(64), '1'.repeat(64))).toBe(64);
  });

  test('refuses hashes of different lengths', () => {
    expect(() => hammingDistance('01', '011')).toThrow(RangeError);
  });
});

describe('Deduplicator', () => {
  /** testsrc2 at t = 0, 1, 2 s: the same layout with moving parts. */
  let seq: Frame[];
  /** t = 0 with a little temporal noise. */
  let noisy: Frame;
  /** A different picture altogether. */
  let bars: Frame;

  const frame = (rgb: Buffer, frameIndex = 0): Frame => makeFrame(rgb, W, H, { frameIndex });

  beforeAll(async () => {
    const [frames, noise, smpte] = await Promise.all([
      lavfiFrames(`testsrc2=size=${W}x${H}:rate=1`, W, H, 3),
      lavfiFrame(`testsrc2=size=${W}x${H}:rate=1,noise=alls=6:allf=t`, W, H),
      lavfiFrame(`smptebars=size=${W}x${H}`, W, H),
    ]);
    seq = frames.map((rgb, i) => frame(rgb, i));
    noisy = frame(noise);
    bars = frame(smpte);
  });

  test('hashes a frame to 64 bits', async () => {
    expect(phash64(seq[0]!)).toMatch(/^[01]{64}$/);
  });

  test('keeps the first frame, with distance null', async () => {
    expect(await new Deduplicator().check(seq[0]!, 0)).toMatchObject({ distance: null, duplicate: false });
  });

  test('drops an identical frame: distance 0, even at threshold 0', async () => {
    for (const threshold of [0, DEFAULT_DEDUP_THRESHOLD]) {
      const dedup = new Deduplicator(threshold);
      await dedup.check(seq[0]!, 0);
      expect(await dedup.check(frame(Buffer.from(seq[0]!.rgb)), 0)).toMatchObject({ distance: 0, duplicate: true });
    }
  });

  test('keeps a very different frame, at a large distance', async () => {
    const dedup = new Deduplicator();
    await dedup.check(seq[0]!, 0);
    const result = await dedup.check(bars, 0);
    expect(result.duplicate).toBe(false);
    expect(result.distance!).toBeGreaterThanOrEqual(20);
  });

  test('sees small added noise as a small distance, and drops it at the default threshold', async () => {
    const dedup = new Deduplicator();
    await dedup.check(seq[0]!, 0);
    const result = await dedup.check(noisy, 0);
    expect(result.distance!).toBeLessThanOrEqual(DEFAULT_DEDUP_THRESHOLD);
    expect(result.duplicate).toBe(true);
  });

  test('threshold 0 keeps anything whose hash differs at all', async () => {
    const dedup = new Deduplicator(0);
    await dedup.check(seq[0]!, 0);
    const result = await dedup.check(seq[1]!, 0);
    expect(result.distance!).toBeGreaterThan(0);
    expect(result.duplicate).toBe(false);
  });

  test('measures from the last KEPT frame: duplicates do not move the reference', async () => {
    const [h0, h1, h2, hBars] = [seq[0]!, seq[1]!, seq[2]!, bars].map((f) => phash64(f));
    const d01 = hammingDistance(h0!, h1!);
    const d02 = hammingDistance(h0!, h2!);
    const d12 = hammingDistance(h1!, h2!);
    // A threshold that makes t=1 and t=2 duplicates of t=0 but not of the bars.
    const threshold = Math.max(d01, d02);
    expect(hammingDistance(h0!, hBars!)).toBeGreaterThan(threshold);
    expect(d12).not.toBe(d02); // otherwise the test could not tell the references apart

    // The local check off: testsrc2's moving parts change some cells a lot; this is about the pHash.
    const dedup = new Deduplicator(threshold, LOCAL_CHANGE_MAX);
    expect(await dedup.check(seq[0]!, 0)).toMatchObject({ distance: null, duplicate: false });
    expect(await dedup.check(seq[1]!, 0)).toMatchObject({ distance: d01, duplicate: true });
    // Compared with t=0 (kept), not t=1 (dropped).
    expect(await dedup.check(seq[2]!, 0)).toMatchObject({ distance: d02, duplicate: true });
    // A kept frame does move the reference.
    expect(await dedup.check(bars, 0)).toMatchObject({ distance: hammingDistance(hBars!, h0!), duplicate: false });
    expect(await dedup.check(seq[2]!, 0)).toMatchObject({ distance: hammingDistance(hBars!, h2!), duplicate: false });
    expect(await dedup.check(seq[2]!, 0)).toMatchObject({ distance: 0, duplicate: true });
  });

  test('resets the reference at every dedup checkpoint: the first frame after one compares against nothing', async () => {
    const dedup = new Deduplicator();
    await dedup.check(seq[0]!, 0);
    expect(await dedup.check(seq[0]!, DEDUP_CHECKPOINT_MS - 1)).toMatchObject({ distance: 0, duplicate: true });
    expect(await dedup.check(seq[0]!, DEDUP_CHECKPOINT_MS)).toMatchObject({ distance: null, duplicate: false });
    expect(await dedup.check(seq[0]!, DEDUP_CHECKPOINT_MS + 1)).toMatchObject({ distance: 0, duplicate: true });
    expect(await dedup.check(seq[0]!, 5 * DEDUP_CHECKPOINT_MS + 7)).toMatchObject({ distance: null, duplicate: false });
  });

  test('disabled (-1) keeps every frame and reports no distance', async () => {
    const dedup = new Deduplicator(DEDUP_DISABLED);
    for (const f of [seq[0]!, seq[0]!, seq[0]!]) {
      expect(await dedup.check(f, 0)).toMatchObject({ distance: null, duplicate: false });
    }
  });

  test.each([-2, 0.5, 65, Number.NaN])('rejects threshold %p', (threshold) => {
    expect(() => new Deduplicator(threshold)).toThrow(RangeError);
  });
});
