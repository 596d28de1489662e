/**
 * The Detector on tiny hand-built ONNX models: load-time validation errors, class names, and
 * batching, checked against boxes computed by hand.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';

import { Detector } from '../../src/detect/detector.js';
import { RuntimePool } from '../../src/detect/worker-pool.js';
import { ConfigError, ModelError } from '../../src/errors.js';
import { modelConfigSchema, type ModelConfig } from '../../src/model/config.js';
import { EXPORT_HINT } from '../../src/model/resolve-model.js';
import { colourBoxModel, flattenModel, makeModelDir } from '../support/onnx-builder.js';

type Colour = [number, number, number];

function config(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return modelConfigSchema.parse({ name: 'test', layout: 'yolov8', inputSize: 32, classNames: ['a', 'b'], ...overrides });
}

function uniform(size: number, [r, g, b]: Colour): { rgb: Buffer; width: number; height: number } {
  const rgb = Buffer.alloc(size * size * 3);
  for (let p = 0; p < rgb.length; p += 3) {
    rgb[p] = r;
    rgb[p + 1] = g;
    rgb[p + 2] = b;
  }
  return { rgb, width: size, height: size };
}

/** What colourBoxModel yields for a uniform square source of side `size` (see its doc). */
function expectedDetection(size: number, [r, g, b]: Colour) {
  const toSource = size / 32;
  const centre = (32 * r) / 255;
  const side = (32 * g) / 255;
  return {
    classIndex: 0,
    score: b / 255,
    box: { x: (centre - side / 2) * toSource, y: (centre - side / 2) * toSource, width: side * toSource, height: side * toSource },
  };
}

function expectDetectionClose(actual: unknown, expected: ReturnType<typeof expectedDetection>): void {
  const detection = actual as ReturnType<typeof expectedDetection>;
  expect(detection.classIndex).toBe(expected.classIndex);
  expect(detection.score).toBeCloseTo(expected.score, 5);
  for (const key of ['x', 'y', 'width', 'height'] as const) expect(detection.box[key]).toBeCloseTo(expected.box[key], 3);
}

let models: Awaited<ReturnType<typeof makeModelDir>>;
let dynamicModel: string;
let fixedModel: string;

beforeAll(async () => {
  models = await makeModelDir();
  dynamicModel = await models.write('dynamic.onnx', colourBoxModel('batch', { names: `{0: 'red', 1: "it's"}` }));
  fixedModel = await models.write('fixed2.onnx', colourBoxModel(2));
});

afterAll(async () => {
  await models.cleanup();
});

async function loadError(modelPath: string, modelConfig: ModelConfig): Promise<Error> {
  try {
    const detector = await Detector.create({ modelPath, config: modelConfig });
    await detector.release();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected Detector.create to fail');
}

describe('refused models', () => {
  test('an output that matches no YOLO layout', async () => {
    const file = await models.write('flatten.onnx', flattenModel());
    const error = await loadError(file, config());
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toBe(`Model ${file}: output shape [1,3072] matches no known YOLO layout; expected [1, 4+C, N] (yolov8) or [1, N, 5+C] (yolov5)`);
  });

  test('a missing model file', async () => {
    const file = path.join(models.dir, 'nope', 'missing.onnx');
    const error = await loadError(file, config());
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toBe(`Model ${file}: cannot read the model file: no such file`);
  });

  test('a file that is not an ONNX model', async () => {
    const file = path.join(models.dir, 'garbage.onnx');
    await writeFile(file, 'not a model at all');
    const error = await loadError(file, config());
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toBe(
      `Model ${file} is not an ONNX model (onnxruntime: Protobuf parsing failed); pass an .onnx file, ${EXPORT_HINT}, or give no model to use the bundled yolov8n.onnx`,
    );
    expect(error.message).not.toContain('\n');
  });

  test('an input size that differs from the config', async () => {
    const error = await loadError(dynamicModel, config({ inputSize: 64 }));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toContain('takes 32x32 images (shape [batch,3,32,32]) but the model config has inputSize 64');
  });

  test('a class count that differs from the output', async () => {
    const error = await loadError(dynamicModel, config({ classNames: ['a', 'b', 'c'] }));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toContain('holds 2 class scores per anchor for layout yolov8, but there are 3 class names');
    expect(error.message).toContain('names from the model config');
  });

  test('the wrong layout, with a hint', async () => {
    const error = await loadError(dynamicModel, config({ layout: 'yolov5' }));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/holds 507 class scores .* it fits layout yolov8: set "layout"/);
  });

  test('no class names anywhere', async () => {
    const error = await loadError(fixedModel, config({ classNames: undefined }));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toBe(`Model ${fixedModel}: has no class names in its metadata ("names"); list the 2 class names in "classNames" of the model config`);
  });

  test('an unknown class in the class filter', async () => {
    const promise = Detector.create({ modelPath: dynamicModel, config: config(), classFilter: ['a', 'B'] });
    await expect(promise).rejects.toThrow(ConfigError);
    await expect(promise).rejects.toThrow(`Unknown class "B" in the class filter (did you mean "b"?); the model's classes are "a", "b"`);
  });
});

