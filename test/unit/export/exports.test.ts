/**
 * Every export round-trips: boxes read back from YOLO, CVAT and Label Studio files (by readers in
 * test/support written from the formats' descriptions) equal the COCO boxes within 0.01 px, with the
 * same labels; the same records give the same bytes; and the COCO file meets CVAT's COCO importer.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';

import type { CocoDataset } from '../../../src/domain/coco.js';
import type { KeptImage } from '../../../src/domain/frame-record.js';
import { buildCoco } from '../../../src/export/coco.js';
import { cvatExport } from '../../../src/export/cvat.js';
import type { ExportFile } from '../../../src/export/export-file.js';
import { labelStudioExport } from '../../../src/export/label-studio.js';
import { yoloExport } from '../../../src/export/yolo.js';
import { cocoImporterProblems, cvatLabelProblems, readCvatImages, readYoloData, readYoloLabels, type ReadBox } from '../../support/annotation-readers.js';
import { ultralyticsSplits } from '../../support/ultralytics-dataset.js';

const MODEL_CLASSES = ['person', 'bicycle', 'car', 'a<b&"c\'', 'truck'];

function kept(file: string, width: number, height: number, boxes: [string, number, number, number, number, number][]): KeptImage {
  return {
    file,
    video: 'v',
    frameIndex: Number(file.replace(/\D/g, '')),
    timestampMs: 0,
    decode: 'sequential',
    width,
    height,
    detections: boxes.map(([className, x, y, w, h, score]) => ({
      classIndex: MODEL_CLASSES.indexOf(className),
      className,
      score,
      box: { x, y, width: w, height: h },
    })),
  };
}

const KEPT: KeptImage[] = [
  kept('v_000010.jpg', 1920, 1080, [
    ['person', 10.123456, 20.987654, 100.333333, 200.666666, 0.91234],
    ['truck', 1500.005, 700.004, 419.995, 379.996, 0.5],
  ]),
  kept('v_000020.jpg', 1280, 720, []),
  kept('v_000030.jpg', 7680, 4320, [
    ['a<b&"c\'', 0, 0, 7680, 4320, 0.25],
    ['car', 3333.333, 1111.111, 1.01, 0.99, 0.999999],
  ]),
];

function coco(): CocoDataset {
  return buildCoco(KEPT, { site: 'site', toolVersion: '0', categories: ['person', 'car', 'a<b&"c\'', 'truck'], videoOrder: ['v'] });
}

/** The COCO boxes of each image, by file name, as the readers return them. */
function cocoBoxes(dataset: CocoDataset): Map<string, ReadBox[]> {
  const name = new Map(dataset.categories.map((c) => [c.id, c.name]));
  const file = new Map(dataset.images.map((i) => [i.id, i.file_name]));
  const out = new Map<string, ReadBox[]>(dataset.images.map((i) => [i.file_name, []]));
  for (const a of dataset.annotations) out.get(file.get(a.image_id)!)!.push({ label: name.get(a.category_id)!, box: a.bbox });
  return out;
}

function expectSameBoxes(read: readonly ReadBox[], expected: readonly ReadBox[]): void {
  expect(read.map((r) => r.label)).toEqual(expected.map((e) => e.label));
  read.forEach((r, i) => {
    r.box.forEach((v, k) => expect(Math.abs(v - expected[i]!.box[k]!)).toBeLessThanOrEqual(0.01));
  });
}

