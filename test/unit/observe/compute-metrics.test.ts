import { describe, expect, test } from '@jest/globals';

import type { Detection } from '../../../src/domain/detection.js';
import type { DropReason } from '../../../src/domain/drop-reason.js';
import type { FrameRecord, KeptImage } from '../../../src/domain/frame-record.js';
import type { VideoInfo } from '../../../src/domain/video.js';
import { computeMetrics } from '../../../src/observe/compute-metrics.js';
import { RunRecorder } from '../../../src/observe/recorder.js';
import { frameRow, type RowFields } from '../../support/frame-rows.js';
import { testVideo } from '../../support/raw-frames.js';

/** A probed MP4 of this stem and place among the inputs. */
function videoInfo(stem: string, index: number): VideoInfo {
  return testVideo({
    path: `/videos/${stem}.mp4`,
    stem,
    index,
    container: 'mov,mp4',
    durationSeconds: 60.123456,
    fps: 29.97002997,
    width: 1920,
    height: 1080,
    frameCount: 1800,
    sizeBytes: 12_345_678,
  });
}

function frame(video: string, frameIndex: number, reason: DropReason | null, extra: Partial<RowFields> = {}): FrameRecord {
  return frameRow({ video, frameIndex, ...extra }, reason);
}

function det(className: string, score: number, classIndex = 0): Detection {
  return { classIndex, className, score, box: { x: 0, y: 0, width: 10, height: 10 } };
}

function kept(video: string, frameIndex: number, detections: Detection[]): KeptImage {
  return { file: `${video}_${frameIndex}.jpg`, video, frameIndex, timestampMs: frameIndex * 1000, decode: 'sequential', width: 1920, height: 1080, detections };
}

/** Two videos, 10 sampled frames: 5 kept, 2 blurred, 1 black, 2 duplicates. */
function filledRecorder(): RunRecorder {
  const r = new RunRecorder();
  r.recordVideo({ info: videoInfo('cam-a', 0), sha256: 'a'.repeat(64), decode: { mode: 'all', reason: 'asked for' }, framesDecoded: 600, decodeErrors: 0 });
  r.recordVideo({ info: videoInfo('cam-b', 1), sha256: 'b'.repeat(64), decode: { mode: 'all', reason: 'asked for' }, framesDecoded: 400, decodeErrors: 2 });
  const reasonsA: (DropReason | null)[] = [null, 'blurred', null, 'duplicate', null, 'black'];
  reasonsA.forEach((reason, i) => r.recordFrame(frame('cam-a', i * 30, reason, { phashDistance: i === 0 ? null : i * 2 })));
  const reasonsB: (DropReason | null)[] = [null, 'duplicate', 'blurred', null];
  reasonsB.forEach((reason, i) => r.recordFrame(frame('/videos/cam-b.mp4', i * 30, reason, { phashDistance: i === 0 ? null : 40 })));
  r.recordKept(kept('cam-a', 0, [det('truck', 0.9, 7), det('person', 0.5), det('person', 0.7)]));
  r.recordKept(kept('cam-a', 60, []));
  r.recordKept(
    kept(
      'cam-a',
      120,
      Array.from({ length: 12 }, () => det('person', 0.6)),
    ),
  );
  r.recordKept(kept('cam-b', 0, [det('car', 0.8, 2), det('truck', 0.7, 7)]));
  r.recordKept(kept('cam-b', 90, [det('bus', 0.4, 5)]));
  r.addStageTime('extract', 300);
  r.addStageTime('detect', 600);
  r.addStageTime('write', 100);
  r.finish();
  return r;
}

