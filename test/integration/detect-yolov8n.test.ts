/**
 * The Detector with the bundled YOLOv8n: on frames of the repository's demo clip (demo/README.md) the
 * people, the van and the car come out at confidence 0.25, IoU 0.45, with boxes inside the image; on
 * the reference photos of ../shared (when it is there) the objects ../shared/README.md lists.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import { Detector } from '../../src/detect/detector.js';
import type { Detection } from '../../src/domain/detection.js';
import type { RgbImage } from '../../src/domain/frame.js';
import { modelConfigSchema, type ModelConfig } from '../../src/model/config.js';
import { DEMO_VIDEO, MODEL, MODEL_INT8, SHARED_PHOTOS, sharedHas, videoFrame } from '../support/videos.js';

/** Class counts on demo clip frames, measured with this model (clip frame 50 is source frame 300). */
const CLIP: Record<string, Record<string, number>> = {
  '50': { person: 7, truck: 1, car: 1 },
  '150': { person: 3, truck: 1, car: 1 },
};

/** Class counts per reference photo, from ../shared/README.md. */
const PHOTOS: Record<string, Record<string, number>> = {
  dog: { dog: 1, bicycle: 1, truck: 1, car: 1 },
  person: { person: 1, horse: 1, dog: 1 },
  horses: { horse: 5 },
  kite: { kite: 5, person: 8 },
  giraffe: { giraffe: 1, zebra: 1 },
};

/** The photos and the int8 model are long fixtures of ../shared; a bare clone skips them. */
const havePhotos = sharedHas('fixtures/images/dog.jpg') && sharedHas('models/yolov8n-int8.onnx');
if (!havePhotos) console.log(`skipped: the reference photos and the int8 model (../shared is not beside the checkout: ${SHARED_PHOTOS})`);
const withPhotos = havePhotos ? describe : describe.skip;

/** Class names from the model's metadata (the config has none), thresholds as in the README. */
function config(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return modelConfigSchema.parse({ name: 'yolov8n', layout: 'yolov8', confidence: 0.25, iou: 0.45, ...overrides });
}

async function loadPhoto(name: string): Promise<RgbImage> {
  const { data, info } = await sharp(path.join(SHARED_PHOTOS, `${name}.jpg`))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
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

const frames = new Map<string, RgbImage>();
let detector: Detector;

beforeAll(async () => {
  for (const index of Object.keys(CLIP)) frames.set(index, await videoFrame(DEMO_VIDEO, Number(index)));
  detector = await Detector.create({ modelPath: MODEL, config: config() });
});

afterAll(async () => {
  await detector?.release();
});

describe('YOLOv8n on frames of the demo clip', () => {
  test('loads with the metadata class names, batch 1, on CPU', () => {
    expect(detector.classNames).toHaveLength(80);
    expect(detector.classNames[0]).toBe('person');
    expect(detector.batchSize).toBe(1); // the input's batch dimension is fixed at 1
    expect(detector.providers).toEqual(['cpu']);
  });

  test.each(Object.entries(CLIP))('clip frame %s', async (index, expected) => {
    const image = frames.get(index)!;
    const { detections, inferenceMs } = await detector.detect([image]);
    expect(detections).toHaveLength(1);
    expect(classCounts(detections[0]!)).toEqual(expected);
    expectInside(detections[0]!, image);
    expect(inferenceMs).toBeGreaterThan(0);
    const scores = detections[0]!.map((d) => d.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('boxes land on the objects (the parked van and car are top right, the people below them)', async () => {
    const image = frames.get('50')!;
    const [detections] = (await detector.detect([image])).detections;
    const centre = ({ box }: Detection) => ({ x: (box.x + box.width / 2) / image.width, y: (box.y + box.height / 2) / image.height });
    for (const className of ['truck', 'car']) {
      const { x, y } = centre(detections!.find((d) => d.className === className)!);
      expect([className, x > 0.8, y < 0.2]).toEqual([className, true, true]);
    }
    const people = detections!.filter((d) => d.className === 'person').map(centre);
    expect(people.every(({ y }) => y > 0.2)).toBe(true);
  });

  test('several frames in one call come back in order, equal to one-by-one results', async () => {
    const indexes = Object.keys(CLIP);
    const together = await detector.detect(indexes.map((index) => frames.get(index)!));
    expect(together.detections.map(classCounts)).toEqual(indexes.map((index) => CLIP[index]));
    const alone = await detector.detect([frames.get(indexes[1]!)!]);
    expect(together.detections[1]).toEqual(alone.detections[0]);
  });

  test('a class filter keeps only the named classes, with the same boxes', async () => {
    const filtered = await Detector.create({ modelPath: MODEL, config: config(), classFilter: ['car', 'truck'] });
    try {
      const frame = frames.get('50')!;
      const [vehicles] = (await filtered.detect([frame])).detections;
      const [all] = (await detector.detect([frame])).detections;
      expect(classCounts(vehicles!)).toEqual({ truck: 1, car: 1 });
      expect(vehicles).toEqual(all!.filter((d) => d.className === 'car' || d.className === 'truck'));
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
      const { detections } = await cuda.detect([frames.get('150')!]);
      expect(classCounts(detections[0]!)).toEqual(CLIP['150']);
    } finally {
      await cuda.release();
    }
  });
});

withPhotos('YOLOv8n on the reference photos of ../shared, and the int8 model', () => {
  const photos = new Map<string, RgbImage>();

  beforeAll(async () => {
    for (const name of Object.keys(PHOTOS)) photos.set(name, await loadPhoto(name));
  });

  test.each(Object.entries(PHOTOS))('%s.jpg', async (name, expected) => {
    const image = photos.get(name)!;
    const { detections } = await detector.detect([image]);
    expect(classCounts(detections[0]!)).toEqual(expected);
    expectInside(detections[0]!, image);
  });

  test('boxes land on the objects (dog.jpg: the dog is lower left, the truck upper right)', async () => {
    const image = photos.get('dog')!;
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

  test('the int8 model (ConvInteger) finds the same objects in dog.jpg', async () => {
    const int8 = await Detector.create({ modelPath: MODEL_INT8, config: config() });
    try {
      const { detections } = await int8.detect([photos.get('dog')!]);
      expect(classCounts(detections[0]!)).toEqual(PHOTOS.dog);
      expectInside(detections[0]!, photos.get('dog')!);
    } finally {
      await int8.release();
    }
  });
});
