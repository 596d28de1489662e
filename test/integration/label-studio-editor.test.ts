/**
 * The Label Studio export opened in the Label Studio editor itself (@heartexlabs/label-studio from
 * node_modules, in real headless Chromium, everything served from 127.0.0.1): the exported labelling
 * config and a task with its prediction load, and the regions the editor shows (label, position,
 * size, score) equal the COCO boxes within 0.01 px.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import type { CocoDataset } from '../../src/domain/coco.js';
import type { KeptImage } from '../../src/domain/frame-record.js';
import { buildCoco } from '../../src/export/coco.js';
import { labelStudioExport } from '../../src/export/label-studio.js';
import { Chromium, CHROMIUM, chromiumAvailable } from '../support/chromium.js';
import { editorPage, readEditor, serveEditor, type EditorState } from '../support/label-studio-editor.js';
import { tempDir } from '../support/videos.js';

const WIDTH = 1280;
const HEIGHT = 720;

const KEPT: KeptImage[] = [
  {
    file: 'yard_000042.jpg',
    video: 'yard',
    frameIndex: 42,
    timestampMs: 4200,
    decode: 'sequential',
    width: WIDTH,
    height: HEIGHT,
    detections: [
      { classIndex: 0, className: 'person', score: 0.8765, box: { x: 101.37, y: 64.5, width: 80.26, height: 211.11 } },
      { classIndex: 7, className: 'truck', score: 0.4321, box: { x: 640.01, y: 300.99, width: 600.5, height: 400.25 } },
      { classIndex: 2, className: 'car', score: 0.25, box: { x: 0, y: 0, width: 1280, height: 720 } },
    ],
  },
];

let cleanup: () => Promise<void>;
let server: Server | undefined;
let browser: Chromium | undefined;
let coco: CocoDataset;
let state: EditorState;
let errors: string[];
const haveChromium = await chromiumAvailable();

beforeAll(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir('dataset-gen-ls-'));
  const images = path.join(dir, 'images');
  await mkdir(images);
  await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: { r: 90, g: 120, b: 150 } } })
    .jpeg()
    .toFile(path.join(images, KEPT[0]!.file));
  coco = buildCoco(KEPT, { site: 'yard', toolVersion: '0', categories: ['person', 'car', 'truck'], videoOrder: ['yard'] });
  if (!haveChromium) return;
  // Images by a path on the page's own origin, as with Label Studio's default /data/local-files/?d=….
  const files = labelStudioExport(coco, { imagePrefix: '/images/', modelVersion: 'yolov8n@0123456789ab', colorOf: () => '#1f77d0' });
  const tasks = JSON.parse(files.find((f) => f.path.endsWith('tasks.json'))!.content) as Record<string, unknown>[];
  const config = files.find((f) => f.path.endsWith('config.xml'))!.content;
  // Label Studio gives a task and its predictions ids when it imports them; the editor needs them.
  const task = { id: 1, ...tasks[0], predictions: (tasks[0]!.predictions as Record<string, unknown>[]).map((p, i) => ({ id: i + 1, ...p })) };
  let url: string;
  ({ server, url } = await serveEditor(editorPage(config, task), images));
  browser = await Chromium.launch(CHROMIUM);
  ({ state, errors } = await readEditor(browser, url));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server!.close(resolve));
  await cleanup();
});

describe('Label Studio export in the Label Studio editor', () => {
  (haveChromium ? test : test.skip)('the editor loads the config and the prediction without errors', () => {
    expect(errors).toEqual([]);
    expect(state.labels).toEqual(['person', 'car', 'truck']);
    expect(state.predictions).toBe(1);
    expect(state.regions).toHaveLength(3);
  });

  (haveChromium ? test : test.skip)('the regions it shows equal the COCO boxes within 0.01 px, with label and score', () => {
    const name = new Map(coco.categories.map((c) => [c.id, c.name]));
    const shown = state.regions.map((r) => ({
      label: r.label,
      score: r.score,
      // From the canvas the editor draws on back to the image's own pixels.
      box: [r.x, r.y, r.width, r.height].map((v, k) => v * (k % 2 === 0 ? r.naturalWidth / r.stageWidth : r.naturalHeight / r.stageHeight)),
    }));
    expect(state.regions.every((r) => r.naturalWidth === WIDTH && r.naturalHeight === HEIGHT)).toBe(true);
    expect(shown.map((s) => s.label)).toEqual(coco.annotations.map((a) => name.get(a.category_id)));
    expect(shown.map((s) => s.score)).toEqual(coco.annotations.map((a) => a.score));
    shown.forEach((s, i) => s.box.forEach((v, k) => expect(Math.abs(v - coco.annotations[i]!.bbox[k]!)).toBeLessThanOrEqual(0.01)));
  });
});
