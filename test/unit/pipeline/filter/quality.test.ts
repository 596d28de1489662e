import { beforeAll, describe, expect, test } from '@jest/globals';

import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../../../../src/domain/thresholds.js';
import { fitForAnalysis } from '../../../../src/pipeline/filter/analysis.js';
import { assessQuality, measureQuality, QualityFilter } from '../../../../src/pipeline/filter/quality.js';
import { lavfiFrame, makeFrame } from '../../../support/raw-frames.js';

const W = 320;
const H = 240;

/** testsrc2 at t = 0, optionally through a filter chain. */
const testsrc = (width: number, height: number, filter?: string): Promise<Buffer> =>
  lavfiFrame(`testsrc2=size=${width}x${height}:rate=1${filter ? `,${filter}` : ''}`, width, height);

describe('assessQuality on synthetic frames', () => {
  let black: Buffer;
  let white: Buffer;
  let sharp: Buffer;
  let blurred2: Buffer;
  let blurred4: Buffer;

  beforeAll(async () => {
    [black, white, sharp, blurred2, blurred4] = await Promise.all([
      lavfiFrame(`color=c=black:size=${W}x${H}`, W, H),
      lavfiFrame(`color=c=white:size=${W}x${H}`, W, H),
      testsrc(W, H),
      testsrc(W, H, 'gblur=sigma=2'),
      testsrc(W, H, 'gblur=sigma=4'),
    ]);
  });

  test('a black frame is black (not blurred, though it has no detail either)', () => {
    const q = assessQuality(makeFrame(black, W, H));
    expect(q.reason).toBe('black');
    expect(q.lumaMean).toBeCloseTo(0, 5);
    expect(q.blurScore).toBe(0);
  });

  test('a white frame is overexposed', () => {
    const q = assessQuality(makeFrame(white, W, H));
    expect(q.reason).toBe('overexposed');
    expect(q.lumaMean).toBeCloseTo(255, 3);
  });

  test('a sharp test pattern is kept, and so is a blurred one on its own: no absolute floor by default', () => {
    const q = assessQuality(makeFrame(sharp, W, H));
    expect(q.reason).toBeNull();
    expect(q.lumaMean).toBeGreaterThan(DEFAULT_QUALITY_THRESHOLDS.blackLuma);
    expect(q.lumaMean).toBeLessThan(DEFAULT_QUALITY_THRESHOLDS.overexposedLuma);
    expect(DEFAULT_QUALITY_THRESHOLDS.blurThreshold).toBe(0);
    expect(assessQuality(makeFrame(blurred4, W, H)).reason).toBeNull();
  });

  test('with an absolute floor, the same pattern through gblur sigma 2 and 4 is blurred', () => {
    const floor = { ...DEFAULT_QUALITY_THRESHOLDS, blurThreshold: 50 };
    expect(assessQuality(makeFrame(sharp, W, H), floor).reason).toBeNull();
    expect(assessQuality(makeFrame(blurred2, W, H), floor).reason).toBe('blurred');
    expect(assessQuality(makeFrame(blurred4, W, H), floor).reason).toBe('blurred');
  });

  test('a corrupt-flagged frame is corrupt whatever its pixels, and is still measured', () => {
    const q = assessQuality(makeFrame(sharp, W, H, { corrupt: true }));
    expect(q.reason).toBe('corrupt');
    expect(q).toEqual({ ...measureQuality({ rgb: sharp, width: W, height: H }), reason: 'corrupt' });
    expect(assessQuality(makeFrame(black, W, H, { corrupt: true })).reason).toBe('corrupt');
  });

  test('a corrupt frame with a short buffer is corrupt with NaN measures; a healthy one with a short buffer throws', () => {
    const short = sharp.subarray(0, 1000);
    expect(assessQuality(makeFrame(short, W, H, { corrupt: true }))).toEqual({
      lumaMean: Number.NaN,
      blurScore: Number.NaN,
      reason: 'corrupt',
    });
    expect(() => assessQuality(makeFrame(short, W, H))).toThrow(RangeError);
  });

  test('checks black before overexposed before blurred, each against its own threshold', () => {
    const all: QualityThresholds = { ...DEFAULT_QUALITY_THRESHOLDS, blackLuma: 200, overexposedLuma: 100, blurThreshold: 1e9 };
    expect(assessQuality(makeFrame(sharp, W, H), all).reason).toBe('black');
    expect(assessQuality(makeFrame(sharp, W, H), { ...all, blackLuma: 0 }).reason).toBe('overexposed');
    expect(assessQuality(makeFrame(sharp, W, H), { ...all, blackLuma: 0, overexposedLuma: 255 }).reason).toBe('blurred');
  });

  test('a blur threshold of 0 turns the absolute floor off', () => {
    const q = assessQuality(makeFrame(blurred4, W, H), { ...DEFAULT_QUALITY_THRESHOLDS, blurThreshold: 0 });
    expect(q.reason).toBeNull();
  });
});

