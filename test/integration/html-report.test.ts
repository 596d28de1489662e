/**
 * report.html for a real run: the pipeline on the demo clip with the real model (1 frame/s),
 * the report rendered into its dataset folder, then opened in real headless Chromium at a laptop and
 * a phone width: no console errors, no broken images, nothing loaded from outside the folder, the key
 * numbers on screen. Screenshots go to $DATASET_GEN_SCREENSHOT_DIR (default .tmp/screenshots/) for CI
 * to keep as an artifact.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import sharp from 'sharp';

import type { DropReason } from '../../src/domain/drop-reason.js';
import type { FrameRecord } from '../../src/domain/frame-record.js';
import type { QualityGateVerdict } from '../../src/domain/quality-gates.js';
import { STAGES } from '../../src/domain/stages.js';
import { computeMetrics } from '../../src/observe/compute-metrics.js';
import { RunRecorder } from '../../src/observe/recorder.js';
import { resolveOptions } from '../../src/options/resolve-options.js';
import { runPipeline, type RunResult } from '../../src/pipeline/run-pipeline.js';
import { fixed, int, percent } from '../../src/report/format.js';
import { renderHtmlReport, writeHtmlReport, type WrittenHtmlReport } from '../../src/report/html.js';
import type { HtmlReportData } from '../../src/report/report-model.js';
import { Chromium, CHROMIUM, chromiumAvailable, inspectPage, type PageInspection } from '../support/chromium.js';
import { DEMO_VIDEO, MODEL, tempDir } from '../support/videos.js';

const SCREENSHOT_DIR = path.resolve(process.env.DATASET_GEN_SCREENSHOT_DIR ?? path.join('.tmp', 'screenshots'));

let cleanup: () => Promise<void>;
let result: RunResult;
let recorder: RunRecorder;
let gates: QualityGateVerdict[];
let written: WrittenHtmlReport;
let browser: Chromium | undefined;
let desktop: PageInspection;
let phone: PageInspection;
const timings: Record<string, number> = {};
let sizes: Record<string, number> = {};

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
}

beforeAll(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir('dataset-gen-html-'));
  // runPipeline keeps its recorder to itself; catch it when the run calls finish() on it.
  const finish = jest.spyOn(RunRecorder.prototype, 'finish');
  try {
    const options = resolveOptions({ video: [DEMO_VIDEO], out: path.join(dir, 'dataset'), model: MODEL, site: 'walkway', 'sample-fps': '1' });
    result = await timed('pipeline', () => runPipeline(options));
    recorder = finish.mock.contexts[0] as RunRecorder;
  } finally {
    finish.mockRestore();
  }
  const { metrics } = result;
  gates = [
    { name: 'min-images', threshold: 5, actual: metrics.images, passed: metrics.images >= 5 },
    { name: 'max-drop-ratio', threshold: 0.5, actual: metrics.frameDropRatio, passed: metrics.frameDropRatio <= 0.5 },
  ];
  const input = { metrics, manifest: result.manifest, frames: recorder.frames, kept: recorder.kept, gates };
  written = await timed('render', () => writeHtmlReport(result.outDir, input));
  const thumbBytes = await Promise.all(written.contactSheet.thumbnails.map(async (t) => (await readFile(path.join(result.outDir, t.thumb))).length));
  sizes = { html: Buffer.byteLength(written.html), thumbnails: thumbBytes.length, thumbnailBytes: thumbBytes.reduce((a, b) => a + b, 0) };

  if (!(await chromiumAvailable())) throw new Error(`no Chromium at ${CHROMIUM}: install the Debian package chromium, or set CHROMIUM_PATH`);
  browser = await Chromium.launch();
  const url = pathToFileURL(written.file).href;
  desktop = await timed('chromium desktop', () => inspectPage(browser!, url, { width: 1280, height: 900 }));
  phone = await timed('chromium phone', () => inspectPage(browser!, url, { width: 390, height: 844, deviceScaleFactor: 2, mobile: true }));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await writeFile(path.join(SCREENSHOT_DIR, 'report-desktop.png'), desktop.screenshot);
  await writeFile(path.join(SCREENSHOT_DIR, 'report-phone.png'), phone.screenshot);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await cleanup();
  console.log(`html-report timings (ms): ${JSON.stringify(timings)}; sizes (bytes): ${JSON.stringify(sizes)}`);
});

describe('report.html of a real run', () => {
  test('the run recorded frames, kept images with detections, and the report links them', async () => {
    expect(recorder.frames.length).toBe(result.metrics.frames.sampled);
    expect(recorder.kept.length).toBe(result.metrics.images);
    expect(result.metrics.images).toBeGreaterThan(5);
    const thumbs = (await readdir(path.join(result.outDir, 'report', 'thumbs'))).sort();
    expect(thumbs).toEqual(written.contactSheet.thumbnails.map((t) => path.basename(t.thumb)).sort());
    expect(thumbs.length).toBe(Math.min(24, result.metrics.images));
    const images = new Set(await readdir(result.files.images));
    for (const name of thumbs) expect(images.has(name)).toBe(true);
  });

  test('thumbnails are downscaled JPEGs with the boxes drawn in', async () => {
    const busiest = [...written.contactSheet.thumbnails].sort((a, b) => b.detections - a.detections)[0]!;
    expect(busiest.detections).toBeGreaterThan(0);
    const thumb = path.join(result.outDir, busiest.thumb);
    const meta = await sharp(thumb).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 480, 360]);
    // The overlay changes pixels: the thumbnail differs clearly from the plain downscaled image.
    const plain = await sharp(path.join(result.outDir, busiest.image)).resize(480, 360, { fit: 'fill' }).raw().toBuffer();
    const drawn = await sharp(thumb).raw().toBuffer();
    let changed = 0;
    for (let i = 0; i < plain.length; i += 3) {
      if (Math.abs(plain[i]! - drawn[i]!) + Math.abs(plain[i + 1]! - drawn[i + 1]!) + Math.abs(plain[i + 2]! - drawn[i + 2]!) > 90) changed += 1;
    }
    expect(changed).toBeGreaterThan(500);
  });

  test('rendering again gives the same bytes (page and thumbnails)', async () => {
    const thumbs = await Promise.all(written.contactSheet.thumbnails.map((t) => readFile(path.join(result.outDir, t.thumb))));
    const again = await writeHtmlReport(result.outDir, {
      metrics: result.metrics,
      manifest: result.manifest,
      frames: recorder.frames,
      kept: recorder.kept,
      gates,
    });
    expect(again.html).toBe(written.html);
    expect(await readFile(written.file, 'utf8')).toBe(written.html);
    for (const [i, t] of again.contactSheet.thumbnails.entries()) {
      expect((await readFile(path.join(result.outDir, t.thumb))).equals(thumbs[i]!)).toBe(true);
    }
  });

  test.each([
    ['desktop', () => desktop],
    ['phone', () => phone],
  ])('Chromium (%s): no errors, every image decoded, nothing loaded from outside the folder', (_, get) => {
    const page = get();
    expect(page.errors).toEqual([]);
    expect(page.images.length).toBe(written.contactSheet.thumbnails.length);
    for (const image of page.images) {
      expect(image).toMatchObject({ complete: true });
      expect(image.naturalWidth).toBeGreaterThan(0);
    }
    const folder = pathToFileURL(result.outDir).href + '/';
    for (const url of page.requests) expect(url.startsWith(folder)).toBe(true);
    expect(page.screenshot.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  test('the key numbers and names are on screen', () => {
    const { metrics } = result;
    for (const page of [desktop, phone]) {
      const text = page.text;
      expect(text).toContain('walkway');
      expect(text).toContain('site-walkway-20s.mp4');
      expect(text).toContain(result.manifest.config.model.name);
      expect(text).toContain(result.manifest.model.sha256.slice(0, 12));
      expect(text).toContain(result.manifest.run.startedAt.slice(0, 10));
      expect(text).toMatch(/Quality gates (passed|failed)/);
      expect(text).toContain(`IMAGES KEPT\n${int(metrics.images)}`);
      expect(text).toContain(`FRAMES SAMPLED\n${int(metrics.frames.sampled)}`);
      expect(text).toContain(`FRAME-DROP RATIO\n${percent(metrics.frameDropRatio)}`);
      expect(text).toContain(`DETECTIONS\n${int(metrics.detections.total)}`);
      expect(text).toContain(`DETECTIONS / IMAGE\n${fixed(metrics.detections.perImage.mean, 2)}`);
      expect(text).toContain('person');
      expect(text).toContain('annotations/instances.json');
      expect(text).toContain('metrics.csv');
      expect(text).toContain('manifest.json');
    }
  });

  test('the phone layout does not scroll sideways', () => {
    expect(phone.scrollWidth).toBeLessThanOrEqual(390);
  });

  test('the checks catch what they look for: a console error, a broken image, a blocked outside load', async () => {
    const file = path.join(result.outDir, 'broken.html');
    await writeFile(
      file,
      "<!doctype html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; script-src 'unsafe-inline'\"></head>" +
        '<body><p>broken</p><img src="missing.png"><img src="http://127.0.0.1:9/outside.png"><script>console.error("boom")</script></body></html>',
    );
    const page = await inspectPage(browser!, pathToFileURL(file).href, { width: 400, height: 300 });
    expect(page.errors).toEqual(
      expect.arrayContaining(['console.error: boom', expect.stringMatching(/missing\.png/), expect.stringMatching(/127\.0\.0\.1:9.*Content Security Policy/)]),
    );
    expect(page.images.map((i) => i.naturalWidth)).toEqual([0, 0]);
    // The page's policy blocked the outside image: it never reached the network.
    expect(page.errors).toContain('load failed: http://127.0.0.1:9/outside.png: blocked (csp)');
    // Even a blocked attempt is listed among the requests, so the report test's check is strict.
    expect(page.requests).toContain('http://127.0.0.1:9/outside.png');
  });

  test('a busier variant (every drop reason, a second video, a long hostile site name, a missed gate) renders cleanly too', async () => {
    const data = variant();
    const file = path.join(result.outDir, 'report-variant.html');
    await writeFile(file, renderHtmlReport(data, written.contactSheet));
    const url = pathToFileURL(file).href;
    const pages = await timed('chromium variant', async () => [
      await inspectPage(browser!, url, { width: 1280, height: 900 }),
      await inspectPage(browser!, url, { width: 390, height: 844, deviceScaleFactor: 2, mobile: true }),
    ]);
    await writeFile(path.join(SCREENSHOT_DIR, 'report-variant-desktop.png'), pages[0]!.screenshot);
    await writeFile(path.join(SCREENSHOT_DIR, 'report-variant-phone.png'), pages[1]!.screenshot);
    for (const page of pages) {
      expect(page.errors).toEqual([]);
      for (const image of page.images) expect(image.naturalWidth).toBeGreaterThan(0);
      expect(page.text).toContain('<yard> & "gate 7"');
      expect(page.text).toContain('Quality gates failed');
      expect(page.text).toContain(`FRAME-DROP RATIO\n${percent(data.metrics.frameDropRatio)}`);
    }
    expect(pages[1]!.scrollWidth).toBeLessThanOrEqual(390);
  });
});

/**
 * The real run's records, changed: a copy of the video as a second one, and frames dropped for every
 * reason (the demo clip at 1 frame/s drops none), with metrics recomputed from them.
 */
