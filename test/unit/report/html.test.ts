/**
 * report.html from a recorder filled by hand (metrics computed by the real `computeMetrics`): the
 * figures and links it must show, escaping of every user string, no external reference, the same
 * bytes for the same input, bounded size for a huge run; and the contact sheet on real JPEGs.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import type { DropReason } from '../../../src/domain/drop-reason.js';
import type { KeptImage } from '../../../src/domain/frame-record.js';
import type { QualityGateVerdict } from '../../../src/domain/quality-gates.js';
import { computeMetrics } from '../../../src/observe/compute-metrics.js';
import type { RunMetrics } from '../../../src/observe/metrics-contract.js';
import { RunRecorder } from '../../../src/observe/recorder.js';
import { buildContactSheet, THUMBS_DIR } from '../../../src/report/contact-sheet.js';
import { fixed, int, percent } from '../../../src/report/format.js';
import { renderHtmlReport, writeHtmlReport } from '../../../src/report/html.js';
import type { HtmlReportInput, ReportManifest } from '../../../src/report/report-model.js';
import { frameRow } from '../../support/frame-rows.js';
import { tempDir } from '../../support/videos.js';

const EVIL = `<script>alert("x")</script>&'`;

interface FixtureSize {
  videos?: number;
  framesPerVideo?: number;
  classes?: number;
  site?: string;
  videoName?: (i: number) => string;
}

/** A run: every 10th frame a duplicate, frame 7 black, 8 overexposed, 9 corrupt, 11 blurred (per video). */
function fixture(size: FixtureSize = {}): HtmlReportInput {
  const videos = size.videos ?? 2;
  const perVideo = size.framesPerVideo ?? 40;
  const classCount = size.classes ?? 3;
  const classNames = ['person', 'car', EVIL, ...Array.from({ length: Math.max(0, classCount - 3) }, (_, i) => `class-${i}`)].slice(0, classCount);
  const recorder = new RunRecorder();
  const stageMs = { probe: 120, extract: 2400, quality: 300, dedup: 40, detect: 1800, write: 90 } as const;
  for (const [stage, ms] of Object.entries(stageMs)) recorder.addStageTime(stage as keyof typeof stageMs, ms);
  for (let v = 0; v < videos; v++) {
    const name = size.videoName?.(v) ?? (v === 1 ? `cam<${v}>.mp4` : `cam-${v}.mp4`);
    const stem = name.replace(/\.mp4$/, '');
    recorder.recordVideo({
      info: {
        path: `/data/${name}`,
        stem,
        index: v,
        container: 'mov,mp4',
        codec: 'h264',
        durationSeconds: perVideo,
        fps: 25,
        width: 640,
        height: 480,
        rotation: 0,
        frameCount: perVideo * 25,
        frameCountExact: true,
        reordersFrames: false,
        sizeBytes: 1_234_567,
      },
      sha256: `${String(v).padStart(2, '0')}${'ab'.repeat(31)}`,
      decode: { mode: 'all', reason: 'asked for' },
      framesDecoded: perVideo * 25,
      decodeErrors: 0,
    });
    for (let i = 0; i < perVideo; i++) {
      const reason: DropReason | null =
        i === 7 ? 'black' : i === 8 ? 'overexposed' : i === 9 ? 'corrupt' : i === 11 ? 'blurred' : i % 10 === 5 ? 'duplicate' : null;
      const frameIndex = i * 25;
      const file = `${stem}_${String(frameIndex).padStart(6, '0')}.jpg`;
      const detections = reason
        ? []
        : Array.from({ length: i % 4 }, (_, d) => ({
            classIndex: (i + d) % classCount,
            className: classNames[(i + d) % classCount] ?? 'person',
            score: 0.5 + ((i + d) % 5) / 10,
            box: { x: 40 * d, y: 30 + d * 10, width: 120, height: 200 },
          }));
      const phashDistance = i === 0 ? null : reason === 'duplicate' ? 1 : 6 + (i % 20);
      const fields = {
        video: stem,
        frameIndex,
        timestampMs: i * 1000,
        blurScore: 300,
        phashDistance,
        detections: detections.length,
        inferenceMs: 20,
        imageFile: file,
      };
      recorder.recordFrame(frameRow(fields, reason ?? null));
      if (!reason) recorder.recordKept({ file, video: stem, frameIndex, timestampMs: i * 1000, decode: 'sequential', width: 640, height: 480, detections });
    }
  }
  recorder.finish();
  const computed = computeMetrics(recorder, { site: size.site ?? 'north yard', classNames });
  // The run's wall time is measured; fix it so that two fixtures are equal.
  const metrics = { ...computed, timings: { ...computed.timings, wallMs: 5000 } };
  const manifest: ReportManifest = {
    tool: { version: '0.1.0', gitCommit: '0123456789abcdef' },
    run: { id: 'a1b2c3d4e5f6', startedAt: '2025-05-01T10:22:33.123Z' },
    model: { path: '/models/yolov8n.onnx', sha256: '1d8554503630c54925faba0a5c1cc3e7f26d8c44ed82273d4e843569792c8821', classNames },
    config: { model: { name: 'yolov8n-coco' }, dedupThreshold: 2, sampling: { mode: 'fps', fps: 1 } },
  };
  return { metrics, manifest, frames: recorder.frames, kept: recorder.kept };
}

