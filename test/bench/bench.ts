/**
 * `npm run bench`: one run of each measurement on the sample video, each in its own child process so
 * its peak RSS is its own. Prints wall seconds, frames/s, ratios to the floors and peak RSS, then
 * checks the targets: full pipeline faster than the naive two-pass, within 1.5 × (decode floor +
 * inference floor on the kept frames), peak RSS under 600 MB.
 *
 *   node build/test/bench/bench.js [--video V] [--model M] [--sample-fps F] [--rounds N] [--json]
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import sharp from 'sharp';
import { letterbox } from '../../src/detect/letterbox.js';
import { startRuntimePool } from '../../src/detect/runtime-pool.js';
import { Detector } from '../../src/detect/session.js';
import type { WorkerCount } from '../../src/domain/run-options.js';
import type { Sampling } from '../../src/domain/sampling.js';
import { resolveFfmpegTools } from '../../src/media/ffmpeg.js';
import { loadModelConfig } from '../../src/model/config.js';
import { resolveOptions } from '../../src/options/resolve.js';
import { extractFrames } from '../../src/pipeline/extract.js';
import { probeVideo } from '../../src/pipeline/probe.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { selectFilter } from '../../src/pipeline/sampling.js';

const run = promisify(execFile);
const here = fileURLToPath(import.meta.url);

interface Measurement {
  name: string;
  wallSeconds: number;
  frames: number;
  peakRssMb: number;
  note: string;
}

interface Args {
  video: string;
  model: string;
  fps: number;
}

const MODES: Record<string, (args: Args, work: string) => Promise<Omit<Measurement, 'peakRssMb' | 'name'>>> = {
  /** ffmpeg decoding and sampling to the null muxer: the floor for reading the video. */
  async decode({ video, fps }) {
    const sampling: Sampling = { mode: 'fps', fps };
    const started = performance.now();
    const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostdin', '-i', video, '-an', '-vf', selectFilter(sampling), '-vsync', 'passthrough', '-f', 'null', '-']);
    const frames = Number(/frame=\s*(\d+)/.exec(stderr.split('frame=').slice(-1).map((s) => `frame=${s}`)[0] ?? '')?.[1] ?? 0);
    return { wallSeconds: (performance.now() - started) / 1000, frames, note: 'ffmpeg -f null, same select' };
  },

  /**
   * The model alone on the kept frames' tensors, prepared beforehand: the floor for detection. Run
   * as the pipeline runs it: one session per inference worker, as many runs in flight as workers.
   */
  async inference(args, work) {
    return inferenceFloor(args, work, 'auto');
  },

  /** The same with one session running one frame after another, for comparison (not a target). */
  async 'inference-1-session'(args, work) {
    return inferenceFloor(args, work, 1);
  },

  /** The real pipeline, as the CLI runs it. */
  async full({ video, model, fps }, work) {
    const options = resolveOptions({ video: [video], out: path.join(work, 'full'), model, 'sample-fps': String(fps), overwrite: true });
    const started = performance.now();
    const result = await runPipeline(options);
    return {
      wallSeconds: (performance.now() - started) / 1000,
      frames: result.metrics.frames.sampled,
      note: `${result.metrics.images} kept of ${result.metrics.frames.sampled} sampled`,
    };
  },

  /**
   * ffmpeg writes every sampled frame as JPEG, then each file is read back and detected, one after
   * the other. A sequential loop keeps one worker busy at a time, so it gets the layout that suits
   * it best: one session using every core.
   */
  async naive({ video, model, fps }, work) {
    const dir = path.join(work, 'naive');
    await mkdir(dir, { recursive: true });
    const started = performance.now();
    await run('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', video, '-vf', selectFilter({ mode: 'fps', fps }), '-vsync', 'passthrough', '-q:v', '2', path.join(dir, '%06d.jpg')]);
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
};

async function inferenceFloor({ video, model, fps }: Args, work: string, workers: WorkerCount): Promise<Omit<Measurement, 'peakRssMb' | 'name'>> {
  const kept = JSON.parse(await readFile(path.join(work, 'full', 'annotations', 'instances.json'), 'utf8')) as { images: { frame_index: number }[] };
  const wanted = new Set(kept.images.map((i) => i.frame_index));
  const tools = await resolveFfmpegTools();
  const info = await probeVideo(tools, video, 0);
  const { config } = await loadModelConfig('yolov8n-coco');
  const tensors: Float32Array[] = [];
  for await (const frame of extractFrames(tools, info, { mode: 'fps', fps })) {
    if (wanted.has(frame.frameIndex)) tensors.push((await letterbox(frame, config.inputSize)).tensor);
  }
  const runtime = await startRuntimePool(model, ['cpu'], workers);
  const input = runtime.inputMetadata[0]!.name;
  const output = runtime.outputMetadata[0]!.name;
  const dims = [1, 3, config.inputSize, config.inputSize];
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
  return { wallSeconds, frames, note: `model run only, kept frames, ${layout}` };
}

