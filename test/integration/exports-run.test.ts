/**
 * The exports and the labelling budget on a real run (the repository's model, a video made here by
 * ffmpeg from lavfi scenes): every export is written beside instances.json and listed in the manifest,
 * the YOLO and CVAT files read back (by readers written from the formats' descriptions) equal the COCO
 * boxes within 0.01 px, the COCO file meets CVAT's COCO importer, selection.json names N kept frames
 * with a reason each, --select-only restricts the exports to them, and a second run gives the same
 * bytes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import type { CocoDataset } from '../../src/domain/coco.js';
import type { Selection } from '../../src/domain/selection.js';
import { resolveOptions } from '../../src/options/resolve-options.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import type { RunManifest } from '../../src/pipeline/write/manifest.js';
import { cocoImporterProblems, cvatLabelProblems, readCvatImages, readYoloData, readYoloLabels, type ReadBox } from '../support/annotation-readers.js';
import { ultralyticsSplits } from '../support/ultralytics-dataset.js';
import { ffmpeg, MODEL, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let full: string;
let again: string;
let only: string;

/** Three lavfi scenes of 2 s each, one after the other. */
async function multiScene(file: string): Promise<string> {
  const scene = (source: string): string[] => ['-f', 'lavfi', '-t', '2', '-i', `${source}=size=320x240:rate=10`];
  await ffmpeg([
    ...scene('testsrc2'),
    ...scene('smptebars'),
    ...scene('mandelbrot'),
    '-filter_complex',
    '[0:v][1:v][2:v]concat=n=3:v=1:a=0,format=yuv420p[v]',
    '-map',
    '[v]',
    '-c:v',
    'libx264',
    file,
  ]);
  return file;
}

async function run(out: string, extra: Record<string, string | boolean>): Promise<string> {
  const video = path.join(dir, 'scenes.mp4');
  await runPipeline(
    resolveOptions({ video: [video], out, model: MODEL, site: 'scenes', 'sample-fps': '2', confidence: '0.05', 'dedup-threshold': '-1', ...extra }),
  );
  return out;
}

async function json<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('dataset-gen-exports-'));
  await multiScene(path.join(dir, 'scenes.mp4'));
  const all = { export: 'coco,yolo,label-studio,cvat', select: '4', 'label-studio-images': 'https://files.example/scenes/images/' };
  full = await run(path.join(dir, 'full'), all);
  again = await run(path.join(dir, 'again'), all);
  only = await run(path.join(dir, 'only'), { ...all, 'select-only': true });
}, 240_000);

afterAll(() => cleanup());

function boxesByImage(coco: CocoDataset): Map<string, ReadBox[]> {
  const name = new Map(coco.categories.map((c) => [c.id, c.name]));
  const file = new Map(coco.images.map((i) => [i.id, i.file_name]));
  const out = new Map<string, ReadBox[]>(coco.images.map((i) => [i.file_name, []]));
  for (const a of coco.annotations) out.get(file.get(a.image_id)!)!.push({ label: name.get(a.category_id)!, box: a.bbox });
  return out;
}

function expectSame(read: readonly ReadBox[], expected: readonly ReadBox[]): void {
  expect(read.map((r) => r.label)).toEqual(expected.map((e) => e.label));
  read.forEach((r, i) => r.box.forEach((v, k) => expect(Math.abs(v - expected[i]!.box[k]!)).toBeLessThanOrEqual(0.01)));
}

