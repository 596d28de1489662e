import { execFile } from 'node:child_process';
import { chmod, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from '@jest/globals';

import { ToolError } from '../../src/errors.js';
import { cudaDecodeWorks, startDecode } from '../../src/media/ffmpeg.js';
import { probeFile, probeFileWithPackets, scanPackets } from '../../src/media/ffprobe.js';
import { locateFfmpegTools, withVersions, type FfmpegTools } from '../../src/media/tools.js';
import { INPUT_FORMATS } from '../../src/media/untrusted-input.js';
import { envScope } from '../support/env.js';
import { tempDir } from '../support/videos.js';

const env = envScope();
afterEach(() => env.restore());

describe('resolveFfmpegTools', () => {
  test('PATH first, with versions', async () => {
    const tools = await withVersions(locateFfmpegTools());
    expect(tools.source).toBe('path');
    expect(tools.ffmpeg.version).toMatch(/^ffmpeg version /);
    expect(tools.ffprobe.version).toMatch(/^ffprobe version /);
  });

  test('without ffmpeg on PATH, the binaries from the npm packages', async () => {
    env.set('PATH', '/nonexistent');
    const tools = await withVersions(locateFfmpegTools());
    expect(tools.source).toBe('npm');
    expect(tools.ffmpeg.path).toContain(`${path.sep}node_modules${path.sep}`);
    expect(tools.ffmpeg.version).toMatch(/^ffmpeg version /);
    expect(tools.ffprobe.version).toMatch(/^ffprobe version /);
  });

  test('--ffmpeg-path as a folder or as the ffmpeg binary', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const system = await withVersions(locateFfmpegTools());
      await symlink(system.ffmpeg.path, path.join(dir, 'ffmpeg'));
      await symlink(system.ffprobe.path, path.join(dir, 'ffprobe'));
      expect((await withVersions(locateFfmpegTools(dir))).ffmpeg.path).toBe(path.join(dir, 'ffmpeg'));
      const byFile = await withVersions(locateFfmpegTools(path.join(dir, 'ffmpeg')));
      expect(byFile.source).toBe('option');
      expect(byFile.ffprobe.path).toBe(path.join(dir, 'ffprobe'));
    } finally {
      await cleanup();
    }
  });

  test('a wrong --ffmpeg-path is a ToolError that says what was found', async () => {
    expect(() => locateFfmpegTools('/nonexistent/ffmpeg')).toThrow(ToolError);
    expect(() => locateFfmpegTools('/nonexistent/ffmpeg')).toThrow(/--ffmpeg-path \/nonexistent\/ffmpeg does not exist/);
    expect(() => locateFfmpegTools('/tmp')).toThrow(/expected executable ffmpeg and ffprobe in \/tmp; found neither/);
  });
});

describe('withVersions', () => {
  test("takes ffprobe's version from the probe when it gives one, without running ffprobe", async () => {
    const paths = { ...locateFfmpegTools(), ffprobe: '/nonexistent/ffprobe' };
    const tools = await withVersions(paths, Promise.resolve('ffprobe version from-the-probe'));
    expect(tools.ffprobe.version).toBe('ffprobe version from-the-probe');
    expect(tools.ffmpeg.version).toMatch(/^ffmpeg version /);
  });

  test("reads ffprobe's version itself when the probe failed or did not say", async () => {
    const paths = locateFfmpegTools();
    for (const given of [Promise.reject(new Error('probe failed')), Promise.resolve(null), undefined]) {
      expect((await withVersions(paths, given)).ffprobe.version).toMatch(/^ffprobe version /);
    }
  });

  test('an ffmpeg that does not run is a ToolError, whatever the probe says', async () => {
    const paths = { ...locateFfmpegTools(), ffmpeg: '/nonexistent/ffmpeg' };
    await expect(withVersions(paths, Promise.resolve('ffprobe version x'))).rejects.toThrow(ToolError);
  });
});