describe('YOLO export', () => {
  const files = yoloExport(coco(), { valFraction: 0.34 });
  const byPath = new Map(files.map((f) => [f.path, f.content]));

  /** The export written into a new folder `<tmp>/ds`, with an empty file for each image. */
  async function written(exported: readonly ExportFile[]): Promise<{ tmp: string; ds: string }> {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-yolo-'));
    const ds = path.join(tmp, 'ds');
    for (const file of [...exported, ...coco().images.map((i) => ({ path: `images/${i.file_name}`, content: '' }))]) {
      await mkdir(path.dirname(path.join(ds, file.path)), { recursive: true });
      await writeFile(path.join(ds, file.path), file.content);
    }
    return { tmp, ds };
  }

  test('data.yaml names the COCO categories in order and the two lists, with no path; a label file per image', () => {
    const data = readYoloData(byPath.get('data.yaml')!);
    expect(data.names).toEqual(coco().categories.map((c) => c.name));
    expect(data).toMatchObject({ path: undefined, train: 'train.txt', val: 'val.txt' });
    expect([...byPath.keys()].filter((p) => p.startsWith('labels/')).sort()).toEqual(['labels/v_000010.txt', 'labels/v_000020.txt', 'labels/v_000030.txt']);
    expect(byPath.get('labels/v_000020.txt')).toBe('');
    expect(byPath.get('train.txt')).toBe('./images/v_000010.jpg\n./images/v_000030.jpg\n');
    expect(byPath.get('val.txt')).toBe('./images/v_000020.jpg\n');
  });

  test.each([
    ['beside the dataset, the yaml given relatively', (tmp: string) => ({ cwd: tmp, yaml: 'ds/data.yaml' })],
    ['in another folder, the yaml given absolutely', (tmp: string) => ({ cwd: os.tmpdir(), yaml: path.join(tmp, 'ds', 'data.yaml') })],
    ['inside the dataset', (tmp: string) => ({ cwd: path.join(tmp, 'ds'), yaml: 'data.yaml' })],
  ])('Ultralytics started %s finds every image once, train and val disjoint, each label beside it', async (_where, place) => {
    const { tmp, ds } = await written(files);
    try {
      const { cwd, yaml } = place(tmp);
      const splits = await ultralyticsSplits(yaml, cwd);
      expect(splits.root).toBe(ds);
      expect(splits.val).toEqual([path.join(ds, 'images', 'v_000020.jpg')]);
      expect([...splits.train, ...splits.val].sort()).toEqual(
        coco()
          .images.map((i) => path.join(ds, 'images', i.file_name))
          .sort(),
      );
      for (const image of [...splits.train, ...splits.val]) expect(byPath.has(path.relative(ds, splits.labelOf(image)))).toBe(true);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  test('the reader holds Ultralytics to its rule: the old `path: .` finds images only when started inside the dataset', async () => {
    const { tmp, ds } = await written([{ path: 'data.yaml', content: 'path: .\ntrain: images\nval: images\nnames: [a]\n' }]);
    try {
      await expect(ultralyticsSplits('ds/data.yaml', tmp)).rejects.toThrow(`${path.join(tmp, 'images')} does not exist`);
      expect((await ultralyticsSplits('data.yaml', ds)).train).toHaveLength(3);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  test('no validation split (val-fraction 0): val is the training list, said in a comment, and no val.txt', () => {
    const none = new Map(yoloExport(coco(), { valFraction: 0 }).map((f) => [f.path, f.content]));
    expect(readYoloData(none.get('data.yaml')!)).toMatchObject({ train: 'train.txt', val: 'train.txt' });
    expect(none.get('data.yaml')).toContain('# No validation split (val-fraction 0)');
    expect(none.has('val.txt')).toBe(false);
    expect(none.get('train.txt')!.split('\n').filter(Boolean)).toHaveLength(3);
  });

  test('boxes read back equal the COCO boxes within 0.01 px, with class numbers in category order', () => {
    const dataset = coco();
    const { names } = readYoloData(byPath.get('data.yaml')!);
    for (const image of dataset.images) {
      const read = readYoloLabels(byPath.get(`labels/${image.file_name.replace('.jpg', '.txt')}`)!, names, image.width, image.height);
      expectSameBoxes(read, cocoBoxes(dataset).get(image.file_name)!);
    }
    expect(byPath.get('labels/v_000010.txt')!.split('\n')[1]!.split(' ')[0]).toBe('3');
  });
});

describe('CVAT for images 1.1 export', () => {
  const [file, labels] = cvatExport(coco(), { taskName: 'site <1>', colorOf: () => '#1f77d0' });

  test("the task's labels as JSON CVAT's label editor takes: the XML's labels, in order", () => {
    expect(labels!.path).toBe('annotations/cvat-labels.json');
    expect(cvatLabelProblems(labels!.content)).toEqual([]);
    expect((JSON.parse(labels!.content) as { name: string }[]).map((l) => l.name)).toEqual(readCvatImages(file!.content).labels);
    expect(cvatLabelProblems('[{"name":"a","type":"rectangle","attributes":[]},{"name":"a","type":"box","attributes":{}}]')).toEqual([
      'label names are not unique',
      'a: attributes',
      'a: type box',
    ]);
  });

  test('declares version 1.1, the task size and every label (escaped names survive)', () => {
    const doc = readCvatImages(file!.content);
    expect(file!.path).toBe('annotations/cvat-images.xml');
    expect(doc.version).toBe('1.1');
    expect(doc.size).toBe(3);
    expect(doc.labels).toEqual(['person', 'car', 'a<b&"c\'', 'truck']);
    expect(doc.images.map((i) => [i.name, i.width, i.height])).toEqual([
      ['v_000010.jpg', 1920, 1080],
      ['v_000020.jpg', 1280, 720],
      ['v_000030.jpg', 7680, 4320],
    ]);
  });

  test('boxes read back equal the COCO boxes within 0.01 px', () => {
    const dataset = coco();
    const expected = cocoBoxes(dataset);
    for (const image of readCvatImages(file!.content).images) expectSameBoxes(image.boxes, expected.get(image.name)!);
  });
});

describe('Label Studio export', () => {
  const files = labelStudioExport(coco(), { imagePrefix: 'https://host.invalid/img/', modelVersion: 'yolov8n@0123456789ab', colorOf: () => '#1f77d0' });
  const tasks = JSON.parse(files.find((f) => f.path.endsWith('.json'))!.content) as {
    data: { image: string; file_name: string };
    predictions: {
      model_version: string;
      score: number;
      result: {
        type: string;
        from_name: string;
        to_name: string;
        original_width: number;
        original_height: number;
        score: number;
        value: { x: number; y: number; width: number; height: number; rectanglelabels: string[] };
      }[];
    }[];
  }[];

  test('a task per image with one prediction of the model version; the config names the same image and labels', () => {
    expect(tasks.map((t) => t.data.image)).toEqual([
      'https://host.invalid/img/v_000010.jpg',
      'https://host.invalid/img/v_000020.jpg',
      'https://host.invalid/img/v_000030.jpg',
    ]);
    expect(tasks.every((t) => t.predictions.length === 1 && t.predictions[0]!.model_version === 'yolov8n@0123456789ab')).toBe(true);
    const config = files.find((f) => f.path.endsWith('.xml'))!.content;
    expect(config).toContain('<Image name="image" value="$image"');
    expect(config).toContain('<RectangleLabels name="label" toName="image">');
    expect(config).toContain('<Label value="a&lt;b&amp;&quot;c&apos;"');
    const result = tasks[0]!.predictions[0]!.result;
    expect(result.every((r) => r.type === 'rectanglelabels' && r.from_name === 'label' && r.to_name === 'image')).toBe(true);
  });

  test('boxes (percent of the original size) read back equal the COCO boxes within 0.01 px, with their scores', () => {
    const dataset = coco();
    const expected = cocoBoxes(dataset);
    const scores = dataset.annotations.map((a) => a.score);
    const readScores: number[] = [];
    for (const task of tasks) {
      const read = task.predictions[0]!.result.map((r): ReadBox => {
        readScores.push(r.score);
        const { x, y, width, height, rectanglelabels } = r.value;
        const [W, H] = [r.original_width, r.original_height];
        return { label: rectanglelabels[0]!, box: [(x / 100) * W, (y / 100) * H, (width / 100) * W, (height / 100) * H] };
      });
      expectSameBoxes(read, expected.get(task.data.file_name)!);
    }
    expect(readScores).toEqual(scores);
  });
});

describe('every export', () => {
  test('the same records give the same bytes', () => {
    const make = (): string[] =>
      [
        ...yoloExport(coco(), { valFraction: 0.1 }),
        ...cvatExport(coco(), { taskName: 's', colorOf: () => '#000000' }),
        ...labelStudioExport(coco(), { imagePrefix: '/p/', modelVersion: 'm', colorOf: () => '#000000' }),
      ].map((f) => `${f.path}\n${f.content}`);
    expect(make()).toEqual(make());
  });

  test("the COCO file meets what CVAT's COCO importer requires", () => {
    expect(cocoImporterProblems(JSON.parse(JSON.stringify(coco())))).toEqual([]);
    const missing = JSON.parse(JSON.stringify(coco())) as { annotations: Record<string, unknown>[] };
    delete missing.annotations[0]!.segmentation;
    expect(cocoImporterProblems(missing)).toEqual(['annotation 1: segmentation (list or RLE) is required']);
  });
});
