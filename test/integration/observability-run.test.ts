/**
 * A whole run with the observability outputs switched on: metrics.prom accepted by promtool, the
 * metrics pushed to a real Pushgateway and read back, a runs.csv history over two runs, and a
 * Pushgateway that is down costing a warning, not the run.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { createLogger } from '../../src/observe/log.js';
import { resolveOptions, type RawOptions } from '../../src/options/resolve-options.js';
import { runPipeline, type RunResult } from '../../src/pipeline/run-pipeline.js';
import { promtoolCheck } from '../support/promtool.js';
import { freePort, parseSamples, sampleValue, startPushgateway, type Pushgateway } from '../support/pushgateway.js';
import { DEMO_VIDEO, MODEL, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let gateway: Pushgateway;
let first: RunResult;
let firstLog: string;

async function runWith(out: string, extra: RawOptions): Promise<{ result: RunResult; log: string }> {
  let log = '';
  const logger = createLogger({ format: 'json', stream: { write: (line: string) => ((log += line), true) } });
  const options = resolveOptions({ video: [DEMO_VIDEO], model: MODEL, out: path.join(dir, out), site: 'north yard', 'sample-fps': '0.5', ...extra });
  return { result: await runPipeline(options, { logger }), log };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  gateway = await startPushgateway();
  ({ result: first, log: firstLog } = await runWith('a', { 'pushgateway-url': gateway.origin, 'history-csv': path.join(dir, 'runs.csv') }));
}, 180_000);
afterAll(async () => {
  await gateway?.stop();
  await cleanup?.();
});

describe('observability outputs of a run', () => {
  test('metrics.prom is in the dataset and promtool accepts it', async () => {
    const text = await readFile(first.files.prometheus, 'utf8');
    expect(text).toContain('dataset_gen_images_total{site="north yard"}');
    const check = await promtoolCheck(text);
    expect(check).toEqual({ code: 0, output: '' });
  });

  test('the Pushgateway holds the run under job dataset-gen, grouped by site', async () => {
    const samples = parseSamples(await gateway.scrape());
    const group = { job: 'dataset-gen', site: 'north yard' };
    expect(sampleValue(samples, 'dataset_gen_images_total', group)).toBe(first.metrics.images);
    expect(sampleValue(samples, 'dataset_gen_drop_ratio', group)).toBeCloseTo(first.metrics.frameDropRatio, 6);
    const person = first.metrics.detections.byClass.find((c) => c.name === 'person')!;
    expect(sampleValue(samples, 'dataset_gen_detections_total', { ...group, class: 'person' })).toBe(person.count);
    expect(firstLog).toMatch(/"msg":"metrics pushed to /);
  });

  test('JSON logs carry run id, site and stage, with one summary line per stage', () => {
    const lines = firstLog
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const stages = lines.filter((l) => typeof l.stage === 'string' && typeof l.durationMs === 'number');
    expect(new Set(stages.map((l) => l.stage))).toEqual(new Set(['probe', 'extract', 'quality', 'dedup', 'detect', 'write']));
    for (const line of lines) expect(line).toMatchObject({ runId: first.manifest.run.id, site: 'north yard' });
  });

  test('runs.csv gets a header once and a row per run; a gateway that is down is only a warning', async () => {
    const port = await freePort();
    const second = await runWith('b', { 'pushgateway-url': `http://127.0.0.1:${port}`, 'history-csv': path.join(dir, 'runs.csv') });
    expect(second.result.metrics.images).toBe(first.metrics.images);
    expect(second.log).toMatch(/"level":"warn".*127\.0\.0\.1/);
    const rows = (await readFile(path.join(dir, 'runs.csv'), 'utf8')).trimEnd().split(/\r?\n/);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^run_id,finished_at,site,/);
    expect(rows[1]).toContain(first.manifest.run.id);
    expect(rows[2]).toContain(second.result.manifest.run.id);
  }, 180_000);
});
