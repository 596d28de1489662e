import { describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import { boxToSource, letterbox, letterboxGeometry, PAD_VALUE, rectInputShape, resizeToFit, type LetterboxGeometry } from '../../../src/detect/letterbox.js';
import type { Box } from '../../../src/domain/detection.js';
import type { RgbImage } from '../../../src/domain/frame.js';

/** Source pixels → letterbox pixels, the inverse of `boxToSource` (without clipping), written from the geometry. */
function boxToLetterbox(box: Box, geometry: LetterboxGeometry, width: number, height: number): Box {
  const sx = geometry.resizedWidth / width;
  const sy = geometry.resizedHeight / height;
  return { x: box.x * sx + geometry.padLeft, y: box.y * sy + geometry.padTop, width: box.width * sx, height: box.height * sy };
}

/** The letterbox the slow, obvious way: sharp resize, sharp extend with the pad grey, then HWC bytes → CHW floats. */
async function referenceTensor(image: RgbImage, geometry: LetterboxGeometry): Promise<Float32Array> {
  const { inputWidth, inputHeight, padLeft, padTop, resizedWidth, resizedHeight } = geometry;
  const pixels = await sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(resizedWidth, resizedHeight, { fit: 'fill', kernel: 'linear' })
    .extend({
      left: padLeft,
      top: padTop,
      right: inputWidth - resizedWidth - padLeft,
      bottom: inputHeight - resizedHeight - padTop,
      background: { r: PAD_VALUE, g: PAD_VALUE, b: PAD_VALUE },
    })
    .raw()
    .toBuffer();
  const plane = inputWidth * inputHeight;
  const tensor = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) tensor[c * plane + i] = pixels[i * 3 + c]! / 255;
  }
  return tensor;
}

/** An image whose left half is pure red and right half pure blue. */
function halves(width: number, height: number): RgbImage {
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      if (x < width / 2) rgb[p] = 255;
      else rgb[p + 2] = 255;
    }
  }
  return { rgb, width, height };
}

/** Reads channel `c` of pixel (x, y) of an NCHW tensor of side `size`. */
function at(tensor: Float32Array, size: number, c: number, x: number, y: number, offset = 0): number {
  return tensor[offset + c * size * size + y * size + x]!;
}

function expectBoxClose(actual: Box, expected: Box, tolerance: number): void {
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    expect(Math.abs(actual[key] - expected[key])).toBeLessThanOrEqual(tolerance);
  }
}

describe("a rectangular input (inference at the video's shape)", () => {
  test("rectInputShape: the smallest multiples of the stride that hold the video at the model size, on the square's stride grid", () => {
    expect(rectInputShape(768, 576, 640, 32)).toEqual({ width: 640, height: 512 });
    expect(rectInputShape(704, 576, 640, 32)).toEqual({ width: 640, height: 576 });
    expect(rectInputShape(1920, 1080, 640, 32)).toEqual({ width: 640, height: 384 });
    expect(rectInputShape(1080, 1920, 640, 32)).toEqual({ width: 384, height: 640 });
    expect(rectInputShape(640, 640, 640, 32)).toEqual({ width: 640, height: 640 });
    expect(rectInputShape(4000, 100, 640, 32)).toEqual({ width: 640, height: 64 });
  });

  test('rectInputShape keeps the image where the square has it on the stride grid: padding on each side equal modulo 32', () => {
    for (let width = 96; width <= 4096; width += 37) {
      for (const height of [width / 4, (width * 9) / 16, (width * 3) / 4, width - 13, width + 29, width * 2].map(Math.round)) {
        const shape = rectInputShape(width, height, 640, 32);
        const square = letterboxGeometry(width, height, 640);
        const rect = letterboxGeometry(width, height, shape.width, shape.height);
        expect([rect.resizedWidth, rect.resizedHeight]).toEqual([square.resizedWidth, square.resizedHeight]);
        expect([rect.padLeft % 32, rect.padTop % 32]).toEqual([square.padLeft % 32, square.padTop % 32]);
        expect(shape.width % 32 === 0 && shape.height % 32 === 0 && shape.width <= 640 && shape.height <= 640).toBe(true);
      }
    }
  });

  test('1920x1080 into 640x384: no horizontal padding, 12 rows of grey above and below; the tensor is the obvious one', async () => {
    const image = { rgb: Buffer.from(Array.from({ length: 192 * 108 * 3 }, (_, i) => (i * 31) % 256)), width: 192, height: 108 };
    const geometry = letterboxGeometry(1920, 1080, 640, 384);
    expect(geometry).toMatchObject({ inputWidth: 640, inputHeight: 384, resizedWidth: 640, resizedHeight: 360, padLeft: 0, padTop: 12 });
    const small = letterboxGeometry(image.width, image.height, 64, 40);
    const { tensor } = await letterbox(image, { width: 64, height: 40 });
    expect(tensor).toHaveLength(3 * 64 * 40);
    expect(Array.from(tensor)).toEqual(Array.from(await referenceTensor(image, small)));
    const box = { x: 100, y: 50, width: 300, height: 200 };
    const back = boxToSource(boxToLetterbox(box, geometry, 1920, 1080), geometry, 1920, 1080);
    expect(back.x).toBeCloseTo(box.x, 6);
    expect(back.height).toBeCloseTo(box.height, 6);
  });
});

