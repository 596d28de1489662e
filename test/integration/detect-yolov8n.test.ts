/**
 * The Detector with the reference YOLOv8n on the fixture photos: the objects ../shared/README.md
 * lists come out at confidence 0.25, IoU 0.45, with boxes inside the image.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';
import { Detector } from '../../src/detect/session.js';
import type { Detection } from '../../src/domain/detection.js';
import type { RgbImage } from '../../src/domain/image.js';
import { type ModelConfig, modelConfigSchema } from '../../src/model/config.js';

const SHARED = new URL('../../../shared/', import.meta.url);
const MODEL = fileURLToPath(new URL('models/yolov8n.onnx', SHARED));
const INT8_MODEL = fileURLToPath(new URL('models/yolov8n-int8.onnx', SHARED));

/** Class counts per fixture, from ../shared/README.md. */
const EXPECTED: Record<string, Record<string, number>> = {
  dog: { dog: 1, bicycle: 1, truck: 1, car: 1 },
  person: { person: 1, horse: 1, dog: 1 },
  horses: { horse: 5 },
  kite: { kite: 5, person: 8 },
  giraffe: { giraffe: 1, zebra: 1 },
};

/** Class names from the model's metadata (the config has none), thresholds as in the README. */
function config(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return modelConfigSchema.parse({ name: 'yolov8n', layout: 'yolov8', confidence: 0.25, iou: 0.45, ...overrides });
}

async function loadImage(name: string): Promise<RgbImage> {
  const file = fileURLToPath(new URL(`fixtures/images/${name}.jpg`, SHARED));
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { rgb: data, width: info.width, height: info.height };
}

function classCounts(detections: readonly Detection[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { className } of detections) counts[className] = (counts[className] ?? 0) + 1;
  return counts;
}

function expectInside(detections: readonly Detection[], image: RgbImage): void {
  for (const { box, score } of detections) {
    expect(score).toBeGreaterThanOrEqual(0.25);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.width).toBeGreaterThanOrEqual(1);
    expect(box.height).toBeGreaterThanOrEqual(1);
    expect(box.x + box.width).toBeLessThanOrEqual(image.width + 1e-6);
    expect(box.y + box.height).toBeLessThanOrEqual(image.height + 1e-6);
  }
}

const images = new Map<string, RgbImage>();
let detector: Detector;

beforeAll(async () => {
  for (const name of Object.keys(EXPECTED)) images.set(name, await loadImage(name));
  detector = await Detector.create({ modelPath: MODEL, config: config() });
});

afterAll(async () => {
  await detector?.release();
});

describe('YOLOv8n on the fixture images', () => {
  test('loads with the metadata class names, batch 1, on CPU', () => {
    expect(detector.classNames).toHaveLength(80);
    expect(detector.classNames[0]).toBe('person');
    expect(detector.batchSize).toBe(1); // the input's batch dimension is fixed at 1
    expect(detector.providers).toEqual(['cpu']);
  });

  test.each(Object.entries(EXPECTED))('%s.jpg', async (name, expected) => {
    const image = images.get(name)!;
    const { detections, inferenceMs } = await detector.detect([image]);
    expect(detections).toHaveLength(1);
    expect(classCounts(detections[0]!)).toEqual(expected);
    expectInside(detections[0]!, image);
    expect(inferenceMs).toBeGreaterThan(0);
    const scores = detections[0]!.map((d) => d.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('boxes land on the objects (dog.jpg: the dog is lower left, the truck upper right)', async () => {
    const image = images.get('dog')!;
    const [detections] = (await detector.detect([image])).detections;
    const centre = (className: string) => {
      const { box } = detections!.find((d) => d.className === className)!;
      return { x: (box.x + box.width / 2) / image.width, y: (box.y + box.height / 2) / image.height };
    };
    const dog = centre('dog');
    const truck = centre('truck');
    expect([dog.x < 0.5, dog.y > 0.5]).toEqual([true, true]);
    expect([truck.x > 0.5, truck.y < 0.5]).toEqual([true, true]);
  });

  test('several frames in one call come back in order, equal to one-by-one results', async () => {
    const names = Object.keys(EXPECTED);
    const frames = names.map((name) => images.get(name)!);
    const together = await detector.detect(frames);
    expect(together.detections.map(classCounts)).toEqual(names.map((name) => EXPECTED[name]));
    const alone = await detector.detect([frames[2]!]);
    expect(together.detections[2]).toEqual(alone.detections[0]);
  });
});

describe('other models and options', () => {
  test('the int8 model (ConvInteger) finds the same objects in dog.jpg', async () => {
    const int8 = await Detector.create({ modelPath: INT8_MODEL, config: config() });
    try {
      const { detections } = await int8.detect([images.get('dog')!]);
      expect(classCounts(detections[0]!)).toEqual(EXPECTED.dog);
      expectInside(detections[0]!, images.get('dog')!);
    } finally {
      await int8.release();
    }
  });

  test('a class filter keeps only the named classes, with the same boxes', async () => {
    const filtered = await Detector.create({ modelPath: MODEL, config: config(), classFilter: ['kite'] });
    try {
      const kite = images.get('kite')!;
      const [onlyKites] = (await filtered.detect([kite])).detections;
      const [all] = (await detector.detect([kite])).detections;
      expect(classCounts(onlyKites!)).toEqual({ kite: 5 });
      expect(onlyKites).toEqual(all!.filter((d) => d.className === 'kite'));
    } finally {
      await filtered.release();
    }
  });

  test('asking for CUDA on a machine without it falls back to CPU with a warning', async () => {
    const warnings: string[] = [];
    const cuda = await Detector.create({
      modelPath: MODEL,
      config: config({ executionProviders: ['cuda'] }),
      onWarning: (message) => warnings.push(message),
    });
    try {
      expect(cuda.providers).toEqual(['cpu']);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^CUDA execution provider unavailable \(.*\S.*\); running model .*yolov8n\.onnx on CPU$/);
      expect(warnings[0]).not.toContain('\n');
      const { detections } = await cuda.detect([images.get('giraffe')!]);
      expect(classCounts(detections[0]!)).toEqual(EXPECTED.giraffe);
    } finally {
      await cuda.release();
    }
  });
});
