/**
 * A long video processed as three time ranges (as three jobs would) and merged gives the dataset one
 * run over the whole video gives: the same COCO bytes, the same images, the same frame rows. The
 * video (made here with ffmpeg's lavfi sources) is 1300 s long, so the ranges cross both dedup
 * checkpoints (600 s, 1200 s) and one range starts inside a still scene whose frames are duplicates of
 * a frame kept before the range; the last range seeks, so its frame indices come from the packet list.
 * The model is the tiny hand-built one (test/support/onnx-builder.ts), which finds boxes in any frame.
 */
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { ConfigError, UsageError } from '../../src/errors.js';
import { resolveOptions, type RawOptions } from '../../src/options/resolve-options.js';
import { mergeDatasets } from '../../src/pipeline/merge/merge.js';
import { runPipeline, type RunResult } from '../../src/pipeline/run-pipeline.js';
import type { RunManifest } from '../../src/pipeline/write/manifest.js';
import { makeModelDir, writeColourBoxDetector } from '../support/onnx-builder.js';
import { ffmpeg, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let models: Awaited<ReturnType<typeof makeModelDir>>;
let base: RawOptions;
let full: RunResult;
const RANGES: [string | undefined, string | undefined][] = [
  [undefined, '450'],
  ['00:07:30', '1000'],
  ['1000', undefined],
];
let parts: RunResult[];

async function run(out: string, extra: RawOptions = {}): Promise<RunResult> {
  return runPipeline(resolveOptions({ ...base, out: path.join(dir, out), ...extra }), {});
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  models = await makeModelDir();
  const { model, config } = await writeColourBoxDetector(models, dir);
  const video = path.join(dir, 'long.mp4');
  // Moving test pattern, a still scene (300-550 s), another pattern, a still (800-950 s), the first again.
  const sources = ['testsrc2=d=300', 'smptebars=d=250', 'testsrc=d=250', 'rgbtestsrc=d=150', 'testsrc2=d=350']
    .map((source, i) => `${source.replace('=', '=s=160x120:r=2:')}[s${i}]`)
    .join(';');
  await ffmpeg(['-filter_complex', `${sources};[s0][s1][s2][s3][s4]concat=n=5`, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '10', '-bf', '2', video]);
  // Every frame decoded (keyframes here are 5 s apart, so `auto` would decode only keyframes):
  // the ranges' seeks and frame counts are what this tests.
  base = { video: [video], model, 'model-config': config, 'sample-fps': '0.1', site: 'long', 'inference-workers': '1', decode: 'all' };
  full = await run('full');
  parts = [];
  for (const [i, [start, end]] of RANGES.entries()) parts.push(await run(`part-${i}`, { start, end }));
}, 300_000);

afterAll(async () => {
  await cleanup();
  await models.cleanup();
});

const dropTimes = (csv: string): string =>
  csv
    .split('\r\n')
    .map((line) =>
      line
        .split(',')
        .filter((_, i) => i !== 9)
        .join(','),
    )
    .join('\r\n');

