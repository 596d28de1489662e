/**
 * `--decode keyframes|all|auto` on real videos made here with ffmpeg (20 s at 25 fps, H.264) and the
 * tiny hand-built model: which frames each mode takes (whole-video indices, their own timestamps),
 * the mode recorded in COCO, metrics and manifest, a slot with no keyframe near it decoded exactly
 * (the same pixels as a decode of every frame), a time range choosing as the whole run does, and
 * byte-identical reruns.
 */
import { readdir, readFile } from 'node:fs/promises';
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
/** Keyframe every 2 s (every 50 frames). */
let gop50: string;
/** Keyframes at 0 s and 10 s only. */
let gop250: string;

/** A 20 s, 25 fps H.264 video of a moving pattern with a keyframe every `gop` frames and no others. */
async function makeGopVideo(name: string, gop: number): Promise<string> {
  const file = path.join(dir, name);
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=160x120:rate=25',
    '-t',
    '20',
    '-c:v',
    'libx264',
    '-g',
    String(gop),
    '-keyint_min',
    String(gop),
    '-sc_threshold',
    '0',
    '-pix_fmt',
    'yuv420p',
    file,
  ]);
  return file;
}

async function run(out: string, extra: RawOptions): Promise<RunResult> {
  return runPipeline(resolveOptions({ ...base, out: path.join(dir, out), ...extra }), {});
}

async function cocoOf(result: RunResult): Promise<CocoDataset> {
  return JSON.parse(await readFile(result.files.coco, 'utf8')) as CocoDataset;
}

const chosen = (coco: CocoDataset): string[] => coco.images.map((i) => `${i.frame_index}@${i.timestamp_ms}:${i.decode}`);

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  models = await makeModelDir();
  const { model, config } = await writeColourBoxDetector(models, dir);
  gop50 = await makeGopVideo('gop50.mp4', 50);
  gop250 = await makeGopVideo('gop250.mp4', 250);
  base = { model, 'model-config': config, 'sample-fps': '0.25', 'dedup-threshold': '-1', 'inference-workers': '1', site: 'kf' };
}, 120_000);

afterAll(async () => {
  await cleanup();
  await models.cleanup();
});

describe('--decode on a keyframe every 2 s, one sample every 4 s', () => {
  let keyframes: RunResult;
  let all: RunResult;

  beforeAll(async () => {
    keyframes = await run('keyframes', { video: [gop50], decode: 'keyframes' });
    all = await run('all', { video: [gop50], decode: 'all' });
  }, 120_000);

  test('keyframes: the keyframe on each slot, decoding only keyframes; recorded in COCO, metrics and manifest', async () => {
    expect(chosen(await cocoOf(keyframes))).toEqual(['0@0:keyframe', '100@4000:keyframe', '200@8000:keyframe', '300@12000:keyframe', '400@16000:keyframe']);
    expect(keyframes.manifest.videos[0]).toMatchObject({ decode: 'keyframes', framesDecoded: 10 });
    expect(keyframes.manifest.videos[0]!.decodeReason).toMatch(/^asked for; 5 keyframes, 0 decoded exactly$/);
    expect(keyframes.metrics.videos[0]).toMatchObject({ decode: 'keyframes', decoded: 10, sampled: 5 });
  });

  test('all: the same frames from a decode of every frame', async () => {
    expect(chosen(await cocoOf(all))).toEqual(['0@0:sequential', '100@4000:sequential', '200@8000:sequential', '300@12000:sequential', '400@16000:sequential']);
    expect(all.manifest.videos[0]).toMatchObject({ decode: 'all', decodeReason: 'asked for', framesDecoded: 500 });
    expect(all.metrics.videos[0]).toMatchObject({ decode: 'all', decoded: 500 });
  });

  test('auto chooses keyframes here, and a rerun is byte-identical', async () => {
    const auto = await run('auto', { video: [gop50] });
    expect(auto.manifest.videos[0]!.decode).toBe('keyframes');
    expect(auto.manifest.videos[0]!.decodeReason).toMatch(/^auto: keyframes at most 2\.00 s apart, within the sampling interval 4\.00 s/);
    const again = await run('keyframes-again', { video: [gop50], decode: 'keyframes' });
    expect((await readFile(again.files.coco)).equals(await readFile(keyframes.files.coco))).toBe(true);
    const names = await readdir(keyframes.files.images);
    expect(await readdir(again.files.images)).toEqual(names);
    for (const name of names) {
      expect((await readFile(path.join(again.files.images, name))).equals(await readFile(path.join(keyframes.files.images, name)))).toBe(true);
    }
  }, 60_000);

  test('a keyframe between two slots goes to the nearer (the earlier on a tie), with its own timestamp', async () => {
    const result = await run('off-grid', { video: [gop50], decode: 'keyframes', 'sample-fps': '0.4' });
    // Slots at 0, 2.5, 5, … 17.5 s; keyframes every 2 s; 5 s and 15 s are ties.
    expect(chosen(await cocoOf(result))).toEqual([
      '0@0:keyframe',
      '50@2000:keyframe',
      '100@4000:keyframe',
      '200@8000:keyframe',
      '250@10000:keyframe',
      '300@12000:keyframe',
      '350@14000:keyframe',
      '450@18000:keyframe',
    ]);
  }, 60_000);

  test('a time range takes the frames the whole run takes inside it', async () => {
    const part = await run('range', { video: [gop50], decode: 'keyframes', start: '7', end: '13' });
    expect(chosen(await cocoOf(part))).toEqual(['200@8000:keyframe', '300@12000:keyframe']);
    for (const image of (await cocoOf(part)).images) {
      const whole = await readFile(path.join(keyframes.files.images, image.file_name));
      expect((await readFile(path.join(part.files.images, image.file_name))).equals(whole)).toBe(true);
    }
  }, 60_000);
});

