/**
 * What the benchmark measures (bench.ts runs each in a child process): dataset-gen as the CLI runs it,
 * at the video's shape (`full`, the default `--inference-shape auto`) and at the model's square
 * (`square`); ffmpeg decoding every frame or only keyframes; the model alone on the kept frames at
 * either shape (the inference floors); and the naive two-pass.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

import { Detector } from '../../src/detect/detector.js';
import { letterbox } from '../../src/detect/letterbox.js';
import { startRuntimePool } from '../../src/detect/worker-pool.js';
import type { WorkerCount } from '../../src/domain/run-options.js';
import type { Sampling } from '../../src/domain/sampling.js';
import { loadModelConfig } from '../../src/model/config.js';
import { specialiseYolo } from '../../src/model/specialise-yolo.js';
import { resolveOptions, type RawOptions } from '../../src/options/resolve-options.js';
import { selectFilter } from '../../src/pipeline/decode/select-filter.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import type { RunManifest } from '../../src/pipeline/write/manifest.js';

const run = promisify(execFile);

export interface Measurement {
  name: string;
  wallSeconds: number;
  frames: number;
  /** Frames kept (dataset-gen runs only). */
  kept?: number;
  peakRssMb: number;
  note: string;
  /** dataset-gen runs: the model input the video ran at ("640x480"), the detect stage and the model's own time. */
  input?: string;
  detectMs?: number;
  modelMs?: number;
}

export interface ChildArgs {
  video: string;
  model: string;
  fps: number;
  /** This workload's scratch folder: dataset-gen's output goes to `full/` in it. */
  work: string;
  /** Extra raw options for the `dataset` mode, as JSON. */
  options: RawOptions;
}

type Measure = (args: ChildArgs) => Promise<Omit<Measurement, 'peakRssMb' | 'name'>>;

/** The last `frame=` count ffmpeg printed to stderr. */
function framesReported(stderr: string): number {
  const counts = [...stderr.matchAll(/frame=\s*(\d+)/g)];
  return Number(counts.at(-1)?.[1] ?? 0);
}

/** dataset-gen's `runPipeline` with the options a user would pass, plus `extra`. */
async function dataset({ video, model, fps }: ChildArgs, out: string, extra: RawOptions): Promise<Omit<Measurement, 'peakRssMb' | 'name'>> {
  const options = resolveOptions({ video: [video], out, model, 'sample-fps': String(fps), overwrite: true, ...extra });
  const started = performance.now();
  const result = await runPipeline(options);
  const input = result.manifest.videos[0]?.inference;
  return {
    wallSeconds: (performance.now() - started) / 1000,
    frames: result.metrics.frames.sampled,
    kept: result.metrics.images,
    note: `${result.metrics.images} kept of ${result.metrics.frames.sampled} sampled, model input ${input ? `${input.width}x${input.height}` : '?'}`,
    input: input ? `${input.width}x${input.height}` : undefined,
    detectMs: result.metrics.timings.stages.detect.ms,
    modelMs: await modelMs(result.files.metricsCsv),
  };
}

/** The model's own time summed over a run's kept frames (metrics.csv's `inference_ms`, measured in the workers). */
async function modelMs(csv: string): Promise<number> {
  const [header, ...rows] = (await readFile(csv, 'utf8')).trim().split('\n');
  const column = header!.split(',').indexOf('inference_ms');
  return rows.reduce((sum, row) => sum + (Number(row.split(',')[column]) || 0), 0);
}

