/**
 * `npm run bench:selection`: the labelling budget against evenly spaced frames at the same N, on the
 * sample video and on a made-up multi-scene video (stills of the fixture images with a slow zoom, and
 * lavfi test scenes, of unequal lengths, concatenated by ffmpeg). For each video and N: classes the
 * chosen frames show (of the classes seen in all kept frames), at any score and with a detection at
 * or above the selection's confidence; the frames whose detections are mostly below it that were
 * chosen; the picks by reason; distinct scenes they cover (pHash clusters of the kept frames; for the
 * made-up video also its true scenes) and detections per chosen frame. Rewrites the table in docs/labelling.md between its `selection-table` markers, so the figures
 * are never typed by hand.
 *
 *   node build/test/bench/selection.js [--video V] [--model M] [--images DIR] [--n 10,20]
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

import type { CocoDataset } from '../../src/domain/coco.js';
import { DEFAULT_SELECT_CONFIDENCE, type Selection } from '../../src/domain/selection.js';
import { resolveOptions } from '../../src/options/resolve-options.js';
import { hammingDistance } from '../../src/pipeline/filter/dedup.js';
import { phash64 } from '../../src/pipeline/filter/phash.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { spreadSample } from '../../src/report/contact-sheet.js';
import { ffmpeg } from '../support/videos.js';

const START = '<!-- selection-table:start (npm run bench:selection) -->';
const END = '<!-- selection-table:end -->';
/** Kept frames whose pHashes are within this many bits of a cluster's first frame join that cluster. */
const CLUSTER_BITS = 16;
const SECONDS_PER_UNIT = 5;

interface Scene {
  label: string;
  /** ffmpeg input arguments of the scene. */
  input: string[];
  units: number;
}

/** The made-up video's scenes: unequal lengths, so even spacing over- and under-samples them. */
function scenes(imagesDir: string, images: readonly string[]): Scene[] {
  const still = (file: string, units: number): Scene => ({
    label: path.basename(file, '.jpg'),
    units,
    input: ['-loop', '1', '-framerate', '10', '-t', String(units * SECONDS_PER_UNIT), '-i', path.join(imagesDir, file)],
  });
  const lavfi = (label: string, source: string, units: number): Scene => ({
    label,
    units,
    input: ['-f', 'lavfi', '-t', String(units * SECONDS_PER_UNIT), '-i', `${source}=size=640x360:rate=10`],
  });
  const lengths = [8, 1, 1, 4, 1];
  return [...images.map((file, i) => still(file, lengths[i % lengths.length]!)), lavfi('smptebars', 'smptebars', 1), lavfi('testsrc2', 'testsrc2', 2)];
}

/** Concatenates the scenes, each scaled to 640x360 with a slow zoom so consecutive frames differ. */
async function makeMultiScene(file: string, list: readonly Scene[]): Promise<{ startMs: number; label: string }[]> {
  const filters = list.map(
    (scene, i) =>
      `[${i}:v]scale=1280:720:force_original_aspect_ratio=increase,crop=1280:720,` +
      `zoompan=z='min(1+0.0015*on,1.6)':d=1:x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':s=640x360:fps=10,setsar=1,format=yuv420p[v${i}]`,
  );
  const concat = `${list.map((_, i) => `[v${i}]`).join('')}concat=n=${list.length}:v=1:a=0[out]`;
  await ffmpeg([
    ...list.flatMap((s) => s.input),
    '-filter_complex',
    [...filters, concat].join(';'),
    '-map',
    '[out]',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    'yuv420p',
    file,
  ]);
  let at = 0;
  return list.map((s) => {
    const start = { startMs: at, label: s.label };
    at += s.units * SECONDS_PER_UNIT * 1000;
    return start;
  });
}

