/**
 * The labelling budget's files, written alike by a run and by merge: selection.json, the features it
 * chose from (selection-features.json, read back exactly), and the exports of every kept frame or of
 * the chosen ones.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';

import type { KeptImage } from '../../../../src/domain/frame-record.js';
import type { FrameFeatures } from '../../../../src/domain/selection.js';
import { buildCoco } from '../../../../src/export/coco.js';
import { serializeSelectionFeatures, writeLabelling, type LabellingJob } from '../../../../src/pipeline/label/write-labelling.js';
import { partSelectionFeaturesSchema } from '../../../../src/pipeline/merge/part-schemas.js';
import { tempDir } from '../../../support/videos.js';

/** The features of a selection-features.json as merge reads them back (its part schema). */
function parseSelectionFeatures(value: unknown): Map<string, FrameFeatures> {
  return new Map(partSelectionFeaturesSchema.parse(value).frames.map(({ file, phash, tiles }) => [file, { phash, tiles }]));
}

function image(i: number, className: string | null): KeptImage {
  return {
    file: `v_${String(i).padStart(6, '0')}.jpg`,
    video: 'v',
    frameIndex: i,
    timestampMs: i * 1000,
    decode: 'sequential',
    width: 64,
    height: 48,
    detections: className === null ? [] : [{ classIndex: className === 'person' ? 0 : 16, className, score: 0.75, box: { x: 1, y: 2, width: 10, height: 20 } }],
  };
}

/** Frame i's features: a pHash with i bits set, tiles at a brightness of its own (with tenths, as measured). */
function featuresOf(i: number): FrameFeatures {
  return {
    phash: Array.from({ length: 64 }, (_, b) => (b < i * 7 ? '1' : '0')).join(''),
    tiles: Array.from({ length: 48 }, (_, t) => Math.round((i * 20 + t) * 10.3) / 10),
  };
}

const kept = Array.from({ length: 8 }, (_, i) => image(i, i === 5 ? 'dog' : i % 2 === 0 ? 'person' : null));
const features = new Map(kept.map((k, i) => [k.file, featuresOf(i)]));
const cocoContext = { site: 'site', toolVersion: '0.0.0', categories: ['person', 'dog'], videoOrder: ['v'] };

describe('selection-features.json', () => {
  test('reads back exactly what was written, one kept frame per line, in the dataset order', () => {
    const text = serializeSelectionFeatures(kept, features);
    expect(text.split('\n')).toHaveLength(kept.length + 3);
    const read = parseSelectionFeatures(JSON.parse(text));
    expect([...read.keys()]).toEqual(kept.map((k) => k.file));
    expect(read).toEqual(features);
  });

  test('a kept frame without features cannot be written', () => {
    expect(() => serializeSelectionFeatures([...kept, image(99, null)], features)).toThrow('no appearance features recorded for v_000099.jpg');
  });

  test.each([
    ['not an object', 'x', []],
    ['another tile grid', { tileGrid: 8, frames: [] }, ['tileGrid']],
    ['a pHash that is not 64 bits', { tileGrid: 4, frames: [{ file: 'a.jpg', phash: '0101', tiles: featuresOf(1).tiles }] }, ['frames', 0, 'phash']],
    ['tiles of the wrong length', { tileGrid: 4, frames: [{ file: 'a.jpg', phash: featuresOf(1).phash, tiles: [1, 2, 3] }] }, ['frames', 0, 'tiles']],
    [
      'a tile out of 0-255',
      { tileGrid: 4, frames: [{ file: 'a.jpg', phash: featuresOf(1).phash, tiles: featuresOf(1).tiles.map(() => 300) }] },
      ['frames', 0, 'tiles', 0],
    ],
  ])('merge refuses %s, naming where', (_, value, where) => {
    const result = partSelectionFeaturesSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(where);
  });
});

describe('writeLabelling', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterEach(async () => cleanup());

  const job = (extra: Partial<LabellingJob>): LabellingJob => ({
    dir,
    kept,
    features,
    select: null,
    selectOnly: false,
    selectConfidence: 0.5,
    coco: buildCoco(kept, cocoContext),
    cocoContext,
    exports: {
      formats: ['coco', 'yolo'],
      site: 'site',
      modelVersion: 'm@0',
      labelStudioImages: '/',
      valFraction: 0.1,
      colorOf: () => '#ff0000',
    },
    ...extra,
  });

  test('without a budget: no selection files, the exports of every kept frame', async () => {
    const result = await writeLabelling(job({ selectOnly: true }));
    expect(result.selection).toBeNull();
    expect(result.selectedOnly).toBe(false);
    expect(await readdir(dir)).toEqual(['data.yaml', 'labels', 'train.txt', 'val.txt']);
    expect((await readdir(path.join(dir, 'labels'))).length).toBe(kept.length);
  });

  test('with --select 3 --select-only: the choice, the features it chose from, and the exports of the 3', async () => {
    const result = await writeLabelling(job({ select: 3, selectOnly: true }));
    expect(result.selection?.selected.map((s) => s.frameIndex)).toHaveLength(3);
    // The rarer class first: the only dog.
    expect(result.selection?.selected[0]?.frameIndex).toBe(5);
    expect(result.selectedOnly).toBe(true);
    expect(JSON.parse(await readFile(path.join(dir, 'selection.json'), 'utf8'))).toEqual(result.selection);
    expect(parseSelectionFeatures(JSON.parse(await readFile(path.join(dir, 'selection-features.json'), 'utf8')))).toEqual(features);
    const chosen = result.selection!.selected.map((s) => s.file.replace('.jpg', '.txt')).sort();
    expect((await readdir(path.join(dir, 'labels'))).sort()).toEqual(chosen);
    const selectedCoco = JSON.parse(await readFile(path.join(dir, 'annotations', 'instances-selected.json'), 'utf8')) as { images: unknown[] };
    expect(selectedCoco.images).toHaveLength(3);
    expect(result.exports.map((e) => [e.format, e.images])).toEqual([
      ['coco', 3],
      ['yolo', 3],
    ]);
  });
});