describe('measureQuality', () => {
  test('luma mean is BT.601 of the pixels', () => {
    const rgb = Buffer.alloc(4 * 3 * 3);
    for (let i = 0; i < 12; i++) rgb.set(i % 2 ? [0x33, 0x66, 0x99] : [200, 10, 50], i * 3);
    const expected = (0.299 * 0x33 + 0.587 * 0x66 + 0.114 * 0x99 + 0.299 * 200 + 0.587 * 10 + 0.114 * 50) / 2;
    expect(measureQuality({ rgb, width: 4, height: 3 }).lumaMean).toBeCloseTo(expected, 4);
  });

  test('a flat frame has blur score 0, also through the downscale', () => {
    for (const [width, height] of [
      [W, H],
      [1000, 700],
    ] as const) {
      const rgb = Buffer.alloc(width * height * 3, 90);
      const q = measureQuality({ rgb, width, height });
      expect(q.blurScore).toBeCloseTo(0, 6);
      expect(q.lumaMean).toBeCloseTo(90, 4);
    }
  });

  test('frames too small for a 3x3 neighbourhood score 0; a wrong buffer size throws', () => {
    expect(measureQuality({ rgb: Buffer.alloc(2 * 2 * 3, 7), width: 2, height: 2 }).blurScore).toBe(0);
    expect(() => measureQuality({ rgb: Buffer.alloc(10), width: 2, height: 2 })).toThrow(RangeError);
  });

  test.each([
    [W, H],
    [768, 576],
  ])('blur score decreases monotonically with the gblur sigma (%ix%i)', async (width, height) => {
    const sigmas = [0.5, 1, 1.5, 2, 3, 4, 8];
    const frames = await Promise.all([testsrc(width, height), ...sigmas.map((s) => testsrc(width, height, `gblur=sigma=${s}`))]);
    const scores = frames.map((rgb) => measureQuality({ rgb, width, height }).blurScore);
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
    // Sigma 2 takes the score below the default share of the sharp picture's: a blurred frame among sharp ones is dropped.
    expect(scores[sigmas.indexOf(2) + 1]! / scores[0]!).toBeLessThan(DEFAULT_QUALITY_THRESHOLDS.blurRatio);
  });

  test('scores a portrait frame, fitted for analysis, like the same picture in landscape', async () => {
    const [width, height] = [1280, 960];
    const landscape = await testsrc(width, height);
    const portrait = Buffer.alloc(landscape.length);
    // Rotate 90° clockwise: portrait is height wide and width tall.
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        landscape.copy(portrait, (x * height + (height - 1 - y)) * 3, (y * width + x) * 3, (y * width + x) * 3 + 3);
      }
    }
    const a = measureQuality(await fitForAnalysis({ rgb: landscape, width, height }));
    const b = measureQuality(await fitForAnalysis({ rgb: portrait, width: height, height: width }));
    expect(b.lumaMean).toBeCloseTo(a.lumaMean, 1);
    expect(b.blurScore / a.blurScore).toBeCloseTo(1, 2);
  });

  test('a sharp pattern at 768x576, fitted for analysis, is kept; blurred with sigma 2 among sharp ones it is not', async () => {
    const [sharp, blurred] = await Promise.all([testsrc(768, 576), testsrc(768, 576, 'gblur=sigma=2')]);
    const fitted = async (rgb: Buffer) => ({ ...(await fitForAnalysis({ rgb, width: 768, height: 576 })), corrupt: false });
    const filter = new QualityFilter();
    for (let i = 0; i < 5; i++) expect(filter.assess(await fitted(sharp), i * 1000).reason).toBeNull();
    expect(filter.assess(await fitted(blurred), 5000).reason).toBe('blurred');
    expect(filter.assess(await fitted(sharp), 6000).reason).toBeNull();
  });
});