async function child(mode: string, args: Args, work: string): Promise<Measurement> {
  const output = await new Promise<string>((resolve, reject) => {
    const proc = spawn(process.execPath, [here, '--child', mode, '--video', args.video, '--model', args.model, '--sample-fps', String(args.fps), '--work', work], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`bench ${mode} exited with ${code}`))));
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measurement;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      work: { type: 'string' },
      video: { type: 'string', default: path.resolve('..', 'shared', 'fixtures', 'videos', 'site-walkway.mp4') },
      model: { type: 'string', default: path.resolve('..', 'shared', 'models', 'yolov8n.onnx') },
      'sample-fps': { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
  });
  const args: Args = { video: path.resolve(values.video), model: path.resolve(values.model), fps: Number(values['sample-fps']) };
  if (values.child) {
    const measure = MODES[values.child];
    if (!measure || !values.work) throw new Error(`unknown bench mode ${values.child}`);
    const result = await measure(args, values.work);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(`${JSON.stringify({ name: values.child, ...result, peakRssMb })}\n`);
    return;
  }
  const work = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-bench-'));
  const rounds = Math.max(1, Number(values.rounds));
  try {
    // Rounds interleave the measurements, and each figure is the median over rounds: on a shared
    // 2-core machine single runs vary by ±20 %.
    const runs: Record<string, Measurement[]> = {};
    for (let round = 1; round <= rounds; round++) {
      for (const mode of ['full', 'decode', 'inference', 'inference-1-session', 'naive']) {
        process.stderr.write(`bench: round ${round}/${rounds} ${mode}…\n`);
        (runs[mode] ??= []).push(await child(mode, args, work));
      }
    }
    const results = Object.fromEntries(Object.entries(runs).map(([mode, list]) => [mode, median(list)]));
    report(results, args, values.json, rounds, runs);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The median of numbers (the mean of the middle two for an even count). */
function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

/** The run with the median wall time (its own RSS and frame count go with it). */
function median(list: Measurement[]): Measurement {
  const sorted = [...list].sort((a, b) => a.wallSeconds - b.wallSeconds);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function report(r: Record<string, Measurement>, args: Args, json: boolean, rounds: number, runs: Record<string, Measurement[]>): void {
  const full = r.full!;
  const floor = r.decode!.wallSeconds + r.inference!.wallSeconds;
  // Paired by round: full and naive ran minutes apart at most, so the machine's drift cancels out.
  const pairedRatio = middle(runs.full!.map((m, i) => runs.naive![i]!.wallSeconds / m.wallSeconds));
  const checks = [
    { target: 'full faster than naive two-pass (median of per-round naive/full > 1)', ok: pairedRatio > 1 },
    { target: 'full within 1.5 × (decode floor + inference floor)', ok: full.wallSeconds <= 1.5 * floor },
    { target: 'full peak RSS under 600 MB', ok: full.peakRssMb < 600 },
  ];
  if (json) {
    const walls = Object.fromEntries(Object.entries(runs).map(([mode, list]) => [mode, list.map((m) => m.wallSeconds)]));
    process.stdout.write(`${JSON.stringify({ video: args.video, sampleFps: args.fps, cpus: os.cpus().length, rounds, results: r, walls, floorSeconds: floor, pairedNaiveOverFull: pairedRatio, checks }, null, 2)}\n`);
    return;
  }
  const rows = Object.values(r).map((m) => [
    m.name,
    m.wallSeconds.toFixed(2),
    String(m.frames),
    (m.frames / m.wallSeconds).toFixed(1),
    (m.wallSeconds / floor).toFixed(2),
    String(m.peakRssMb),
    m.note,
  ]);
  const header = ['measurement', 'wall s', 'frames', 'frames/s', '× floor', 'peak RSS MB', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`sample video ${path.basename(args.video)}, ${args.fps} frame/s, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}; median of ${rounds} interleaved rounds`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`floor = decode ${r.decode!.wallSeconds.toFixed(2)} s + inference ${r.inference!.wallSeconds.toFixed(2)} s = ${floor.toFixed(2)} s`);
  console.log(`full / floor = ${(full.wallSeconds / floor).toFixed(2)}, naive / full = ${(r.naive!.wallSeconds / full.wallSeconds).toFixed(2)} (medians), ${pairedRatio.toFixed(2)} (median of per-round ratios)`);
  for (const [mode, list] of Object.entries(runs)) console.log(`${mode} runs: ${list.map((m) => m.wallSeconds.toFixed(2)).join(', ')} s`);
  for (const check of checks) console.log(`${check.ok ? 'PASS' : 'FAIL'}  ${check.target}`);
  if (checks.some((c) => !c.ok)) process.exitCode = 1;
}

await main();