describe('--decode keyframes with keyframes 10 s apart', () => {
  test('slots with no keyframe within half the interval are decoded exactly, with the pixels of a full decode', async () => {
    const keyframes = await run('sparse-keyframes', { video: [gop250], decode: 'keyframes' });
    const all = await run('sparse-all', { video: [gop250], decode: 'all' });
    // Slots 0, 4, 8, 12, 16 s; keyframes at 0 and 10 s, tolerance 2 s.
    expect(chosen(await cocoOf(keyframes))).toEqual(['0@0:keyframe', '100@4000:exact', '250@10000:keyframe', '300@12000:exact', '400@16000:exact']);
    expect(keyframes.manifest.videos[0]!.decodeReason).toBe('asked for; 2 keyframes, 3 decoded exactly');
    for (const name of ['kf_000100.jpg', 'kf_000300.jpg', 'kf_000400.jpg'].map((n) => n.replace('kf', 'gop250'))) {
      expect((await readFile(path.join(keyframes.files.images, name))).equals(await readFile(path.join(all.files.images, name)))).toBe(true);
    }
  }, 60_000);

  test('auto decodes every frame when keyframes are further apart than the sampling interval', async () => {
    const auto = await run('sparse-auto', { video: [gop250] });
    expect(auto.manifest.videos[0]!.decode).toBe('all');
    expect(auto.manifest.videos[0]!.decodeReason).toMatch(/^auto: keyframes up to 10\.00 s apart, longer than the sampling interval 4\.00 s$/);
    expect(chosen(await cocoOf(auto)).map((s) => s.split(':')[0])).toEqual(['0@0', '100@4000', '200@8000', '300@12000', '400@16000']);
  }, 60_000);

  test('a file whose timestamps start at 7 s (an NVR export) samples as one that starts at 0, in auto and in all, with the same pixels', async () => {
    const shifted = path.join(dir, 'gop250-from-7s.mp4');
    await ffmpeg(['-i', gop250, '-c', 'copy', '-output_ts_offset', '7', shifted]);
    const auto = await run('shifted-auto', { video: [shifted] });
    const all = await run('shifted-all', { video: [shifted], decode: 'all' });
    expect(auto.manifest.videos[0]!.decode).toBe('all');
    const expected = ['0@0', '100@4000', '200@8000', '300@12000', '400@16000'];
    expect(chosen(await cocoOf(auto)).map((s) => s.split(':')[0])).toEqual(expected);
    expect(chosen(await cocoOf(all)).map((s) => s.split(':')[0])).toEqual(expected);
    for (const name of await readdir(auto.files.images)) {
      expect((await readFile(path.join(auto.files.images, name))).equals(await readFile(path.join(all.files.images, name)))).toBe(true);
    }
  }, 60_000);
});

