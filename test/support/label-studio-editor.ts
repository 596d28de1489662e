/**
 * The Label Studio editor (`@heartexlabs/label-studio`, the labelling front end Label Studio itself
 * embeds, from node_modules) in real headless Chromium: a page served from 127.0.0.1 only loads the
 * editor with a labelling config and a task, selects the task's prediction, and reads back the
 * regions the editor shows: label, position and size (in the pixels of the canvas it draws the image
 * on, with that canvas's size and the image's natural size) and score.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { Chromium } from './chromium.js';

const require = createRequire(import.meta.url);

/** The editor's prebuilt bundle (build/static/js/main.js and css/main.css). */
export function labelStudioBuildDir(): string {
  return path.join(path.dirname(require.resolve('@heartexlabs/label-studio/package.json')), 'build');
}

export interface EditorRegion {
  label: string;
  /** Position and size on the editor's canvas, in its pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  score: number | null;
  /** The canvas the image is drawn on, and the image's natural size as the editor loaded it. */
  stageWidth: number;
  stageHeight: number;
  naturalWidth: number;
  naturalHeight: number;
}

export interface EditorState {
  predictions: number;
  regions: EditorRegion[];
  /** Labels the config offers, as the editor parsed them. */
  labels: string[];
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.jpg': 'image/jpeg', '.html': 'text/html' };

/** Serves `/` (the page), `/ls/…` (the editor's build) and `/images/…` (from `imagesDir`) on 127.0.0.1. */
export async function serveEditor(page: string, imagesDir: string): Promise<{ url: string; server: Server }> {
  const build = labelStudioBuildDir();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: string | Buffer, type = 'text/plain'): void => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    let file: string | null = null;
    if (url.pathname === '/') return send(200, page, TYPES['.html']);
    if (url.pathname.startsWith('/ls/')) file = path.join(build, 'static', path.normalize(decodeURIComponent(url.pathname.slice(4))));
    if (url.pathname.startsWith('/images/')) file = path.join(imagesDir, path.basename(decodeURIComponent(url.pathname)));
    if (file === null) return send(404, 'not found');
    readFile(file).then(
      (bytes) => send(200, bytes, TYPES[path.extname(file)] ?? 'application/octet-stream'),
      () => send(404, 'not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

/** The page: the editor on one task, with the given config; `window.editorState()` reads it back. */
export function editorPage(config: string, task: unknown): string {
  const json = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/ls/css/main.css"></head>
<body><div id="label-studio"></div><script src="/ls/js/main.js"></script><script>
window.editorLoaded = new Promise((resolve) => {
  new LabelStudio('label-studio', {
    config: ${json(config)},
    interfaces: ['panel', 'update', 'controls', 'side-column', 'predictions:menu', 'annotations:menu'],
    user: { pk: 1, firstName: 'Test', lastName: 'User' },
    task: ${json(task)},
    onLabelStudioLoad: (ls) => resolve(ls),
  });
});
window.editorState = async () => {
  const ls = await window.editorLoaded;
  const store = ls.annotationStore;
  const prediction = store.predictions[0];
  if (prediction) store.selectPrediction(prediction.id);
  const annotation = store.selected;
  const image = annotation.names.get('image');
  // The image must have loaded for the editor to draw the boxes over it.
  for (let i = 0; i < 200 && !(image.naturalWidth > 1); i++) await new Promise((r) => setTimeout(r, 50));
  const labelsTag = annotation.names.get('label');
  return {
    predictions: store.predictions.length,
    labels: labelsTag.children.map((l) => l.value),
    regions: annotation.regionStore.regions.map((r) => ({
      label: r.labelName ?? (r.labeling && r.labeling.selectedLabels[0] ? r.labeling.selectedLabels[0].value : null),
      x: r.x, y: r.y, width: r.width, height: r.height,
      score: r.score ?? null,
      stageWidth: image.stageWidth, stageHeight: image.stageHeight,
      naturalWidth: image.naturalWidth, naturalHeight: image.naturalHeight,
    })),
  };
};
</script></body></html>`;
}

/** Opens the page in `browser` and returns what the editor shows. */
export async function readEditor(browser: Chromium, url: string): Promise<{ state: EditorState; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  try {
    await Promise.all([page.send('Page.enable'), page.send('Runtime.enable')]);
    const loaded = page.waitFor('Page.loadEventFired', 60_000);
    await page.send('Page.navigate', { url });
    await loaded;
    const state = await page.evaluate<EditorState>('window.editorState()');
    for (const e of page.events) {
      if (e.method === 'Runtime.exceptionThrown') errors.push(JSON.stringify(e.params).slice(0, 500));
    }
    return { state, errors };
  } finally {
    await page.close();
  }
}
