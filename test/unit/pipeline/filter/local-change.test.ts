/**
 * Dedup's local check on images made here with sharp: a street-like scene (640x360, the analysis
 * image's size for 16:9 video) and the same scene with a small change in one corner, with sensor-like
 * noise, or with a small global brightness or contrast change. The pHash alone cannot tell the
 * corner change from noise; the local change must.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import sharp from 'sharp';

import type { RgbImage } from '../../../../src/domain/frame.js';
import { DEFAULT_DEDUP_LOCAL_THRESHOLD, DEFAULT_DEDUP_THRESHOLD, LOCAL_CHANGE_MAX } from '../../../../src/domain/thresholds.js';
import { Deduplicator, hammingDistance } from '../../../../src/pipeline/filter/dedup.js';
import { localChange } from '../../../../src/pipeline/filter/local-change.js';
import { greySample, phash64 } from '../../../../src/pipeline/filter/phash.js';

const W = 640;
const H = 360;

/** A figure: a dark 14x40 px "person" (head and body) with its top-left corner at (x, y). */
const figure = (x: number, y: number, shade = 40): string =>
  `<rect x="${x}" y="${y + 10}" width="14" height="30" fill="rgb(${shade},${shade},${shade + 10})"/>` +
  `<circle cx="${x + 7}" cy="${y + 5}" r="5" fill="rgb(${shade + 30},${shade + 20},${shade + 10})"/>`;

/** Grass, a road, a building with windows, a van: structure at every scale, like a site camera. */
function sceneSvg(extra = ''): Buffer {
  const windows = Array.from({ length: 8 }, (_, i) => `<rect x="${110 + i * 50}" y="40" width="30" height="22" fill="rgb(70,50,45)"/>`).join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
      `<rect width="${W}" height="${H}" fill="rgb(90,130,70)"/>` +
      `<rect x="90" y="20" width="440" height="70" fill="rgb(160,110,90)"/>${windows}` +
      `<path d="M0 200 L640 150 L640 230 L0 290 Z" fill="rgb(150,150,150)"/>` +
      `<rect x="420" y="120" width="70" height="40" fill="rgb(235,235,235)"/>` +
      `<rect x="300" y="100" width="6" height="150" fill="rgb(200,200,200)"/>${extra}</svg>`,
  );
}

async function render(svg: Buffer): Promise<RgbImage> {
  const { data, info } = await sharp(svg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { rgb: data, width: info.width, height: info.height };
}

/** Deterministic pseudo-random generator (mulberry32), so the noise is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every channel value v becomes gain · v + offset + uniform noise in ±amplitude, rounded and clamped to 0..255. */
function perturb(image: RgbImage, { gain = 1, offset = 0, amplitude = 0, seed = 1 }): RgbImage {
  const next = random(seed);
  const out = new Uint8ClampedArray(image.rgb.length);
  const source = image.rgb;
  for (let i = 0; i < out.length; i++) out[i] = gain * source[i]! + offset + (next() * 2 - 1) * amplitude;
  return { ...image, rgb: Buffer.from(out.buffer) };
}

/** Checks `next` against `first` with a fresh deduplicator: the first frame is kept, then `next` is judged. */
function judge(first: RgbImage, next: RgbImage, dedup = new Deduplicator()): ReturnType<Deduplicator['check']> {
  dedup.check(first, 0);
  return dedup.check(next, 500);
}

describe('localChange', () => {
  test('is 0 for identical grids and for a uniform shift', () => {
    const grid = Float64Array.from({ length: 1024 }, (_, i) => (i * 37) % 200);
    expect(localChange(grid, grid)).toBe(0);
    expect(
      localChange(
        grid.map((v) => v + 12),
        grid,
      ),
    ).toBe(0);
  });

  test('is the change of the one cell that moved, beyond the frame-wide change', () => {
    const grid = new Float64Array(1024).fill(100);
    const moved = grid.map((v, i) => (i === 33 ? v - 60 : v + 5));
    expect(localChange(moved, grid)).toBe(65);
  });

  test('refuses grids of different sizes', () => {
    expect(() => localChange(new Float64Array(4), new Float64Array(5))).toThrow(RangeError);
    expect(() => localChange([], [])).toThrow(RangeError);
  });

  test('is symmetric, at least the largest cell change minus the median shift, and ignores a shift (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 255, noNaN: true }), { minLength: 1, maxLength: 64 }),
        fc.array(fc.double({ min: -40, max: 40, noNaN: true }), { minLength: 64, maxLength: 64 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (values, deltas, shift) => {
          const a = Float64Array.from(values);
          const b = a.map((v, i) => v + deltas[i]!);
          const change = localChange(b, a);
          expect(change).toBeGreaterThanOrEqual(0);
          expect(localChange(a, b)).toBeCloseTo(change, 9);
          expect(
            localChange(
              b.map((v) => v + shift),
              a,
            ),
          ).toBeCloseTo(change, 6);
          const largest = Math.max(...a.map((_, i) => Math.abs(deltas[i]!)));
          expect(change).toBeLessThanOrEqual(2 * largest + 1e-9);
        },
      ),
    );
  });
});