/** Every href and src attribute value in `html`. */
function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? '');
}

describe('renderHtmlReport', () => {
  const input = fixture();
  const html = renderHtmlReport(input, null);
  const m: RunMetrics = input.metrics;

  test('is one self-contained page: doctype, viewport, inline style, no script, no external reference', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/url\(/i);
    for (const link of links(html)) expect(link).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/|^\\|\.\./i);
  });

  test('shows the header, the cards and the verdict', () => {
    expect(html).toContain('<title>Dataset report: north yard</title>');
    expect(html).toContain('yolov8n-coco <code title="sha256">1d8554503630</code>');
    expect(html).toContain('2025-05-01 10:22 UTC');
    expect(html).toContain('cam-0.mp4, cam&lt;1&gt;.mp4 (2, 1 min 20 s in all)');
    expect(html).toContain('No quality gates set.');
    const card = (label: string, value: string): string => `<div class="label">${label}</div><div class="value">${value}</div>`;
    expect(m.images).toBe(2 * 32);
    expect(html).toContain(card('Images kept', int(m.images)));
    expect(html).toContain(card('Frames sampled', int(m.frames.sampled)));
    expect(html).toContain(card('Frame-drop ratio', percent(m.frameDropRatio)));
    expect(percent(m.frameDropRatio)).toBe('20.0%');
    expect(html).toContain(card('Detections', int(m.detections.total)));
    expect(html).toContain(card('Detections / image', fixed(m.detections.perImage.mean, 2)));
  });

  test('a class filter shows as a filter in the settings and the class table, never as classes with no detections', () => {
    expect(html).toContain('class filter: none');
    const filteredMetrics: RunMetrics = {
      ...m,
      detections: { ...m.detections, classFilter: { kept: ['person'], modelClasses: 80 }, classesWithoutDetections: [] },
    };
    const filtered = renderHtmlReport({ ...input, metrics: filteredMetrics }, null);
    expect(filtered).toContain('class filter: only person (1 of 80 model classes; the other 79 are filtered out, not detected)');
    expect(filtered).toContain('<p class="note">Class filter: only person (1 of 80 model classes; the other 79 are filtered out, not detected).</p>');
    expect(filtered).not.toMatch(/model class(es)? had no detections/);
  });

  test('the verdict lists each gate and says whether all passed', () => {
    const gates: QualityGateVerdict[] = [
      { name: 'min-images', threshold: 50, actual: 64, passed: true },
      { name: 'max-drop-ratio', threshold: 0.1, actual: 0.2, passed: false },
    ];
    const failed = renderHtmlReport({ ...input, gates }, null);
    expect(failed).toContain('<div class="verdict fail" role="status"><strong>Quality gates failed</strong>1 of 2 gates missed.');
    expect(failed).toContain('<li><b>failed</b>: max-drop-ratio = 0.2 (threshold 0.1)</li>');
    const passed = renderHtmlReport({ ...input, gates: gates.slice(0, 1) }, null);
    expect(passed).toContain('<strong>Quality gates passed</strong>1 of 1 gates met.');
    expect(passed).toContain('<li>passed: min-images = 64 (threshold 50)</li>');
  });

  test('has every chart, table and link', () => {
    for (const label of [
      'Detections per class',
      'Kept images by number of detections',
      'Sampled frames over video time',
      'Time per stage',
      'pHash distance to the last kept frame',
    ]) {
      expect(html).toContain(`role="img" aria-label="${label}"`);
    }
    expect(html).toContain('>dedup ≤ 2</text>');
    for (const reason of ['corrupt', 'black', 'overexposed', 'blurred', 'duplicate'])
      expect(html).toMatch(new RegExp(`</span>${reason}</span></td><td class="n">${int(m.frames.droppedByReason[reason as DropReason])}</td>`));
    expect(html).toContain('<td>All drops</td><td class="n">16</td>');
    for (const c of m.detections.byClass) expect(html).toContain(`<td class="n">${int(c.count)}</td>`);
    expect(html).toContain(`<td class="n">${fixed(m.detections.byClass[0]!.meanScore, 3)}</td>`);
    expect(html).toContain('<code title="sha256">00abababab</code>'.replace('00abababab', `00${'ab'.repeat(5)}`));
    expect(links(html)).toEqual(['annotations/instances.json', 'images/', 'metrics.csv', 'metrics.json', 'metrics.prom', 'manifest.json', 'report.md']);
  });

  test('states the dedup rule: the pHash alone for manifests without a local threshold, both with one', () => {
    expect(html).toContain('near-duplicates: pHash distance ≤ 2;');
    expect(html).toContain('Frames at or left of the dashed line were dropped as near-duplicates.</p>');
    const local = renderHtmlReport({ ...input, manifest: { ...input.manifest, config: { ...input.manifest.config, dedupLocalThreshold: 20 } } }, null);
    expect(local).toContain('near-duplicates: pHash distance ≤ 2 and local change ≤ 20.0;');
    expect(local).toContain('dropped as near-duplicates unless part of the frame changed (local change above 20.0 luma levels');
  });

  test('escapes site, video and class names everywhere', () => {
    const evil = renderHtmlReport(fixture({ site: EVIL, videoName: (i) => `${EVIL}${i}.mp4` }), null);
    expect(evil).not.toContain('<script');
    expect(evil).not.toContain('alert("x")');
    expect(evil).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    // Inside SVG too (class bars, timeline tracks).
    expect(evil).toMatch(/<text[^>]*>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/s…<\/text>/);
  });

  test('the same input gives the same bytes', () => {
    expect(renderHtmlReport(fixture(), null)).toBe(html);
  });

  test('a huge run stays small: rows, bars, tracks and marks are capped', () => {
    const huge = fixture({ videos: 300, framesPerVideo: 400, classes: 500, videoName: (i) => `${'v'.repeat(200)}-${i}.mp4` });
    const page = renderHtmlReport(huge, null);
    expect(Buffer.byteLength(page)).toBeLessThan(600 * 1024);
    expect(page).toContain('250 more videos not shown (see metrics.json).');
    expect(page).toContain('288 more videos are not drawn; see the videos table.');
    expect(page).toContain('sampled frames, up to 4 per mark');
    expect(page).toMatch(/>\d+ other classes</);
    // The 15 bars plus "other classes".
    expect(page.match(/<title>class-\d+: \d+ detections, mean score/g)?.length ?? 0).toBeLessThanOrEqual(15);
    expect(page).toContain(', and 295 more (300,');
    // No name longer than the cap.
    expect(page).not.toContain('v'.repeat(121));
  });

  test('an empty run renders without charts data', () => {
    const recorder = new RunRecorder();
    recorder.finish();
    const metrics = computeMetrics(recorder, { site: 'empty', classNames: [] });
    const page = renderHtmlReport({ ...fixture(), metrics, frames: [] }, { thumbnails: [], keptImages: 0, failed: [] });
    expect(page).toContain('No detections');
    expect(page).toContain('No sampled frames');
    expect(page).toContain('No kept images.');
    expect(page).toContain('No videos.');
    expect(page).not.toContain('NaN');
  });
});

