import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import { imageFileName } from '../../../../src/domain/dataset-files.js';
import type { Frame } from '../../../../src/domain/frame.js';
import type { VideoInfo } from '../../../../src/domain/video.js';
import { writeFrameJpeg } from '../../../../src/pipeline/write/write-images.js';
import { tempDir } from '../../../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await mkdir(path.join(dir, 'images'));
});
afterAll(() => cleanup());

function gradientFrame(width: number, height: number): Frame {
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      rgb[i] = (x * 255) / width;
      rgb[i + 1] = (y * 255) / height;
      rgb[i + 2] = 128;
    }
  }
  return { video: { stem: 'v' } as VideoInfo, frameIndex: 7, timestampMs: 700, width, height, rgb, corrupt: false, decode: 'sequential' };
}

describe('image writing', () => {
  test.each([
    ['site-walkway', 0, 'site-walkway_000000.jpg'],
    ['cam 2', 300, 'cam 2_000300.jpg'],
    ['x', 1234567, 'x_1234567.jpg'],
  ])('name of %s frame %d is %s', (stem, index, expected) => {
    expect(imageFileName(stem, index)).toBe(expected);
  });

  test('writes a valid JPEG of the frame size whose pixels match the frame', async () => {
    const frame = gradientFrame(200, 100);
    const file = await writeFrameJpeg(frame, dir, 92, 'v_000007.jpg');
    const meta = await sharp(file).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 200, height: 100, channels: 3 });
    const { data } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
    let error = 0;
    for (let i = 0; i < data.length; i++) error += Math.abs((data[i] ?? 0) - (frame.rgb[i] ?? 0));
    expect(error / data.length).toBeLessThan(3);
  });

  test('the same frame gives the same bytes', async () => {
    const frame = gradientFrame(64, 48);
    const a = await readFile(await writeFrameJpeg(frame, dir, 90, 'a.jpg'));
    const b = await readFile(await writeFrameJpeg(frame, dir, 90, 'b.jpg'));
    expect(a.equals(b)).toBe(true);
  });
});