describe('letterboxGeometry', () => {
  test('landscape: fits the width, pads top and bottom, odd padding goes to the bottom', () => {
    expect(letterboxGeometry(768, 576, 640)).toEqual({
      inputWidth: 640,
      inputHeight: 640,
      scale: 640 / 768,
      padLeft: 0,
      padTop: 80,
      resizedWidth: 640,
      resizedHeight: 480,
    });
    const odd = letterboxGeometry(773, 512, 640); // 512 × 640/773 = 423.9 → 424; 216 px of padding
    expect(odd).toMatchObject({ resizedWidth: 640, resizedHeight: 424, padTop: 108, padLeft: 0 });
    const odder = letterboxGeometry(1352, 900, 640); // 426.03 → 426; 214 → 107 top, 107 bottom
    expect(odder).toMatchObject({ resizedHeight: 426, padTop: 107 });
    const split = letterboxGeometry(100, 61, 64); // 39.04 → 39; 25 → 12 top, 13 bottom
    expect(split).toMatchObject({ resizedHeight: 39, padTop: 12 });
  });

  test('portrait and square', () => {
    expect(letterboxGeometry(424, 640, 640)).toMatchObject({ padLeft: 108, padTop: 0, resizedWidth: 424 });
    expect(letterboxGeometry(500, 500, 640)).toMatchObject({ scale: 1.28, padLeft: 0, padTop: 0, resizedWidth: 640 });
  });
});

describe('letterbox pixels', () => {
  test('pad pixels are 114/255 and image pixels land where expected (landscape)', async () => {
    const image = halves(200, 100); // → 64 × 32 inside a 64 × 64 input, 16 rows of padding above and below
    const { tensor, geometry } = await letterbox(image, 64);
    expect(geometry).toMatchObject({ padTop: 16, padLeft: 0, resizedWidth: 64, resizedHeight: 32 });
    expect(tensor).toHaveLength(3 * 64 * 64);
    const pad = PAD_VALUE / 255;
    for (const y of [0, 15, 48, 63]) {
      for (const x of [0, 31, 63]) {
        for (const c of [0, 1, 2]) expect(at(tensor, 64, c, x, y)).toBeCloseTo(pad, 6);
      }
    }
    // Left half red, right half blue, away from the seam.
    for (const y of [16, 32, 47]) {
      expect([0, 1, 2].map((c) => at(tensor, 64, c, 5, y))).toEqual([1, 0, 0]);
      expect([0, 1, 2].map((c) => at(tensor, 64, c, 58, y))).toEqual([0, 0, 1]);
    }
  });

  test('portrait images are padded left and right', async () => {
    const image = halves(40, 80); // → 32 × 64, 16 columns each side
    const { tensor, geometry } = await letterbox(image, 64);
    expect(geometry).toMatchObject({ padLeft: 16, padTop: 0 });
    expect(at(tensor, 64, 0, 15, 30)).toBeCloseTo(PAD_VALUE / 255, 6);
    expect(at(tensor, 64, 2, 48, 30)).toBeCloseTo(PAD_VALUE / 255, 6);
    expect([0, 1, 2].map((c) => at(tensor, 64, c, 18, 30))).toEqual([1, 0, 0]);
    expect([0, 1, 2].map((c) => at(tensor, 64, c, 45, 30))).toEqual([0, 0, 1]);
  });

  test('writes into a caller-supplied slot of a batch buffer and leaves the rest alone', async () => {
    const slot = 3 * 32 * 32;
    const batch = new Float32Array(3 * slot).fill(-1);
    const { tensor } = await letterbox(halves(32, 32), 32, { data: batch, offset: slot });
    expect(tensor).toBe(batch);
    expect(batch.subarray(0, slot).every((v) => v === -1)).toBe(true);
    expect(batch.subarray(2 * slot).every((v) => v === -1)).toBe(true);
    expect(at(batch, 32, 0, 2, 2, slot)).toBe(1);
    expect(at(batch, 32, 2, 30, 30, slot)).toBe(1);
  });

  test('refuses a buffer of the wrong size', async () => {
    await expect(letterbox({ rgb: Buffer.alloc(10), width: 4, height: 4 }, 32)).rejects.toThrow(/needs 48/);
  });
});

