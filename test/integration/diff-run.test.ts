/**
 * `dataset-gen diff` on real runs (issue 25, "done when"): the demo clip through the whole pipeline
 * with the bundled YOLOv8n, once with the defaults, once with other thresholds (a dark-frame level
 * that drops some of the clip's frames (its mean luma is near 119), a higher confidence, a looser dedup), once with the defaults again. Every number
 * the diff reports is checked against the two datasets' own files: metrics.json, the COCO file,
 * metrics.csv and manifest.json. The diff is also run through the built CLI.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import type { CocoDataset } from '../../src/domain/coco.js';
import { DROP_REASONS } from '../../src/domain/drop-reason.js';
import { frameRowsFromCsv } from '../../src/observe/csv.js';
import type { RunMetrics } from '../../src/observe/metrics-contract.js';
import { resolveOptions, type RawOptions } from '../../src/options/resolve-options.js';
import { diffDatasets } from '../../src/pipeline/diff/diff-datasets.js';
import { renderDiffMarkdown } from '../../src/pipeline/diff/diff-markdown.js';
import type { DatasetDiff } from '../../src/pipeline/diff/diff-model.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { runCliToEnd } from '../support/cli-process.js';
import { DEMO_VIDEO, MODEL, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let changed: DatasetDiff;
let same: DatasetDiff;

const HEAD_OPTIONS: RawOptions = { 'black-luma': '119', confidence: '0.4', 'dedup-threshold': '16', 'dedup-local-threshold': '60' };

async function run(name: string, extra: RawOptions = {}): Promise<string> {
  const out = path.join(dir, name);
  await runPipeline(resolveOptions({ video: [DEMO_VIDEO], out, model: MODEL, 'sample-fps': '2', site: 'walkway', ...extra }), {});
  return out;
}

interface Files {
  metrics: RunMetrics;
  coco: CocoDataset;
  rows: ReturnType<typeof frameRowsFromCsv>;
}

async function files(name: string): Promise<Files> {
  const read = (file: string): Promise<string> => readFile(path.join(dir, name, file), 'utf8');
  return {
    metrics: JSON.parse(await read('metrics.json')) as RunMetrics,
    coco: JSON.parse(await read('annotations/instances.json')) as CocoDataset,
    rows: frameRowsFromCsv(await read('metrics.csv')),
  };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('diff-run-'));
  await run('base');
  await run('head', HEAD_OPTIONS);
  await run('again');
  changed = await diffDatasets({ base: 'base', head: 'head', cwd: dir });
  same = await diffDatasets({ base: 'base', head: 'again', cwd: dir });
}, 180_000);

afterAll(async () => {
  await cleanup();
});

describe('diff of two runs of the demo clip with different thresholds', () => {
  test('frame counts and drops by reason are each dataset’s metrics.json and metrics.csv', async () => {
    const [base, head] = await Promise.all([files('base'), files('head')]);
    expect(changed.frames.sampled).toEqual({ before: base.metrics.frames.sampled, after: head.metrics.frames.sampled });
    expect(changed.frames.kept).toEqual({ before: base.metrics.frames.kept, after: head.metrics.frames.kept });
    expect(changed.frames.kept).toEqual({ before: base.coco.images.length, after: head.coco.images.length });
    for (const reason of DROP_REASONS) {
      expect(changed.frames.droppedByReason[reason]).toEqual({
        before: base.metrics.frames.droppedByReason[reason],
        after: head.metrics.frames.droppedByReason[reason],
      });
    }
    // The thresholds did change the dataset: dark frames dropped, fewer images.
    expect(changed.frames.droppedByReason.black.after).toBeGreaterThan(0);
    expect(changed.frames.kept.after).toBeLessThan(changed.frames.kept.before);
    expect(changed.frames.kept.after).toBeGreaterThan(0);
  });

  test('detections per class are the COCO files’ annotations (and metrics.json’s counts)', async () => {
    const [base, head] = await Promise.all([files('base'), files('head')]);
    const perClass = (coco: CocoDataset): Map<string, number> => {
      const names = new Map(coco.categories.map((c) => [c.id, c.name]));
      const counts = new Map<string, number>();
      for (const a of coco.annotations) counts.set(names.get(a.category_id)!, (counts.get(names.get(a.category_id)!) ?? 0) + 1);
      return counts;
    };
    const [before, after] = [perClass(base.coco), perClass(head.coco)];
    expect(changed.detections.total).toEqual({ before: base.coco.annotations.length, after: head.coco.annotations.length });
    expect(changed.detections.total).toEqual({ before: base.metrics.detections.total, after: head.metrics.detections.total });
    const classes = new Set([...before.keys(), ...after.keys()]);
    expect(changed.detections.byClass).toHaveLength(classes.size);
    for (const c of changed.detections.byClass) expect(c).toEqual({ name: c.name, before: before.get(c.name) ?? 0, after: after.get(c.name) ?? 0 });
    expect(changed.detections.lost).toEqual(
      [...before.keys()]
        .filter((name) => !after.has(name))
        .sort((a, b) => changed.detections.byClass.findIndex((c) => c.name === a) - changed.detections.byClass.findIndex((c) => c.name === b)),
    );
  });

  test('frames kept on one side only are the COCO files’ images apart, with the other side’s row in metrics.csv', async () => {
    const [base, head] = await Promise.all([files('base'), files('head')]);
    const names = (coco: CocoDataset): Set<string> => new Set(coco.images.map((i) => i.file_name));
    const [before, after] = [names(base.coco), names(head.coco)];
    expect(changed.frameChanges.added.map((m) => m.file)).toEqual([...after].filter((f) => !before.has(f)).sort());
    expect(changed.frameChanges.removed.map((m) => m.file)).toEqual([...before].filter((f) => !after.has(f)).sort());
    const fate = (rows: Files['rows'], index: number): string => {
      const row = rows.find((r) => r.frameIndex === index);
      return row === undefined ? 'not sampled' : row.outcome === 'kept' ? 'kept' : row.reason;
    };
    for (const m of changed.frameChanges.removed) expect(m.other).toBe(fate(head.rows, m.frameIndex));
    for (const m of changed.frameChanges.added) expect(m.other).toBe(fate(base.rows, m.frameIndex));
    expect(changed.frameChanges.removed.some((m) => m.other === 'black')).toBe(true);
    const both = [...after].filter((f) => before.has(f)).length;
    expect(changed.frameChanges.unchanged + changed.frameChanges.changed.length).toBe(both);
    // A higher confidence removes the low-scored boxes: removed boxes only, none below 0.4 left.
    expect(changed.frameChanges.boxes.removed).toBeGreaterThan(0);
    expect(changed.frameChanges.changed.flatMap((c) => c.removed).every((b) => b.score < 0.4)).toBe(true);
  });

  test('the settings that differ are the options changed, and only those', () => {
    expect(changed.settings.map((s) => s.path)).toEqual([
      'config.confidence',
      'config.dedupLocalThreshold',
      'config.dedupThreshold',
      'config.model.confidence',
      'config.quality.blackLuma',
    ]);
    expect(changed.verdict).toBe('changed');
    const markdown = renderDiffMarkdown(changed);
    expect(markdown.split('\n')[0]).toBe(`**Changed**: ${changed.headline.replace(/^Changed: /, '').replace(/_/g, '\\_')}`);
    expect(markdown).toContain(`| Images kept | ${changed.frames.kept.before} | ${changed.frames.kept.after} |`);
  });

  test('the same options again: no change (the run is reproducible)', () => {
    expect(same.verdict).toBe('no-change');
    expect(same.settings).toEqual([]);
    expect(same.headline).toMatch(/^No change: \d+ images, \d+ detections, the same frames and boxes$/);
  });

  test('the built CLI: exit 0, the JSON is the library’s diff, the HTML page shows the most changed frames side by side', async () => {
    const json = path.join(dir, 'diff.json');
    const md = path.join(dir, 'diff.md');
    const html = path.join(dir, 'diff.html');
    const exit = await runCliToEnd(['diff', path.join(dir, 'base'), path.join(dir, 'head'), '--json-out', json, '--markdown-out', md, '--html-out', html]);
    expect({ code: exit.code, stderr: exit.stderr }).toEqual({ code: 0, stderr: '' });
    const fromCli = JSON.parse(await readFile(json, 'utf8')) as DatasetDiff;
    expect({ ...fromCli, base: null, head: null }).toEqual({ ...changed, base: null, head: null });
    expect(await readFile(md, 'utf8')).toMatch(/^\*\*Changed\*\*: images \d+ → \d+/);
    const page = await readFile(html, 'utf8');
    const pairs = Math.min(12, changed.frameChanges.changed.length);
    expect(page.match(/<div class="sheet pair">/g)).toHaveLength(pairs);
    expect(page).toContain(`baseline · ${changed.frameChanges.changed[0]!.baseFile}`);
    const own = Math.min(6, changed.frameChanges.removed.length) + Math.min(6, changed.frameChanges.added.length);
    expect(page.match(/src="data:image\/jpeg;base64,/g)).toHaveLength(2 * pairs + own);
  });
});
