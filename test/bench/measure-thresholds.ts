/**
 * Measures the numbers behind the quality and dedup defaults (docs/thresholds.md) on a real video.
 *
 *   npx tsc -p tsconfig.build.json && node build/test/bench/measure-thresholds.js \
 *     [video=../shared/fixtures/videos/site-walkway.mp4] [--jpeg-dir /tmp/frames]
 *
 * Decodes the video with ffmpeg to raw RGB through a pipe and prints:
 * - pHash distances between consecutive sampled frames, at every frame, every 5th and every 10th
 *   (1 frame/s for a 10 fps video), and what each threshold 0..12 would drop with the
 *   last-kept-frame rule, next to how much of the scene had changed in the dropped frames;
 * - pHash distances that pure noise / re-encoding causes (true duplicates);
 * - luma mean and blur score of the real frames, of the same frames blurred with gblur, of black
 *   and white frames, and of the frames at other resolutions;
 * - ms per frame for the quality measures and for the pHash.
 *
 * "Changed blocks" is the ground truth used to judge a drop: the frame and its reference are cut
 * into 8x8-pixel blocks and a block counts as changed when its mean luma moved by more than
 * BLOCK_DELTA levels — well above the sensor/compression noise of a static block (measured below),
 * and one walking person changes a few dozen of them.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

import { DEFAULT_DEDUP_THRESHOLD } from '../../src/domain/thresholds.js';
import { ANALYSIS_SIZE, fitForAnalysis } from '../../src/pipeline/filter/analysis.js';
import { hammingDistance } from '../../src/pipeline/filter/dedup.js';
import { phash64 } from '../../src/pipeline/filter/phash.js';
import { measureQuality } from '../../src/pipeline/filter/quality.js';
import { decodeVideoFrames, lavfiFrame } from '../support/raw-frames.js';

const BLOCK = 8;
const BLOCK_DELTA = 12;
const THRESHOLDS = Array.from({ length: 13 }, (_, i) => i);

interface FrameData {
  index: number;
  hash: string;
  lumaMean: number;
  blurScore: number;
  blocks: Float32Array;
}

const args = process.argv.slice(2);
const jpegAt = args.indexOf('--jpeg-dir');
const jpegDir = jpegAt >= 0 ? args[jpegAt + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith('--') && (jpegAt < 0 || i !== jpegAt + 1));
const video = path.resolve(positional[0] ?? '../shared/fixtures/videos/site-walkway.mp4');
const WIDTH = 768;
const HEIGHT = 576;

function blockMeans(rgb: Buffer, width: number, height: number): Float32Array {
  const bw = Math.floor(width / BLOCK);
  const bh = Math.floor(height / BLOCK);
  const out = new Float32Array(bw * bh);
  for (let y = 0; y < bh * BLOCK; y++) {
    const rowBase = (y / BLOCK) | 0;
    for (let x = 0; x < bw * BLOCK; x++) {
      const p = (y * width + x) * 3;
      out[rowBase * bw + ((x / BLOCK) | 0)]! += 0.299 * rgb[p]! + 0.587 * rgb[p + 1]! + 0.114 * rgb[p + 2]!;
    }
  }
  for (let i = 0; i < out.length; i++) out[i]! /= BLOCK * BLOCK;
  return out;
}

function changedBlocks(a: Float32Array, b: Float32Array, delta = BLOCK_DELTA): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > delta) n++;
  return n;
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

function summary(values: readonly number[], digits = 1): string {
  const f = (v: number): string => v.toFixed(digits);
  return `n=${values.length} min=${f(quantile(values, 0))} p5=${f(quantile(values, 0.05))} p25=${f(quantile(values, 0.25))} median=${f(quantile(values, 0.5))} p75=${f(quantile(values, 0.75))} p95=${f(quantile(values, 0.95))} max=${f(quantile(values, 1))}`;
}

function histogram(values: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([v, n]) => `${v}:${n}`)
    .join(' ');
}

interface Simulation {
  kept: number;
  dropped: { frame: FrameData; ref: FrameData; distance: number; changed: number }[];
  keptDistances: number[];
}

/** Last-kept-frame dedup over a sampled sequence. */
function simulate(seq: readonly FrameData[], threshold: number): Simulation {
  let ref: FrameData | null = null;
  const sim: Simulation = { kept: 0, dropped: [], keptDistances: [] };
  for (const frame of seq) {
    if (ref === null) {
      ref = frame;
      sim.kept++;
      continue;
    }
    const distance = hammingDistance(frame.hash, ref.hash);
    if (distance <= threshold) {
      sim.dropped.push({ frame, ref, distance, changed: changedBlocks(frame.blocks, ref.blocks) });
    } else {
      sim.keptDistances.push(distance);
      ref = frame;
      sim.kept++;
    }
  }
  return sim;
}