describe('exports of a real run', () => {
  test('written beside instances.json and listed in the manifest', async () => {
    const manifest = await json<RunManifest>(path.join(full, 'manifest.json'));
    expect(manifest.exports.map((e) => [e.format, e.files])).toEqual([
      ['coco', ['annotations/instances.json']],
      ['yolo', ['data.yaml', 'train.txt', 'val.txt', 'labels/']],
      ['label-studio', ['annotations/label-studio-tasks.json', 'annotations/label-studio-config.xml']],
      ['cvat', ['annotations/cvat-images.xml', 'annotations/cvat-labels.json']],
    ]);
    expect(manifest.selection).toEqual({ file: 'selection.json', featuresFile: 'selection-features.json', frames: 4, exportsOnlySelected: false });
    expect((await readdir(path.join(full, 'annotations'))).sort()).toEqual([
      'cvat-images.xml',
      'cvat-labels.json',
      'instances.json',
      'label-studio-config.xml',
      'label-studio-tasks.json',
    ]);
  });

  test("YOLO and CVAT read back equal the COCO boxes; COCO meets CVAT's importer", async () => {
    const coco = await json<CocoDataset>(path.join(full, 'annotations', 'instances.json'));
    expect(coco.images.length).toBeGreaterThan(4);
    const expected = boxesByImage(coco);
    const { names } = readYoloData(await readFile(path.join(full, 'data.yaml'), 'utf8'));
    // Found as Ultralytics finds them, started in another folder: every image once, train and val
    // disjoint, the validation images about a tenth, each label file where Ultralytics looks.
    const splits = await ultralyticsSplits(path.join(full, 'data.yaml'), dir);
    expect([...splits.train, ...splits.val].sort()).toEqual(coco.images.map((image) => path.join(full, 'images', image.file_name)).sort());
    expect(splits.val.length).toBe(Math.max(1, Math.round(coco.images.length * 0.1)));
    for (const file of [...splits.train, ...splits.val]) {
      const image = coco.images.find((i) => path.join(full, 'images', i.file_name) === file)!;
      const text = await readFile(splits.labelOf(file), 'utf8');
      expectSame(readYoloLabels(text, names, image.width, image.height), expected.get(image.file_name)!);
    }
    // Every export declares the classes the dataset holds, in the model's order, and no other.
    const held = new Set(coco.annotations.map((a) => a.category_id));
    expect(coco.categories.every((c) => held.has(c.id))).toBe(true);
    expect(names).toEqual(coco.categories.map((c) => c.name));
    const cvatLabels = await readFile(path.join(full, 'annotations', 'cvat-labels.json'), 'utf8');
    expect(cvatLabelProblems(cvatLabels)).toEqual([]);
    expect((JSON.parse(cvatLabels) as { name: string }[]).map((l) => l.name)).toEqual(names);
    const cvat = readCvatImages(await readFile(path.join(full, 'annotations', 'cvat-images.xml'), 'utf8'));
    expect(cvat.labels).toEqual(names);
    expect(cvat.images.map((i) => i.name)).toEqual(coco.images.map((i) => i.file_name));
    for (const image of cvat.images) expectSame(image.boxes, expected.get(image.name)!);
    expect(cocoImporterProblems(coco)).toEqual([]);
  });

  test("--labels all declares the model's full list: COCO categories, YOLO names and CVAT labels", async () => {
    const out = await run(path.join(dir, 'all-labels'), { export: 'coco,yolo,cvat', labels: 'all' });
    const { model } = await json<RunManifest>(path.join(out, 'manifest.json'));
    expect(model.classNames.length).toBe(80);
    const coco = await json<CocoDataset>(path.join(out, 'annotations', 'instances.json'));
    expect(coco.categories.map((c) => c.name)).toEqual(model.classNames);
    expect(readYoloData(await readFile(path.join(out, 'data.yaml'), 'utf8')).names).toEqual(model.classNames);
    expect(readCvatImages(await readFile(path.join(out, 'annotations', 'cvat-images.xml'), 'utf8')).labels).toEqual(model.classNames);
  });

  test('the same inputs give the same bytes', async () => {
    for (const file of [
      'annotations/instances.json',
      'annotations/cvat-images.xml',
      'annotations/cvat-labels.json',
      'annotations/label-studio-tasks.json',
      'annotations/label-studio-config.xml',
      'data.yaml',
      'train.txt',
      'val.txt',
      'selection.json',
      'selection-features.json',
    ]) {
      expect(await readFile(path.join(again, file), 'utf8')).toBe(await readFile(path.join(full, file), 'utf8'));
    }
    const labels = (await readdir(path.join(full, 'labels'))).sort();
    for (const file of labels) expect(await readFile(path.join(again, 'labels', file), 'utf8')).toBe(await readFile(path.join(full, 'labels', file), 'utf8'));
  });
});

describe('the labelling budget on a real run', () => {
  test('selection.json names 4 kept frames, each with its reason; the report shows them', async () => {
    const selection = await json<Selection>(path.join(full, 'selection.json'));
    const coco = await json<CocoDataset>(path.join(full, 'annotations', 'instances.json'));
    expect(selection.selected).toHaveLength(4);
    const files = new Set(coco.images.map((i) => i.file_name));
    expect(selection.selected.every((s) => files.has(s.file) && s.why.length > 0)).toBe(true);
    const html = await readFile(path.join(full, 'report.html'), 'utf8');
    expect(html).toContain('Selected for labelling');
    for (const s of selection.selected) expect(html).toContain(`report/selected/${s.file}`);
    expect(await readFile(path.join(full, 'report.md'), 'utf8')).toContain('## Exports');
  });

  test('--select-only: the exports hold only the selected frames; instances.json keeps every kept frame', async () => {
    const selection = await json<Selection>(path.join(only, 'selection.json'));
    const chosen = selection.selected.map((s) => s.file).sort();
    const subset = await json<CocoDataset>(path.join(only, 'annotations', 'instances-selected.json'));
    expect(subset.images.map((i) => i.file_name).sort()).toEqual(chosen);
    expect((await readdir(path.join(only, 'labels'))).sort()).toEqual(chosen.map((f) => f.replace(/\.jpg$/, '.txt')));
    const cvat = readCvatImages(await readFile(path.join(only, 'annotations', 'cvat-images.xml'), 'utf8'));
    expect(cvat.images.map((i) => i.name).sort()).toEqual(chosen);
    const tasks = await json<{ data: { file_name: string } }[]>(path.join(only, 'annotations', 'label-studio-tasks.json'));
    expect(tasks.map((t) => t.data.file_name).sort()).toEqual(chosen);
    const all = await json<CocoDataset>(path.join(only, 'annotations', 'instances.json'));
    expect(all.images.length).toBeGreaterThan(chosen.length);
  });
});
