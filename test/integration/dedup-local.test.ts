/**
 * Dedup through the whole pipeline (real ffmpeg, real model) on a still camera: a frame of the demo
 * clip held for 6 s with temporal noise, a small dark figure appearing in its top-left corner at 4 s.
 * At 1 frame/s the noisy still frames are duplicates; the frame with the figure is kept by the local
 * check, though its pHash is within the threshold (the pHash alone drops it).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { DEFAULT_DEDUP_LOCAL_THRESHOLD, DEFAULT_DEDUP_THRESHOLD } from '../../src/domain/thresholds.js';
import { frameRowsFromCsv } from '../../src/observe/csv.js';
import { resolveOptions, type RawOptions } from '../../src/options/resolve-options.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { DEMO_VIDEO, ffmpeg, MODEL, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let video: string;

async function outcomes(out: string, extra: RawOptions = {}): Promise<ReturnType<typeof frameRowsFromCsv>> {
  const result = await runPipeline(resolveOptions({ video: [video], model: MODEL, out: path.join(dir, out), 'sample-fps': '1', ...extra }));
  return frameRowsFromCsv(await readFile(result.files.metricsCsv, 'utf8'));
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  video = path.join(dir, 'still.mp4');
  const figure = "drawbox=x=24:y=30:w=12:h=30:color=0x202020:t=fill:enable='gte(t,4)'";
  await ffmpeg([
    ...['-i', DEMO_VIDEO, '-vf', `trim=end_frame=1,tpad=stop_mode=clone:stop_duration=6,noise=alls=4:allf=t,${figure}`],
    ...['-r', '10', '-frames:v', '60', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '10', video],
  ]);
}, 60_000);

afterAll(async () => {
  await cleanup();
});

describe('dedup on a still camera', () => {
  test('drops the noisy still frames, keeps the frame where a small figure appeared; records the local change', async () => {
    const rows = await outcomes('default');
    expect(rows.map((r) => [r.timestampMs, r.outcome === 'kept' ? 'kept' : r.reason])).toEqual([
      [0, 'kept'],
      [1000, 'duplicate'],
      [2000, 'duplicate'],
      [3000, 'duplicate'],
      [4000, 'kept'],
      [5000, 'duplicate'],
    ]);
    expect(rows[0]).toMatchObject({ phashDistance: null, localChange: null });
    for (const row of rows.slice(1)) expect(row.localChange).not.toBeNull();
    const appeared = rows[4]!;
    expect(appeared.phashDistance!).toBeLessThanOrEqual(DEFAULT_DEDUP_THRESHOLD);
    expect(appeared.localChange!).toBeGreaterThan(DEFAULT_DEDUP_LOCAL_THRESHOLD);
    for (const row of [rows[1]!, rows[2]!, rows[3]!, rows[5]!]) expect(row.localChange!).toBeLessThanOrEqual(DEFAULT_DEDUP_LOCAL_THRESHOLD);
  }, 120_000);

  test('with --dedup-local-threshold 255 the pHash alone decides and drops that frame too', async () => {
    const rows = await outcomes('phash-only', { 'dedup-local-threshold': '255' });
    expect(rows.filter((r) => r.outcome === 'kept').map((r) => r.timestampMs)).toEqual([0]);
  }, 120_000);
});
