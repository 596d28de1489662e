/**
 * ffmpeg and ffprobe read untrusted media: a playlist or list that refers to a network resource is
 * refused without any request (the protocol whitelist), playlists of local files are refused as not
 * being videos, ffprobe has a time limit, and a decoder that stops making progress is killed; a slow
 * reader holding ffmpeg back is not a stall. Real ffmpeg, real processes, inputs made here.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmod, open, readFile, writeFile } from 'node:fs/promises';
import { constants, openSync, closeSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { VideoInfo } from '../../src/domain/video.js';
import { VideoInputError } from '../../src/errors.js';
import { resolveFfmpegTools, type FfmpegTools } from '../../src/media/tools.js';
import { DecodeLog, extractFrames } from '../../src/pipeline/extract.js';
import { probeVideo } from '../../src/pipeline/probe.js';
import { ffmpeg, makeVideo, tempDir } from '../support/videos.js';

const execFileAsync = promisify(execFile);
let tools: FfmpegTools;
let dir: string;
let cleanup: () => Promise<void>;
let server: http.Server;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  tools = await resolveFfmpegTools();
  ({ dir, cleanup } = await tempDir('dataset-gen-untrusted-'));
  // Anything ffmpeg fetched over the network would land here.
  server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await cleanup();
});

/** Tools with a stall timeout of `seconds`, named as the CLI names it. */
function withStall(seconds: number, base: FfmpegTools = tools): FfmpegTools {
  return { ...base, stallTimeout: { seconds, name: '--stall-timeout' } };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(VideoInputError);
  expect((error as Error).message).not.toContain('\n');
  return error as Error;
}

/** Drains extractFrames; returns the frames seen and the error it ended with. */
async function drain(video: VideoInfo, t: FfmpegTools, pauseMs = 0): Promise<{ frames: number; error: unknown }> {
  let frames = 0;
  try {
    for await (const frame of extractFrames(t, video, { mode: 'every-n-frames', n: 1 }, new DecodeLog())) {
      expect(frame.rgb.length).toBe(video.width * video.height * 3);
      frames += 1;
      if (pauseMs > 0) await sleep(pauseMs);
    }
    return { frames, error: null };
  } catch (error) {
    return { frames, error };
  }
}

/** Whether a process reads the FIFO: opening it for writing without blocking fails with ENXIO otherwise. */
function fifoHasReader(fifo: string): boolean {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') return false;
    throw error;
  }
}

describe('only local files are read', () => {
  let segments: string;

  beforeAll(async () => {
    // A real HLS playlist of local segments; its copy points the same segments at the local server.
    segments = path.join(dir, 'local.m3u8');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10', '-frames:v', '20', '-c:v', 'libx264', '-f', 'hls', '-hls_time', '1', '-hls_list_size', '0', segments]);
    const playlist = await readFile(segments, 'utf8');
    await writeFile(path.join(dir, 'remote.m3u8'), playlist.replace(/^local(\d+\.ts)$/gm, `${origin}/seg$1`));
    await writeFile(path.join(dir, 'remote.mp4'), playlist.replace(/^local(\d+\.ts)$/gm, `${origin}/named-mp4-seg$1`));
    await makeVideo(path.join(dir, 'plain.mp4'));
    await writeFile(path.join(dir, 'list.ffconcat'), 'ffconcat version 1.0\nfile plain.mp4\n');
    requests.length = 0;
  });

  test.each([
    ['an HLS playlist with http:// segments', 'remote.m3u8'],
    ['the same playlist named .mp4', 'remote.mp4'],
  ])('%s: probe refuses it as a VideoInputError, no request is made', async (_label, name) => {
    const error = await rejection(probeVideo(tools, path.join(dir, name), 0));
    expect(error.message).toMatch(/is not a decodable video: it refers to a "http" resource, and only local files are read/);
    expect(requests).toEqual([]);
  });

  test('the decoder refuses it too (given the playlist directly, past the probe): no request', async () => {
    const info = await probeVideo(tools, path.join(dir, 'plain.mp4'), 0);
    const { frames, error } = await drain({ ...info, path: path.join(dir, 'remote.m3u8') }, tools);
    expect(frames).toBe(0);
    expect(error).toBeInstanceOf(VideoInputError);
    expect(requests).toEqual([]);
  });

  test.each([
    ['an HLS playlist of local segments', 'local.m3u8', /is a playlist or list of other files \(hls\), not a video/],
    ['an ffconcat list of a local video', 'list.ffconcat', /is a playlist or list of other files \(concat\), not a video/],
  ])('%s is refused as a list, not a video', async (_label, name, message) => {
    const error = await rejection(probeVideo(tools, path.join(dir, name), 0));
    expect(error.message).toMatch(message);
  });

  test('the whitelist is what refuses another protocol: a crypto: segment is opened without it, refused with it', async () => {
    // ffmpeg's file protocol already limits what a local playlist may open to file, crypto and data;
    // the whitelist narrows that to file and pipe, whatever the build or the input.
    const playlist = (await readFile(segments, 'utf8')).replace(/^(local\d+\.ts)$/gm, 'crypto:$1');
    const file = path.join(dir, 'crypto.m3u8');
    await writeFile(file, playlist);
    const bare = await execFileAsync(tools.ffprobe.path, ['-v', 'error', '-show_format', file], { timeout: 15000 }).then(() => '', (e: { stderr?: string }) => e.stderr ?? '');
    expect(bare).toContain('decryption key not set'); // the crypto protocol was opened
    const error = await rejection(probeVideo(tools, file, 0));
    expect(error.message).toMatch(/it refers to a "crypto" resource, and only local files are read/);
  });
});