describe('contact sheet and writeHtmlReport', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const input = fixture({ videos: 2, framesPerVideo: 40 });

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('dataset-gen-html-unit-'));
    await mkdir(path.join(dir, 'images'), { recursive: true });
    // A distinct colour per image, so thumbnails differ.
    for (const [i, k] of input.kept.entries()) {
      const background = { r: (i * 37) % 256, g: (i * 71) % 256, b: (i * 113) % 256 };
      await sharp({ create: { width: k.width, height: k.height, channels: 3, background } })
        .jpeg({ quality: 80 })
        .toFile(path.join(dir, 'images', k.file));
    }
  });
  afterAll(() => cleanup());

  test('writes up to 24 thumbnails spread over the run, with the boxes drawn, linked from the page', async () => {
    await mkdir(path.join(dir, THUMBS_DIR), { recursive: true });
    await writeFile(path.join(dir, THUMBS_DIR, 'stale.jpg'), 'old');
    const written = await writeHtmlReport(dir, input);
    const { thumbnails } = written.contactSheet;
    expect(thumbnails).toHaveLength(24);
    expect(written.contactSheet.failed).toEqual([]);
    expect((await readdir(path.join(dir, THUMBS_DIR))).sort()).toEqual(thumbnails.map((t) => path.basename(t.thumb)).sort());
    // Both videos are represented, in run order, start to end.
    expect(new Set(thumbnails.map((t) => t.video))).toEqual(new Set(['cam-0', 'cam<1>']));
    expect(thumbnails[0]!.timestampMs).toBeLessThan(3000);
    expect(thumbnails[23]!.timestampMs).toBeGreaterThan(36_000);
    const meta = await sharp(path.join(dir, thumbnails[0]!.thumb)).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.icc]).toEqual(['jpeg', 480, 360, undefined, undefined]);
    for (const t of thumbnails) {
      expect(written.html).toContain(
        `<a href="${t.image.replace('<', '%3C').replace('>', '%3E')}"><img src="${t.thumb.replace('<', '%3C').replace('>', '%3E')}" width="480" height="360"`,
      );
    }
    expect(await readFile(path.join(dir, 'report.html'), 'utf8')).toBe(written.html);
  });

  test('the same input gives the same thumbnail bytes; a missing image is reported, not fatal', async () => {
    const first = await buildContactSheet(dir, input.kept, { maxThumbnails: 3, width: 200 });
    const bytes = await Promise.all(first.thumbnails.map((t) => readFile(path.join(dir, t.thumb))));
    const again = await buildContactSheet(dir, input.kept, { maxThumbnails: 3, width: 200 });
    expect(again.thumbnails).toEqual(first.thumbnails);
    for (const [i, t] of again.thumbnails.entries()) expect((await readFile(path.join(dir, t.thumb))).equals(bytes[i]!)).toBe(true);

    const missing: KeptImage = { ...input.kept[0]!, file: 'missing.jpg' };
    const sheet = await buildContactSheet(dir, [missing, input.kept[1]!], { maxThumbnails: 5 });
    expect(sheet.thumbnails).toHaveLength(1);
    expect(sheet.failed).toEqual([{ image: 'images/missing.jpg', error: expect.any(String) }]);
    expect(renderHtmlReport(input, sheet)).toContain('1 thumbnail could not be made (image missing or unreadable).');
    const none = await buildContactSheet(dir, input.kept, { maxThumbnails: 0 });
    expect(none.thumbnails).toEqual([]);
  });
});
