/**
 * Raw RGB frames for tests and benchmarks, made or decoded by the system ffmpeg: lavfi sources
 * (testsrc2, color, …) with any filter chain, ffmpeg filters applied to a frame in memory, and a
 * streaming decoder for video files. Everything goes through pipes; nothing is written to disk.
 */
import { spawn } from 'node:child_process';

import type { Frame } from '../../src/domain/frame.js';
import type { VideoInfo } from '../../src/domain/video.js';

export const FFMPEG = process.env['FFMPEG_PATH'] ?? 'ffmpeg';

const RAW_OUT = ['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'];

/** Runs ffmpeg with `args`, optionally feeding `stdin`, and resolves with everything it wrote to stdout. */
export function runFfmpeg(args: readonly string[], stdin?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG, ['-hide_banner', '-loglevel', 'error', ...(stdin ? [] : ['-nostdin']), ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`ffmpeg ${args.join(' ')} exited with ${code}: ${err.trim().slice(-800)}`));
    });
    child.stdin.on('error', () => undefined); // ffmpeg may exit before reading it all; 'close' reports why
    child.stdin.end(stdin);
  });
}

function splitFrames(data: Buffer, width: number, height: number): Buffer[] {
  const size = width * height * 3;
  if (data.length % size !== 0) throw new Error(`ffmpeg wrote ${data.length} bytes, not a whole number of ${width}x${height} frames`);
  const frames: Buffer[] = [];
  for (let at = 0; at < data.length; at += size) frames.push(data.subarray(at, at + size));
  return frames;
}

/**
 * `count` frames from a lavfi graph, e.g. `testsrc2=size=320x240:rate=1,gblur=sigma=2`,
 * `color=c=black:size=320x240`, `testsrc2=size=320x240,noise=alls=8:allf=t`. The graph must
 * produce `width` x `height` frames.
 */
export async function lavfiFrames(graph: string, width: number, height: number, count = 1): Promise<Buffer[]> {
  const data = await runFfmpeg(['-f', 'lavfi', '-i', graph, '-frames:v', String(count), ...RAW_OUT]);
  const frames = splitFrames(data, width, height);
  if (frames.length !== count) throw new Error(`lavfi ${graph} gave ${frames.length} frames, wanted ${count}`);
  return frames;
}

/** One frame from a lavfi graph. */
export async function lavfiFrame(graph: string, width: number, height: number): Promise<Buffer> {
  const [frame] = await lavfiFrames(graph, width, height, 1);
  return frame!;
}

/** Applies an ffmpeg filter chain that keeps the size (gblur=sigma=2, noise=alls=8, hflip…) to one RGB frame. */
export async function filterRgb(rgb: Buffer, width: number, height: number, filter: string): Promise<Buffer> {
  const data = await runFfmpeg(
    ['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-i', '-', '-vf', filter, '-frames:v', '1', ...RAW_OUT],
    rgb,
  );
  const [frame] = splitFrames(data, width, height);
  if (!frame) throw new Error(`filter ${filter} gave no frame`);
  return frame;
}

/**
 * Decodes a video to raw RGB frames, streaming: yields each frame as soon as it is complete.
 * `filter` (e.g. `select=not(mod(n\,10))`) runs before the conversion to RGB; `width`/`height` are
 * the size of the frames it produces. The yielded buffers are fresh copies.
 */
export async function* decodeVideoFrames(file: string, width: number, height: number, filter?: string): AsyncGenerator<Buffer> {
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', file];
  if (filter) args.push('-vf', filter);
  args.push('-fps_mode', 'passthrough', ...RAW_OUT);
  const child = spawn(FFMPEG, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const size = width * height * 3;
  let pending: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= size) {
        yield Buffer.from(pending.subarray(0, size));
        pending = pending.subarray(size);
      }
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await closed;
  if (code !== 0) throw new Error(`ffmpeg decode of ${file} exited with ${code}: ${err.trim().slice(-800)}`);
  if (pending.length) throw new Error(`ffmpeg decode of ${file} ended with a partial frame (${pending.length} bytes)`);
}

/** A stand-in VideoInfo for frames made in tests. */
export function testVideo(overrides: Partial<VideoInfo> = {}): VideoInfo {
  return {
    path: '/test/synthetic.mp4',
    stem: 'synthetic',
    index: 0,
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    codec: 'h264',
    durationSeconds: 10,
    fps: 1,
    width: 320,
    height: 240,
    rotation: 0,
    frameCount: 10,
    frameCountExact: true,
    reordersFrames: false,
    sizeBytes: 0,
    ...overrides,
  };
}

/** Wraps raw RGB in a Frame. */
export function makeFrame(rgb: Buffer, width: number, height: number, overrides: Partial<Omit<Frame, 'rgb' | 'width' | 'height'>> = {}): Frame {
  return {
    video: testVideo({ width, height }),
    frameIndex: 0,
    timestampMs: 0,
    decode: 'sequential',
    corrupt: false,
    ...overrides,
    rgb,
    width,
    height,
  };
}