describe('every call that opens a video carries the allow-lists before its input', () => {
  /** A stand-in ffmpeg/ffprobe that records its arguments (one per line) and prints "{}". */
  async function recordingTools(dir: string): Promise<{ tools: FfmpegTools; lastArgs: () => Promise<string[]> }> {
    const fake = path.join(dir, 'recording-tool');
    await writeFile(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > '${dir}/last-args'\necho '{}'\n`);
    await chmod(fake, 0o755);
    const tools: FfmpegTools = { ffmpeg: { path: fake, version: 'fake' }, ffprobe: { path: fake, version: 'fake' }, source: 'option' };
    return { tools, lastArgs: async () => (await readFile(path.join(dir, 'last-args'), 'utf8')).split('\n').slice(0, -1) };
  }

  test('ffprobe (all four calls) and ffmpeg (the decoder and the CUDA check)', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const { tools, lastArgs } = await recordingTools(dir);
      const video = path.join(dir, 'site.mp4');
      const calls: [string, () => Promise<unknown>, (args: string[]) => number][] = [
        ['probeFile', () => probeFile(tools, video), (args) => args.lastIndexOf(video)],
        ['scanPackets (the first seconds)', () => scanPackets(tools, video, 10), (args) => args.lastIndexOf(video)],
        ['scanPackets', () => scanPackets(tools, video), (args) => args.lastIndexOf(video)],
        ['probeFileWithPackets', () => probeFileWithPackets(tools, video), (args) => args.lastIndexOf(video)],
        [
          'startDecode',
          async () => {
            const decode = startDecode(tools, { input: video, filter: 'null', onStderrLine: () => undefined, seekSeconds: 5, keyframesOnly: true });
            decode.frames.resume();
            await decode.done;
          },
          (args) => args.indexOf('-i'),
        ],
        ['cudaDecodeWorks', () => cudaDecodeWorks(tools, video), (args) => args.indexOf('-i')],
      ];
      for (const [name, call, inputAt] of calls) {
        await call();
        const args = await lastArgs();
        const at = inputAt(args);
        expect([name, args[at + (args[at] === '-i' ? 1 : 0)]]).toEqual([name, video]);
        const formats = args.indexOf('-format_whitelist');
        const protocols = args.indexOf('-protocol_whitelist');
        expect([name, args[formats + 1], args[protocols + 1]]).toEqual([name, INPUT_FORMATS.join(','), 'file,pipe']);
        expect([name, formats >= 0 && formats < at, protocols >= 0 && protocols < at]).toEqual([name, true, true]);
      }
    } finally {
      await cleanup();
    }
  });
});

describe('the format allow-list', () => {
  /** This ffmpeg's demuxers, each as its list of names (`mov,mp4,m4a,3gp,3g2,mj2`). */
  async function demuxers(): Promise<string[][]> {
    const { stdout } = await promisify(execFile)('ffmpeg', ['-hide_banner', '-demuxers']);
    return stdout.split('\n').flatMap((line) => {
      const match = /^ D.? +(\S+) /.exec(line);
      return match ? [match[1]!.split(',')] : [];
    });
  }

  test("names only demuxers this ffmpeg has, by one of their names (libavformat's av_match_list)", async () => {
    const names = (await demuxers()).flat();
    expect(INPUT_FORMATS.filter((format) => !names.includes(format))).toEqual([]);
  });

  test('admits the containers cameras write and none of the images, playlists, lists, network sessions or audio', async () => {
    const admitted = (await demuxers()).filter((names) => names.some((name) => (INPUT_FORMATS as readonly string[]).includes(name))).map((names) => names[0]);
    expect(admitted).toEqual(expect.arrayContaining(['mov', 'matroska', 'avi', 'mpegts', 'mpeg', 'flv', 'asf', 'ivf', 'dhav']));
    // Raw elementary streams have no duration to sample by: refused with the advice to wrap them in MP4.
    for (const refused of [
      'h264',
      'hevc',
      'm4v',
      'mpegvideo',
      'mjpeg',
      'image2',
      'image2pipe',
      'png_pipe',
      'jpeg_pipe',
      'gif',
      'apng',
      'webp_pipe',
      'hls',
      'dash',
      'concat',
      'imf',
      'sdp',
      'rtp',
      'rtsp',
      'wav',
      'mp3',
      'rawvideo',
      'lavfi',
    ]) {
      expect([refused, admitted.includes(refused)]).toEqual([refused, false]);
    }
  });
});
