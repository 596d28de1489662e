/**
 * One ffprobe call probes the first video and lists its packets (probeVideoWithPackets): it must
 * give what the two separate calls give (probeVideo, scanPackets), ffprobe's version as `-version`
 * prints it, and the same refusals. Real ffprobe, inputs made here.
 */
import { execFile } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { ToolError, VideoInputError } from '../../src/errors.js';
import { scanPackets } from '../../src/media/ffprobe.js';
import { parsePacketCsv, parsePacketLine, type PacketScan } from '../../src/media/packet-scan.js';
import { locateFfmpegTools, withVersions, type FfmpegTools } from '../../src/media/tools.js';
import { probeVideo, probeVideoWithPackets } from '../../src/pipeline/decode/probe.js';
import { ffmpeg, makeAudioOnly, makeTextFile, makeVideo, tempDir } from '../support/videos.js';

const run = promisify(execFile);
let tools: FfmpegTools;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  tools = await withVersions(locateFfmpegTools());
  ({ dir, cleanup } = await tempDir('dataset-gen-probe-packets-'));
});
afterAll(() => cleanup());

/** The used part of a scan, as plain arrays (typed arrays grow past the count). */
function used(scan: PacketScan): Omit<PacketScan, 'pts' | 'ptsTime' | 'flags'> & { pts: number[]; ptsTime: number[]; flags: number[] } {
  return {
    ...scan,
    pts: [...scan.pts.subarray(0, scan.count)],
    ptsTime: [...scan.ptsTime.subarray(0, scan.count)],
    flags: [...scan.flags.subarray(0, scan.count)],
  };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).not.toContain('\n');
  return error as Error;
}

describe('probeVideoWithPackets', () => {
  test.each([
    [
      'an mp4 with B-frames, keyframe every 12 frames',
      'gop.mp4',
      ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25', '-frames:v', '100', '-c:v', 'libx264', '-g', '12', '-bf', '2', '-pix_fmt', 'yuv420p'],
    ],
    [
      'a video with an audio stream before it',
      'audio-first.mkv',
      [
        '-f',
        'lavfi',
        '-i',
        'sine',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=160x120:rate=10',
        '-map',
        '0:a',
        '-map',
        '1:v',
        '-t',
        '3',
        '-c:v',
        'libx264',
        '-g',
        '5',
        '-c:a',
        'aac',
      ],
    ],
    ['an MPEG-TS stream', 'stream.ts', ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10', '-frames:v', '60', '-c:v', 'libx264', '-g', '10']],
    [
      'an AVI (decode timestamps only)',
      'decode-times.avi',
      ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10', '-frames:v', '30', '-c:v', 'libx264', '-bf', '0'],
    ],
    // The cover picture is a video stream too: the probe must take the real video, not the picture.
    ['an mp4 with a cover picture attached first', 'cover.mp4', null],
  ])('%s: the same info and packets as probeVideo and scanPackets', async (_name, fileName, args) => {
    const file = path.join(dir, fileName);
    if (args === null) {
      const cover = path.join(dir, 'cover.png');
      await ffmpeg(['-f', 'lavfi', '-i', 'color=red:size=64x64', '-frames:v', '1', cover]);
      const plain = await makeVideo(path.join(dir, 'plain-for-cover.mp4'), { frames: 20 });
      await ffmpeg(['-i', cover, '-i', plain, '-map', '0', '-map', '1', '-c', 'copy', '-disposition:v:0', 'attached_pic', file]);
    } else {
      await ffmpeg([...args, file]);
    }
    const together = await probeVideoWithPackets(tools, file, 3);
    expect(together.info).toEqual(await probeVideo(tools, file, 3));
    expect(together.info.codec).toBe('h264');
    const separate = await scanPackets(tools, file);
    expect(together.packets.count).toBeGreaterThan(0);
    expect(used(together.packets)).toEqual(used(separate));
    expect(together.ffprobeVersion).toBe(tools.ffprobe.version);
  });

  test("the cover picture case lists the video stream's packets, not the picture's", async () => {
    const file = path.join(dir, 'cover.mp4');
    const together = await probeVideoWithPackets(tools, file, 0);
    const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'V:0', '-show_entries', 'packet=pts', '-of', 'csv=p=0', file]);
    expect(together.packets.count).toBe(stdout.trim().split('\n').length);
    expect(together.packets.count).toBe(20);
  });

  test.each([
    [
      'audio only',
      async () => makeAudioOnly(path.join(dir, 'audio.m4a')),
      /^Video .*audio\.m4a has no video stream \(found: audio\); pass a file with video in it$/,
    ],
    ['a text file named .mp4', async () => makeTextFile(path.join(dir, 'notes.mp4')), /^Video .*notes\.mp4 is not a decodable video: /],
    ['a missing file', async () => path.join(dir, 'nope.mp4'), /^Video .*nope\.mp4 does not exist; check the --video path$/],
  ])('%s is refused as probeVideo refuses it', async (_name, make, message) => {
    const file = await make();
    const error = await rejection(probeVideoWithPackets(tools, file, 0));
    expect(error).toBeInstanceOf(VideoInputError);
    expect(error.message).toMatch(message);
    expect(error.message).toBe((await rejection(probeVideo(tools, file, 0))).message);
  });

  test('an ffprobe that gives no answer is killed after the stall timeout, naming the option', async () => {
    const fake = path.join(dir, 'hanging-ffprobe');
    await writeFile(fake, '#!/bin/sh\nexec sleep 60\n');
    await chmod(fake, 0o755);
    const video = await makeVideo(path.join(dir, 'probe-me.mp4'));
    const started = Date.now();
    const error = await rejection(probeVideoWithPackets({ ffprobe: { path: fake }, stallTimeout: { seconds: 1, name: '--stall-timeout' } }, video, 0));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.message).toBe(
      `Video ${video}: ffprobe gave no answer within 1 s and was stopped; check the file is complete and local, or raise --stall-timeout`,
    );
  });

  test('an ffprobe that cannot be started is a tool error, not a bad video', async () => {
    const video = await makeVideo(path.join(dir, 'probe-me-too.mp4'));
    const error = await rejection(probeVideoWithPackets({ ffprobe: { path: path.join(dir, 'no-such-ffprobe') } }, video, 0));
    expect(error).toBeInstanceOf(ToolError);
    expect(error.message).toMatch(/^Cannot run .*no-such-ffprobe: spawn .* ENOENT$/);
  });
});

