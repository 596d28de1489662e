import { describe, expect, test } from '@jest/globals';
import { register } from 'prom-client';

import type { DropReason } from '../../../src/domain/drop-reason.js';
import type { RunMetrics } from '../../../src/observe/metrics-contract.js';
import { buildPrometheusRegistry, renderPrometheus, type PrometheusInput } from '../../../src/observe/prometheus.js';
import { promtoolCheck } from '../../support/promtool.js';
import { parseSamples, sampleValue } from '../../support/pushgateway.js';

function bucket(label: string, min: number, max: number | null, count: number) {
  return { label, min, max, count };
}

interface VideoCounts {
  decoded: number;
  sampled: number;
  kept: number;
  droppedByReason: Record<DropReason, number>;
  detections: number;
}

function video(stem: string, index: number, counts: VideoCounts) {
  const { corrupt, black, overexposed, blurred, duplicate } = counts.droppedByReason;
  return {
    name: `${stem}.mp4`,
    stem,
    index,
    sha256: String(index).repeat(64),
    decode: 'all' as const,
    durationSeconds: 60,
    fps: 30,
    width: 1920,
    height: 1080,
    sizeBytes: 1_000_000,
    decodeErrors: index,
    dropped: corrupt + black + overexposed + blurred + duplicate,
    bad: corrupt + black + overexposed + blurred,
    duplicates: duplicate,
    labelled: 0,
    truncatedAtSeconds: null,
    inference: { width: 640, height: 480 },
    ...counts,
  };
}

const STAGE_MS = { probe: 120.5, extract: 2500, quality: 300.2, dedup: 45, detect: 4000.7, write: 80 };
const STAGE_TOTAL = Object.values(STAGE_MS).reduce((a, b) => a + b, 0);

/**
 * Two videos, 10 sampled frames: cam-a 3 kept + blurred + duplicate + black, cam-b 2 kept + duplicate +
 * corrupt; 5 images with 0, 1, 4, 12 and 60 detections (77: person 50, truck 27; car never).
 */
