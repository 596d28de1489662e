import { describe, expect, test } from '@jest/globals';

import { requestedInput, shapeKey } from '../../../src/detect/input-shape.js';

const yolo = { inputSize: 640, stride: 32 };

describe('requestedInput', () => {
  test.each([
    [768, 576, 640, 512],
    [1920, 1080, 640, 384],
    [1280, 720, 640, 384],
    [1080, 1920, 384, 640],
    [2560, 1440, 640, 384],
    [704, 576, 640, 576],
    [320, 240, 640, 512],
  ])('auto: a %ix%i video runs at %ix%i', (width, height, inputWidth, inputHeight) => {
    expect(requestedInput({ width, height }, 'auto', yolo)).toEqual({
      width: inputWidth,
      height: inputHeight,
      reason: `auto: ${width}x${height} fits ${inputWidth}x${inputHeight}`,
    });
  });

  test('auto: a square or nearly square video needs the whole square', () => {
    expect(requestedInput({ width: 1080, height: 1080 }, 'auto', yolo)).toEqual({ width: 640, height: 640, reason: 'auto: 1080x1080 needs the whole square' });
    expect(requestedInput({ width: 1000, height: 990 }, 'auto', yolo)).toMatchObject({ width: 640, height: 640 });
  });

  test("square: the model's square whatever the video", () => {
    expect(requestedInput({ width: 1920, height: 1080 }, 'square', yolo)).toEqual({ width: 640, height: 640, reason: 'square: as asked' });
  });

  test("the model's size and stride: a 1280 model of stride 64 takes a 16:9 video at 1280x768", () => {
    expect(requestedInput({ width: 1920, height: 1080 }, 'auto', { inputSize: 1280, stride: 64 })).toMatchObject({ width: 1280, height: 768 });
    expect(requestedInput({ width: 1920, height: 1080 }, 'auto', { inputSize: 640, stride: 64 })).toMatchObject({ width: 640, height: 384 });
  });

  test('shapeKey names a shape width first', () => {
    expect(shapeKey({ width: 640, height: 384 })).toBe('640x384');
  });
});
