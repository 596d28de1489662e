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
import { Detector } from '../../src/detect/session.js';
import { letterbox } from '../../src/detect/letterbox.js';
import { resolveFfmpegTools } from '../../src/media/ffmpeg.js';
import { loadModelConfig } from '../../src/model/config.js';
import { resolveOptions } from '../../src/options.js';
import { extractFrames } from '../../src/pipeline/extract.js';
import { probeVideo } from '../../src/pipeline/probe.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { selectFilter, type Sampling } from '../../src/pipeline/sampling.js';
import * as ort from 'onnxruntime-node';

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

  /** The model alone on the kept frames' tensors, prepared beforehand: the floor for detection. */
  async inference({ video, model, fps }, work) {
    const kept = JSON.parse(await readFile(path.join(work, 'full', 'annotations', 'instances.json'), 'utf8')) as { images: { frame_index: number }[] };
    const wanted = new Set(kept.images.map((i) => i.frame_index));
    const tools = await resolveFfmpegTools();
    const info = await probeVideo(tools, video, 0);
    const { config } = await loadModelConfig('yolov8n-coco');
    const tensors: ort.Tensor[] = [];
    for await (const frame of extractFrames(tools, info, { mode: 'fps', fps })) {
      if (!wanted.has(frame.frameIndex)) continue;
      const { tensor } = await letterbox(frame, config.inputSize);
      tensors.push(new ort.Tensor('float32', tensor, [1, 3, config.inputSize, config.inputSize]));
    }
    const session = await ort.InferenceSession.create(model, { graphOptimizationLevel: 'all' });
    const started = performance.now();
    for (const tensor of tensors) await session.run({ [session.inputNames[0]!]: tensor });
    const wallSeconds = (performance.now() - started) / 1000;
    await session.release();
    return { wallSeconds, frames: tensors.length, note: 'session.run only, kept frames' };
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

  /** ffmpeg writes every sampled frame as JPEG, then each file is read back and detected. */
  async naive({ video, model, fps }, work) {
    const dir = path.join(work, 'naive');
    await mkdir(dir, { recursive: true });
    const started = performance.now();
    await run('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', video, '-vf', selectFilter({ mode: 'fps', fps }), '-vsync', 'passthrough', '-q:v', '2', path.join(dir, '%06d.jpg')]);
    const { config } = await loadModelConfig('yolov8n-coco');
    const detector = await Detector.create({ modelPath: model, config });
    const files = (await readdir(dir)).sort();
    for (const file of files) {
      const { data, info } = await sharp(path.join(dir, file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      await detector.detect([{ rgb: data, width: info.width, height: info.height }]);
    }
    await detector.release();
    return { wallSeconds: (performance.now() - started) / 1000, frames: files.length, note: 'JPEG to disk, read back, detect all' };
  },
};

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
      for (const mode of ['full', 'decode', 'inference', 'naive']) {
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

/** The run with the median wall time (its own RSS and frame count go with it). */
function median(list: Measurement[]): Measurement {
  const sorted = [...list].sort((a, b) => a.wallSeconds - b.wallSeconds);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function report(r: Record<string, Measurement>, args: Args, json: boolean, rounds: number, runs: Record<string, Measurement[]>): void {
  const full = r.full!;
  const floor = r.decode!.wallSeconds + r.inference!.wallSeconds;
  const checks = [
    { target: 'full faster than naive two-pass', ok: full.wallSeconds < r.naive!.wallSeconds },
    { target: 'full within 1.5 × (decode floor + inference floor)', ok: full.wallSeconds <= 1.5 * floor },
    { target: 'full peak RSS under 600 MB', ok: full.peakRssMb < 600 },
  ];
  if (json) {
    const walls = Object.fromEntries(Object.entries(runs).map(([mode, list]) => [mode, list.map((m) => m.wallSeconds)]));
    process.stdout.write(`${JSON.stringify({ video: args.video, sampleFps: args.fps, cpus: os.cpus().length, rounds, results: r, walls, floorSeconds: floor, checks }, null, 2)}\n`);
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
  console.log(`full / floor = ${(full.wallSeconds / floor).toFixed(2)}, naive / full = ${(r.naive!.wallSeconds / full.wallSeconds).toFixed(2)}`);
  for (const [mode, list] of Object.entries(runs)) console.log(`${mode} runs: ${list.map((m) => m.wallSeconds.toFixed(2)).join(', ')} s`);
  for (const check of checks) console.log(`${check.ok ? 'PASS' : 'FAIL'}  ${check.target}`);
  if (checks.some((c) => !c.ok)) process.exitCode = 1;
}

await main();
