/**
 * `npm run bench`: dataset-gen against the naive two-pass and the floors on three workloads
 * (workloads.ts: the sample at 1 frame/s, a camera-like 10-minute 25 fps video at 1 frame/10 s, a
 * static-period timelapse at 1 frame/s), each measurement in its own child process so its peak RSS
 * is its own, in interleaved rounds (medians reported). Then the dedup novelty figure: of the frames
 * dedup dropped on the sample at 2 frames/s, the share whose per-class counts (score >= 0.5) differ
 * from the last kept frame's, against a run with dedup off. Prints a Markdown table, writes it to
 * `--markdown-out` (REPORT.md embeds it: report-sample.ts) and checks the targets of issue 10.
 *
 *   node build/test/bench/bench.js [--rounds N] [--quick] [--workloads sample,camera,timelapse]
 *     [--video SAMPLE] [--model M] [--cache DIR] [--markdown-out FILE] [--json] [--no-novelty]
 *
 * dataset-gen runs as the CLI runs it with the options a user would pass (`--video`, `--out`,
 * `--model`, `--sample-fps`): whatever its defaults are (decoding mode, workers, dedup) is measured,
 * in the environment of the Docker image (its allocator settings: `imageTunables`).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import sharp from 'sharp';

import { Detector } from '../../src/detect/detector.js';
import { letterbox } from '../../src/detect/letterbox.js';
import { startRuntimePool } from '../../src/detect/worker-pool.js';
import type { WorkerCount } from '../../src/domain/run-options.js';
import type { Sampling } from '../../src/domain/sampling.js';
import { LOCAL_CHANGE_MAX } from '../../src/domain/thresholds.js';
import { loadModelConfig } from '../../src/model/config.js';
import { resolveOptions, type RawOptions } from '../../src/options/resolve-options.js';
import { selectFilter } from '../../src/pipeline/decode/select-filter.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { imageTunables } from '../support/image-env.js';
import { classCountsByFrame, dedupNovelty, NOVELTY_MIN_SCORE, type Novelty } from './dedup-novelty.js';
import { workloads, type Workload } from './workloads.js';

const run = promisify(execFile);
const here = fileURLToPath(import.meta.url);

interface Measurement {
  name: string;
  wallSeconds: number;
  frames: number;
  /** Frames kept (dataset-gen runs only). */
  kept?: number;
  peakRssMb: number;
  note: string;
}

interface ChildArgs {
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
  return {
    wallSeconds: (performance.now() - started) / 1000,
    frames: result.metrics.frames.sampled,
    kept: result.metrics.images,
    note: `${result.metrics.images} kept of ${result.metrics.frames.sampled} sampled`,
  };
}