describe('time limits', () => {
  test('ffprobe that gives no answer is killed after the stall timeout: VideoInputError naming the option', async () => {
    // A stand-in ffprobe that hangs (as on a network file system that stopped answering).
    const fake = path.join(dir, 'hanging-ffprobe');
    const pidFile = path.join(dir, 'hanging-ffprobe.pid');
    await writeFile(fake, `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 60\n`);
    await chmod(fake, 0o755);
    const video = await makeVideo(path.join(dir, 'probe-me.mp4'));
    const started = Date.now();
    const error = await rejection(probeVideo(withStall(1, { ...tools, ffprobe: { path: fake, version: 'hanging' } }), video, 0));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.message).toBe(`Video ${video}: ffprobe gave no answer within 1 s and was stopped; check the file is complete and local, or raise --stall-timeout`);
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });

  test('a decoder reading a FIFO nobody writes is killed after the stall timeout', async () => {
    const fifo = path.join(dir, 'silent.fifo');
    execFileSync('mkfifo', [fifo]);
    const info = await probeVideo(tools, await makeVideo(path.join(dir, 'shape.mp4')), 0);
    const started = Date.now();
    const { frames, error } = await drain({ ...info, path: fifo }, withStall(1));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(frames).toBe(0);
    expect(error).toBeInstanceOf(VideoInputError);
    expect((error as Error).message).toBe(
      `Video ${fifo}: ffmpeg made no progress for 1 s (a stalled read or decoder) and was stopped; check the file is complete and local, or raise --stall-timeout`,
    );
    expect(fifoHasReader(fifo)).toBe(false); // ffmpeg is gone
  });

  test('a decoder whose input stops arriving mid-stream yields the frames so far, then is killed', async () => {
    const ts = path.join(dir, 'stream.ts');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10', '-frames:v', '300', '-c:v', 'libx264', '-g', '10', '-f', 'mpegts', ts]);
    const info = await probeVideo(tools, ts, 0);
    const fifo = path.join(dir, 'stream.fifo');
    execFileSync('mkfifo', [fifo]);
    const bytes = await readFile(ts);
    const decoding = drain({ ...info, path: fifo }, withStall(2));
    // The writer sends the first half (15 s: more than ffmpeg's 5 s of stream analysis) and then
    // holds the FIFO open, sending nothing more. Opened read-write, which never blocks (a write-only
    // open would wait for ffmpeg's, forever if ffmpeg were already gone).
    const writer = await open(fifo, 'r+');
    await writer.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { frames, error } = await decoding;
    await writer.close();
    expect(frames).toBeGreaterThan(5);
    expect(frames).toBeLessThan(300);
    expect((error as Error).message).toMatch(/ffmpeg made no progress for 2 s .* raise --stall-timeout$/);
  });

  test('a reader that holds ffmpeg back for longer than the stall timeout is not a stall', async () => {
    const info = await probeVideo(tools, await makeVideo(path.join(dir, 'slow-reader.mp4'), { width: 640, height: 480, fps: 10, frames: 4 }), 0);
    const { frames, error } = await drain(info, withStall(1), 1300);
    expect(error).toBeNull();
    expect(frames).toBe(4);
  });
});
