/**
 * A frame's `frame_index` leads back to that exact source frame, in every container site cameras,
 * NVRs and phones write and in every decode mode: each file is made here with ffmpeg (a moving
 * pattern, 6 s at 25 fps), run with `--decode auto`, `all` and `keyframes`, and every few images
 * compared by pixels (PSNR) with the frames ffmpeg decodes at its `frame_index` and beside it: the
 * claimed frame must be clearly the best match. Indices and timestamps strictly increase and are never
 * negative, and the modes agree on the frames they share. A file whose packet list cannot place its
 * frames in time (AVI with reordered frames, timestamps that jump) refuses `keyframes`, saying to
 * decode every frame; an AVI without reordering is placed by its decode timestamps.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import type { CocoDataset } from '../../src/domain/coco.js';
import { VideoInputError } from '../../src/errors.js';
import { resolveOptions, type RawOptions } from '../../src/options/resolve-options.js';
import { runPipeline, type RunResult } from '../../src/pipeline/run-pipeline.js';
import { makeZoo, ZOO } from '../support/container-zoo.js';
import { makeModelDir, writeColourBoxDetector } from '../support/onnx-builder.js';
import { tempDir, videoFrame } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let models: Awaited<ReturnType<typeof makeModelDir>>;
let base: RawOptions;

function psnr(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  const mse = sum / a.length;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

async function run(out: string, extra: RawOptions): Promise<RunResult> {
  return runPipeline(resolveOptions({ ...base, out: path.join(dir, out), ...extra }), {});
}

async function cocoOf(result: RunResult): Promise<CocoDataset> {
  return JSON.parse(await readFile(result.files.coco, 'utf8')) as CocoDataset;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  models = await makeModelDir();
  const { model, config } = await writeColourBoxDetector(models, dir);
  base = { model, 'model-config': config, 'sample-fps': '1', 'dedup-threshold': '-1', 'inference-workers': '1', site: 'zoo' };
  await makeZoo(dir);
}, 180_000);

afterAll(async () => {
  await cleanup();
  await models.cleanup();
});

/** Every other image is the frame at its frame_index: clearly the best PSNR match among frame_index ± 1. */
async function expectIdentity(video: string, result: RunResult, coco: CocoDataset): Promise<void> {
  for (const image of coco.images.filter((_, i) => i % 2 === 1)) {
    const { data } = await sharp(path.join(result.files.images, image.file_name)).raw().toBuffer({ resolveWithObject: true });
    const around = image.frame_index === 0 ? [0, 1] : [-1, 0, 1];
    const scores = new Map(await Promise.all(around.map(async (d) => [d, psnr(data, (await videoFrame(video, image.frame_index + d)).rgb)] as const)));
    const others = around.filter((d) => d !== 0).map((d) => scores.get(d)!);
    expect([image.file_name, scores.get(0)! > Math.max(...others) + 1.5]).toEqual([image.file_name, true]);
  }
}

describe.each(ZOO)('$name', ({ file, counted }) => {
  test('auto, all and keyframes: each image is the frame at its frame_index; increasing, never negative; the modes agree', async () => {
    const video = path.join(dir, file);
    const stem = file.replace(/\W+/g, '-');
    const byMode = new Map<string, CocoDataset>();
    for (const decode of ['auto', 'all', 'keyframes'] as const) {
      if (decode === 'keyframes' && counted === true) {
        const error = await run(`${stem}-${decode}`, { video: [video], decode }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(VideoInputError);
        expect((error as Error).message).toMatch(/so its frames cannot be placed in time; pass --decode all to decode every frame$/);
        continue;
      }
      const result = await run(`${stem}-${decode}`, { video: [video], decode });
      const coco = await cocoOf(result);
      expect(coco.images.length).toBeGreaterThanOrEqual(5);
      coco.images.forEach((image, i) => {
        expect(image.timestamp_ms).toBeGreaterThanOrEqual(0);
        // At a constant 25 fps, a frame's time is its place × 40 ms: a jump in the file's clock is closed up.
        if (!file.startsWith('vfr')) expect([image.frame_index, image.timestamp_ms]).toEqual([image.frame_index, image.frame_index * 40]);
        if (i > 0) expect([image.frame_index > coco.images[i - 1]!.frame_index, image.timestamp_ms > coco.images[i - 1]!.timestamp_ms]).toEqual([true, true]);
      });
      await expectIdentity(video, result, coco);
      byMode.set(decode, coco);
    }
    // The modes agree on the frames they share: the same frame_index has the same timestamp.
    const times = new Map<number, number>();
    for (const [, coco] of byMode) {
      for (const image of coco.images) {
        const seen = times.get(image.frame_index);
        if (seen !== undefined) expect([image.frame_index, image.timestamp_ms]).toEqual([image.frame_index, seen]);
        times.set(image.frame_index, image.timestamp_ms);
      }
    }
  }, 180_000);
});
