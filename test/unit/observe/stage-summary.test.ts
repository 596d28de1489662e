/** logStageSummary (src/observe/stage-summary.ts): the per-stage summary lines of a run's log. */
import { describe, expect, test } from '@jest/globals';

import { createLogger } from '../../../src/observe/log.js';
import type { RunMetrics } from '../../../src/observe/metrics-contract.js';
import { logStageSummary, stageSummaries } from '../../../src/observe/stage-summary.js';

function metrics(): RunMetrics {
  const stage = (ms: number, share: number) => ({ ms, share });
  return {
    schemaVersion: 1,
    site: 'north-yard',
    frames: {
      decoded: 3000,
      sampled: 100,
      kept: 80,
      dropped: 20,
      droppedByReason: { corrupt: 1, black: 2, overexposed: 3, blurred: 4, duplicate: 10, labelled: 0 },
      bad: 10,
      duplicates: 10,
      labelled: 0,
    },
    frameDropRatio: 0.2,
    images: 80,
    detections: { total: 123, perImage: { min: 0, mean: 0, max: 0, histogram: [] }, byClass: [], classesWithoutDetections: [], classFilter: null },
    timings: {
      wallMs: 10_000,
      stageTotalMs: 10_000,
      stages: {
        probe: stage(100.4, 0.01),
        extract: stage(3000, 0.3),
        quality: stage(1000, 0.1),
        dedup: stage(500, 0.05),
        detect: stage(5000, 0.5),
        write: stage(399.6, 0.04),
      },
    },
    videos: [
      {
        name: 'cam.mp4',
        stem: 'cam',
        index: 0,
        sha256: 'a'.repeat(64),
        durationSeconds: 100,
        fps: 30,
        width: 640,
        height: 480,
        sizeBytes: 1,
        decode: 'all',
        decoded: 3000,
        decodeErrors: 0,
        sampled: 100,
        kept: 80,
        dropped: 20,
        bad: 10,
        duplicates: 10,
        labelled: 0,
        detections: 123,
        droppedByReason: { corrupt: 0, black: 0, overexposed: 0, blurred: 10, duplicate: 10, labelled: 0 },
        truncatedAtSeconds: null,
        inference: { width: 640, height: 480 },
      },
    ],
    phashDistance: { count: 0, min: 0, median: 0, mean: 0, max: 0, histogram: [] },
    dataLoss: [],
    compute: {
      videoSeconds: 10,
      computeSeconds: 2,
      computeSecondsPerVideoHour: 720,
      pricePerHour: null,
      cost: null,
      costPerVideoHour: null,
      executionProviders: ['cpu'],
    },
    exports: [],
    selection: null,
    qualityGates: [],
  };
}

describe('stageSummaries', () => {
  test('follows the frames through the stages', () => {
    expect(stageSummaries(metrics()).map((s) => [s.stage, s.unit, s.countIn, s.count, s.durationMs])).toEqual([
      ['probe', 'videos', 1, 1, 100],
      ['extract', 'frames', 3000, 100, 3000],
      ['quality', 'frames', 100, 90, 1000],
      ['dedup', 'frames', 90, 80, 500],
      ['detect', 'frames', 80, 80, 5000],
      ['write', 'images', 80, 80, 400],
    ]);
    expect(stageSummaries(metrics()).find((s) => s.stage === 'dedup')?.extra).toBeUndefined();
  });

  test('frames already labelled leave in the dedup stage, counted as such', () => {
    const m = metrics();
    m.frames = { ...m.frames, kept: 50, dropped: 50, labelled: 30, droppedByReason: { ...m.frames.droppedByReason, labelled: 30 } };
    const dedup = stageSummaries(m).find((s) => s.stage === 'dedup')!;
    expect([dedup.countIn, dedup.count, dedup.extra]).toEqual([90, 50, { labelled: 30 }]);
    expect(stageSummaries(m).find((s) => s.stage === 'detect')?.countIn).toBe(50);
  });
});

describe('logStageSummary', () => {
  test('writes one JSON line per stage with run id, site, stage, counts and duration as fields', () => {
    const lines: string[] = [];
    const logger = createLogger({
      format: 'json',
      stream: { write: (chunk: string) => lines.push(chunk) },
      clock: () => new Date('2025-03-04T05:06:07.000Z'),
    }).child({ runId: 'abc123', site: 'north-yard' });
    logStageSummary(logger, metrics());
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(6);
    expect(records[1]).toEqual({
      time: '2025-03-04T05:06:07.000Z',
      level: 'info',
      msg: 'stage extract: 3000 → 100 frames in 3000 ms (30 %)',
      runId: 'abc123',
      site: 'north-yard',
      stage: 'extract',
      unit: 'frames',
      countIn: 3000,
      count: 100,
      durationMs: 3000,
      share: 0.3,
    });
    expect(records[4]).toMatchObject({ stage: 'detect', count: 80, detections: 123 });
    expect(records.map((r) => r.stage)).toEqual(['probe', 'extract', 'quality', 'dedup', 'detect', 'write']);
    expect(records.every((r) => r.runId === 'abc123' && r.site === 'north-yard')).toBe(true);
  });
});