describe('boxToSource', () => {
  const cases: [string, number, number][] = [
    ['landscape', 1352, 900],
    ['odd landscape', 773, 512],
    ['portrait', 424, 640],
    ['square', 500, 500],
    ['tiny', 37, 23],
  ];

  test.each(cases)('round trip source → letterbox → source (%s)', (_name, width, height) => {
    const geometry = letterboxGeometry(width, height, 640);
    const boxes: Box[] = [
      { x: 0, y: 0, width, height },
      { x: width * 0.1, y: height * 0.2, width: width * 0.3, height: height * 0.4 },
      { x: width - 10, y: height - 7, width: 10, height: 7 },
    ];
    for (const box of boxes) {
      const there = boxToLetterbox(box, geometry, width, height);
      expect(there.x).toBeGreaterThanOrEqual(geometry.padLeft - 1e-9);
      expect(there.y).toBeGreaterThanOrEqual(geometry.padTop - 1e-9);
      expectBoxClose(boxToSource(there, geometry, width, height), box, 1);
    }
  });

  test('clips to the image', () => {
    const geometry = letterboxGeometry(768, 576, 640); // padTop 80
    const box = boxToSource({ x: -20, y: 60, width: 700, height: 600 }, geometry, 768, 576);
    expect(box).toEqual({ x: 0, y: 0, width: 768, height: 576 });
    const inPadding = boxToSource({ x: 10, y: 5, width: 50, height: 50 }, geometry, 768, 576);
    expect(inPadding.height).toBe(0);
  });
});

describe('letterbox fast path', () => {
  const image = (width: number, height: number): { rgb: Buffer; width: number; height: number } => ({
    rgb: Buffer.from(Array.from({ length: width * height * 3 }, (_, i) => (i * 31 + (i % 7) * 13) % 256)),
    width,
    height,
  });

  test.each([
    [768, 576, 640],
    [333, 500, 320],
    [64, 64, 64],
  ])('a %ix%i image into %i gives the same floats as sharp resize + extend', async (width, height, size) => {
    const source = image(width, height);
    const geometry = letterboxGeometry(width, height, size);
    const reference = await referenceTensor(source, geometry);
    const { tensor } = await letterbox(source, size);
    expect(Buffer.from(tensor.buffer).equals(Buffer.from(reference.buffer))).toBe(true);
    const fitted = await resizeToFit(source, geometry);
    const viaFitted = await letterbox({ ...source, fitted }, size);
    expect(Buffer.from(viaFitted.tensor.buffer).equals(Buffer.from(reference.buffer))).toBe(true);
  });

  test('a fitted image of another size is ignored', async () => {
    const source = image(100, 50);
    const { tensor } = await letterbox({ ...source, fitted: image(10, 5) }, 64);
    const reference = await letterbox(source, 64);
    expect(Buffer.from(tensor.buffer).equals(Buffer.from(reference.tensor.buffer))).toBe(true);
  });
});
