import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import type { Frame } from '../../src/domain/frame.js';
import type { Sampling } from '../../src/domain/sampling.js';
import { locateFfmpegTools, withVersions, type FfmpegTools } from '../../src/media/tools.js';
import { DecoderStderr } from '../../src/pipeline/decode/decoder-stderr.js';
import { extractFrames } from '../../src/pipeline/decode/extract.js';
import { probeVideo } from '../../src/pipeline/decode/probe.js';
import { truncatedError, truncation } from '../../src/pipeline/decode/truncation.js';
import { makeTruncated, makeVideo, tempDir } from '../support/videos.js';

let tools: FfmpegTools;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  tools = await withVersions(locateFfmpegTools());
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

async function extractAll(file: string, sampling: Sampling): Promise<{ frames: Omit<Frame, 'rgb'>[]; log: DecoderStderr; bytes: number[] }> {
  const video = await probeVideo(tools, file, 0);
  const log = new DecoderStderr();
  const frames: Omit<Frame, 'rgb'>[] = [];
  const bytes: number[] = [];
  for await (const { rgb, ...frame } of extractFrames({ tools, video, sampling, stderr: log })) {
    frames.push(frame);
    bytes.push(rgb.length);
  }
  return { frames, log, bytes };
}

describe('extractFrames', () => {
  test('every frame at the source rate: known count, indices and timestamps', async () => {
    const file = await makeVideo(path.join(dir, 'ten.mp4'), { fps: 10, frames: 25 });
    const { frames, log, bytes } = await extractAll(file, { mode: 'every-n-frames', n: 1 });
    expect(frames).toHaveLength(25);
    expect(frames.map((f) => f.frameIndex)).toEqual([...Array(25).keys()]);
    expect(frames.map((f) => f.timestampMs)).toEqual([...Array(25).keys()].map((i) => i * 100));
    expect(new Set(bytes)).toEqual(new Set([160 * 120 * 3]));
    expect(log.stats.framesDecoded).toBe(25);
    expect(frames.every((f) => !f.corrupt)).toBe(true);
  });

  test('sampling at 2 frames/s from 10 fps keeps every 5th frame', async () => {
    const file = await makeVideo(path.join(dir, 'rate.mp4'), { fps: 10, frames: 40 });
    const { frames } = await extractAll(file, { mode: 'fps', fps: 2 });
    expect(frames.map((f) => f.frameIndex)).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);
    expect(frames.map((f) => f.timestampMs)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500]);
  });

  test('sampling at a rate that does not divide the source rate does not drift', async () => {
    const file = await makeVideo(path.join(dir, 'odd.mp4'), { fps: 30, frames: 90 });
    const { frames } = await extractAll(file, { mode: 'fps', fps: 7 });
    // 3 s at 7 frames/s: one frame in each 1/7 s slot.
    expect(frames).toHaveLength(21);
    for (const [i, frame] of frames.entries()) {
      expect(frame.timestampMs).toBeGreaterThanOrEqual(Math.floor((i * 1000) / 7) - 1);
      expect(frame.timestampMs).toBeLessThan(((i + 1) * 1000) / 7);
    }
  });

  test('every-n-frames keeps frames 0, n, 2n', async () => {
    const file = await makeVideo(path.join(dir, 'nth.mp4'), { fps: 25, frames: 50 });
    const { frames } = await extractAll(file, { mode: 'every-n-frames', n: 12 });
    expect(frames.map((f) => f.frameIndex)).toEqual([0, 12, 24, 36, 48]);
    expect(frames.map((f) => f.timestampMs)).toEqual([0, 480, 960, 1440, 1920]);
  });

  test('a rotated video is decoded upright, with width and height swapped', async () => {
    const file = await makeVideo(path.join(dir, 'rotated.mp4'), { width: 160, height: 96, frames: 5, rotate: 90 });
    const video = await probeVideo(tools, file, 0);
    expect(video.rotation).toBe(90);
    expect([video.width, video.height]).toEqual([96, 160]);
    const frames = [];
    for await (const frame of extractFrames({ tools, video, sampling: { mode: 'every-n-frames', n: 1 } })) frames.push(frame);
    expect(frames).toHaveLength(5);
    expect(frames[0]?.width).toBe(96);
    expect(frames[0]?.rgb.length).toBe(96 * 160 * 3);
  });

  test('a truncated file decodes as far as it goes; truncation() says where it stopped, and the refusal names the file', async () => {
    const full = await makeVideo(path.join(dir, 'long.mp4'), { fps: 10, frames: 200, width: 320, height: 240, source: 'testsrc2' });
    const cut = await makeTruncated(full, path.join(dir, 'cut.mp4'), 0.4);
    const video = await probeVideo(tools, cut, 0);
    const log = new DecoderStderr();
    const frames: number[] = [];
    for await (const frame of extractFrames({ tools, video, sampling: { mode: 'fps', fps: 1 }, stderr: log })) frames.push(frame.timestampMs);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.at(-1)!).toBeLessThan(20_000);
    const reason = truncation(video, log.stats, null);
    expect(reason).not.toBeNull();
    expect(truncatedError(video, log.stats, reason!).message).toMatch(/^Video .*cut\.mp4 is truncated: decoding stopped at .* of 20\.0 s/);
    // A range is not judged: it ends early by design.
    expect(truncation(video, { ...log.stats, truncated: false }, { startMs: 0, endMs: 5000 })).toBeNull();
  });

  test('a whole file is not truncated, whatever its container declares about frame counts', async () => {
    const file = await makeVideo(path.join(dir, 'whole.mp4'), { fps: 10, frames: 50 });
    const video = await probeVideo(tools, file, 0);
    const log = new DecoderStderr();
    for await (const frame of extractFrames({ tools, video, sampling: { mode: 'fps', fps: 1 }, stderr: log })) void frame;
    expect(truncation(video, log.stats, null)).toBeNull();
    // A container that declares ten times the frames it stores (empty or repeated chunks) is still whole.
    expect(truncation({ ...video, frameCount: video.frameCount * 10, frameCountExact: true }, log.stats, null)).toBeNull();
    // A decode that ends 2 s before the duration is not.
    expect(truncation({ ...video, durationSeconds: video.durationSeconds + 2 }, log.stats, null)).toBe('the last frames do not decode');
  });

  test('stopping early kills ffmpeg and returns', async () => {
    const file = await makeVideo(path.join(dir, 'early.mp4'), { fps: 10, frames: 100 });
    const video = await probeVideo(tools, file, 0);
    let n = 0;
    for await (const frame of extractFrames({ tools, video, sampling: { mode: 'every-n-frames', n: 1 } })) {
      void frame;
      if (++n === 3) break;
    }
    expect(n).toBe(3);
  });
});