/** Paths of numbers in `value` that are NaN or infinite (which JSON would turn into null). */
function nonFiniteNumbers(value: unknown, at = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [at];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${at}.${k}`));
}

const CLASSES = ['person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck'];

describe('computeMetrics: frames and detections', () => {
  const m = computeMetrics(filledRecorder(), { site: 'north-gate', classNames: CLASSES });

  test('counts frames by outcome and reason', () => {
    expect(m.schemaVersion).toBe(1);
    expect(m.site).toBe('north-gate');
    expect(m.frames).toEqual({
      decoded: 1000,
      sampled: 10,
      kept: 5,
      dropped: 5,
      droppedByReason: { corrupt: 0, black: 1, overexposed: 0, blurred: 2, duplicate: 2, labelled: 0 },
      bad: 3,
      duplicates: 2,
      labelled: 0,
    });
    expect(Object.keys(m.frames.droppedByReason)).toEqual(['corrupt', 'black', 'overexposed', 'blurred', 'duplicate', 'labelled']);
    expect(m.frameDropRatio).toBe(0.5);
    expect(m.images).toBe(5);
  });

  test('summarises detections per image with 0..9, 10+ buckets', () => {
    expect(m.detections.total).toBe(18);
    expect(m.detections.perImage.min).toBe(0);
    expect(m.detections.perImage.max).toBe(12);
    expect(m.detections.perImage.mean).toBe(3.6);
    const h = m.detections.perImage.histogram;
    expect(h.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10+']);
    expect(h.map((b) => b.count)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1]);
  });

  test('sorts classes by count, then name, and lists undetected model classes', () => {
    expect(m.detections.byClass).toEqual([
      { name: 'person', count: 14, meanScore: 0.6 },
      { name: 'truck', count: 2, meanScore: 0.8 },
      { name: 'bus', count: 1, meanScore: 0.4 },
      { name: 'car', count: 1, meanScore: 0.8 },
    ]);
    expect(m.detections.classesWithoutDetections).toEqual(['bicycle', 'motorcycle', 'airplane', 'train']);
    expect(m.detections.classFilter).toBeNull();
  });

  test('with a class filter, lists only the filtered classes never detected: the others were filtered out, not missed', () => {
    const filtered = computeMetrics(filledRecorder(), { site: 'north-gate', classNames: CLASSES, classFilter: ['train', 'person'] });
    expect(filtered.detections.classFilter).toEqual({ kept: ['train', 'person'], modelClasses: CLASSES.length });
    expect(filtered.detections.classesWithoutDetections).toEqual(['train']);
    expect(computeMetrics(filledRecorder(), { site: 's', classNames: CLASSES, classFilter: [] }).detections.classFilter).toBeNull();
  });
});

describe('computeMetrics: timings, videos and distances', () => {
  const m = computeMetrics(filledRecorder(), { site: 'north-gate', classNames: CLASSES });

  test('gives stage times with shares of the stage total', () => {
    expect(Object.keys(m.timings.stages)).toEqual(['probe', 'extract', 'quality', 'dedup', 'detect', 'write']);
    expect(m.timings.stageTotalMs).toBe(1000);
    expect(m.timings.stages.detect).toEqual({ ms: 600, share: 0.6 });
    expect(m.timings.stages.probe).toEqual({ ms: 0, share: 0 });
    expect(m.timings.wallMs).toBeGreaterThanOrEqual(0);
  });

  test('summarises each video, matching records by stem or path', () => {
    expect(m.videos).toHaveLength(2);
    expect(m.videos[0]).toEqual({
      name: 'cam-a.mp4',
      stem: 'cam-a',
      index: 0,
      sha256: 'a'.repeat(64),
      decode: 'all',
      durationSeconds: 60.123,
      fps: 29.97,
      width: 1920,
      height: 1080,
      sizeBytes: 12_345_678,
      decoded: 600,
      decodeErrors: 0,
      sampled: 6,
      kept: 3,
      dropped: 3,
      droppedByReason: { corrupt: 0, black: 1, overexposed: 0, blurred: 1, duplicate: 1, labelled: 0 },
      bad: 2,
      duplicates: 1,
      labelled: 0,
      detections: 15,
      truncatedAtSeconds: null,
      inference: null,
    });
    expect(m.videos[1]).toMatchObject({ name: 'cam-b.mp4', sampled: 4, kept: 2, dropped: 2, detections: 3 });
  });

  test('keeps the key order of metrics.json: decoded first, the shared frame counts, then the rest', () => {
    const counts = ['sampled', 'kept', 'dropped', 'droppedByReason', 'bad', 'duplicates', 'labelled'];
    expect(Object.keys(m.frames)).toEqual(['decoded', ...counts]);
    expect(Object.keys(m.videos[0] ?? {})).toEqual([
      'name',
      'stem',
      'index',
      'sha256',
      'durationSeconds',
      'fps',
      'width',
      'height',
      'sizeBytes',
      'decode',
      'decoded',
      'truncatedAtSeconds',
      'decodeErrors',
      'inference',
      ...counts,
      'detections',
    ]);
  });

  test('summarises pHash distances', () => {
    // cam-a: 2, 4, 6, 8, 10; cam-b: 40, 40, 40
    expect(m.phashDistance).toMatchObject({ count: 8, min: 2, median: 9, max: 40, mean: 18.75 });
    const byLabel = Object.fromEntries(m.phashDistance.histogram.map((b) => [b.label, b.count]));
    expect(byLabel).toMatchObject({ '2': 1, '4': 1, '6': 1, '8': 1, '10-11': 1, '32+': 3, '0': 0 });
    expect(m.phashDistance.histogram.reduce((a, b) => a + b.count, 0)).toBe(8);
  });
});

describe('computeMetrics: edge cases', () => {
  const m = computeMetrics(filledRecorder(), { site: 'north-gate', classNames: CLASSES });

  test('is JSON-serialisable without loss', () => {
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  test('gives zeros, not NaN, for an empty run', () => {
    const empty = computeMetrics(new RunRecorder(), { site: 's', classNames: [] });
    expect(nonFiniteNumbers(empty)).toEqual([]);
    expect(empty.frameDropRatio).toBe(0);
    expect(empty.frames.droppedByReason).toEqual({ corrupt: 0, black: 0, overexposed: 0, blurred: 0, duplicate: 0, labelled: 0 });
    expect(empty.detections.perImage).toMatchObject({ min: 0, mean: 0, max: 0 });
    expect(empty.detections.byClass).toEqual([]);
    expect(empty.phashDistance).toMatchObject({ count: 0, min: 0, median: 0, mean: 0, max: 0 });
    expect(empty.timings.stages.detect).toEqual({ ms: 0, share: 0 });
    expect(empty.videos).toEqual([]);
  });

  test('falls back to the model class name when a detection has none', () => {
    const r = new RunRecorder();
    r.recordKept(kept('v', 0, [det('', 0.5, 2)]));
    const metrics = computeMetrics(r, { site: 's', classNames: CLASSES });
    expect(metrics.detections.byClass).toEqual([{ name: 'car', count: 1, meanScore: 0.5 }]);
  });
});

describe('data loss', () => {
  /** One video whose sampled frames are `duplicates` duplicates, `blurred` blurred and the rest kept. */
  function run(sampled: number, blurred: number, duplicates: number): RunRecorder {
    const r = new RunRecorder();
    r.recordVideo({
      info: videoInfo('cam-a', 0),
      sha256: 'a'.repeat(64),
      decode: { mode: 'all', reason: 'asked for' },
      framesDecoded: sampled,
      decodeErrors: 0,
    });
    for (let i = 0; i < sampled; i++) {
      const reason: DropReason | null = i < blurred ? 'blurred' : i < blurred + duplicates ? 'duplicate' : null;
      r.recordFrame(frame('cam-a', i, reason));
      if (reason === null) r.recordKept(kept('cam-a', i, []));
    }
    r.finish();
    return r;
  }

  test('warns when one reason drops more than half of the non-duplicate frames, and not at half', () => {
    expect(computeMetrics(run(10, 5, 0), { site: 's', classNames: [] }).dataLoss).toEqual([]);
    expect(computeMetrics(run(10, 6, 0), { site: 's', classNames: [] }).dataLoss).toEqual([
      { kind: 'reason', video: 'cam-a', reason: 'blurred', dropped: 6, of: 10 },
    ]);
    // Duplicates are not counted: 4 blurred of the 6 frames that were not duplicates.
    expect(computeMetrics(run(10, 4, 4), { site: 's', classNames: [] }).dataLoss).toEqual([
      { kind: 'reason', video: 'cam-a', reason: 'blurred', dropped: 4, of: 6 },
    ]);
  });

  test('warns of a damaged video, with the frames dropped as corrupt, in place of the corrupt reason', () => {
    const damaged = (corrupt: number, decodeErrors: number): RunRecorder => {
      const r = new RunRecorder();
      r.recordVideo({ info: videoInfo('cam-a', 0), sha256: 'a'.repeat(64), decode: { mode: 'all', reason: 'asked for' }, framesDecoded: 10, decodeErrors });
      for (let i = 0; i < 10; i++) {
        r.recordFrame(frame('cam-a', i, i < corrupt ? 'corrupt' : null));
        if (i >= corrupt) r.recordKept(kept('cam-a', i, []));
      }
      r.finish();
      return r;
    };
    expect(computeMetrics(damaged(0, 0), { site: 's', classNames: [] }).dataLoss).toEqual([]);
    expect(computeMetrics(damaged(0, 3), { site: 's', classNames: [] }).dataLoss).toEqual([
      { kind: 'damaged', video: 'cam-a', decodeErrors: 3, dropped: 0, sampled: 10 },
    ]);
    // Most frames corrupt: one warning (damaged), not a second one for the corrupt reason.
    expect(computeMetrics(damaged(7, 1), { site: 's', classNames: [] }).dataLoss).toEqual([
      { kind: 'damaged', video: 'cam-a', decodeErrors: 1, dropped: 7, sampled: 10 },
    ]);
  });

  test('warns when the dataset has no images, duplicates alone or not', () => {
    expect(computeMetrics(run(3, 0, 3), { site: 's', classNames: [] }).dataLoss).toEqual([{ kind: 'no-images', sampled: 3, labelled: 0 }]);
  });

  test('frames already labelled are counted apart: not a drop ratio, not a quality loss, named when nothing is left', () => {
    const labelled = (reasons: readonly (DropReason | null)[]): RunRecorder => {
      const r = new RunRecorder();
      r.recordVideo({ info: videoInfo('cam-a', 0), sha256: 'a'.repeat(64), decode: { mode: 'all', reason: 'asked for' }, framesDecoded: 10, decodeErrors: 0 });
      reasons.forEach((reason, i) => {
        r.recordFrame(frame('cam-a', i, reason));
        if (reason === null) r.recordKept(kept('cam-a', i, []));
      });
      r.finish();
      return r;
    };
    // Of 10 frames: 2 blurred, 6 already labelled, 2 kept.
    const m = computeMetrics(labelled(['blurred', 'blurred', ...Array<DropReason>(6).fill('labelled'), null, null]), { site: 's', classNames: [] });
    expect(m.frames).toMatchObject({ sampled: 10, kept: 2, dropped: 8, bad: 2, duplicates: 0, labelled: 6 });
    expect(m.frames.droppedByReason.labelled).toBe(6);
    expect(m.videos[0]!.labelled).toBe(6);
    expect(m.frameDropRatio).toBe(0.2);
    expect(m.dataLoss).toEqual([]);
    expect(computeMetrics(labelled(['labelled', 'labelled', 'duplicate']), { site: 's', classNames: [] }).dataLoss).toEqual([
      { kind: 'no-images', sampled: 3, labelled: 2 },
    ]);
  });
});
