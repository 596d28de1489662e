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
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import type { CocoDataset } from '../../src/domain/coco.js';
import { VideoInputError } from '../../src/errors.js';
import { resolveOptions, type RawOptions } from '../../src/options/resolve-options.js';
import { runPipeline, type RunResult } from '../../src/pipeline/run-pipeline.js';
import { makeModelDir, writeColourBoxDetector } from '../support/onnx-builder.js';
import { ffmpeg, tempDir, videoFrame } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let models: Awaited<ReturnType<typeof makeModelDir>>;
let base: RawOptions;

const SOURCE = ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25', '-t', '6'];
const X264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '25'];

/** Two MPEG-TS recordings of the pattern's first and last 3 s, the second at `offset` s on its clock, joined end to end as `cat` would. */
async function joinedTs(file: string, offset: number): Promise<void> {
  await ffmpeg([...SOURCE.slice(0, -2), '-t', '3', ...X264, `${file}.1.ts`]);
  await ffmpeg([...SOURCE.slice(0, -2), '-ss', '3', '-t', '3', ...X264, '-output_ts_offset', String(offset), `${file}.2.ts`]);
  await writeFile(file, Buffer.concat([await readFile(`${file}.1.ts`), await readFile(`${file}.2.ts`)]));
}

/**
 * Each container: its file name and how ffmpeg makes it from the pattern (`args`, or `make` for a file
 * made in several steps); `counted`: its packet list cannot place its frames in time.
 */
const ZOO: { name: string; file: string; args: string[]; make?: (file: string) => Promise<void>; counted?: boolean }[] = [
  { name: 'H.264 with B-frames in AVI', file: 'h264-b.avi', args: [...X264, '-bf', '3'], counted: true },
  { name: 'H.264 without B-frames in AVI (placed by decode timestamps)', file: 'h264.avi', args: [...X264, '-bf', '0'] },
  { name: 'MPEG-4 ASP with packed B-frames in AVI', file: 'mpeg4-b.avi', args: ['-c:v', 'mpeg4', '-bf', '2', '-q:v', '3', '-g', '25'], counted: true },
  { name: 'MPEG-4 ASP without B-frames in AVI', file: 'mpeg4.avi', args: ['-c:v', 'mpeg4', '-bf', '0', '-q:v', '3', '-g', '25'] },
  { name: 'MJPEG in AVI', file: 'mjpeg.avi', args: ['-c:v', 'mjpeg', '-q:v', '3'] },
  { name: 'H.264 with B-frames in MP4', file: 'h264-b.mp4', args: [...X264, '-bf', '3'] },
  { name: 'MPEG-TS starting at 7 s', file: 'late.ts', args: [...X264, '-output_ts_offset', '7'] },
  { name: 'MPEG-TS with a discontinuity (the clock jumps 87 s ahead at 3 s)', file: 'jump.ts', args: [], make: (file) => joinedTs(file, 90), counted: true },
  { name: 'MPEG-TS whose clock restarts at 3 s (two recordings joined)', file: 'restart.ts', args: [], make: (file) => joinedTs(file, 0), counted: true },
  { name: 'Matroska', file: 'h264.mkv', args: X264 },
  { name: 'HEVC in MP4', file: 'hevc.mp4', args: ['-c:v', 'libx265', '-x265-params', 'log-level=error:keyint=25', '-pix_fmt', 'yuv420p', '-tag:v', 'hvc1'] },
  { name: 'interlaced MPEG-2 in MPEG-TS', file: 'mpeg2i.ts', args: ['-c:v', 'mpeg2video', '-flags', '+ilme+ildct', '-top', '1', '-q:v', '3', '-g', '25'] },
  {
    name: 'MOV with an edit list (cut at 0.52 s, between keyframes, without re-encoding)',
    file: 'edit-list.mov',
    args: [],
    make: async (file) => {
      await ffmpeg([...SOURCE.slice(0, -2), '-t', '7', ...X264, `${file}.source.mp4`]);
      await ffmpeg(['-ss', '0.52', '-i', `${file}.source.mp4`, '-c', 'copy', '-t', '6', file]);
    },
  },
  { name: 'VFR MP4 (a pause of 0.5 s after 2 s)', file: 'vfr.mp4', args: [...X264, '-vf', "setpts='N/25/TB+if(gte(N,50),0.5/TB,0)'", '-fps_mode', 'vfr'] },
];

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
  for (const entry of ZOO) {
    const file = path.join(dir, entry.file);
    await (entry.make ? entry.make(file) : ffmpeg([...SOURCE, ...entry.args, file]));
  }
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