export const MODES: Record<string, Measure> = {
  /** The real pipeline, as the CLI runs it, default options (`--inference-shape auto`). */
  full: (args) => dataset(args, path.join(args.work, 'full'), {}),

  /** The same at the model's square (`--inference-shape square`), as before issue 29. */
  square: (args) => dataset(args, path.join(args.work, 'square'), { 'inference-shape': 'square' }),

  /** A run with extra options (the novelty runs): not timed against anything. */
  dataset: (args) => dataset(args, path.join(args.work, 'dataset'), args.options),

  /** ffmpeg decoding every frame and selecting the sampled ones into the null muxer (its own threads). */
  async decode({ video, fps }) {
    const sampling: Sampling = { mode: 'fps', fps };
    const started = performance.now();
    const { stderr } = await run('ffmpeg', [
      '-hide_banner',
      '-nostdin',
      '-i',
      video,
      '-an',
      '-vf',
      selectFilter(sampling),
      '-fps_mode',
      'passthrough',
      '-f',
      'null',
      '-',
    ]);
    return { wallSeconds: (performance.now() - started) / 1000, frames: framesReported(stderr), note: 'ffmpeg decodes all, same select, -f null' };
  },

  /** ffmpeg decoding only the keyframes (`-skip_frame nokey`): the floor when sampling is sparse. */
  async keyframes({ video }) {
    const started = performance.now();
    const { stderr } = await run('ffmpeg', [
      '-hide_banner',
      '-nostdin',
      '-skip_frame',
      'nokey',
      '-i',
      video,
      '-an',
      '-fps_mode',
      'passthrough',
      '-f',
      'null',
      '-',
    ]);
    return { wallSeconds: (performance.now() - started) / 1000, frames: framesReported(stderr), note: 'ffmpeg -skip_frame nokey, -f null' };
  },

  /**
   * The model alone on the kept frames' tensors, prepared beforehand: the floor for detection, at the
   * input `full` ran at (the model specialised for it). Run as the pipeline runs it: one session per
   * inference worker, as many runs in flight as workers.
   */
  inference: (args) => inferenceFloor(args, 'auto', 'full'),

  /** The floor at the model's square, for `square`. */
  'inference-square': (args) => inferenceFloor(args, 'auto', 'square'),

  /** The square floor with one session running one frame after another, for comparison (not a target; `--modes`). */
  'inference-1-session': (args) => inferenceFloor(args, 1, 'square'),

  /**
   * ffmpeg writes every sampled frame as JPEG, then each file is read back and detected, one after
   * the other. A sequential loop keeps one worker busy at a time, so it gets the layout that suits
   * it best: one session using every core.
   */
  async naive({ video, model, fps, work }) {
    const dir = path.join(work, 'naive');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const started = performance.now();
    await run('ffmpeg', [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-i',
      video,
      '-vf',
      selectFilter({ mode: 'fps', fps }),
      '-fps_mode',
      'passthrough',
      '-q:v',
      '2',
      path.join(dir, '%06d.jpg'),
    ]);
    const { config } = await loadModelConfig('yolov8n-coco');
    const detector = await Detector.create({ modelPath: model, config, workers: 1 });
    const files = (await readdir(dir)).sort();
    for (const file of files) {
      const { data, info } = await sharp(path.join(dir, file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      await detector.detect([{ rgb: data, width: info.width, height: info.height }]);
    }
    await detector.release();
    return { wallSeconds: (performance.now() - started) / 1000, frames: files.length, note: 'JPEG to disk, read back, detect all (1 session, all cores)' };
  },

  /** The naive two-pass given the image's allocator settings too (not a target; `--modes`): what they do for any onnxruntime script. */
  'naive-image-env': (args) => MODES.naive!(args),
};

async function inferenceFloor({ model, work }: ChildArgs, workers: WorkerCount, of: 'full' | 'square'): Promise<Omit<Measurement, 'peakRssMb' | 'name'>> {
  // The kept frames as dataset-gen wrote them: inference time does not depend on the pixel values,
  // and reading 60 JPEGs is far quicker than decoding a 15,000-frame video again to find them.
  const dataset = path.join(work, of);
  const kept = JSON.parse(await readFile(path.join(dataset, 'annotations', 'instances.json'), 'utf8')) as { images: { file_name: string }[] };
  const manifest = JSON.parse(await readFile(path.join(dataset, 'manifest.json'), 'utf8')) as RunManifest;
  const { config } = await loadModelConfig('yolov8n-coco');
  const shape = manifest.videos[0]?.inference ?? { width: config.inputSize, height: config.inputSize };
  const tensors: Float32Array[] = [];
  for (const image of kept.images) {
    const { data, info } = await sharp(path.join(dataset, 'images', image.file_name))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    tensors.push((await letterbox({ rgb: data, width: info.width, height: info.height }, shape)).tensor);
  }
  const square = shape.width === config.inputSize && shape.height === config.inputSize;
  const specialised = square ? null : specialiseYolo(await readFile(model), shape);
  if (specialised && 'refused' in specialised) throw new Error(`bench: the model cannot take ${shape.width}x${shape.height}: ${specialised.refused}`);
  const runtime = await startRuntimePool(specialised?.model ?? model, ['cpu'], workers);
  const input = runtime.inputMetadata[0]!.name;
  const output = runtime.outputMetadata[0]!.name;
  const dims = [1, 3, shape.height, shape.width];
  const frames = tensors.length;
  const started = performance.now();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tensors.length) await runtime.run(input, tensors[next++]!, dims, output);
  };
  await Promise.all(Array.from({ length: runtime.size }, lane));
  const wallSeconds = (performance.now() - started) / 1000;
  await runtime.release();
  const layout = runtime.size === 1 ? '1 session' : `${runtime.size} sessions at once`;
  return { wallSeconds, frames, note: `model run only at ${shape.width}x${shape.height}, kept frames, ${layout}`, input: `${shape.width}x${shape.height}` };
}
