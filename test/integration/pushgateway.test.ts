/**
 * Round trip through a real Pushgateway (/usr/bin/prometheus-pushgateway on 127.0.0.1): a run's metrics
 * (computed by computeMetrics from a filled recorder) are pushed per site and read back from the
 * gateway's /metrics; pushes to a gateway that is down, silent or refusing give warnings, never throws.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import type { DropReason } from '../../src/domain/drop-reason.js';
import type { VideoInfo } from '../../src/domain/video.js';
import { computeMetrics } from '../../src/observe/compute-metrics.js';
import type { RunMetrics } from '../../src/observe/metrics-contract.js';
import { buildPrometheusRegistry, type PrometheusInput } from '../../src/observe/prometheus.js';
import { pushMetrics } from '../../src/observe/pushgateway.js';
import { RunRecorder } from '../../src/observe/recorder.js';
import { frameRow } from '../support/frame-rows.js';
import { freePort, parseSamples, sampleValue, startPushgateway, type Pushgateway } from '../support/pushgateway.js';
import { testVideo } from '../support/raw-frames.js';

const JOB = 'dataset-gen';

/** A probed MP4 of this stem and place among the inputs. */
function videoInfo(stem: string, index: number): VideoInfo {
  return testVideo({
    path: `/videos/${stem}.mp4`,
    stem,
    index,
    container: 'mov,mp4',
    durationSeconds: 60,
    fps: 30,
    width: 1920,
    height: 1080,
    frameCount: 1800,
    sizeBytes: 1_000_000,
  });
}

/** A run as the pipeline records it: `keptDetections` gives each kept frame's detection count. */
function run(site: string, keptDetections: number[], drops: DropReason[]): { input: PrometheusInput; metrics: RunMetrics } {
  const recorder = new RunRecorder();
  recorder.recordVideo({
    info: videoInfo('cam-a', 0),
    sha256: 'a'.repeat(64),
    decode: { mode: 'all', reason: 'asked for' },
    framesDecoded: 1800,
    decodeErrors: 0,
  });
  let index = 0;
  for (const n of keptDetections) {
    recorder.recordFrame(
      frameRow({
        video: 'cam-a',
        frameIndex: index * 30,
        timestampMs: index * 1000,
        blurScore: 300,
        detections: n,
        inferenceMs: 5,
        imageFile: `cam-a_${index * 30}.jpg`,
      }),
    );
    recorder.recordKept({
      file: `cam-a_${index * 30}.jpg`,
      video: 'cam-a',
      frameIndex: index * 30,
      timestampMs: index * 1000,
      decode: 'sequential',
      width: 1920,
      height: 1080,
      detections: Array.from({ length: n }, (_, i) => ({
        classIndex: i % 2 === 0 ? 0 : 7,
        className: i % 2 === 0 ? 'person' : 'truck',
        score: 0.8,
        box: { x: 0, y: 0, width: 10, height: 10 },
      })),
    });
    index += 1;
  }
  for (const reason of drops) {
    recorder.recordFrame(frameRow({ video: 'cam-a', frameIndex: index * 30, timestampMs: index * 1000, blurScore: 300 }, reason));
    index += 1;
  }
  recorder.addStageTime('extract', 1500);
  recorder.addStageTime('detect', 2500);
  recorder.finish();
  const metrics = computeMetrics(recorder, { site, classNames: ['person', 'bicycle', 'truck'] });
  return {
    metrics,
    input: {
      metrics,
      manifest: {
        tool: { version: '0.1.0' },
        model: { sha256: 'c'.repeat(64) },
        config: { model: { name: 'yolov8n-coco' } },
        run: { finishedAt: '2025-03-04T05:06:07.890Z', wallSeconds: 4.5 },
      },
      detectionsPerImage: recorder.kept.map((k) => k.detections.length),
    },
  };
}

let gateway: Pushgateway;
beforeAll(async () => {
  gateway = await startPushgateway();
}, 30_000);
afterAll(async () => {
  await gateway?.stop();
});