describe('Deduplicator with the local check', () => {
  let scene: RgbImage;

  beforeAll(async () => {
    scene = await render(sceneSvg());
  });

  test.each([
    ['top-left corner', 12, 8],
    ['bottom-right corner', 610, 310],
    ['on the grass', 40, 300],
  ])('keeps a frame where a small figure appeared (%s) though the pHash is within its threshold', async (_where, x, y) => {
    const walkedIn = await render(sceneSvg(figure(x, y)));
    const distance = hammingDistance(phash64(scene), phash64(walkedIn));
    expect(distance).toBeLessThanOrEqual(DEFAULT_DEDUP_THRESHOLD);
    // The pHash alone would drop it...
    expect(judge(scene, walkedIn, new Deduplicator(DEFAULT_DEDUP_THRESHOLD, LOCAL_CHANGE_MAX)).duplicate).toBe(true);
    // ...the local check keeps it.
    const result = judge(scene, walkedIn);
    expect(result).toMatchObject({ distance, duplicate: false });
    expect(result.localChange!).toBeGreaterThan(DEFAULT_DEDUP_LOCAL_THRESHOLD);
  });

  test.each([
    ['sensor noise ±12 levels', { amplitude: 12, seed: 7 }],
    ['brightness +4 levels', { offset: 4 }],
    ['brightness -3 levels with noise ±6', { offset: -3, amplitude: 6, seed: 3 }],
    ['gain +4 % (flicker)', { gain: 1.04 }],
    ['gain -4 % with noise ±8', { gain: 0.96, amplitude: 8, seed: 11 }],
  ])('still drops %s as a duplicate', (_what, change) => {
    const result = judge(scene, perturb(scene, change));
    expect(result.distance!).toBeLessThanOrEqual(DEFAULT_DEDUP_THRESHOLD);
    expect(result.localChange!).toBeLessThanOrEqual(DEFAULT_DEDUP_LOCAL_THRESHOLD);
    expect(result.duplicate).toBe(true);
  });

  test('drops noise and small flicker of any seed; keeps a figure anywhere in the frame (property)', async () => {
    const sceneGrey = greySample(scene);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: 0.97, max: 1.03, noNaN: true }),
        (seed, amplitude, offset, gain) => {
          const result = judge(scene, perturb(scene, { seed, amplitude, offset, gain }), new Deduplicator(64));
          expect(result.localChange!).toBeLessThanOrEqual(DEFAULT_DEDUP_LOCAL_THRESHOLD);
          expect(result.duplicate).toBe(true);
        },
      ),
      { numRuns: 10 },
    );
    // Figures anywhere: rendered outside fast-check's synchronous property (sharp is asynchronous).
    const places = fc.sample(fc.tuple(fc.integer({ min: 0, max: W - 14 }), fc.integer({ min: 0, max: H - 40 })), { numRuns: 12, seed: 42 });
    for (const [x, y] of places) {
      const walkedIn = await render(sceneSvg(figure(x, y, 20)));
      const change = localChange(greySample(walkedIn), sceneGrey);
      expect({ x, y, change: change > DEFAULT_DEDUP_LOCAL_THRESHOLD }).toEqual({ x, y, change: true });
      expect(judge(scene, walkedIn).duplicate).toBe(false);
    }
  });

  test('records the local change only where it records a distance', () => {
    const dedup = new Deduplicator();
    expect(dedup.check(scene, 0)).toMatchObject({ distance: null, localChange: null });
    expect(dedup.check(scene, 500)).toMatchObject({ distance: 0, localChange: 0, duplicate: true });
    expect(new Deduplicator(-1).check(scene, 0)).toMatchObject({ distance: null, localChange: null, duplicate: false });
  });

  test.each([-1, 255.5, Number.NaN])('rejects local threshold %p', (local) => {
    expect(() => new Deduplicator(DEFAULT_DEDUP_THRESHOLD, local)).toThrow(RangeError);
  });
});