describe('parsePacketLine', () => {
  test.each([
    ['the usual line', '{ "pts": 1024, "pts_time": "0.100000", "flags": "K_" },', ['1024', '0.100000', 'K_']],
    ['the last line, without a comma', '{ "pts": -512, "pts_time": "-0.050000", "flags": "_D" }', ['-512', '-0.050000', '_D']],
    ['a packet without a timestamp (ffprobe leaves the fields out)', '{ "flags": "__" },', [undefined, undefined, '__']],
    ['fields in another order', '{ "flags": "K_", "pts_time": "2.000000", "pts": 2048 }', ['2048', '2.000000', 'K_']],
  ])('%s', (_name, line, expected) => {
    const { pts, ptsTime, flags } = parsePacketLine(line);
    expect([pts, ptsTime, flags]).toEqual(expected);
  });

  test('the decode timestamp is read too, with or without a pts', () => {
    expect(parsePacketLine('{ "pts": 2, "pts_time": "0.080000", "dts": 1, "dts_time": "0.040000", "flags": "__" },')).toEqual({
      pts: '2',
      ptsTime: '0.080000',
      dts: '1',
      dtsTime: '0.040000',
      flags: '__',
    });
    expect(parsePacketLine('{ "dts": 7, "dts_time": "0.280000", "flags": "K_" },')).toEqual({
      pts: undefined,
      ptsTime: undefined,
      dts: '7',
      dtsTime: '0.280000',
      flags: 'K_',
    });
  });
});

describe('parsePacketCsv', () => {
  test('a line of fields, or null for the blank line MPEG-TS side data leaves', () => {
    expect(parsePacketCsv('133200,1.480000,126000,1.400000,K_,')).toEqual({
      pts: '133200',
      ptsTime: '1.480000',
      dts: '126000',
      dtsTime: '1.400000',
      flags: 'K_',
    });
    expect(parsePacketCsv('N/A,N/A,3,0.120000,__')).toEqual({ pts: 'N/A', ptsTime: 'N/A', dts: '3', dtsTime: '0.120000', flags: '__' });
    expect(parsePacketCsv('')).toBeNull();
  });
});
