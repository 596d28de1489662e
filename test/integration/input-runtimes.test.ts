/**
 * The detector at a video's shape (detect/input-runtimes.ts) with real onnxruntime sessions: a model
 * with dynamic height and width takes the shape as it is; a fixed-shape model that is not a YOLOv8
 * detect export runs square, told once, with the reason recorded; the bundled YOLOv8n is specialised
 * per shape, one pool loaded at a time, and gives the square's detections on a frame of the demo clip.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';

import { Detector } from '../../src/detect/detector.js';
import { requestedInput } from '../../src/detect/input-shape.js';
import { RuntimePool } from '../../src/detect/worker-pool.js';
import type { RgbImage } from '../../src/domain/frame.js';
import { modelConfigSchema, type ModelConfig } from '../../src/model/config.js';
import { pairBoxes as pairDetections } from '../../src/pipeline/diff/box-pairing.js';
import { colourBoxModel, makeModelDir } from '../support/onnx-builder.js';
import { DEMO_VIDEO, MODEL, videoFrame } from '../support/videos.js';

function config(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return modelConfigSchema.parse({ name: 'test', layout: 'yolov8', inputSize: 128, classNames: ['a', 'b'], ...overrides });
}

/** A uniform `width` x `height` frame of colour (r, g, b): one colour-box detection (onnx-builder.ts). */
function uniform(width: number, height: number, [r, g, b]: [number, number, number]): RgbImage {
  const rgb = Buffer.alloc(width * height * 3);
  for (let p = 0; p < rgb.length; p += 3) [rgb[p], rgb[p + 1], rgb[p + 2]] = [r, g, b];
  return { rgb, width, height };
}

let models: Awaited<ReturnType<typeof makeModelDir>>;

beforeAll(async () => {
  models = await makeModelDir();
});
afterAll(() => models.cleanup());

describe('a model with dynamic height and width', () => {
  test('takes the shape asked for as it is: frames are letterboxed into 128x64 and run at that size', async () => {
    const model = await models.write('dynamic-hw.onnx', colourBoxModel('batch', undefined, 'dynamic'));
    const detector = await Detector.create({ modelPath: model, config: config() });
    const run = jest.spyOn(RuntimePool.prototype, 'run');
    try {
      const requested = requestedInput({ width: 256, height: 128 }, 'auto', detector.shape);
      expect(requested).toEqual({ width: 128, height: 64, reason: 'auto: 256x128 fits 128x64' });
      expect(await detector.input(requested)).toEqual(requested);
      const { detections } = await detector.detect([uniform(256, 128, [100, 60, 230])], requested);
      expect(run.mock.calls.map((call) => call[2])).toEqual([[1, 3, 64, 128]]);
      expect(detections[0]).toHaveLength(1);
    } finally {
      run.mockRestore();
      await detector.release();
    }
  });
});

describe('a fixed-shape model that is not a YOLOv8 detect export', () => {
  test('runs square for that shape, told once with the reason, which the video records', async () => {
    const model = await models.write('fixed128.onnx', colourBoxModel(1, undefined, 128));
    const told: string[] = [];
    const detector = await Detector.create({ modelPath: model, config: config(), onInfo: (message) => told.push(message) });
    try {
      const requested = requestedInput({ width: 256, height: 128 }, 'auto', detector.shape);
      const why = 'its output holds 8192 anchors, not the 336 of a YOLOv8 head at 128x128';
      expect(await detector.input(requested)).toEqual({ width: 128, height: 128, reason: `square: the model cannot take 128x64 (${why})` });
      const frame = uniform(256, 128, [100, 60, 230]);
      const asked = await detector.detect([frame], requested);
      expect(asked.detections).toEqual((await detector.detect([frame])).detections);
      await detector.input(requested);
      // Given as the first video's input, the same: loaded square, told once, the reason recorded.
      const again: string[] = [];
      const atStart = await Detector.create({ modelPath: model, config: config(), onInfo: (m) => again.push(m), firstInput: async () => requested });
      expect(await atStart.input(requested)).toEqual(await detector.input(requested));
      await atStart.release();
      expect(again).toEqual(told);
      expect(told).toEqual([`model ${model} runs 128x64 videos at its square 128x128: it cannot take 128x64 (${why})`]);
    } finally {
      await detector.release();
    }
  });
});

describe('the bundled YOLOv8n', () => {
  let frame: RgbImage;
  let detector: Detector;

  beforeAll(async () => {
    frame = await videoFrame(DEMO_VIDEO, 50);
    detector = await Detector.create({ modelPath: MODEL, config: modelConfigSchema.parse({ name: 'yolov8n', layout: 'yolov8' }) });
  });
  afterAll(() => detector.release());

  test('specialised per shape, one pool loaded at a time: a change of shape releases the pool before', async () => {
    const release = jest.spyOn(RuntimePool.prototype, 'release');
    try {
      const four3 = requestedInput(frame, 'auto', detector.shape);
      const sixteen9 = requestedInput({ width: 1920, height: 1080 }, 'auto', detector.shape);
      expect(await detector.input(four3)).toEqual(four3);
      expect(release).toHaveBeenCalledTimes(1);
      expect(await detector.input(four3)).toEqual(four3);
      expect(release).toHaveBeenCalledTimes(1);
      expect(await detector.input(sixteen9)).toEqual({ width: 640, height: 384, reason: 'auto: 1920x1080 fits 640x384' });
      expect(release).toHaveBeenCalledTimes(2);
      await detector.detect([frame]);
      expect(release).toHaveBeenCalledTimes(3);
    } finally {
      release.mockRestore();
    }
  });

  test("given the first video's input, the model is loaded at it from the start: no square pool loaded first", async () => {
    const release = jest.spyOn(RuntimePool.prototype, 'release');
    const first = await Detector.create({
      modelPath: MODEL,
      config: modelConfigSchema.parse({ name: 'yolov8n', layout: 'yolov8' }),
      firstInput: async (shape) => requestedInput(frame, 'auto', shape),
    });
    try {
      const requested = requestedInput(frame, 'auto', first.shape);
      expect(await first.input(requested)).toEqual({ width: 640, height: 512, reason: 'auto: 768x576 fits 640x512' });
      expect((await first.detect([frame], requested)).detections[0]!.length).toBeGreaterThanOrEqual(8);
      expect(release).not.toHaveBeenCalled();
    } finally {
      release.mockRestore();
      await first.release();
    }
  });

  test("at 640x512 a demo frame gives the square run's boxes: same classes, each pair at IoU ≥ 0.9", async () => {
    const requested = requestedInput(frame, 'auto', detector.shape);
    expect(requested).toMatchObject({ width: 640, height: 512 });
    const [rect] = (await detector.detect([frame], requested)).detections;
    const [square] = (await detector.detect([frame])).detections;
    const { pairs, unmatchedReference, unmatchedCandidate } = pairDetections(square!, rect!);
    expect(pairs.length).toBeGreaterThanOrEqual(8);
    for (const pair of pairs) expect(pair.iou).toBeGreaterThanOrEqual(0.9);
    for (const d of [...unmatchedReference, ...unmatchedCandidate]) expect(d.score).toBeLessThan(0.5);
  });
});