/** PSNR (dB) of two RGB images of one size. */
function psnr(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  const mse = sum / a.length;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

describe('AVI, whose packets carry no presentation timestamps (or only some)', () => {
  test('H.264 without B-frames: decode order is presentation order, so the decode timestamps place the frames; the reason says so', async () => {
    const avi = path.join(dir, 'no-reordering.avi');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25', '-t', '6', '-c:v', 'libx264', '-bf', '0', '-g', '25', '-pix_fmt', 'yuv420p', avi]);
    const result = await run('avi-no-reordering', { video: [avi], 'sample-fps': '1', decode: 'keyframes' });
    expect(result.manifest.videos[0]).toMatchObject({ decode: 'keyframes', reordersFrames: false });
    expect(result.manifest.videos[0]!.decodeReason).toMatch(
      /; frames placed by their decode timestamps: the container stores no presentation timestamps and the stream reorders no frames$/,
    );
    const coco = await cocoOf(result);
    expect(coco.images.map((image) => `${image.frame_index}@${image.timestamp_ms}`)).toEqual(['0@0', '25@1000', '50@2000', '75@3000', '100@4000', '125@5000']);
  });

  test.each([
    ['H.264 with B-frames', ['-c:v', 'libx264', '-g', '25', '-pix_fmt', 'yuv420p']],
    ['MPEG-4 ASP with packed B-frames', ['-c:v', 'mpeg4', '-bf', '2', '-q:v', '3', '-g', '25']],
  ])(
    '%s: auto decodes every frame and says why; each image is the frame at its frame_index (by PSNR against its neighbours)',
    async (codec, args) => {
      const avi = path.join(dir, `${codec.replace(/\W+/g, '-')}.avi`);
      await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25', '-t', '6', ...args, avi]);
      const auto = await run(`avi-auto-${path.basename(avi, '.avi')}`, { video: [avi], 'sample-fps': '1' });
      const why =
        'not every packet carries a presentation timestamp (AVI stores decode order only) and the stream reorders frames, so its frames cannot be placed in time';
      expect(auto.manifest.videos[0]).toMatchObject({ decode: 'all', decodeReason: `auto: ${why}; every frame is decoded and counted`, reordersFrames: true });
      const coco = await cocoOf(auto);
      const indices = coco.images.map((image) => image.frame_index);
      // One image per sampling slot on a grid from the first frame, as an MP4 of the same 6 s gives:
      // indices and timestamps strictly increasing, none negative.
      expect(coco.images.map((image) => `${image.frame_index}@${image.timestamp_ms}`)).toEqual([
        '0@0',
        '25@1000',
        '50@2000',
        '75@3000',
        '100@4000',
        '125@5000',
      ]);
      expect(indices.every((index, i) => i === 0 || index > indices[i - 1]!)).toBe(true);
      expect(coco.images.every((image, i) => image.timestamp_ms >= 0 && (i === 0 || image.timestamp_ms > coco.images[i - 1]!.timestamp_ms))).toBe(true);
      for (const image of coco.images.filter((_, i) => i % 3 === 1)) {
        const { data } = await sharp(path.join(auto.files.images, image.file_name)).raw().toBuffer({ resolveWithObject: true });
        const scores = await Promise.all([-1, 0, 1].map(async (d) => psnr(data, (await videoFrame(avi, image.frame_index + d)).rgb)));
        // RGB PSNR of a 4:2:0 JPEG of a small, sharp-edged pattern is low in absolute terms; what identifies
        // the frame is that it is clearly the best match among its neighbours.
        expect(scores[1]).toBeGreaterThan(20);
        expect(scores[1]).toBeGreaterThan(Math.max(scores[0]!, scores[2]!) + 3);
      }
      const error = await run(`avi-keyframes-${path.basename(avi, '.avi')}`, { video: [avi], decode: 'keyframes' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VideoInputError);
      expect((error as Error).message).toBe(`Video ${avi}: ${why}; pass --decode all to decode every frame`);
    },
    120_000,
  );
});
