/**
 * Inference at the video's shape (`--inference-shape auto`) against the square (issue 29), through
 * the whole pipeline with the bundled YOLOv8n: the demo clip (768x576) runs at 640x512 and a 16:9 clip
 * made from it (1280x720) at 640x384. The same frames are kept, the same classes found: the boxes of
 * the square run are paired with boxes of the same class, at IoU ≥ 0.9 all but a few percent, and a
 * box either run found alone scores near the confidence threshold (all but 1 %, below 0.5); the instance-weighted AP50 against the square run is at least 0.97. The
 * manifest, metrics and report say which input each video ran at, and why.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import type { CocoDataset } from '../../src/domain/coco.js';
import type { Detection } from '../../src/domain/detection.js';
import { createLogger } from '../../src/observe/log.js';
import type { RunMetrics } from '../../src/observe/metrics-contract.js';
import { resolveOptions } from '../../src/options/resolve-options.js';
import { pairBoxes as pairDetections } from '../../src/pipeline/diff/box-pairing.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import type { RunManifest } from '../../src/pipeline/write/manifest.js';
import { weightedAp50 } from '../support/detection-agreement.js';
import { DEMO_VIDEO, ffmpeg, MODEL, tempDir } from '../support/videos.js';

interface Run {
  coco: CocoDataset;
  manifest: RunManifest;
  metrics: RunMetrics;
  report: string;
  log: string[];
}

let dir: string;
let cleanup: () => Promise<void>;
let wide: string;
const runs = new Map<string, Run>();

async function run(video: string, shape: 'auto' | 'square'): Promise<Run> {
  const out = path.join(dir, `${path.basename(video, '.mp4')}-${shape}`);
  const options = resolveOptions({ video: [video], out, model: MODEL, 'sample-fps': '2', 'inference-shape': shape });
  let lines = '';
  const logger = createLogger({ format: 'json', stream: { write: (line: string) => ((lines += line), true) } });
  await runPipeline(options, { logger });
  const log = lines
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
  const read = async (file: string): Promise<string> => readFile(path.join(out, file), 'utf8');
  return {
    coco: JSON.parse(await read('annotations/instances.json')) as CocoDataset,
    manifest: JSON.parse(await read('manifest.json')) as RunManifest,
    metrics: JSON.parse(await read('metrics.json')) as RunMetrics,
    report: await read('report.md'),
    log,
  };
}

/** Detections per image file, from a COCO file. */
function byImage(coco: CocoDataset): Map<string, Detection[]> {
  const names = new Map(coco.categories.map((c) => [c.id, c.name]));
  const files = new Map(coco.images.map((image) => [image.id, image.file_name]));
  const out = new Map<string, Detection[]>(coco.images.map((image) => [image.file_name, []]));
  for (const a of coco.annotations) {
    const [x, y, width, height] = a.bbox;
    out
      .get(files.get(a.image_id)!)!
      .push({ classIndex: a.category_id, className: names.get(a.category_id)!, score: a.score ?? 1, box: { x, y, width, height } });
  }
  return out;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  wide = path.join(dir, 'wide-16x9.mp4');
  // The demo clip cut to 16:9 (768x432 of its middle rows) and scaled to 1280x720, as a 720p camera writes it.
  await ffmpeg(['-i', DEMO_VIDEO, '-vf', 'crop=768:432:0:72,scale=1280:720', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-an', wide]);
  for (const video of [DEMO_VIDEO, wide]) {
    for (const shape of ['auto', 'square'] as const) runs.set(`${path.basename(video)}:${shape}`, await run(video, shape));
  }
}, 600_000);
afterAll(() => cleanup());

describe.each([
  ['site-walkway-20s.mp4', 640, 512, '768x576'],
  ['wide-16x9.mp4', 640, 384, '1280x720'],
])('%s', (name, width, height, size) => {
  const auto = (): Run => runs.get(`${name}:auto`)!;
  const square = (): Run => runs.get(`${name}:square`)!;

  test(`auto runs at ${width}x${height}; square at 640x640; manifest, metrics, report and log say so`, () => {
    expect(auto().manifest.videos[0]!.inference).toEqual({ width, height, reason: `auto: ${size} fits ${width}x${height}` });
    expect(square().manifest.videos[0]!.inference).toEqual({ width: 640, height: 640, reason: 'square: as asked' });
    expect(auto().manifest.config.inferenceShape).toBe('auto');
    expect(auto().metrics.videos[0]!.inference).toEqual({ width, height });
    expect(auto().report).toContain(`| ${width}×${height} |`);
    expect(auto().log.some((line) => line.endsWith(`model input ${width}x${height}`))).toBe(true);
  });

  test('the same frames are kept, and the detections agree with the square run (IoU ≥ 0.9 for 97 % of pairs, AP50w ≥ 0.97)', () => {
    const rect = byImage(auto().coco);
    const reference = byImage(square().coco);
    expect([...rect.keys()]).toEqual([...reference.keys()]);
    const frames = [...reference.keys()].map((file) => ({ reference: reference.get(file)!, candidate: rect.get(file)! }));
    const agreement = frames.map((f) => pairDetections(f.reference, f.candidate));
    const pairs = agreement.flatMap((a) => a.pairs);
    const total = frames.reduce((sum, f) => sum + f.reference.length, 0);
    expect(total).toBeGreaterThan(100);
    // Pairs within IoU 0.9 all but a few: measured at 2 frames/s, on the demo clip all 304 (the lowest
    // 0.96), on the 16:9 clip 315 of 318 (the lowest 0.85: the padding's grey is in the model's view
    // of boxes near the top and bottom edges, not in the square's at the same distance).
    expect(pairs.filter((p) => p.iou >= 0.9).length).toBeGreaterThanOrEqual(pairs.length * 0.97);
    expect(Math.min(...pairs.map((p) => p.iou))).toBeGreaterThanOrEqual(0.75);
    // Boxes only one run found sit near the confidence threshold (0.25), where the padding tips them
    // over or under it: measured, 3 on the demo clip and 23 on the 16:9 clip, none scored 0.5 or more;
    // paired boxes have the same class by construction. AP50w: 0.990 and 0.974.
    const unpaired = agreement.flatMap((a) => [...a.unmatchedReference, ...a.unmatchedCandidate]);
    expect(unpaired.filter((d) => d.score >= 0.5).length).toBeLessThanOrEqual(Math.ceil(total * 0.01));
    expect(weightedAp50(frames)).toBeGreaterThanOrEqual(0.97);
  });
});
