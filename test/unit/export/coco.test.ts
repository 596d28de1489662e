import { describe, expect, test } from '@jest/globals';

import type { Detection } from '../../../src/domain/detection.js';
import type { KeptImage } from '../../../src/domain/frame-record.js';
import { buildCoco, serializeCoco } from '../../../src/export/coco.js';

const det = (className: string, score: number, x: number, y: number, w: number, h: number): Detection => ({
  classIndex: 0,
  className,
  score,
  box: { x, y, width: w, height: h },
});

const kept: KeptImage[] = [
  {
    file: 'b_000010.jpg',
    video: 'b',
    frameIndex: 10,
    timestampMs: 1000,
    decode: 'sequential',
    width: 640,
    height: 480,
    detections: [det('car', 0.91234567, 10.123, 20.456, 100, 50)],
  },
  { file: 'a_000020.jpg', video: 'a', frameIndex: 20, timestampMs: 2000, decode: 'sequential', width: 320, height: 240, detections: [] },
  {
    file: 'a_000000.jpg',
    video: 'a',
    frameIndex: 0,
    timestampMs: 0,
    decode: 'sequential',
    width: 320,
    height: 240,
    detections: [det('person', 0.8, 0, 0, 320, 240), det('car', 0.3, 5, 5, 10, 10), det('kite', 0.5, 1, 1, 2, 2)],
  },
];
const context = { site: 'yard', toolVersion: '1.2.3', categories: ['person', 'car'], videoOrder: ['a', 'b'] };

describe('buildCoco', () => {
  const coco = buildCoco(kept, context);

  test('images sorted by video order then frame index, ids from 1', () => {
    expect(coco.images.map((i) => [i.id, i.file_name])).toEqual([
      [1, 'a_000000.jpg'],
      [2, 'a_000020.jpg'],
      [3, 'b_000010.jpg'],
    ]);
    expect(coco.images[0]).toEqual({
      id: 1,
      file_name: 'a_000000.jpg',
      width: 320,
      height: 240,
      video: 'a',
      frame_index: 0,
      timestamp_ms: 0,
      decode: 'sequential',
      site: 'yard',
    });
  });

  test('annotation ids unique from 1 and every reference valid', () => {
    const ids = coco.annotations.map((a) => a.id);
    expect(ids).toEqual([1, 2, 3]);
    const imageIds = new Set(coco.images.map((i) => i.id));
    const categoryIds = new Set(coco.categories.map((c) => c.id));
    for (const a of coco.annotations) {
      expect(imageIds.has(a.image_id)).toBe(true);
      expect(categoryIds.has(a.category_id)).toBe(true);
      const image = coco.images.find((i) => i.id === a.image_id)!;
      const [x, y, w, h] = a.bbox;
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + w).toBeLessThanOrEqual(image.width);
      expect(y + h).toBeLessThanOrEqual(image.height);
      expect(a.area).toBeCloseTo(w * h, 1);
      expect(a.iscrowd).toBe(0);
    }
  });

  test('categories from 1 in the given order; detections of other classes are left out', () => {
    expect(coco.categories).toEqual([
      { id: 1, name: 'person', supercategory: 'object' },
      { id: 2, name: 'car', supercategory: 'object' },
    ]);
    expect(coco.annotations.some((a) => a.score === 0.5)).toBe(false);
  });

  test('values are rounded so the file is stable', () => {
    const car = coco.annotations.find((a) => a.image_id === 3)!;
    expect(car.bbox).toEqual([10.12, 20.46, 100, 50]);
    expect(car.score).toBe(0.9123);
  });

  test('no wall-clock values: the same input gives the same bytes in any order', () => {
    const again = buildCoco([...kept].reverse(), context);
    expect(serializeCoco(again)).toBe(serializeCoco(coco));
    expect(serializeCoco(coco)).not.toMatch(/date|time_created|20\d\d-\d\d-\d\d/);
    expect(Object.keys(coco)).toEqual(['info', 'licenses', 'images', 'annotations', 'categories']);
  });
});