async function writeJpeg(rgb: Buffer, name: string): Promise<void> {
  if (!jpegDir) return;
  await sharp(rgb, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 85 })
    .toFile(path.join(jpegDir, name));
}

/** Frames named in the output, written as JPEG to --jpeg-dir at the end. */
const jpegFrames = new Set<number>();

async function writeJpegs(): Promise<void> {
  if (!jpegDir || jpegFrames.size === 0) return;
  const indices = [...jpegFrames].sort((a, b) => a - b);
  const select = indices.map((i) => `eq(n\\,${i})`).join('+');
  let k = 0;
  for await (const rgb of decodeVideoFrames(video, WIDTH, HEIGHT, `select=${select}`)) {
    await writeJpeg(rgb, `f${String(indices[k++]).padStart(4, '0')}.jpg`);
  }
  console.log(`\nwrote ${k} frames to ${jpegDir}`);
}

async function main(): Promise<void> {
  if (jpegDir) await mkdir(jpegDir, { recursive: true });
  console.log(`# measure-thresholds: ${video}`);
  console.log(`quality and pHash measured on the analysis image (the frame fitted to ${ANALYSIS_SIZE} px), as the pipeline does`);

  // ---- Every frame, decoded once; the 1 fps and every-5th sequences are subsets of it, exactly
  // what `-vf select=not(mod(n\,10))` / `not(mod(n\,5))` would give.
  const frames: FrameData[] = [];
  const raw = new Map<number, Buffer>(); // every 10th frame, kept for the blur and noise experiments
  let qualityMs = 0;
  let phashMs = 0;
  let index = 0;
  for await (const rgb of decodeVideoFrames(video, WIDTH, HEIGHT)) {
    const image = { rgb, width: WIDTH, height: HEIGHT };
    let t = performance.now();
    const fitted = await fitForAnalysis(image);
    const q = measureQuality(fitted);
    qualityMs += performance.now() - t;
    t = performance.now();
    const hash = phash64(fitted);
    phashMs += performance.now() - t;
    frames.push({ index, hash, lumaMean: q.lumaMean, blurScore: q.blurScore, blocks: blockMeans(rgb, WIDTH, HEIGHT) });
    if (index % 10 === 0) raw.set(index, rgb);
    index++;
  }
  console.log(`\n## Decoded ${frames.length} frames of ${WIDTH}x${HEIGHT}`);
  console.log(`quality (luma mean + blur score): ${(qualityMs / frames.length).toFixed(2)} ms/frame (first-frame JIT included)`);
  console.log(`pHash (sharp-phash on raw RGB):   ${(phashMs / frames.length).toFixed(2)} ms/frame`);

  // Steadier timings on one frame after warm-up: the best of 5 rounds, wall and CPU time of this
  // process (CPU time includes libvips' worker threads; it is less disturbed by other load).
  const full = { rgb: raw.get(300)!, width: WIDTH, height: HEIGHT };
  const sample = await fitForAnalysis(full);
  const timeIt = async (rounds: number, runs: number, work: () => unknown): Promise<string> => {
    const results: [number, number][] = [];
    for (let r = 0; r < rounds; r++) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < runs; i++) await work();
      const used = process.cpuUsage(cpu);
      results.push([(performance.now() - start) / runs, (used.user + used.system) / 1000 / runs]);
    }
    results.sort((a, b) => a[0] - b[0]);
    return `wall ${results[0]![0].toFixed(2)} ms/frame, CPU ${results[0]![1].toFixed(2)} ms/frame (best of ${rounds}x${runs})`;
  };
  for (let i = 0; i < 20; i++) measureQuality(sample);
  console.log(`quality, warm: ${await timeIt(5, 40, () => measureQuality(sample))}`);
  console.log(`quality at full resolution (not fitted), warm: ${await timeIt(5, 40, () => measureQuality(full))}`);
  console.log(`fitting for analysis, warm: ${await timeIt(5, 20, () => fitForAnalysis(full))}`);
  console.log(`pHash, warm: ${await timeIt(5, 20, () => phash64(sample))}`);

  // ---- Noise floor of the change proxy: consecutive frames at 10 fps, per-block luma change.
  const blockDiffs: number[] = [];
  for (let i = 1; i < frames.length; i += 7) {
    const a = frames[i - 1]!.blocks;
    const b = frames[i]!.blocks;
    for (let k = 0; k < a.length; k += 3) blockDiffs.push(Math.abs(a[k]! - b[k]!));
  }
  console.log(`\n## Change proxy: |Δ mean luma| of ${BLOCK}x${BLOCK} blocks between consecutive frames (10 fps)`);
  console.log(`${summary(blockDiffs, 2)}; p99=${quantile(blockDiffs, 0.99).toFixed(2)} p99.9=${quantile(blockDiffs, 0.999).toFixed(2)}`);
  console.log(`a block is "changed" above ${BLOCK_DELTA} levels; blocks per frame: ${frames[0]!.blocks.length}`);

  // ---- pHash distances of true duplicates: the same frame with noise or re-encoded.
  console.log('\n## pHash distance of a frame to itself after noise / re-encoding (true duplicates)');
  const noiseRows: string[] = [];
  const hashesAt1fps = frames.filter((f) => f.index % 10 === 0).map((f) => f.hash);
  for (const filter of ['noise=alls=4:allf=t', 'noise=alls=8:allf=t', 'noise=alls=16:allf=t', 'gblur=sigma=1', 'eq=brightness=0.03']) {
    const ds: number[] = [];
    const cs: number[] = [];
    let k = 0;
    for await (const rgb of decodeVideoFrames(video, WIDTH, HEIGHT, `select=not(mod(n\\,10)),format=rgb24,${filter}`)) {
      ds.push(hammingDistance(hashesAt1fps[k]!, phash64({ rgb, width: WIDTH, height: HEIGHT })));
      cs.push(changedBlocks(frames[k * 10]!.blocks, blockMeans(rgb, WIDTH, HEIGHT)));
      k++;
    }
    noiseRows.push(`${filter.padEnd(22)} distances ${histogram(ds)}; changed blocks max ${Math.max(...cs)}`);
  }
  {
    const ds: number[] = [];
    const cs: number[] = [];
    for (const [index, rgb] of raw) {
      const jpeg = await sharp(rgb, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
        .jpeg({ quality: 60 })
        .toBuffer();
      const back = await sharp(jpeg).removeAlpha().raw().toBuffer();
      ds.push(hammingDistance(frames[index]!.hash, phash64({ rgb: back, width: WIDTH, height: HEIGHT })));
      cs.push(changedBlocks(frames[index]!.blocks, blockMeans(back, WIDTH, HEIGHT)));
    }
    noiseRows.push(`${'JPEG q60 round trip'.padEnd(22)} distances ${histogram(ds)}; changed blocks max ${Math.max(...cs)}`);
  }
  for (const row of noiseRows) console.log(row);

  // ---- Consecutive distances and what each threshold drops.
  for (const step of [1, 5, 10]) {
    const seq = frames.filter((f) => f.index % step === 0);
    const consecutive: number[] = [];
    const changes: number[] = [];
    const byDistance = new Map<number, number[]>();
    for (let i = 1; i < seq.length; i++) {
      const d = hammingDistance(seq[i]!.hash, seq[i - 1]!.hash);
      const c = changedBlocks(seq[i]!.blocks, seq[i - 1]!.blocks);
      consecutive.push(d);
      changes.push(c);
      byDistance.set(d, [...(byDistance.get(d) ?? []), c]);
    }
    const label = step === 1 ? 'every frame (10 fps)' : step === 5 ? 'every 5th frame (2 fps)' : 'every 10th frame (1 fps)';
    console.log(`\n## ${label}: ${seq.length} frames`);
    console.log(`consecutive pHash distance: ${summary(consecutive)}`);
    console.log(`  histogram ${histogram(consecutive)}`);
    console.log(`consecutive changed blocks: ${summary(changes, 0)}`);
    console.log('  distance → changed blocks between the pair (min / median / max)');
    for (const [d, cs] of [...byDistance.entries()].sort((a, b) => a[0] - b[0])) {
      if (d > 12) continue;
      console.log(
        `  d=${String(d).padStart(2)} n=${String(cs.length).padStart(3)}  ${quantile(cs, 0).toFixed(0)} / ${quantile(cs, 0.5).toFixed(0)} / ${quantile(cs, 1).toFixed(0)}`,
      );
    }
    {
      const sim = simulate(seq, DEFAULT_DEDUP_THRESHOLD);
      const all = [...sim.keptDistances, ...sim.dropped.map((d) => d.distance)];
      console.log(`distance to last kept frame at threshold ${DEFAULT_DEDUP_THRESHOLD}: ${summary(all)}`);
      console.log(`  histogram ${histogram(all)}`);
    }
    console.log('  threshold → dropped (last-kept rule), changed blocks of dropped vs their reference, distance-to-last-kept of kept frames');
    for (const threshold of THRESHOLDS) {
      const sim = simulate(seq, threshold);
      const changed = sim.dropped.map((d) => d.changed);
      const withChange = changed.filter((c) => c >= 20).length;
      console.log(
        `  t=${String(threshold).padStart(2)} drops ${String(sim.dropped.length).padStart(3)} (${((100 * sim.dropped.length) / seq.length).toFixed(0).padStart(2)}%)` +
          `  dropped with >=20 changed blocks: ${String(withChange).padStart(3)}` +
          `  changed blocks of dropped: median ${quantile(changed, 0.5).toFixed(0)} max ${quantile(changed, 1).toFixed(0)}` +
          `  kept distance median ${quantile(sim.keptDistances, 0.5).toFixed(0)}`,
      );
    }
    if (step === 5) {
      console.log(`  2 fps frames dropped at threshold ${DEFAULT_DEDUP_THRESHOLD} (frame ← last kept, distance, changed blocks):`);
      for (const d of simulate(seq, DEFAULT_DEDUP_THRESHOLD).dropped) {
        console.log(`    ${d.frame.index} ← ${d.ref.index}: d=${d.distance} changed=${d.changed}`);
        jpegFrames.add(d.frame.index).add(d.ref.index);
      }
    }
    if (step === 10) {
      const small = [];
      for (let i = 1; i < seq.length; i++) {
        const d = hammingDistance(seq[i]!.hash, seq[i - 1]!.hash);
        if (d <= 4) small.push({ a: seq[i - 1]!, b: seq[i]!, d });
      }
      console.log('  1 fps pairs with distance <= 4 (frame indices, distance, changed blocks):');
      for (const { a, b, d } of small) {
        console.log(`    ${a.index} → ${b.index}: d=${d} changed=${changedBlocks(a.blocks, b.blocks)}`);
        jpegFrames.add(a.index).add(b.index);
      }
    }
  }

  // ---- Quality measures.
  console.log('\n## Quality measures of the real frames (all frames)');
  console.log(`luma mean:  ${summary(frames.map((f) => f.lumaMean))}`);
  console.log(`blur score: ${summary(frames.map((f) => f.blurScore))}`);

  console.log('\n## Blur score of the 1 fps frames blurred with gblur (decoded with the filter)');
  for (const sigma of [0.5, 1, 1.5, 2, 3, 4]) {
    const scores: number[] = [];
    for await (const rgb of decodeVideoFrames(video, WIDTH, HEIGHT, `select=not(mod(n\\,10)),gblur=sigma=${sigma}`)) {
      scores.push(measureQuality(await fitForAnalysis({ rgb, width: WIDTH, height: HEIGHT })).blurScore);
    }
    console.log(`gblur sigma=${String(sigma).padEnd(3)} blur score: ${summary(scores)}`);
  }

  console.log('\n## Resolution: blur score of the 1 fps frames scaled (lanczos) before scoring');
  for (const [w, h] of [
    [384, 288],
    [768, 576],
    [1536, 1152],
    [1920, 1440],
  ] as const) {
    const scored: number[] = [];
    const fullRes: number[] = [];
    for await (const rgb of decodeVideoFrames(video, w, h, `select=not(mod(n\\,10)),scale=${w}:${h}:flags=lanczos`)) {
      scored.push(measureQuality(await fitForAnalysis({ rgb, width: w, height: h })).blurScore);
      fullRes.push(measureQuality({ rgb, width: w, height: h }).blurScore);
    }
    console.log(
      `${w}x${h}: fitted to ${ANALYSIS_SIZE} px median ${quantile(scored, 0.5).toFixed(1)} (min ${quantile(scored, 0).toFixed(1)}); at full resolution median ${quantile(fullRes, 0.5).toFixed(1)} (min ${quantile(fullRes, 0).toFixed(1)})`,
    );
  }

  console.log('\n## Synthetic frames');
  const synthetic: [string, string][] = [
    ['black', `color=c=black:size=${WIDTH}x${HEIGHT}`],
    ['white', `color=c=white:size=${WIDTH}x${HEIGHT}`],
    ['black + noise alls=8', `color=c=black:size=${WIDTH}x${HEIGHT},noise=alls=8:allf=t`],
    ['grey 128', `color=c=0x808080:size=${WIDTH}x${HEIGHT}`],
    ['testsrc2', `testsrc2=size=${WIDTH}x${HEIGHT}`],
    ['testsrc2 gblur 2', `testsrc2=size=${WIDTH}x${HEIGHT},gblur=sigma=2`],
    ['testsrc2 gblur 4', `testsrc2=size=${WIDTH}x${HEIGHT},gblur=sigma=4`],
  ];
  for (const [name, graph] of synthetic) {
    const rgb = await lavfiFrame(graph, WIDTH, HEIGHT);
    const q = measureQuality(await fitForAnalysis({ rgb, width: WIDTH, height: HEIGHT }));
    console.log(`${name.padEnd(22)} luma mean ${q.lumaMean.toFixed(1).padStart(6)}  blur score ${q.blurScore.toFixed(1)}`);
  }

  console.log('\n## Darkened / brightened real frames (1 fps), luma mean');
  for (const [name, filter] of [
    ['night-ish (x0.15)', 'lutrgb=r=val*0.15:g=val*0.15:b=val*0.15'],
    ['dusk (x0.4)', 'lutrgb=r=val*0.4:g=val*0.4:b=val*0.4'],
    ['bright (x1.6)', 'lutrgb=r=val*1.6:g=val*1.6:b=val*1.6'],
    ['blown out (x3)', 'lutrgb=r=val*3:g=val*3:b=val*3'],
  ] as const) {
    const lumas: number[] = [];
    const blurs: number[] = [];
    for await (const rgb of decodeVideoFrames(video, WIDTH, HEIGHT, `select=not(mod(n\\,10)),format=rgb24,${filter}`)) {
      const q = measureQuality(await fitForAnalysis({ rgb, width: WIDTH, height: HEIGHT }));
      lumas.push(q.lumaMean);
      blurs.push(q.blurScore);
    }
    console.log(`${name.padEnd(20)} luma ${summary(lumas)}`);
    console.log(`${''.padEnd(20)} blur ${summary(blurs)}`);
  }
}

main()
  .then(writeJpegs)
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
