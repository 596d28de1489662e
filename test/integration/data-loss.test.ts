/**
 * No silent wipe-out: sharp but low-contrast footage keeps its frames with the default (relative)
 * blur check, where an absolute floor tuned on busy footage drops them all (docs/thresholds.md: the
 * old default 50 dropped every frame of the sample seen through fog); a run that loses most of its
 * frames to one reason, or keeps none, says so in the log, in metrics.json and in both reports.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { createLogger } from '../../src/observe/log.js';
import { resolveOptions, type RawOptions } from '../../src/options/resolve-options.js';
import { runPipeline, type RunResult } from '../../src/pipeline/run-pipeline.js';
import { ffmpeg, makeBadSei, makeDamaged, MODEL, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let fog: string;
let black: string;
let damaged: string;
let badSei: string;

async function runWith(video: string, out: string, extra: RawOptions = {}): Promise<{ result: RunResult; log: string }> {
  let log = '';
  const logger = createLogger({ format: 'json', stream: { write: (line: string) => ((log += line), true) } });
  const options = resolveOptions({ video: [video], model: MODEL, out: path.join(dir, out), 'dedup-threshold': '-1', ...extra });
  return { result: await runPipeline(options, { logger }), log };
}

function warnings(log: string): string[] {
  return log
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { level: string; msg: string })
    .filter((line) => line.level === 'warn')
    .map((line) => line.msg);
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  fog = path.join(dir, 'fog.mp4');
  black = path.join(dir, 'night.mp4');
  // A moving scene through fog: contrast cut to 30 %, lifted: sharp, but it scores low.
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=640x480:rate=5',
    '-vf',
    'eq=contrast=0.3:brightness=0.25',
    '-frames:v',
    '40',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    fog,
  ]);
  await ffmpeg(['-f', 'lavfi', '-i', 'color=c=black:size=320x240:rate=5', '-frames:v', '20', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', black]);
  // 6 s at 10 fps, a keyframe every 2 s (frames 0, 20, 40), no B-frames; frame 25 lost inside the file.
  const whole = path.join(dir, 'whole.mp4');
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x240:rate=10',
    '-frames:v',
    '60',
    '-c:v',
    'libx264',
    '-g',
    '20',
    '-bf',
    '0',
    '-pix_fmt',
    'yuv420p',
    whole,
  ]);
  damaged = await makeDamaged(whole, path.join(dir, 'damaged.mp4'), 25);
  badSei = await makeBadSei(whole, path.join(dir, 'bad-sei.mp4'));
}, 60_000);
afterAll(() => cleanup());

describe('footage unlike the sample', () => {
  test('foggy but sharp footage keeps every frame with the default blur check', async () => {
    const { result, log } = await runWith(fog, 'fog-default');
    expect(result.metrics.frames.sampled).toBe(8);
    expect(result.metrics.images).toBe(8);
    expect(result.metrics.dataLoss).toEqual([]);
    expect(warnings(log)).toEqual([]);
    expect(await readFile(result.files.report, 'utf8')).not.toContain('Data was lost');
  }, 120_000);

  test('an absolute floor tuned on busy footage drops it all, and the run says so everywhere', async () => {
    // The scene scores about 100 through the fog; a floor of 150 suits a busy street (the sample scores 450).
    const { result, log } = await runWith(fog, 'fog-floor', { 'blur-threshold': '150' });
    expect(result.metrics.images).toBe(0);
    expect(result.metrics.dataLoss).toEqual([
      { kind: 'reason', video: 'fog', reason: 'blurred', dropped: 8, of: 8 },
      { kind: 'no-images', sampled: 8, labelled: 0 },
    ]);
    const lines = warnings(log);
    expect(lines).toContain('"blurred" dropped 8 of 8 frames (100 %) of video fog; if the frames are fine, adjust --blur-ratio or --blur-threshold');
    expect(lines).toContain('The dataset has no images: all 8 sampled frames were dropped; see the drops by reason');
    const markdown = await readFile(result.files.report, 'utf8');
    expect(markdown).toMatch(/> \[!WARNING\]\n> \*\*Data was lost:\*\*\n> - "blurred" dropped 8 of 8 frames/);
    const html = await readFile(result.files.reportHtml, 'utf8');
    expect(html).toContain('<strong>Data was lost</strong>');
    expect(html).toContain('adjust --blur-ratio or --blur-threshold');
    const metricsJson = JSON.parse(await readFile(result.files.metrics, 'utf8')) as { dataLoss: unknown[] };
    expect(metricsJson.dataLoss).toHaveLength(2);
  }, 120_000);

  test('a damaged stretch: its frames dropped up to the next keyframe, the indices after a lost frame unshifted, and the run says so', async () => {
    const { result, log } = await runWith(damaged, 'damaged', { 'sample-fps': '2' });
    const rows = (await readFile(result.files.metricsCsv, 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    // video,frame_index,timestamp_ms,outcome,reason,...: the slot at 2.5 s takes frame 26, as frame 25 never decodes.
    expect(rows.map(([, index, ms]) => [Number(index), Number(ms)])).toEqual([0, 5, 10, 15, 20, 26, 30, 35, 40, 45, 50, 55].map((i) => [i, i * 100]));
    const dropped = rows.filter((row) => row[3] === 'dropped').map((row) => [Number(row[1]), row[4]]);
    expect(dropped).toEqual([
      [26, 'corrupt'],
      [30, 'corrupt'],
      [35, 'corrupt'],
    ]);
    const video = result.metrics.videos[0]!;
    expect(video.decodeErrors).toBeGreaterThan(0);
    expect(result.metrics.dataLoss).toEqual([{ kind: 'damaged', video: 'damaged', decodeErrors: video.decodeErrors, dropped: 3, sampled: 12 }]);
    expect(warnings(log)).toEqual([
      `Video damaged holds damaged data: ffmpeg reported ${video.decodeErrors} decode error${video.decodeErrors === 1 ? '' : 's'}; 3 of its 12 sampled frames came from the damaged stretches (up to the next keyframe) and were dropped as corrupt; if the file should be intact, re-copy or re-export it`,
    ]);
    expect(await readFile(result.files.report, 'utf8')).toMatch(/> \*\*Data was lost:\*\*\n> - Video damaged holds damaged data/);
  }, 120_000);

  test('a malformed SEI message (metadata, as some cameras write) loses no frame and raises no warning', async () => {
    const { result, log } = await runWith(badSei, 'bad-sei', { 'sample-fps': '2' });
    expect(result.metrics.videos[0]!.decodeErrors).toBe(0);
    expect(result.metrics.images).toBe(12);
    expect(result.metrics.dataLoss).toEqual([]);
    expect(warnings(log)).toEqual([]);
  }, 120_000);

  test('a black video: the black frames and the empty dataset are both named, with the option to adjust', async () => {
    const { result, log } = await runWith(black, 'night', { 'sample-fps': '2' });
    expect(result.metrics.dataLoss.map((w) => (w.kind === 'reason' ? w.reason : w.kind))).toEqual(['black', 'no-images']);
    expect(warnings(log).some((line) => line.includes('adjust --black-luma'))).toBe(true);
  }, 120_000);
});
