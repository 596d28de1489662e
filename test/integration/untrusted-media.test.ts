/**
 * ffmpeg and ffprobe read untrusted media: only the containers cameras, NVRs and phones write are
 * opened (the format allow-list), so a playlist, a list, an image or an SDP session is refused before
 * its demuxer reads it, and no request is made; behind that, only local files are opened (the protocol
 * allow-list); ffprobe has a time limit, and a decoder that stops making progress is killed; a slow
 * reader holding ffmpeg back is not a stall. Real ffmpeg, real processes, inputs made here; the
 * refusals and the containers still read go through the built CLI.
 */
import { execFile, execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { chmod, mkdir, open, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import type { VideoInfo } from '../../src/domain/video.js';
import { VideoInputError } from '../../src/errors.js';
import { locateFfmpegTools, withVersions, type FfmpegTools } from '../../src/media/tools.js';
import { PROTOCOL_WHITELIST } from '../../src/media/untrusted-input.js';
import { DecoderStderr } from '../../src/pipeline/decode/decoder-stderr.js';
import { extractFrames } from '../../src/pipeline/decode/extract.js';
import { probeVideo } from '../../src/pipeline/decode/probe.js';
import { runCliToEnd } from '../support/cli-process.js';
import { LEFT_OUT } from '../support/container-zoo.js';
import { ffmpeg, makeVideo, MODEL, tempDir } from '../support/videos.js';

const execFileAsync = promisify(execFile);
let tools: FfmpegTools;
let dir: string;
let cleanup: () => Promise<void>;
let server: http.Server;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  tools = await withVersions(locateFfmpegTools());
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
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VideoInputError);
  expect((error as Error).message).not.toContain('\n');
  return error as Error;
}

/** Drains extractFrames; returns the frames seen and the error it ended with. */
async function drain(video: VideoInfo, t: FfmpegTools, pauseMs = 0): Promise<{ frames: number; error: unknown }> {
  let frames = 0;
  try {
    for await (const frame of extractFrames({ tools: t, video, sampling: { mode: 'every-n-frames', n: 1 }, stderr: new DecoderStderr() })) {
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

describe('playlists and lists are never opened, and only local files are read', () => {
  let segments: string;

  beforeAll(async () => {
    // A real HLS playlist of local segments; its copy points the same segments at the local server.
    segments = path.join(dir, 'local.m3u8');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=160x120:rate=10',
      '-frames:v',
      '20',
      '-c:v',
      'libx264',
      '-f',
      'hls',
      '-hls_time',
      '1',
      '-hls_list_size',
      '0',
      segments,
    ]);
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
    expect(error.message).toMatch(/is not a decodable video: it is a playlist or list of other files \(hls\), not a video; pass the video files themselves$/);
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

  test('each allow-list alone refuses a crypto: segment, which ffmpeg opens without them', async () => {
    // ffmpeg's file protocol already limits what a local playlist may open to file, crypto and data;
    // the protocol allow-list narrows that to file and pipe, whatever the build or the input, and the
    // format allow-list does not open the playlist at all.
    const playlist = (await readFile(segments, 'utf8')).replace(/^(local\d+\.ts)$/gm, 'crypto:$1');
    const file = path.join(dir, 'crypto.m3u8');
    await writeFile(file, playlist);
    const ffprobe = (options: readonly string[]): Promise<string> =>
      execFileAsync(tools.ffprobe.path, ['-v', 'error', ...options, '-show_format', file], { timeout: 15000 }).then(
        () => '',
        (e: { stderr?: string }) => e.stderr ?? '',
      );
    expect(await ffprobe([])).toContain('decryption key not set'); // the crypto protocol was opened
    expect(await ffprobe(PROTOCOL_WHITELIST)).toMatch(/Protocol 'crypto' not on whitelist 'file,pipe'/);
    const error = await rejection(probeVideo(tools, file, 0));
    expect(error.message).toMatch(/is not a decodable video: it is a playlist or list of other files \(hls\), not a video/);
  });
});

describe('only the containers cameras, NVRs and phones write are opened (the format allow-list), through the CLI', () => {
  const run = (videos: string[], out: string): ReturnType<typeof runCliToEnd> =>
    runCliToEnd([
      'run',
      ...videos.flatMap((video) => ['--video', video]),
      '--out',
      out,
      '--model',
      MODEL,
      '--sample-fps',
      '1',
      '--decode',
      'all',
      '--inference-workers',
      '1',
    ]);
  const lavfi = ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10', '-frames:v', '20'];

  test('mp4, mov, mkv, webm, avi, ts, flv, mpg, wmv and ivf made here all run, in one run', async () => {
    // [file, encoder options, the demuxer ffprobe names]
    const containers: [string, string[], string][] = [
      ['mp4.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], 'mov,mp4,m4a,3gp,3g2,mj2'],
      ['mov.mov', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], 'mov,mp4,m4a,3gp,3g2,mj2'],
      ['mkv.mkv', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], 'matroska,webm'],
      ['webm.webm', ['-c:v', 'libvpx'], 'matroska,webm'],
      ['avi.avi', ['-c:v', 'mpeg4'], 'avi'],
      ['ts.ts', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], 'mpegts'],
      ['flv.flv', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], 'flv'],
      ['mpg.mpg', ['-c:v', 'mpeg2video'], 'mpeg'],
      ['wmv.wmv', ['-c:v', 'wmv2'], 'asf'],
      ['ivf.ivf', ['-c:v', 'libvpx', '-f', 'ivf'], 'ivf'],
    ];
    const files = containers.map(([name]) => path.join(dir, 'containers', name));
    await mkdir(path.join(dir, 'containers'));
    for (const [index, [, options]] of containers.entries()) await ffmpeg([...lavfi, ...options, files[index]!]);
    const out = path.join(dir, 'containers-out');
    const exit = await run(files, out);
    expect(exit.stderr).not.toMatch(/dataset-gen: /);
    expect(exit.code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
      videos: { container: string; framesDecoded: number; decodeErrors: number }[];
    };
    expect(manifest.videos.map((video) => [video.container, video.framesDecoded, video.decodeErrors])).toEqual(
      containers.map(([, , demuxer]) => [demuxer, 20, 0]),
    );
  }, 120_000);

  test.each(LEFT_OUT)(
    '%s named .mp4 is refused when opened: exit 3, one line naming the file and what to do',
    async (_label, name, make, message) => {
      const file = path.join(dir, name);
      await make(file);
      const exit = await run([file], path.join(dir, `${name}-out`));
      expect(exit.code).toBe(3);
      const last = exit.stderr.trimEnd().split('\n').at(-1) ?? '';
      const prefix = `dataset-gen: Video ${file} is not a decodable video: `;
      expect(last.slice(0, prefix.length)).toBe(prefix);
      expect(last.slice(prefix.length)).toMatch(message);
      expect(exit.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
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
    expect(error.message).toBe(
      `Video ${video}: ffprobe gave no answer within 1 s and was stopped; check the file is complete and local, or raise --stall-timeout`,
    );
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