describe('push to a real Pushgateway', () => {
  const north = run('north-yard', [0, 1, 3, 7, 25], ['blurred', 'duplicate', 'duplicate']);
  // A site with a slash, a space and quotes needs the base64 grouping-key form.
  const odd = run('yard/B "east"', [2, 2], ['black']);

  test('pushes a run and reads the same values back under job and site', async () => {
    const result = await pushMetrics(buildPrometheusRegistry(north.input), { url: gateway.origin, site: 'north-yard' });
    expect(result).toMatchObject({ ok: true, status: 200, warning: null, url: `${gateway.origin}/metrics/job/${JOB}/site/north-yard` });

    const s = parseSamples(await gateway.scrape());
    const group = { job: JOB, site: 'north-yard' };
    expect(sampleValue(s, 'dataset_gen_images_total', group)).toBe(north.metrics.images);
    expect(north.metrics.images).toBe(5);
    expect(sampleValue(s, 'dataset_gen_detections_total', { ...group, class: 'person' })).toBe(20);
    expect(sampleValue(s, 'dataset_gen_detections_total', { ...group, class: 'truck' })).toBe(16);
    expect(sampleValue(s, 'dataset_gen_detections_total', { ...group, class: 'bicycle' })).toBe(0);
    expect(sampleValue(s, 'dataset_gen_frames_total', { ...group, video: 'cam-a', outcome: 'kept', reason: '' })).toBe(5);
    expect(sampleValue(s, 'dataset_gen_frames_total', { ...group, video: 'cam-a', outcome: 'dropped', reason: 'duplicate' })).toBe(2);
    expect(sampleValue(s, 'dataset_gen_drop_ratio', group)).toBe(north.metrics.frameDropRatio);
    expect(sampleValue(s, 'dataset_gen_detections_per_image_count', group)).toBe(5);
    expect(sampleValue(s, 'dataset_gen_detections_per_image_sum', group)).toBe(36);
    expect(sampleValue(s, 'dataset_gen_detections_per_image_bucket', { ...group, le: '5' })).toBe(3);
    expect(sampleValue(s, 'dataset_gen_detections_per_image_bucket', { ...group, le: '10' })).toBe(4);
    expect(sampleValue(s, 'dataset_gen_stage_duration_seconds', { ...group, stage: 'detect' })).toBe(2.5);
    expect(sampleValue(s, 'dataset_gen_last_success_timestamp_seconds', group)).toBe(1741064767.89);
    expect(sampleValue(s, 'dataset_gen_run_info', { ...group, version: '0.1.0', model: 'yolov8n-coco', model_sha256: 'c'.repeat(64) })).toBe(1);
    expect(sampleValue(s, 'push_failure_time_seconds', group)).toBe(0);
    expect(sampleValue(s, 'push_time_seconds', group)).toBeGreaterThan(0);
  });

  test('keeps one group per site (base64 key for an unusual name), and a new push replaces its site only', async () => {
    const first = await pushMetrics(buildPrometheusRegistry(odd.input), { url: `${gateway.origin}/`, site: 'yard/B "east"' });
    expect(first).toMatchObject({ ok: true, warning: null });
    expect(first.url).toBe(`${gateway.origin}/metrics/job/${JOB}/site@base64/${Buffer.from('yard/B "east"').toString('base64url')}`);

    let s = parseSamples(await gateway.scrape());
    const groups = new Set(s.filter((x) => x.name === 'dataset_gen_images_total').map((x) => `${x.labels.job} ${x.labels.site}`));
    expect(groups).toEqual(new Set([`${JOB} north-yard`, `${JOB} yard/B "east"`]));
    expect(sampleValue(s, 'dataset_gen_images_total', { job: JOB, site: 'yard/B "east"' })).toBe(2);
    expect(sampleValue(s, 'dataset_gen_images_total', { job: JOB, site: 'north-yard' })).toBe(5);

    // PUT replaces the site's group: the next run of north-yard is what the gateway shows.
    const rerun = run('north-yard', [4], []);
    expect((await pushMetrics(buildPrometheusRegistry(rerun.input), { url: gateway.origin, site: 'north-yard' })).ok).toBe(true);
    s = parseSamples(await gateway.scrape());
    expect(sampleValue(s, 'dataset_gen_images_total', { job: JOB, site: 'north-yard' })).toBe(1);
    expect(sampleValue(s, 'dataset_gen_frames_total', { job: JOB, site: 'north-yard', outcome: 'dropped', reason: 'duplicate' })).toBe(0);
    expect(sampleValue(s, 'dataset_gen_images_total', { job: JOB, site: 'yard/B "east"' })).toBe(2);
  });

  test.each([['ü ??>'], ['..'], ['a\\b\nc']])('round-trips the site name %j through the grouping key', async (site) => {
    const result = await pushMetrics(buildPrometheusRegistry(run(site, [1], []).input), { url: gateway.origin, site });
    expect(result).toMatchObject({ ok: true, warning: null });
    expect(sampleValue(parseSamples(await gateway.scrape()), 'dataset_gen_images_total', { job: JOB, site })).toBe(1);
  });

  test('PUTs the exposition text, with credentials in the URL sent as basic auth and never shown', async () => {
    const seen: { method?: string; url?: string; headers?: Record<string, unknown>; body?: string } = {};
    const capture = createHttpServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        Object.assign(seen, { method: request.method, url: request.url, headers: request.headers, body });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
    const address = capture.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const registry = buildPrometheusRegistry(north.input);
      const result = await pushMetrics(registry, { url: `http://ops:s3cret@127.0.0.1:${port}/gateway/`, site: 'north-yard' });
      expect(result).toMatchObject({ ok: true, url: `http://127.0.0.1:${port}/gateway/metrics/job/dataset-gen/site/north-yard` });
      expect(seen.method).toBe('PUT');
      expect(seen.url).toBe('/gateway/metrics/job/dataset-gen/site/north-yard');
      expect(seen.headers?.authorization).toBe(`Basic ${Buffer.from('ops:s3cret').toString('base64')}`);
      expect(seen.headers?.['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(seen.body).toBe(await registry.metrics());
    } finally {
      capture.closeAllConnections();
      await new Promise<void>((resolve) => capture.close(() => resolve()));
    }
  });

  test("turns a refused push (inconsistent metrics) into a warning with the gateway's reason", async () => {
    const bad = '# HELP dataset_gen_images_total x\n# TYPE dataset_gen_images_total gauge\ndataset_gen_images_total{site="x"} 1\n';
    const result = await pushMetrics(bad, { url: gateway.origin, site: 'x' });
    expect(result.ok).toBe(false);
    expect(result.status).toBe(400);
    expect(result.warning).toMatch(/^Could not push metrics to the Pushgateway at http:\/\/127\.0\.0\.1:\d+\/metrics\/job\/dataset-gen\/site\/x: HTTP 400/);
    // Nothing of the refused push reached the gateway.
    const s = parseSamples(await gateway.scrape());
    expect(sampleValue(s, 'dataset_gen_images_total', { site: 'x' })).toBeUndefined();
  });
});

describe('push to a gateway that is not there', () => {
  test('returns a warning, quickly, when nothing listens on the port', async () => {
    const port = await freePort();
    const started = Date.now();
    const result = await pushMetrics('up 1\n', { url: `http://127.0.0.1:${port}`, site: 'north-yard', timeoutMs: 2000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ ok: false, status: null });
    expect(result.warning).toBe(
      `Could not push metrics to the Pushgateway at http://127.0.0.1:${port}/metrics/job/dataset-gen/site/north-yard: connection refused (nothing listens there)`,
    );
  });

  test('gives up after the timeout when the gateway accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const started = Date.now();
      const result = await pushMetrics('up 1\n', { url: `http://127.0.0.1:${port}`, site: 'north-yard', timeoutMs: 500 });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(450);
      expect(elapsed).toBeLessThan(2000);
      expect(result.ok).toBe(false);
      expect(result.warning).toMatch(/: no answer within 0\.5 s$/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('returns a warning when the run cancels the push', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await pushMetrics('up 1\n', { url: gateway.origin, site: 'north-yard', signal: controller.signal });
    expect(result).toMatchObject({ ok: false, status: null });
    expect(result.warning).toMatch(/: cancelled$/);
  });

  test('returns a warning for a URL that is not http(s)', async () => {
    const result = await pushMetrics('up 1\n', { url: 'ftp://gateway', site: 'north-yard' });
    expect(result).toMatchObject({ ok: false, status: null });
    expect(result.warning).toMatch(/expected an http:\/\/ or https:\/\/ URL but received "ftp:\/\/gateway"/);
  });
});
