/**
 * The whole pipeline on the repository's demo clip (demo/README.md) with the real model: once through
 * the library with the model given, once through the built CLI with no model at all (the preset's
 * bundled weights) and one inference worker; both must produce a valid dataset, and the same bytes.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import type { CocoDataset } from '../../src/domain/coco.js';
import { resolveOptions } from '../../src/options/resolve-options.js';
import { runPipeline, type RunResult } from '../../src/pipeline/run-pipeline.js';
import type { RunManifest } from '../../src/pipeline/write/manifest.js';
import { DEMO_VIDEO, MODEL, tempDir } from '../support/videos.js';

const run = promisify(execFile);
let dir: string;
let cleanup: () => Promise<void>;
let result: RunResult;
let coco: CocoDataset;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const options = resolveOptions({ video: [DEMO_VIDEO], out: path.join(dir, 'lib'), model: MODEL, site: 'walkway' });
  result = await runPipeline(options);
  coco = JSON.parse(await readFile(result.files.coco, 'utf8')) as CocoDataset;
}, 300_000);
afterAll(() => cleanup());

describe('pipeline on the demo clip', () => {
  test('writes the dataset layout and nothing else', async () => {
    expect((await readdir(result.outDir)).sort()).toEqual([
      'annotations',
      'images',
      'manifest.json',
      'metrics.csv',
      'metrics.json',
      'metrics.prom',
      'report',
      'report.html',
      'report.md',
    ]);
    expect(await readdir(path.dirname(result.outDir))).toEqual(['lib']);
  });

  test('COCO is valid: every image exists with its size, references resolve, boxes inside', async () => {
    expect(coco.images.length).toBeGreaterThan(10);
    const files = new Set(await readdir(result.files.images));
    expect(files.size).toBe(coco.images.length);
    const ids = new Set<number>();
    for (const [i, image] of coco.images.entries()) {
      expect(image.id).toBe(i + 1);
      ids.add(image.id);
      expect(files.has(image.file_name)).toBe(true);
      expect(image.site).toBe('walkway');
      expect(image.file_name).toBe(`site-walkway-20s_${String(image.frame_index).padStart(6, '0')}.jpg`);
    }
    const sample = coco.images[Math.floor(coco.images.length / 2)]!;
    const meta = await sharp(path.join(result.files.images, sample.file_name)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', sample.width, sample.height]);
    expect(coco.annotations.map((a) => a.id)).toEqual(coco.annotations.map((_, i) => i + 1));
    const categories = new Set(coco.categories.map((c) => c.id));
    for (const a of coco.annotations) {
      expect(ids.has(a.image_id)).toBe(true);
      expect(categories.has(a.category_id)).toBe(true);
      const [x, y, w, h] = a.bbox;
      expect(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 768 && y + h <= 576).toBe(true);
      expect(a.score).toBeGreaterThanOrEqual(0.25);
    }
  });

  test('person is the most frequent class and most kept frames contain a person', () => {
    const person = coco.categories.find((c) => c.name === 'person')!.id;
    const counts = new Map<number, number>();
    for (const a of coco.annotations) counts.set(a.category_id, (counts.get(a.category_id) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    expect(top).toBe(person);
    const withPerson = new Set(coco.annotations.filter((a) => a.category_id === person).map((a) => a.image_id));
    expect(withPerson.size / coco.images.length).toBeGreaterThan(0.5);
  });

  test('clip frame 50 (t = 5 s; source frame 300) holds people, the van and the car', () => {
    const image = coco.images.find((i) => i.frame_index === 50)!;
    expect(image.timestamp_ms).toBe(5000);
    const name = new Map(coco.categories.map((c) => [c.id, c.name]));
    const found = coco.annotations.filter((a) => a.image_id === image.id).map((a) => name.get(a.category_id));
    expect(found.filter((n) => n === 'person').length).toBeGreaterThanOrEqual(5);
    expect(found).toContain('car');
    expect(found).toContain('truck');
  });

  test('metrics and the CSV agree with the COCO file', async () => {
    const metrics = result.metrics;
    // 200 frames at 10 fps, 1 frame/s: one sampled frame per second of the clip.
    expect(metrics.frames.decoded).toBe(200);
    expect(metrics.frames.sampled).toBe(20);
    expect(metrics.images).toBe(coco.images.length);
    expect(metrics.frames.kept + metrics.frames.dropped).toBe(20);
    expect(metrics.detections.total).toBe(coco.annotations.length);
    expect(metrics.frameDropRatio).toBeCloseTo(metrics.frames.dropped / 20, 3);
    const csv = (await readFile(result.files.metricsCsv, 'utf8')).trimEnd().split('\r\n');
    expect(csv).toHaveLength(21);
    expect(csv.slice(1).filter((line) => line.includes(',kept,')).length).toBe(coco.images.length);
    const report = await readFile(result.files.report, 'utf8');
    expect(report).toContain('walkway');
    expect(report).toContain(String(coco.images.length));
  });

  test('the manifest records inputs, versions and counts', async () => {
    const manifest = JSON.parse(await readFile(result.files.manifest, 'utf8')) as RunManifest;
    expect(manifest.model.sha256).toBe('1d8554503630c54925faba0a5c1cc3e7f26d8c44ed82273d4e843569792c8821');
    expect(manifest.videos[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.videos[0]?.framesDecoded).toBe(200);
    expect(manifest.runtime.ffmpeg.version).toMatch(/^ffmpeg version/);
    expect(manifest.runtime.onnxruntime).toMatch(/^\d+\.\d+/);
    expect(manifest.runtime.sharp).toMatch(/^\d+\.\d+/);
    expect(manifest.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.config.site).toBe('walkway');
    expect(manifest.config.model.layout).toBe('yolov8');
    expect(manifest.counts.images).toBe(coco.images.length);
    // Written last: nothing in the dataset is newer than the manifest.
    const manifestTime = (await stat(result.files.manifest)).mtimeMs;
    expect((await stat(result.files.coco)).mtimeMs).toBeLessThanOrEqual(manifestTime);
  });

  // The library run uses the default layout (two single-threaded sessions on 2+ cores); the CLI run
  // one session with every core: how inference is spread must not change a byte.
  test('the CLI on the same input, with no model (the bundled default) and one inference worker, gives byte-identical COCO and images', async () => {
    const out = path.join(dir, 'cli');
    await run('node', ['bin/dataset-gen.js', 'run', '--video', DEMO_VIDEO, '--out', out, '--site', 'walkway', '--inference-workers', '1'], {
      env: { ...process.env, DATASET_GEN_MODEL: '' },
    });
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as RunManifest;
    expect(manifest.model.sha256).toBe('1d8554503630c54925faba0a5c1cc3e7f26d8c44ed82273d4e843569792c8821');
    const again = await readFile(path.join(out, 'annotations', 'instances.json'));
    expect(again.equals(await readFile(result.files.coco))).toBe(true);
    const names = await readdir(result.files.images);
    expect(await readdir(path.join(out, 'images'))).toEqual(names);
    for (const name of names) {
      const [a, b] = await Promise.all([readFile(path.join(result.files.images, name)), readFile(path.join(out, 'images', name))]);
      expect(a.equals(b)).toBe(true);
    }
  }, 300_000);
});