/** Leader clustering of the kept frames' pHashes in run order; returns each image's cluster. */
async function clusters(dir: string, coco: CocoDataset): Promise<Map<number, number>> {
  const leaders: string[] = [];
  const of = new Map<number, number>();
  for (const image of coco.images) {
    const { data, info } = await sharp(path.join(dir, 'images', image.file_name))
      .resize({ width: 640, height: 640, fit: 'inside' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const hash = phash64({ rgb: data, width: info.width, height: info.height });
    let cluster = leaders.findIndex((leader) => hammingDistance(leader, hash) <= CLUSTER_BITS);
    if (cluster < 0) cluster = leaders.push(hash) - 1;
    of.set(image.id, cluster);
  }
  return of;
}

interface Row {
  video: string;
  kept: number;
  n: number;
  method: string;
  classes: string;
  confident: string;
  uncertain: string;
  picks: string;
  scenes: string;
  trueScenes: string;
  detections: string;
}

function measure(
  coco: CocoDataset,
  chosen: readonly number[],
  clusterOf: Map<number, number>,
  sceneOf: ((ms: number) => string) | null,
  confidence: number,
): Omit<Row, 'video' | 'kept' | 'n' | 'method' | 'picks'> {
  const name = new Map(coco.categories.map((c) => [c.id, c.name]));
  const classesOf = (ids: Iterable<number>, minScore = 0): Set<string> => {
    const set = new Set(ids);
    return new Set(coco.annotations.filter((a) => set.has(a.image_id) && a.score >= minScore).map((a) => name.get(a.category_id)!));
  };
  const all = classesOf(coco.images.map((i) => i.id));
  const picked = classesOf(chosen);
  const allConfident = classesOf(
    coco.images.map((i) => i.id),
    confidence,
  );
  const pickedConfident = classesOf(chosen, confidence);
  const mostlyUncertain = (id: number): boolean => {
    const scores = coco.annotations.filter((a) => a.image_id === id).map((a) => a.score);
    return scores.filter((s) => s < confidence).length > scores.filter((s) => s >= confidence).length;
  };
  const unsure = coco.images.filter((i) => mostlyUncertain(i.id)).length;
  const totalClusters = new Set(clusterOf.values()).size;
  const pickedClusters = new Set(chosen.map((id) => clusterOf.get(id)));
  const byId = new Map(coco.images.map((i) => [i.id, i]));
  const detections = chosen.reduce((sum, id) => sum + coco.annotations.filter((a) => a.image_id === id).length, 0) / Math.max(1, chosen.length);
  let trueScenes = '—';
  if (sceneOf) {
    const allScenes = new Set(coco.images.map((i) => sceneOf(i.timestamp_ms)));
    const pickedScenes = new Set(chosen.map((id) => sceneOf(byId.get(id)!.timestamp_ms)));
    trueScenes = `${pickedScenes.size} of ${allScenes.size}`;
  }
  return {
    classes: `${picked.size} of ${all.size}`,
    confident: `${pickedConfident.size} of ${allConfident.size}`,
    uncertain: `${chosen.filter(mostlyUncertain).length} of ${unsure}`,
    scenes: `${pickedClusters.size} of ${totalClusters}`,
    trueScenes,
    detections: detections.toFixed(2),
  };
}

async function benchVideo(
  label: string,
  video: string,
  model: string,
  ns: readonly number[],
  sceneOf: ((ms: number) => string) | null,
  work: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of ns) {
    const out = path.join(work, `${label}-${n}`);
    const options = resolveOptions({ video: [video], out, model, select: String(n), site: label });
    await runPipeline(options);
    const coco = JSON.parse(await readFile(path.join(out, 'annotations', 'instances.json'), 'utf8')) as CocoDataset;
    const selection = JSON.parse(await readFile(path.join(out, 'selection.json'), 'utf8')) as Selection;
    const idOf = new Map(coco.images.map((i) => [i.file_name, i.id]));
    const clusterOf = await clusters(out, coco);
    const selected = selection.selected.map((s) => idOf.get(s.file)!);
    const even = spreadSample(coco.images, n).map((i) => i.id);
    const base = { video: label, kept: coco.images.length, n };
    const reasons = ['class', 'uncertain', 'spread'].map((reason) => selection.selected.filter((s) => s.reason === reason).length).join(' / ');
    rows.push({ ...base, method: 'evenly spaced', picks: '—', ...measure(coco, even, clusterOf, sceneOf, selection.confidence) });
    rows.push({ ...base, method: '`--select`', picks: reasons, ...measure(coco, selected, clusterOf, sceneOf, selection.confidence) });
    await rm(out, { recursive: true, force: true });
  }
  return rows;
}

function table(rows: readonly Row[]): string {
  const head =
    `| video | kept frames | N | frames chosen | classes shown | classes shown at ≥ ${DEFAULT_SELECT_CONFIDENCE} | frames mostly < ${DEFAULT_SELECT_CONFIDENCE} chosen | ` +
    'picks class / uncertain / spread | pHash clusters covered | true scenes covered | detections per frame |';
  const sep = '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|';
  return [
    head,
    sep,
    ...rows.map(
      (r) =>
        `| ${r.video} | ${r.kept} | ${r.n} | ${r.method} | ${r.classes} | ${r.confident} | ${r.uncertain} | ${r.picks} | ${r.scenes} | ${r.trueScenes} | ${r.detections} |`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const shared = path.resolve(root, '..', 'shared');
  const { values } = parseArgs({
    options: {
      video: { type: 'string', default: path.join(shared, 'fixtures', 'videos', 'site-walkway.mp4') },
      model: { type: 'string', default: path.join(shared, 'models', 'yolov8n.onnx') },
      images: { type: 'string', default: path.join(shared, 'fixtures', 'images') },
      n: { type: 'string', default: '10,20' },
    },
  });
  const ns = values.n.split(',').map(Number);
  const work = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-selection-'));
  try {
    const images = (await readdir(values.images)).filter((f) => f.endsWith('.jpg')).sort();
    const list = scenes(values.images, images);
    const multi = path.join(work, 'multi-scene.mp4');
    const starts = await makeMultiScene(multi, list);
    const sceneOf = (ms: number): string => [...starts].reverse().find((s) => s.startMs <= ms)?.label ?? starts[0]!.label;
    const rows = [
      ...(await benchVideo('site-walkway', values.video, values.model, ns, null, work)),
      ...(await benchVideo('multi-scene', multi, values.model, ns, sceneOf, work)),
    ];
    const scenesLine = `Made-up video: ${list.map((s) => `${s.label} ${s.units * SECONDS_PER_UNIT} s`).join(', ')} (${list.reduce((a, s) => a + s.units * SECONDS_PER_UNIT, 0)} s).`;
    const generated = `${table(rows)}\n\n${scenesLine} pHash clusters: kept frames within ${CLUSTER_BITS} bits of a cluster's first frame.`;
    console.log(generated);
    const doc = path.join(root, 'docs', 'labelling.md');
    const text = await readFile(doc, 'utf8');
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    if (start < 0 || end < start) throw new Error(`${doc} has no ${START} … ${END} markers`);
    await writeFile(doc, `${text.slice(0, start + START.length)}\n${generated}\n${text.slice(end)}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
