/**
 * Small video files made by ffmpeg from lavfi sources, and the bad inputs the CLI must refuse, in a
 * per-test temporary folder; the repository's demo clip and bundled model. Nothing is downloaded.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import type { RgbImage } from '../../src/domain/frame.js';

const run = promisify(execFile);

/** The repository's own demo clip (demo/README.md): 768x576, 10 fps, 200 frames, 20 s. */
export const DEMO_VIDEO = path.resolve(process.cwd(), 'demo', 'site-walkway-20s.mp4');
/** The bundled default model (models/README.md). */
export const MODEL = path.resolve(process.cwd(), 'models', 'yolov8n.onnx');

/**
 * `../shared` beside the checkout: the benchmark's data and long fixtures (the full sample video,
 * the reference photos, the int8 model, the container tool). Optional: a bare clone has none of it.
 */
export const SHARED = path.resolve(process.cwd(), '..', 'shared');
export const SHARED_PHOTOS = path.join(SHARED, 'fixtures', 'images');
export const MODEL_INT8 = path.join(SHARED, 'models', 'yolov8n-int8.onnx');

/** Whether `../shared` holds `relative`; tests that need it skip (with `reason`) when it does not. */
export function sharedHas(relative: string): boolean {
  return existsSync(path.join(SHARED, relative));
}

/** Frame `index` (0-based, in decode order) of `video` as RGB, decoded by ffmpeg. */
export async function videoFrame(video: string, index: number): Promise<RgbImage> {
  const { stdout: probe } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', video]);
  // The first line: an MPEG-TS lists its stream again under its program.
  const [width, height] = probe.trim().split('\n')[0]!.split(',').map(Number) as [number, number];
  const { stdout } = await run(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-i',
      video,
      '-vf',
      `select=eq(n\\,${index})`,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  if (stdout.length !== width * height * 3) throw new Error(`frame ${index} of ${video}: got ${stdout.length} bytes`);
  return { rgb: stdout, width, height };
}

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
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    input,
    '-frames:v',
    String(frames),
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '10',
    '-movflags',
    '+faststart',
    plain,
  ]);
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

/**
 * A copy of `source` with the packet of frame `frame` (decode order = presentation order: no
 * B-frames) damaged inside the file: its first NAL unit's length prefix overwritten, so the decoder
 * cannot read the frame and the frames predicted from it decode with errors, as a recorder that lost
 * data leaves them.
 */
export async function makeDamaged(source: string, file: string, frame: number): Promise<string> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pos', '-of', 'csv=p=0', source]);
  const pos = Number(stdout.trim().split('\n')[frame]);
  if (!Number.isInteger(pos) || pos <= 0) throw new Error(`${source}: no packet ${frame} to damage`);
  const bytes = await readFile(source);
  bytes.writeUInt32BE(0x7fffffff, pos);
  await writeFile(file, bytes);
  return file;
}

/**
 * A copy of an x264 `source` whose encoder-settings SEI message (in the first packet) declares more
 * bytes than it holds: ffmpeg reports "SEI type 5 … truncated" at error level, and every picture still
 * decodes whole, as with cameras that write a malformed SEI.
 */
export async function makeBadSei(source: string, file: string): Promise<string> {
  const bytes = await readFile(source);
  const text = bytes.indexOf('x264 - core');
  if (text < 17) throw new Error(`${source}: no x264 SEI message found`);
  // The byte before the 16-byte UUID is the last byte of the payload size.
  bytes[text - 17] = 0xfe;
  await writeFile(file, bytes);
  return file;
}

/** `count` cuts of `seconds` each from the demo clip (people walking, so there are detections), 6 s apart, re-encoded as cam0.mp4… */
export async function makeDemoCuts(folder: string, count = 3, seconds = 3): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const file = path.join(folder, `cam${i}.mp4`);
      await ffmpeg(['-ss', String(i * 6), '-t', String(seconds), '-i', DEMO_VIDEO, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '10', file]);
      return file;
    }),
  );
}