describe('three ranges merged = one run', () => {
  test('each range holds its own frames, with whole-video indices and times', () => {
    expect(full.metrics.frames.sampled).toBe(130);
    expect(full.metrics.frames.duplicates).toBeGreaterThan(10);
    expect(parts.map((p) => p.metrics.frames.sampled)).toEqual([45, 55, 30]);
    expect(parts.map((p) => p.metrics.frames.decoded)).toEqual([900, 1100, 600]);
    const last = parts[2]!.manifest;
    expect(last.config.timeRange).toEqual({ startMs: 1_000_000, endMs: null });
  });

  test('the merged dataset has the same COCO bytes, images and frame rows as the whole run', async () => {
    const out = path.join(dir, 'merged');
    const merged = await mergeDatasets({ parts: parts.map((p) => p.outDir), outDir: out, overwrite: false });
    const coco = await readFile(path.join(out, 'annotations', 'instances.json'));
    expect(coco.equals(await readFile(full.files.coco))).toBe(true);
    expect(JSON.parse(coco.toString()).annotations.length).toBeGreaterThan(100);
    const names = await readdir(full.files.images);
    expect(await readdir(path.join(out, 'images'))).toEqual(names);
    for (const name of names) {
      const [a, b] = await Promise.all([readFile(path.join(full.files.images, name)), readFile(path.join(out, 'images', name))]);
      expect(a.equals(b)).toBe(true);
    }
    const [fullCsv, mergedCsv] = await Promise.all([readFile(full.files.metricsCsv, 'utf8'), readFile(path.join(out, 'metrics.csv'), 'utf8')]);
    expect(dropTimes(mergedCsv)).toBe(dropTimes(fullCsv));
    // Timings and compute time are measurements; everything counted is equal, video time included.
    const { timings: _a, compute: fullCompute, ...fullCounts } = full.metrics;
    const { timings: _b, compute: mergedCompute, ...mergedCounts } = merged.metrics;
    expect(mergedCounts).toEqual(fullCounts);
    expect(mergedCompute.videoSeconds).toBe(fullCompute.videoSeconds);
    expect(mergedCompute.computeSeconds).toBeCloseTo(
      parts.reduce((acc, p) => acc + p.metrics.timings.wallMs / 1000, 0),
      1,
    );
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as RunManifest;
    expect(manifest.parts?.map((p) => p.timeRange)).toEqual([
      { startMs: 0, endMs: 450_000 },
      { startMs: 450_000, endMs: 1_000_000 },
      { startMs: 1_000_000, endMs: null },
    ]);
    expect(manifest.config.timeRange).toBeNull();
    expect(manifest.coverage).toEqual([{ video: 'long', durationSeconds: 1300, covered: [[0, 1300]] }]);
    const strip = (m: RunManifest): unknown => ({ ...m, run: null, parts: null, runtime: null, coverage: null });
    expect(strip(manifest)).toEqual(strip(full.manifest));
  });

  test('overlapping ranges are refused, naming the seconds both cover', async () => {
    const error = await mergeDatasets({ parts: [full.outDir, parts[1]!.outDir], outDir: path.join(dir, 'overlap'), overwrite: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^Cannot merge: .*full and .*part-1 both cover video long from 450 s to 1000 s; their time ranges overlap$/);
  });

  test('a missing range is refused, naming the missing seconds', async () => {
    const out = path.join(dir, 'gap');
    const error = await mergeDatasets({ parts: [parts[0]!.outDir, parts[2]!.outDir], outDir: out, overwrite: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'Cannot merge: no part covers video long from 450 s to 1000 s; merge the missing part too, or pass --allow-gaps to merge what there is (the gaps are then recorded and reported)',
    );
    expect(await readdir(dir)).not.toContain('gap');
  });

  test('--allow-gaps merges what there is: the covered ranges in the manifest, the gap at the top of the reports', async () => {
    const out = path.join(dir, 'gap-allowed');
    const merged = await mergeDatasets({ parts: [parts[0]!.outDir, parts[2]!.outDir], outDir: out, overwrite: false, allowGaps: true });
    expect(merged.manifest.coverage).toEqual([
      {
        video: 'long',
        durationSeconds: 1300,
        covered: [
          [0, 450],
          [1000, 1300],
        ],
      },
    ]);
    expect(merged.metrics.dataLoss[0]).toEqual({ kind: 'uncovered', video: 'long', fromSeconds: 450, toSeconds: 1000 });
    const gap = 'Video long has no frames from 450 s to 1000 s: no merged part covered that range (merged with --allow-gaps)';
    const report = await readFile(path.join(out, 'report.md'), 'utf8');
    expect(report.indexOf(gap)).toBeGreaterThan(-1);
    expect(report.indexOf(gap)).toBeLessThan(report.indexOf('# Summary'));
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toContain(gap);
    // The merge's own time, and its parts' compute time apart.
    expect(merged.metrics.timings.wallMs).toBeLessThanOrEqual(merged.manifest.run.wallSeconds * 1000 + 10);
    expect(merged.metrics.compute.computeSeconds).toBeCloseTo((parts[0]!.metrics.timings.wallMs + parts[2]!.metrics.timings.wallMs) / 1000, 1);
  });

  test('datasets made with another config are refused, naming the field', async () => {
    const other = await run('other', { start: '1000', 'dedup-threshold': '3' });
    const error = await mergeDatasets({ parts: [parts[0]!.outDir, other.outDir], outDir: path.join(dir, 'mixed'), overwrite: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/different config\.dedupThreshold \(3 in .*other, 2 in .*part-0\)/);
  }, 120_000);
});

describe('three ranges merged = one run, with a labelling budget', () => {
  const budget: RawOptions = { select: '6', 'select-only': true, export: 'coco,yolo' };
  let whole: RunResult;
  let ranges: RunResult[];

  beforeAll(async () => {
    whole = await run('budget-full', budget);
    ranges = [];
    for (const [i, [start, end]] of RANGES.entries()) ranges.push(await run(`budget-part-${i}`, { ...budget, start, end }));
  }, 300_000);

  test('the merge chooses the budget again over every range: the same choice, features and exports as the whole run', async () => {
    const out = path.join(dir, 'budget-merged');
    const merged = await mergeDatasets({ parts: ranges.map((p) => p.outDir), outDir: out, overwrite: false });
    // Each range chose 6 of its own frames; the merged dataset holds one choice of 6 over all of them.
    expect(ranges.map((p) => p.metrics.selection?.selected)).toEqual([6, 6, 6]);
    expect(merged.metrics.selection).toEqual(whole.metrics.selection);
    expect(merged.metrics.selection?.picks).toHaveLength(6);
    for (const file of [
      'selection.json',
      'selection-features.json',
      'annotations/instances-selected.json',
      'annotations/instances.json',
      'data.yaml',
      'train.txt',
      'val.txt',
    ]) {
      const [a, b] = await Promise.all([readFile(path.join(out, file)), readFile(path.join(whole.outDir, file))]);
      expect({ file, same: a.equals(b) }).toEqual({ file, same: true });
    }
    const labels = await readdir(path.join(whole.outDir, 'labels'));
    expect(labels).toHaveLength(6);
    expect(await readdir(path.join(out, 'labels'))).toEqual(labels);
    expect(merged.manifest.selection).toEqual({ file: 'selection.json', featuresFile: 'selection-features.json', frames: 6, exportsOnlySelected: true });
    expect(merged.manifest.exports).toEqual(whole.manifest.exports);
  });

  test('merge --select: a budget of its own over every range, as a whole run with that budget chooses', async () => {
    const own: RawOptions = { select: '4', export: 'coco,yolo' };
    const wholeOwn = await run('budget-own-full', own);
    const out = path.join(dir, 'budget-own-merged');
    const merged = await mergeDatasets({ parts: ranges.map((p) => p.outDir), outDir: out, overwrite: false, budget: { select: 4, selectOnly: false } });
    expect(merged.metrics.selection).toEqual(wholeOwn.metrics.selection);
    expect(merged.metrics.selection?.picks).toHaveLength(4);
    for (const file of ['selection.json', 'selection-features.json', 'annotations/instances.json', 'data.yaml', 'train.txt', 'val.txt']) {
      const [a, b] = await Promise.all([readFile(path.join(out, file)), readFile(path.join(wholeOwn.outDir, file))]);
      expect({ file, same: a.equals(b) }).toEqual({ file, same: true });
    }
    // Not --select-only: no COCO of the selection alone, and the exports hold every kept frame again, not the parts' 6.
    expect(await readdir(path.join(out, 'annotations'))).toEqual(['instances.json']);
    expect(await readdir(path.join(out, 'labels'))).toEqual(await readdir(path.join(wholeOwn.outDir, 'labels')));
    expect((await readdir(path.join(out, 'labels'))).length).toBe(wholeOwn.metrics.images);
    expect(merged.manifest.config).toMatchObject({ select: 4, selectOnly: false });
    expect(merged.manifest.selection).toEqual({ file: 'selection.json', featuresFile: 'selection-features.json', frames: 4, exportsOnlySelected: false });
  }, 120_000);

  test('merge --select over ranges made without a budget is refused: they hold no features to choose from', async () => {
    const error = await mergeDatasets({
      parts: parts.map((p) => p.outDir),
      outDir: path.join(dir, 'budget-none'),
      overwrite: false,
      budget: { select: 4, selectOnly: false },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /part-0 has no selection-features\.json, which --select at merge chooses from; a run writes it when given --select \(any budget\): run that part again with it$/,
    );
  });

  test('a range without its features file (made by an older dataset-gen) is refused, naming it and the file', async () => {
    const old = path.join(dir, 'budget-old');
    await cp(ranges[1]!.outDir, old, { recursive: true });
    await rm(path.join(old, 'selection-features.json'));
    const error = await mergeDatasets({ parts: [ranges[0]!.outDir, old, ranges[2]!.outDir], outDir: path.join(dir, 'budget-refused'), overwrite: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/budget-old was made with a labelling budget \(--select\) but has no selection-features\.json, which merge needs/);
  });
});