const MODES: Record<string, Measure> = {
  /** The real pipeline, as the CLI runs it, default options. */
  full: (args) => dataset(args, path.join(args.work, 'full'), {}),

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
   * The model alone on the kept frames' tensors, prepared beforehand: the floor for detection. Run
   * as the pipeline runs it: one session per inference worker, as many runs in flight as workers.
   */
  inference: (args) => inferenceFloor(args, 'auto'),

  /** The same with one session running one frame after another, for comparison (not a target; `--modes`). */
  'inference-1-session': (args) => inferenceFloor(args, 1),

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

async function inferenceFloor({ model, work }: ChildArgs, workers: WorkerCount): Promise<Omit<Measurement, 'peakRssMb' | 'name'>> {
  // The kept frames as dataset-gen wrote them: inference time does not depend on the pixel values,
  // and reading 60 JPEGs is far quicker than decoding a 15,000-frame video again to find them.
  const dataset = path.join(work, 'full');
  const kept = JSON.parse(await readFile(path.join(dataset, 'annotations', 'instances.json'), 'utf8')) as { images: { file_name: string }[] };
  const { config } = await loadModelConfig('yolov8n-coco');
  const tensors: Float32Array[] = [];
  for (const image of kept.images) {
    const { data, info } = await sharp(path.join(dataset, 'images', image.file_name))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    tensors.push((await letterbox({ rgb: data, width: info.width, height: info.height }, config.inputSize)).tensor);
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

/**
 * Modes that run in the image's environment (its allocator settings, docs/performance.md "Allocator
 * settings"): dataset-gen's runs, and the floors, what the same runtime can do at best. The naive
 * two-pass runs in the environment the bench was started in, as a user's script would.
 */
const IMAGE_ENV_MODES = new Set(['full', 'dataset', 'decode', 'keyframes', 'inference', 'inference-1-session', 'naive-image-env']);

async function child(mode: string, args: ChildArgs): Promise<Measurement> {
  const argv = [
    here,
    '--child',
    mode,
    '--video',
    args.video,
    '--model',
    args.model,
    '--sample-fps',
    String(args.fps),
    '--work',
    args.work,
    '--options',
    JSON.stringify(args.options),
  ];
  const env = IMAGE_ENV_MODES.has(mode) ? { ...process.env, GLIBC_TUNABLES: await imageTunables() } : process.env;
  const output = await new Promise<string>((resolve, reject) => {
    const proc = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`bench ${mode} exited with ${code}`))));
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measurement;
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

/** What issue 10 asks of each workload: naive / dataset-gen at least `speedup`; for the sample also near its floor. */
const TARGETS: Record<string, { speedup: number; floorRatio?: number }> = {
  sample: { speedup: 1.1, floorRatio: 1.3 },
  camera: { speedup: 2 },
  timelapse: { speedup: 2.5 },
};
const RSS_LIMIT_MB = 600;
const NOVELTY_LIMIT = 0.05;
const TIMELAPSE_KEPT_LIMIT = 12;

interface WorkloadResult {
  workload: Workload;
  medians: Record<string, Measurement>;
  runs: Record<string, Measurement[]>;
  /** Median over rounds of naive / full measured in the same round. */
  pairedSpeedup: number;
  /** full / (decode-all floor + inference floor). */
  floorRatio: number;
}

interface Check {
  target: string;
  ok: boolean;
}

function summarize(workload: Workload, runs: Record<string, Measurement[]>): WorkloadResult {
  const medians = Object.fromEntries(Object.entries(runs).map(([mode, list]) => [mode, median(list)]));
  // Paired by round: full and naive ran minutes apart at most, so the machine's drift cancels out.
  const pairedSpeedup = middle(runs.full!.map((m, i) => runs.naive![i]!.wallSeconds / m.wallSeconds));
  const floorRatio = medians.full!.wallSeconds / (medians.decode!.wallSeconds + medians.inference!.wallSeconds);
  return { workload, medians, runs, pairedSpeedup, floorRatio };
}

function checksOf(results: WorkloadResult[], figures: NoveltyFigures | null): Check[] {
  const novelty = figures?.defaults;
  const checks: Check[] = [];
  for (const r of results) {
    const target = TARGETS[r.workload.name];
    if (target)
      checks.push({
        target: `${r.workload.label}: naive / dataset-gen ≥ ${target.speedup} (median of per-round ratios)`,
        ok: r.pairedSpeedup >= target.speedup,
      });
    if (target?.floorRatio !== undefined)
      checks.push({
        target: `${r.workload.label}: dataset-gen within ${target.floorRatio} × (decode-all + inference floor)`,
        ok: r.floorRatio <= target.floorRatio,
      });
    const rss = Math.max(...r.runs.full!.map((m) => m.peakRssMb));
    checks.push({ target: `${r.workload.label}: dataset-gen peak RSS < ${RSS_LIMIT_MB} MB (largest over rounds: ${rss})`, ok: rss < RSS_LIMIT_MB });
    if (r.workload.name === 'timelapse') {
      const kept = r.medians.full!.kept ?? Number.NaN;
      checks.push({
        target: `${r.workload.label}: at most ${TIMELAPSE_KEPT_LIMIT} of ${r.medians.full!.frames} kept (${kept})`,
        ok: kept <= TIMELAPSE_KEPT_LIMIT,
      });
    }
  }
  if (novelty) {
    const share = novelty.duplicates === 0 ? 0 : novelty.novel / novelty.duplicates;
    checks.push({
      target: `the sample at 2 frames/s: at most ${NOVELTY_LIMIT * 100} % of dedup-dropped frames novel (${novelty.novel} of ${novelty.duplicates})`,
      ok: share <= NOVELTY_LIMIT,
    });
  }
  return checks;
}

const s = (seconds: number | undefined): string => (seconds === undefined ? '–' : seconds.toFixed(2));

/** "n of m (p %)" for a novelty figure. */
function share(n: Novelty): string {
  return `${n.novel} of ${n.duplicates}${n.duplicates > 0 ? ` (${((100 * n.novel) / n.duplicates).toFixed(1)} %)` : ''}`;
}

function markdown(results: WorkloadResult[], figures: NoveltyFigures | null, checks: Check[], rounds: number): string {
  const lines = [
    `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.versions.node}; median wall seconds of ${rounds} interleaved round${rounds === 1 ? '' : 's'}; ` +
      "dataset-gen with its default options and, like the floors, the Docker image's allocator settings (`GLIBC_TUNABLES`); " +
      'naive in the environment the bench started in; speed-up is the median of per-round naive / dataset-gen.',
    '',
    '| workload | dataset-gen s | naive s | speed-up | decode-all s | keyframes s | inference s | dataset-gen / (decode-all + inference) | kept / sampled | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const m = r.medians;
    lines.push(
      `| ${r.workload.label} | ${s(m.full?.wallSeconds)} | ${s(m.naive?.wallSeconds)} | **${r.pairedSpeedup.toFixed(2)}×** | ${s(m.decode?.wallSeconds)} | ` +
        `${s(m.keyframes?.wallSeconds)} (${m.keyframes?.frames ?? '–'} keyframes) | ${s(m.inference?.wallSeconds)} | ${r.floorRatio.toFixed(2)} | ` +
        `${m.full?.kept ?? '–'} / ${m.full?.frames ?? '–'} | ${Math.max(...r.runs.full!.map((x) => x.peakRssMb))} |`,
    );
  }
  if (figures) {
    const { defaults, phashOnly } = figures;
    lines.push(
      '',
      `Dedup novelty, the sample at 2 frames/s: of the frames dropped as duplicates, ${share(defaults)} differ from the last kept frame in per-class counts ` +
        `(detections with score ≥ ${NOVELTY_MIN_SCORE}, from a run with \`--dedup-threshold -1\`)${defaults.frames.length > 0 ? `: ${defaults.frames.join(', ')}` : ''}; ` +
        `with the pHash alone (\`--dedup-local-threshold ${LOCAL_CHANGE_MAX}\`) ${share(phashOnly)}${phashOnly.frames.length > 0 ? ` (${phashOnly.frames.join(', ')})` : ''}.`,
    );
  }
  lines.push('', ...checks.map((c) => `- ${c.ok ? 'PASS' : 'FAIL'} ${c.target}`));
  return lines.join('\n');
}

interface NoveltyFigures {
  /** Dedup as configured by default. */
  defaults: Novelty;
  /** The pHash alone (`--dedup-local-threshold 255`, the rule before the local check), to keep the trade-off visible. */
  phashOnly: Novelty;
}

async function noveltyFigure(sample: string, model: string, work: string): Promise<NoveltyFigures> {
  const base = { video: sample, model, fps: 2 };
  const dir = (name: string): string => path.join(work, `novelty-${name}`);
  process.stderr.write('bench: dedup novelty, the sample at 2 frames/s: dedup off, default, pHash only…\n');
  await child('dataset', { ...base, work: dir('reference'), options: { 'dedup-threshold': '-1' } });
  await child('dataset', { ...base, work: dir('defaults'), options: {} });
  await child('dataset', { ...base, work: dir('phash-only'), options: { 'dedup-local-threshold': String(LOCAL_CHANGE_MAX) } });
  const counts = await classCountsByFrame(path.join(dir('reference'), 'dataset', 'annotations', 'instances.json'));
  return {
    defaults: await dedupNovelty(path.join(dir('defaults'), 'dataset', 'metrics.csv'), counts),
    phashOnly: await dedupNovelty(path.join(dir('phash-only'), 'dataset', 'metrics.csv'), counts),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      work: { type: 'string' },
      options: { type: 'string', default: '{}' },
      video: { type: 'string', default: path.resolve('..', 'shared', 'fixtures', 'videos', 'site-walkway.mp4') },
      model: { type: 'string', default: path.resolve('..', 'shared', 'models', 'yolov8n.onnx') },
      'sample-fps': { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
      quick: { type: 'boolean', default: false },
      workloads: { type: 'string', default: 'sample,camera,timelapse' },
      modes: { type: 'string', default: 'full,decode,keyframes,inference,naive' },
      cache: { type: 'string', default: path.resolve('.tmp', 'bench') },
      'markdown-out': { type: 'string', default: path.resolve('.tmp', 'bench', 'results.md') },
      'no-novelty': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const model = path.resolve(values.model);
  if (values.child) {
    const measure = MODES[values.child];
    if (!measure || !values.work) throw new Error(`unknown bench mode ${values.child}`);
    const args: ChildArgs = {
      video: path.resolve(values.video),
      model,
      fps: Number(values['sample-fps']),
      work: values.work,
      options: JSON.parse(values.options) as RawOptions,
    };
    const result = await measure(args);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(`${JSON.stringify({ name: values.child, ...result, peakRssMb })}\n`);
    return;
  }
  const sample = path.resolve(values.video);
  const wanted = values.workloads.split(',').map((w) => w.trim());
  const chosen = (await workloads(sample, path.resolve(values.cache))).filter((w) => wanted.includes(w.name));
  if (chosen.length === 0) throw new Error(`no workload among ${values.workloads}; choose from sample, camera, timelapse`);
  const modes = values.modes.split(',').map((m) => m.trim());
  for (const needed of ['full', 'decode', 'inference', 'naive']) if (!modes.includes(needed)) throw new Error(`--modes must include ${needed}`);
  // --quick: one round, the novelty figure still measured (it is not timed).
  const rounds = values.quick ? 1 : Math.max(1, Number(values.rounds));
  const work = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-bench-'));
  try {
    // Rounds interleave the measurements (every workload and mode once per round), and each figure is
    // the median over rounds: on a shared 2-core machine single runs vary by ±20 %.
    const runs = new Map<string, Record<string, Measurement[]>>();
    for (let round = 1; round <= rounds; round++) {
      for (const workload of chosen) {
        const args: ChildArgs = { video: workload.video, model, fps: workload.fps, work: path.join(work, workload.name), options: {} };
        const list = runs.get(workload.name) ?? {};
        runs.set(workload.name, list);
        for (const mode of modes) {
          process.stderr.write(`bench: round ${round}/${rounds} ${workload.name} ${mode}…\n`);
          (list[mode] ??= []).push(await child(mode, args));
        }
      }
    }
    const results = chosen.map((w) => summarize(w, runs.get(w.name)!));
    const novelty = values['no-novelty'] ? null : await noveltyFigure(sample, model, work);
    const checks = checksOf(results, novelty);
    const table = markdown(results, novelty, checks, rounds);
    await mkdir(path.dirname(path.resolve(values['markdown-out'])), { recursive: true });
    await writeFile(path.resolve(values['markdown-out']), `${table}\n`);
    if (values.json) {
      const walls = Object.fromEntries(
        results.map((r) => [r.workload.name, Object.fromEntries(Object.entries(r.runs).map(([m, l]) => [m, l.map((x) => x.wallSeconds)]))]),
      );
      process.stdout.write(`${JSON.stringify({ cpus: os.cpus().length, rounds, results, walls, novelty, checks }, null, 2)}\n`);
    } else {
      console.log(table);
      console.log('');
      for (const r of results) {
        for (const [mode, list] of Object.entries(r.runs))
          console.log(`${r.workload.name} ${mode} runs: ${list.map((m) => m.wallSeconds.toFixed(2)).join(', ')} s; ${r.medians[mode]!.note}`);
      }
      console.log(`(table written to ${path.resolve(values['markdown-out'])})`);
    }
    if (checks.some((c) => !c.ok)) process.exitCode = 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
