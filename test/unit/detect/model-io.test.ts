import { describe, expect, test } from '@jest/globals';
import type { InferenceSession } from 'onnxruntime-node';

import { resolveClassFilter } from '../../../src/detect/class-filter.js';
import { checkModelIo, resolveClassNames } from '../../../src/detect/model-io.js';
import { ConfigError, ModelError } from '../../../src/errors.js';

type ValueMetadata = InferenceSession.ValueMetadata;

const MODEL = '/models/m.onnx';
const config = { inputSize: 640, layout: 'yolov8', batchSize: 4 } as const;

function tensor(name: string, shape: (number | string)[], type: 'float32' | 'float16' = 'float32'): ValueMetadata {
  return { name, isTensor: true, type, shape };
}

const IMAGES = tensor('images', [1, 3, 640, 640]);
const OUTPUT = tensor('output0', [1, 84, 8400]);

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('checkModelIo', () => {
  test('the reference YOLOv8n shapes: fixed batch 1', () => {
    expect(checkModelIo(MODEL, [IMAGES], [OUTPUT], config)).toEqual({
      inputName: 'images',
      outputName: 'output0',
      outputShape: [1, 84, 8400],
      batchSize: 1,
      fixedBatch: true,
      dynamicSize: false,
    });
  });

  test('a dynamic batch (symbolic or -1) uses config.batchSize', () => {
    const named = checkModelIo(MODEL, [tensor('images', ['batch', 3, 640, 640])], [OUTPUT], config);
    expect(named).toMatchObject({ batchSize: 4, fixedBatch: false });
    const minusOne = checkModelIo(MODEL, [tensor('images', [-1, 3, 640, 640])], [tensor('o', [-1, 84, 8400])], config);
    expect(minusOne).toMatchObject({ batchSize: 4, fixedBatch: false });
  });

  test('dynamic height and width are accepted', () => {
    const io = checkModelIo(MODEL, [tensor('images', [1, 3, 'h', 'w'])], [tensor('o', [1, 84, 'n'])], config);
    expect(io.dynamicSize).toBe(true);
  });

  test.each([
    [[IMAGES, tensor('mask', [1])], 'has 2 inputs (images, mask); expected exactly one image input'],
    [[tensor('images', [1, 3, 640, 640], 'float16')], 'input "images" has type float16; expected float32'],
    [[tensor('images', [1, 640, 640, 3])], 'input "images" has shape [1,640,640,3]; expected [batch, 3, 640, 640]'],
    [[tensor('images', [3, 640, 640])], 'input "images" has shape [3,640,640]'],
    [[tensor('images', [1, 3, 320, 320])], 'takes 320x320 images (shape [1,3,320,320]) but the model config has inputSize 640; set inputSize to 320'],
    [[tensor('images', [1, 3, 384, 640])], 'takes 640x384 images (shape [1,3,384,640]); only square inputs are supported'],
  ])('refuses inputs %#', (inputs, message) => {
    const error = errorOf(() => checkModelIo(MODEL, inputs, [OUTPUT], config));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toContain(`Model ${MODEL}: ${message.startsWith('takes') ? 'input "images" ' : ''}${message}`);
  });

  test('refuses outputs that match no layout, or fit the other one', () => {
    const none = errorOf(() => checkModelIo(MODEL, [IMAGES], [tensor('output0', [1, 10])], config));
    expect(none.message).toBe(`Model ${MODEL}: output shape [1,10] matches no known YOLO layout; expected [1, 4+C, N] (yolov8) or [1, N, 5+C] (yolov5)`);
    // With class names unknown, only shapes that leave no class scores fail here; the class count
    // is checked by resolveClassNames.
    const v5 = { ...config, layout: 'yolov5' } as const;
    const other = errorOf(() => checkModelIo(MODEL, [IMAGES], [tensor('output0', [1, 84, 5])], v5));
    expect(other.message).toBe(
      `Model ${MODEL}: output shape [1,84,5] does not fit layout yolov5 ([1, N, 5+C]); it fits yolov8: set "layout" in the model config`,
    );
    const noOutput = errorOf(() => checkModelIo(MODEL, [IMAGES], [], config));
    expect(noOutput.message).toBe(`Model ${MODEL}: has no outputs; expected one detection output`);
    const batch = errorOf(() => checkModelIo(MODEL, [IMAGES], [tensor('output0', [2, 84, 8400])], config));
    expect(batch.message).toContain("output batch dimension 2 differs from the input's (1)");
  });
});

describe('resolveClassNames', () => {
  const io = { outputShape: [1, 84, 8400] };
  const eighty = Array.from({ length: 80 }, (_, i) => `c${i}`);

  test('config names win over metadata names', () => {
    expect(resolveClassNames(MODEL, io, 'yolov8', eighty, ['other'])).toEqual(eighty);
    expect(resolveClassNames(MODEL, io, 'yolov8', undefined, eighty)).toEqual(eighty);
  });

  test('no names at all says how to provide them', () => {
    const error = errorOf(() => resolveClassNames(MODEL, io, 'yolov8', undefined, null));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toBe(`Model ${MODEL}: has no class names in its metadata ("names"); list the 80 class names in "classNames" of the model config`);
  });

  test('metadata names refused for a control character: which class, and how to name them instead', () => {
    const error = errorOf(() =>
      resolveClassNames(MODEL, io, 'yolov8', undefined, null, 'class 3 in the metadata ("names"): "a\\nb" holds control character U+000A'),
    );
    expect(error.message).toBe(
      `Model ${MODEL}: has unusable class names: class 3 in the metadata ("names"): "a\\nb" holds control character U+000A; list the 80 class names in "classNames" of the model config`,
    );
  });

  test('a count that differs from the output says where the names came from', () => {
    const error = errorOf(() => resolveClassNames(MODEL, io, 'yolov8', undefined, ['a', 'b']));
    expect(error.message).toBe(
      `Model ${MODEL}: output shape [1,84,8400] holds 80 class scores per anchor for layout yolov8, but there are 2 class names; expected [1, 4+2, N] (names from the model's metadata)`,
    );
  });

  test('the wrong layout with the right names gets a hint', () => {
    const error = errorOf(() => resolveClassNames(MODEL, io, 'yolov5', eighty, null));
    expect(error.message).toContain('holds 8395 class scores per anchor for layout yolov5');
    expect(error.message).toMatch(/it fits layout yolov8: set "layout" in the model config$/);
  });
});

describe('resolveClassFilter', () => {
  const names = ['person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat', 'traffic light'];

  test('names to indices; absent or empty means no filter', () => {
    expect(resolveClassFilter(['car', 'person'], names)).toEqual(new Set([2, 0]));
    expect(resolveClassFilter(undefined, names)).toBeUndefined();
    expect(resolveClassFilter([], names)).toBeUndefined();
  });

  test('an unknown class is a ConfigError naming it and listing some valid ones', () => {
    const error = errorOf(() => resolveClassFilter(['person', 'lorry'], names));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      'Unknown class "lorry" in the class filter; the model\'s classes are "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", … (10 in all)',
    );
    expect(errorOf(() => resolveClassFilter(['Car'], names)).message).toContain('(did you mean "car"?)');
  });
});
