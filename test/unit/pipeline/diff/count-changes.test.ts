/** Detections counted for the diff (src/pipeline/diff/count-changes.ts) on a dataset far larger than any test run. */
import { describe, expect, test } from '@jest/globals';

import type { KeptImage } from '../../../../src/domain/frame-record.js';
import { detectionChanges } from '../../../../src/pipeline/diff/count-changes.js';
import type { DatasetPart } from '../../../../src/pipeline/merge/dataset-part.js';

function part(images: number, boxes: (i: number) => number): DatasetPart {
  const kept = Array.from({ length: images }, (_, i): KeptImage => ({
    file: `cam_${i}.jpg`,
    video: 'cam',
    frameIndex: i,
    timestampMs: i,
    decode: 'sequential',
    width: 64,
    height: 48,
    detections: Array.from({ length: boxes(i) }, () => ({ classIndex: 0, className: 'person', score: 0.55, box: { x: 0, y: 0, width: 4, height: 4 } })),
  }));
  return { kept } as unknown as DatasetPart;
}

describe('detectionChanges', () => {
  test('300 000 images (a week of one camera at one frame in two seconds): min, mean and max per image, scores by tenth', () => {
    const changes = detectionChanges(
      part(300_000, (i) => i % 3),
      part(300_000, () => 1),
    );
    expect(changes.before.perImage).toEqual({ min: 0, mean: 1, max: 2 });
    expect(changes.after.perImage).toEqual({ min: 1, mean: 1, max: 1 });
    expect(changes.total).toEqual({ before: 300_000, after: 300_000 });
    expect(changes.after.scoreBuckets[5]).toBe(300_000);
  });
});
