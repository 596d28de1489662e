/**
 * The CPU each sampled or kept frame costs besides decoding and inference: the steps the pipeline runs
 * on the main thread or in libvips between ffmpeg's frame and the model, and after it. Each step runs
 * alone over the frames of a video (as the pipeline decodes them: `extractFrames`), on an otherwise
 * idle process, after a warm-up over the first frames; CPU time is the process's own
 * (`process.cpuUsage`, libvips' threads included), divided by the number of frames.
 *
 *   npm run build && node build/test/bench/per-frame-cost.js [--video SAMPLE] [--sample-fps 1]
 *
 * With the benchmark's floors (bench.ts) this bounds a run from below on a given number of cores:
 * docs/performance.md, "What two cores allow".
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { letterbox } from '../../src/detect/letterbox.js';
import { DATASET_FILES } from '../../src/domain/dataset-files.js';
import type { Frame, RgbImage } from '../../src/domain/frame.js';
import { locateFfmpegTools, withVersions } from '../../src/media/tools.js';
import { DecoderStderr } from '../../src/pipeline/decode/decoder-stderr.js';
import { extractFrames } from '../../src/pipeline/decode/extract.js';
import { probeVideo } from '../../src/pipeline/decode/probe.js';
import { fitForAnalysis } from '../../src/pipeline/filter/analysis.js';
import { Deduplicator } from '../../src/pipeline/filter/dedup.js';
import { measureQuality } from '../../src/pipeline/filter/quality.js';
import { frameFeatures } from '../../src/pipeline/label/frame-features.js';
import { writeFrameJpeg } from '../../src/pipeline/write/write-images.js';

const WARM_UP = 5;

interface Step {
  name: string;
  /** Which frames pay it in a run. */
  per: 'sampled' | 'kept';
  run: (index: number) => Promise<unknown> | unknown;
}

/** CPU milliseconds per call of `step` over `count` frames, after a warm-up. */
async function cpuPerFrame(step: Step, count: number): Promise<number> {
  for (let i = 0; i < Math.min(WARM_UP, count); i++) await step.run(i);
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await step.run(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / count;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      video: { type: 'string', default: path.resolve('..', 'shared', 'fixtures', 'videos', 'site-walkway.mp4') },
      'sample-fps': { type: 'string', default: '1' },
    },
  });
  const tools = await withVersions(locateFfmpegTools());
  const video = await probeVideo(tools, values.video, 0);
  const frames: Frame[] = [];
  for await (const frame of extractFrames({ tools, video, sampling: { mode: 'fps', fps: Number(values['sample-fps']) }, stderr: new DecoderStderr() }))
    frames.push(frame);
  const fitted: RgbImage[] = [];
  for (const frame of frames) fitted.push(await fitForAnalysis(frame));
  const dedup = new Deduplicator();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-per-frame-'));
  await mkdir(path.join(dir, DATASET_FILES.images), { recursive: true });
  try {
    const steps: Step[] = [
      { name: 'analysis resize (fitForAnalysis, libvips)', per: 'sampled', run: (i) => fitForAnalysis(frames[i]!) },
      { name: 'luma and blur score (measureQuality)', per: 'sampled', run: (i) => measureQuality(fitted[i]!) },
      { name: 'dedup (pHash and local change)', per: 'sampled', run: (i) => dedup.check(fitted[i]!, frames[i]!.timestampMs) },
      { name: 'selection features (frameFeatures)', per: 'kept', run: (i) => frameFeatures(fitted[i]!, null) },
      { name: 'letterbox to the model input (640)', per: 'kept', run: (i) => letterbox(fitted[i]!, 640) },
      { name: 'JPEG of the full frame (quality 90, libvips)', per: 'kept', run: (i) => writeFrameJpeg(frames[i]!, dir, 90, `${i}.jpg`) },
    ];
    const rows: [Step, number][] = [];
    for (const step of steps) rows.push([step, await cpuPerFrame(step, frames.length)]);
    const total = (per: Step['per']): number => rows.filter(([step]) => step.per === per).reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `${path.basename(values.video)}: ${video.width}x${video.height}, ${frames.length} frames at ${values['sample-fps']} frame/s; ${os.cpus().length} CPUs, Node ${process.versions.node}\n`,
    );
    console.log('| step | paid by | CPU ms per frame |\n|---|---|---|');
    for (const [step, ms] of rows) console.log(`| ${step.name} | each ${step.per} frame | ${ms.toFixed(2)} |`);
    console.log(`| **total** | each sampled frame | **${total('sampled').toFixed(2)}** |`);
    console.log(`| **total** | each kept frame, besides | **${total('kept').toFixed(2)}** |`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
