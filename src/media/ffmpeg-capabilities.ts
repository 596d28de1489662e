/**
 * What this ffmpeg can do besides decoding on the CPU, for `dataset-gen doctor`: its hardware
 * acceleration methods (`ffmpeg -hwaccels`), and a one-second test clip to try NVDEC on
 * (`cudaDecodeWorks`, ffmpeg.ts), made from ffmpeg's own test pattern so no video of the user's is needed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import type { FfmpegTools } from './tools.js';

const run = promisify(execFile);

/** The hardware acceleration methods ffmpeg lists (`cuda`, `vaapi`, …); empty when it lists none. */
export async function hardwareAccelerations(tools: Pick<FfmpegTools, 'ffmpeg'>): Promise<string[]> {
  const { stdout } = await run(tools.ffmpeg.path, ['-hide_banner', '-hwaccels'], { timeout: 10_000 });
  return stdout
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Writes a one-second 320x240 H.264 clip of ffmpeg's test pattern to `file` (MPEG-4 Part 2 when this
 * ffmpeg has no H.264 encoder); returns the codec written, or why none could be.
 */
export async function writeTestClip(tools: Pick<FfmpegTools, 'ffmpeg'>, file: string): Promise<{ codec: string } | { problem: string }> {
  let problem = '';
  for (const codec of ['libx264', 'mpeg4']) {
    try {
      await run(
        tools.ffmpeg.path,
        [
          '-nostdin',
          '-hide_banner',
          '-loglevel',
          'error',
          '-y',
          '-f',
          'lavfi',
          '-i',
          'testsrc2=size=320x240:rate=25:duration=1',
          '-c:v',
          codec,
          '-pix_fmt',
          'yuv420p',
          file,
        ],
        { timeout: 30_000 },
      );
      return { codec: codec === 'libx264' ? 'h264' : codec };
    } catch (error) {
      problem = String((error as { stderr?: unknown }).stderr ?? (error as Error).message)
        .trim()
        .split('\n', 1)[0]!;
    }
  }
  return { problem: `ffmpeg cannot make a test clip (${problem})` };
}
