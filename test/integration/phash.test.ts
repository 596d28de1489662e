import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import sharp from 'sharp';
import phashModule from 'sharp-phash';

import { fitForAnalysis } from '../../src/pipeline/filter/analysis.js';
import { hammingDistance } from '../../src/pipeline/filter/dedup.js';
import { dctHash, greySample, phash64, SAMPLE_SIZE } from '../../src/pipeline/filter/phash.js';
import { DEMO_VIDEO, SHARED_PHOTOS, sharedHas, videoFrame } from '../support/videos.js';

const havePhotos = sharedHas('fixtures/images/dog.jpg');

type PhashFn = (image: Buffer, options: object) => Promise<string>;
const sharpPhash = (typeof phashModule === 'function' ? phashModule : (phashModule as { default: unknown }).default) as PhashFn;

function pattern(seed: number): Buffer {
  return Buffer.from(
    Array.from({ length: SAMPLE_SIZE * SAMPLE_SIZE }, (_, i) => {
      const x = i % SAMPLE_SIZE;
      const y = Math.floor(i / SAMPLE_SIZE);
      return Math.round(128 + 60 * Math.sin(x * 0.3 + seed) * Math.cos(y * 0.2 - seed) + ((i * 7919 + seed * 31) % 41) - 20);
    }),
  );
}

describe('phash', () => {
  test.each([0, 1, 2, 3, 5, 8, 13, 21])("gives sharp-phash's exact bits for the same 32x32 grey input (seed %i)", async (seed) => {
    const grey = pattern(seed);
    const reference = await sharpPhash(grey, { raw: { width: SAMPLE_SIZE, height: SAMPLE_SIZE, channels: 1 } });
    expect(dctHash(grey)).toBe(reference);
  });

  test('greySample area-averages BT.601 luma into 32x32', () => {
    const width = 64;
    const height = 64;
    const rgb = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = (y * width + x) * 3;
        rgb[p] = x < 32 ? 255 : 0; // left half red
        rgb[p + 2] = y < 32 ? 0 : 255; // bottom half blue
      }
    }
    const grey = greySample({ rgb, width, height });
    expect(grey[0]).toBeCloseTo(0.299 * 255, 6); // top-left: red
    expect(grey[31]).toBeCloseTo(0, 6); // top-right: black
    expect(grey[31 * 32]).toBeCloseTo(0.299 * 255 + 0.114 * 255, 6); // bottom-left: red + blue
  });

  test.each([0, 50, 120, 199])(
    'on frame %i of the demo clip it stays within a few bits of sharp-phash (which resizes with lanczos3 and its own grey)',
    async (index) => {
      const frame = await videoFrame(DEMO_VIDEO, index);
      const reference = await sharpPhash(frame.rgb, { raw: { width: frame.width, height: frame.height, channels: 3 } });
      expect(hammingDistance(phash64(await fitForAnalysis(frame)), reference)).toBeLessThanOrEqual(6);
    },
  );

  // The reference photos are long fixtures of ../shared; a bare clone skips them.
  (havePhotos ? test.each : test.skip.each)(['dog.jpg', 'person.jpg', 'horses.jpg', 'kite.jpg', 'giraffe.jpg'])(
    'on the ../shared photo %s it stays within a few bits of sharp-phash',
    async (name) => {
      const { data, info } = await sharp(path.join(SHARED_PHOTOS, name)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const frame = { rgb: data, width: info.width, height: info.height };
      const reference = await sharpPhash(data, { raw: { width: info.width, height: info.height, channels: 3 } });
      expect(hammingDistance(phash64(await fitForAnalysis(frame)), reference)).toBeLessThanOrEqual(6);
    },
  );
});
