/**
 * The dedup novelty figure of the benchmark: of the frames a run dropped as duplicates, the share
 * whose per-class counts of detections (score >= 0.5) differ from those of the last kept frame before
 * them. The counts come from a reference run of the same video and sampling with dedup off (every
 * frame detected), so both frames of a pair were detected the same way.
 */
import { readFile } from 'node:fs/promises';

import { frameRowsFromCsv } from '../../src/observe/csv.js';

export const NOVELTY_MIN_SCORE = 0.5;

interface Coco {
  images: { id: number; video: string; frame_index: number }[];
  annotations: { image_id: number; category_id: number; score: number }[];
}

/** `video:frameIndex` → the frame's per-class counts as a canonical string (e.g. `1:3,3:1`), from a COCO file. */
export async function classCountsByFrame(cocoPath: string, minScore = NOVELTY_MIN_SCORE): Promise<Map<string, string>> {
  const coco = JSON.parse(await readFile(cocoPath, 'utf8')) as Coco;
  const perImage = new Map<number, Map<number, number>>();
  for (const a of coco.annotations) {
    if (a.score < minScore) continue;
    const classes = perImage.get(a.image_id) ?? new Map<number, number>();
    classes.set(a.category_id, (classes.get(a.category_id) ?? 0) + 1);
    perImage.set(a.image_id, classes);
  }
  return new Map(
    coco.images.map((image) => {
      const classes = [...(perImage.get(image.id) ?? new Map<number, number>()).entries()].sort((x, y) => x[0] - y[0]);
      return [`${image.video}:${image.frame_index}`, classes.map(([c, n]) => `${c}:${n}`).join(',')];
    }),
  );
}

export interface Novelty {
  duplicates: number;
  /** Duplicates whose counts differ from the last kept frame's. */
  novel: number;
  /** `video:frameIndex` of each novel duplicate. */
  frames: string[];
}

/** Reads a run's metrics.csv and judges each duplicate against the last kept frame of its video. */
export async function dedupNovelty(metricsCsvPath: string, counts: ReadonlyMap<string, string>): Promise<Novelty> {
  const rows = frameRowsFromCsv(await readFile(metricsCsvPath, 'utf8'));
  const lastKept = new Map<string, string>();
  const result: Novelty = { duplicates: 0, novel: 0, frames: [] };
  for (const row of rows) {
    const key = `${row.video}:${row.frameIndex}`;
    if (row.outcome === 'kept') {
      lastKept.set(row.video, key);
      continue;
    }
    if (row.reason !== 'duplicate') continue;
    result.duplicates++;
    const reference = lastKept.get(row.video);
    const mine = counts.get(key);
    if (reference === undefined || mine === undefined || !counts.has(reference)) {
      throw new Error(
        `no reference detections for ${key} or the frame kept before it: was the reference run made with the same sampling and --dedup-threshold -1?`,
      );
    }
    if (mine !== counts.get(reference)) {
      result.novel++;
      result.frames.push(key);
    }
  }
  return result;
}
