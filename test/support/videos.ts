/**
 * Small video files made by ffmpeg from lavfi sources, and the bad inputs the CLI must refuse, in a
 * per-test temporary folder. Everything is generated at test time; nothing is downloaded.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SHARED = path.resolve(process.cwd(), '..', 'shared');
export const SAMPLE_VIDEO = path.join(SHARED, 'fixtures', 'videos', 'site-walkway.mp4');
export const MODEL = path.join(SHARED, 'models', 'yolov8n.onnx');
export const MODEL_INT8 = path.join(SHARED, 'models', 'yolov8n-int8.onnx');

export async function tempDir(prefix = 'dataset-gen-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function ffmpeg(args: readonly string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args]);
}

export interface TestVideoOptions {
  width?: number;
  height?: number;
  fps?: number;
  frames?: number;
  /** lavfi source name, default testsrc2 (moving pattern with a frame counter). */
  source?: string;
  /** Display-matrix rotation written into the container (mp4 only). */
  rotate?: number;
}

/** Makes an H.264 mp4 of `frames` frames at `fps`. */
export async function makeVideo(file: string, options: TestVideoOptions = {}): Promise<string> {
  const { width = 160, height = 120, fps = 10, frames = 20, source = 'testsrc2' } = options;
  const input = `${source}=size=${width}x${height}:rate=${fps}`;
  const plain = options.rotate ? `${file}.plain.mp4` : file;
  await ffmpeg(['-f', 'lavfi', '-i', input, '-frames:v', String(frames), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '10', '-movflags', '+faststart', plain]);
  if (options.rotate) {
    await ffmpeg(['-i', plain, '-c', 'copy', '-metadata:s:v:0', `rotate=${options.rotate}`, file]);
    await rm(plain);
  }
  return file;
}

export async function makeAudioOnly(file: string): Promise<string> {
  await ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'aac', file]);
  return file;
}

export async function makeTextFile(file: string): Promise<string> {
  await writeFile(file, 'this is not a video, just text with an .mp4 name\n');
  return file;
}

/** A copy of `source` cut to `fraction` of its bytes (an interrupted copy). */
export async function makeTruncated(source: string, file: string, fraction = 0.3): Promise<string> {
  const bytes = await readFile(source);
  await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return file;
}