function handMadeRun(site = 'north-yard'): PrometheusInput {
  const metrics: RunMetrics = {
    schemaVersion: 1,
    site,
    frames: {
      decoded: 3000,
      sampled: 10,
      kept: 5,
      dropped: 5,
      droppedByReason: { corrupt: 1, black: 1, overexposed: 0, blurred: 1, duplicate: 2, labelled: 0 },
      bad: 3,
      duplicates: 2,
      labelled: 0,
    },
    frameDropRatio: 0.5,
    images: 5,
    detections: {
      total: 77,
      perImage: {
        min: 0,
        mean: 15.4,
        max: 60,
        histogram: [bucket('0', 0, 0, 1), bucket('1', 1, 1, 1), bucket('4', 4, 4, 1), bucket('10+', 10, null, 2)],
      },
      byClass: [
        { name: 'person', count: 50, meanScore: 0.71 },
        { name: 'truck', count: 27, meanScore: 0.66 },
      ],
      classesWithoutDetections: ['car'],
      classFilter: null,
    },
    timings: {
      wallMs: 7890,
      stageTotalMs: STAGE_TOTAL,
      stages: Object.fromEntries(
        Object.entries(STAGE_MS).map(([stage, ms]) => [stage, { ms, share: Math.round((ms / STAGE_TOTAL) * 1e4) / 1e4 }]),
      ) as RunMetrics['timings']['stages'],
    },
    videos: [
      video('cam-a', 0, {
        decoded: 1800,
        sampled: 6,
        kept: 3,
        droppedByReason: { corrupt: 0, black: 1, overexposed: 0, blurred: 1, duplicate: 1, labelled: 0 },
        detections: 16,
      }),
      video('cam-b', 1, {
        decoded: 1200,
        sampled: 4,
        kept: 2,
        droppedByReason: { corrupt: 1, black: 0, overexposed: 0, blurred: 0, duplicate: 1, labelled: 0 },
        detections: 61,
      }),
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
  return {
    metrics,
    manifest: {
      tool: { version: '0.1.0' },
      model: { sha256: '1d8554503630c54925faba0a5c1cc3e7f26d8c44ed82273d4e843569792c8821' },
      config: { model: { name: 'yolov8n-coco' } },
      run: { finishedAt: '2025-03-04T05:06:07.890Z', wallSeconds: 7.89 },
    },
    detectionsPerImage: [0, 1, 4, 12, 60],
  };
}

const FAMILIES = [
  ['dataset_gen_run_info', 'gauge'],
  ['dataset_gen_last_success_timestamp_seconds', 'gauge'],
  ['dataset_gen_run_duration_seconds', 'gauge'],
  ['dataset_gen_frames_decoded_total', 'counter'],
  ['dataset_gen_decode_errors_total', 'counter'],
  ['dataset_gen_frames_total', 'counter'],
  ['dataset_gen_drop_ratio', 'gauge'],
  ['dataset_gen_images_total', 'counter'],
  ['dataset_gen_detections_total', 'counter'],
  ['dataset_gen_detections_per_image', 'histogram'],
  ['dataset_gen_stage_duration_seconds', 'gauge'],
] as const;

describe('renderPrometheus', () => {
  test('declares every metric once with HELP and TYPE, in a fixed order', async () => {
    const text = await renderPrometheus(handMadeRun());
    const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1], m[2]]);
    expect(types).toEqual(FAMILIES.map(([name, type]) => [name, type]));
    const helps = [...text.matchAll(/^# HELP (\S+) (.+)$/gm)].map((m) => m[1]);
    expect(helps).toEqual(FAMILIES.map(([name]) => name));
    expect(text.endsWith('\n')).toBe(true);
    // Same input, same bytes.
    expect(await renderPrometheus(handMadeRun())).toBe(text);
  });

  test('carries the values of the run', async () => {
    const s = parseSamples(await renderPrometheus(handMadeRun()));
    const site = 'north-yard';
    expect(sampleValue(s, 'dataset_gen_images_total', { site })).toBe(5);
    expect(sampleValue(s, 'dataset_gen_drop_ratio', { site })).toBe(0.5);
    expect(sampleValue(s, 'dataset_gen_last_success_timestamp_seconds', { site })).toBe(1741064767.89);
    expect(sampleValue(s, 'dataset_gen_run_duration_seconds', { site })).toBe(7.89);
    expect(
      sampleValue(s, 'dataset_gen_run_info', {
        site,
        version: '0.1.0',
        model: 'yolov8n-coco',
        model_sha256: '1d8554503630c54925faba0a5c1cc3e7f26d8c44ed82273d4e843569792c8821',
      }),
    ).toBe(1);

    const frames = (video: string, outcome: string, reason: string) => sampleValue(s, 'dataset_gen_frames_total', { site, video, outcome, reason });
    expect(frames('cam-a', 'kept', '')).toBe(3);
    expect(frames('cam-a', 'dropped', 'blurred')).toBe(1);
    expect(frames('cam-a', 'dropped', 'duplicate')).toBe(1);
    expect(frames('cam-a', 'dropped', 'black')).toBe(1);
    expect(frames('cam-a', 'dropped', 'corrupt')).toBe(0);
    expect(frames('cam-b', 'kept', '')).toBe(2);
    expect(frames('cam-b', 'dropped', 'duplicate')).toBe(1);
    expect(frames('cam-b', 'dropped', 'corrupt')).toBe(1);
    expect(frames('cam-b', 'dropped', 'overexposed')).toBe(0);
    const frameSeries = s.filter((x) => x.name === 'dataset_gen_frames_total');
    expect(frameSeries).toHaveLength(2 * 7);
    expect(frameSeries.reduce((acc, x) => acc + x.value, 0)).toBe(10);
    expect(frameSeries.filter((x) => x.labels.outcome === 'kept').every((x) => x.labels.reason === '')).toBe(true);

    expect(sampleValue(s, 'dataset_gen_frames_decoded_total', { site, video: 'cam-a' })).toBe(1800);
    expect(sampleValue(s, 'dataset_gen_decode_errors_total', { site, video: 'cam-b' })).toBe(1);

    expect(sampleValue(s, 'dataset_gen_detections_total', { site, class: 'person' })).toBe(50);
    expect(sampleValue(s, 'dataset_gen_detections_total', { site, class: 'truck' })).toBe(27);
    expect(sampleValue(s, 'dataset_gen_detections_total', { site, class: 'car' })).toBe(0);
    expect(s.filter((x) => x.name === 'dataset_gen_detections_total').map((x) => x.labels.class)).toEqual(['car', 'person', 'truck']);

    const buckets = s.filter((x) => x.name === 'dataset_gen_detections_per_image_bucket').map((x) => [x.labels.le, x.value]);
    expect(buckets).toEqual([
      ['0', 1],
      ['1', 2],
      ['2', 2],
      ['3', 2],
      ['5', 3],
      ['10', 3],
      ['20', 4],
      ['50', 4],
      ['+Inf', 5],
    ]);
    expect(sampleValue(s, 'dataset_gen_detections_per_image_sum', { site })).toBe(77);
    expect(sampleValue(s, 'dataset_gen_detections_per_image_count', { site })).toBe(5);

    const stages = s.filter((x) => x.name === 'dataset_gen_stage_duration_seconds').map((x) => [x.labels.stage, x.value]);
    expect(stages).toEqual([
      ['probe', 0.1205],
      ['extract', 2.5],
      ['quality', 0.3002],
      ['dedup', 0.045],
      ['detect', 4.0007],
      ['write', 0.08],
    ]);
    // Every series is labelled with the site.
    expect(s.every((x) => x.labels.site === site)).toBe(true);
  });

  test('escapes quotes, backslashes and line breaks in label values', async () => {
    const site = 'yard "B" \\ east\nwing';
    const text = await renderPrometheus({ ...handMadeRun(site), site });
    expect(text).toContain('dataset_gen_images_total{site="yard \\"B\\" \\\\ east\\nwing"} 5\n');
    // Each sample stays on one line and reads back as the original value.
    const s = parseSamples(text);
    expect(sampleValue(s, 'dataset_gen_images_total', { site })).toBe(5);
    const check = await promtoolCheck(text);
    expect(check).toEqual({ code: 0, output: '' });
  });

  test('has an empty histogram and zero counts for a run that kept nothing', async () => {
    const run = handMadeRun();
    run.metrics = {
      ...run.metrics,
      frames: { ...run.metrics.frames, kept: 0 },
      videos: run.metrics.videos.map((v) => ({ ...v, kept: 0, droppedByReason: { ...v.droppedByReason, blurred: v.droppedByReason.blurred + v.kept } })),
      images: 0,
      detections: { ...run.metrics.detections, total: 0, byClass: [], classesWithoutDetections: ['person'] },
    };
    run.detectionsPerImage = [];
    const text = await renderPrometheus(run);
    const s = parseSamples(text);
    expect(sampleValue(s, 'dataset_gen_images_total', { site: 'north-yard' })).toBe(0);
    expect(sampleValue(s, 'dataset_gen_detections_per_image_count', { site: 'north-yard' })).toBe(0);
    expect(sampleValue(s, 'dataset_gen_detections_per_image_bucket', { le: '+Inf' })).toBe(0);
    expect(sampleValue(s, 'dataset_gen_detections_total', { class: 'person' })).toBe(0);
    expect(await promtoolCheck(text)).toEqual({ code: 0, output: '' });
  });
});

describe('buildPrometheusRegistry', () => {
  test('uses a fresh registry each time, never the global one', () => {
    const before = register.getMetricsAsArray().length;
    const a = buildPrometheusRegistry(handMadeRun('a'));
    const b = buildPrometheusRegistry(handMadeRun('b'));
    expect(a).not.toBe(b);
    expect(register.getMetricsAsArray()).toHaveLength(before);
  });

  test('refuses per-image inputs that do not match the metrics', () => {
    const run = handMadeRun();
    expect(() => buildPrometheusRegistry({ ...run, detectionsPerImage: [1, 2] })).toThrow(/detection counts for 2 images but the run wrote 5/);
  });
});

describe('promtool check metrics', () => {
  test('accepts metrics.prom without a single lint message', async () => {
    const text = await renderPrometheus(handMadeRun());
    const check = await promtoolCheck(text);
    expect(check).toEqual({ code: 0, output: '' });
  });

  test('is a working check: test flags a counter without _total', async () => {
    const check = await promtoolCheck('# HELP bad_seconds x\n# TYPE bad_seconds counter\nbad_seconds 1\n');
    expect(check.code).not.toBe(0);
    expect(check.output).toMatch(/_total/);
  });
});