describe('loaded models', () => {
  test('class names come from the metadata when the config has none', async () => {
    const detector = await Detector.create({ modelPath: dynamicModel, config: config({ classNames: undefined }) });
    try {
      expect(detector.classNames).toEqual(['red', "it's"]);
      expect(detector.providers).toEqual(['cpu']);
    } finally {
      await detector.release();
    }
  });

  const colours: Colour[] = [
    [128, 64, 200],
    [200, 100, 250],
    [60, 30, 90],
    [250, 10, 120],
    [100, 200, 230],
  ];

  test('a dynamic batch runs up to batchSize frames per run and keeps frame order', async () => {
    const detector = await Detector.create({ modelPath: dynamicModel, config: config({ batchSize: 4 }) });
    try {
      expect(detector.batchSize).toBe(4);
      const run = jest.spyOn(RuntimePool.prototype, 'run');
      const result = await detector.detect(colours.map((colour) => uniform(64, colour)));
      const batchDims = run.mock.calls.map(([inputName, , dims]) => {
        expect(inputName).toBe('images');
        return dims;
      });
      expect(batchDims).toEqual([
        [4, 3, 32, 32],
        [1, 3, 32, 32],
      ]);
      expect(result.detections).toHaveLength(5);
      result.detections.forEach((detections, i) => {
        expect(detections).toHaveLength(1);
        expectDetectionClose(detections[0], expectedDetection(64, colours[i]!));
      });
      expect(result.detections[0]![0]!.className).toBe('a');
      expect(result.inferenceMs).toBeGreaterThan(0);
      run.mockRestore();
    } finally {
      await detector.release();
    }
  });

  test('a fixed batch of 2 is used as is, padding the last run', async () => {
    const detector = await Detector.create({ modelPath: fixedModel, config: config({ batchSize: 8 }) });
    try {
      expect(detector.batchSize).toBe(2);
      const frames = colours.slice(0, 3);
      const result = await detector.detect(frames.map((colour) => uniform(32, colour)));
      expect(result.detections).toHaveLength(3);
      result.detections.forEach((detections, i) => expectDetectionClose(detections[0], expectedDetection(32, frames[i]!)));
    } finally {
      await detector.release();
    }
  });

  test('confidence threshold, class filter and an empty call', async () => {
    const detector = await Detector.create({
      modelPath: dynamicModel,
      config: config({ confidence: 0.5 }),
      classFilter: ['b'],
    });
    try {
      // Both class scores tie, so every anchor's class is "a": filtered out.
      const filtered = await detector.detect([uniform(32, [128, 64, 200])]);
      expect(filtered.detections).toEqual([[]]);
      expect(await detector.detect([])).toEqual({ detections: [], inferenceMs: 0 });
    } finally {
      await detector.release();
    }
    const plain = await Detector.create({ modelPath: dynamicModel, config: config({ confidence: 0.5 }) });
    try {
      const result = await plain.detect([uniform(32, [128, 64, 100]), uniform(32, [128, 64, 200])]);
      expect(result.detections.map((d) => d.length)).toEqual([0, 1]); // 100/255 < 0.5 ≤ 200/255
    } finally {
      await plain.release();
    }
  });

  test('boxes are clipped to the image and boxes outside it are dropped', async () => {
    const detector = await Detector.create({ modelPath: dynamicModel, config: config() });
    try {
      // Centre 32·250/255 ≈ 31.4, side 32·128/255 ≈ 16: the box runs past the right and bottom edges.
      const [clipped] = (await detector.detect([uniform(32, [250, 128, 200])])).detections;
      expect(clipped).toHaveLength(1);
      const box = clipped![0]!.box;
      expect(box.x + box.width).toBeCloseTo(32, 6);
      expect(box.y + box.height).toBeCloseTo(32, 6);
      expect(box.width).toBeCloseTo(32 - ((32 * 250) / 255 - (32 * 128) / 255 / 2), 3);
      // Side 32·5/255 ≈ 0.63 px: degenerate, dropped.
      expect((await detector.detect([uniform(32, [128, 5, 200])])).detections).toEqual([[]]);
    } finally {
      await detector.release();
    }
  });
});
