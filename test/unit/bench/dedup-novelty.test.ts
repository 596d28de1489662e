import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { frameRowsCsv } from '../../../src/observe/csv.js';
import { classCountsByFrame, dedupNovelty } from '../../bench/dedup-novelty.js';
import { frameRow } from '../../support/frame-rows.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dedup-novelty-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A reference COCO (dedup off): frames 0-5 of `cam`, with these (class, score) detections each. */
async function reference(detections: [number, number][][]): Promise<string> {
  const images = detections.map((_, i) => ({ id: i + 1, video: 'cam', frame_index: i }));
  const annotations = detections.flatMap((list, i) => list.map(([category_id, score]) => ({ image_id: i + 1, category_id, score })));
  const file = path.join(dir, `ref-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify({ images, annotations }));
  return file;
}

describe('classCountsByFrame', () => {
  test('counts detections per class at score >= 0.5, in class order', async () => {
    const counts = await classCountsByFrame(
      await reference([
        [
          [3, 0.9],
          [1, 0.5],
          [1, 0.7],
          [2, 0.49],
        ],
        [],
      ]),
    );
    expect(counts.get('cam:0')).toBe('1:2,3:1');
    expect(counts.get('cam:1')).toBe('');
  });
});

describe('dedupNovelty', () => {
  test('judges each duplicate against the last kept frame of its video, not the previous frame', async () => {
    const person = [1, 0.9] as [number, number];
    const car = [3, 0.8] as [number, number];
    const counts = await classCountsByFrame(await reference([[person], [person], [person, person], [person], [car], [person, person]]));
    const csv = path.join(dir, 'metrics.csv');
    await writeFile(
      csv,
      frameRowsCsv([
        frameRow({ video: 'cam', frameIndex: 0 }),
        frameRow({ video: 'cam', frameIndex: 1 }, 'duplicate'), // same as 0
        frameRow({ video: 'cam', frameIndex: 2 }, 'duplicate'), // two people: novel
        frameRow({ video: 'cam', frameIndex: 3 }, 'blurred'), // not a duplicate: not judged
        frameRow({ video: 'cam', frameIndex: 4 }),
        frameRow({ video: 'cam', frameIndex: 5 }, 'duplicate'), // against 4 (a car): novel
      ]),
    );
    expect(await dedupNovelty(csv, counts)).toEqual({ duplicates: 3, novel: 2, frames: ['cam:2', 'cam:5'] });
  });

  test('refuses a reference that lacks a dropped frame', async () => {
    const counts = await classCountsByFrame(await reference([[]]));
    const csv = path.join(dir, 'metrics-missing.csv');
    await writeFile(csv, frameRowsCsv([frameRow({ video: 'cam', frameIndex: 0 }), frameRow({ video: 'cam', frameIndex: 9 }, 'duplicate')]));
    await expect(dedupNovelty(csv, counts)).rejects.toThrow(/no reference detections for cam:9/);
  });
});