function variant(): HtmlReportData {
  const reasons: DropReason[] = ['duplicate', 'blurred', 'black', 'overexposed', 'corrupt'];
  const copy = recorder.videos[0]!;
  const stem = `${copy.info.stem}-copy`;
  const r = new RunRecorder();
  for (const stage of STAGES) r.addStageTime(stage, recorder.stageMs[stage]);
  r.recordVideo(copy);
  r.recordVideo({ ...copy, info: { ...copy.info, stem, index: 1, path: copy.info.path.replace(/\.mp4$/, '-copy.mp4') } });
  const dropped = (f: FrameRecord, i: number): DropReason | null => (i % 3 === 1 ? reasons[Math.floor(i / 3) % reasons.length]! : null);
  for (const [v, video] of [copy.info.stem, stem].entries()) {
    recorder.frames.forEach((f, i) => {
      const reason = v === 1 ? dropped(f, i) : null;
      const { video: _video, frameIndex, timestampMs, lumaMean, blurScore, phashDistance, localChange } = f;
      r.recordFrame(reason ? { video, frameIndex, timestampMs, lumaMean, blurScore, phashDistance, localChange, outcome: 'dropped', reason } : { ...f, video });
      const kept = recorder.kept.find((k) => k.frameIndex === f.frameIndex);
      if (!reason && kept) r.recordKept({ ...kept, video });
    });
  }
  r.finish();
  const site = 'Site with a long name: the north-east corner of the <yard> & "gate 7", behind the loading bays';
  const computed = computeMetrics(r, { site, classNames: result.manifest.model.classNames });
  const metrics = { ...computed, timings: result.metrics.timings };
  return {
    metrics,
    manifest: result.manifest,
    frames: r.frames,
    gates: [{ name: 'max-drop-ratio', threshold: 0.1, actual: metrics.frameDropRatio, passed: metrics.frameDropRatio <= 0.1 }],
  };
}
