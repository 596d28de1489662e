/**
 * `npm run bench`: dataset-gen against the naive two-pass and the floors on four workloads
 * (workloads.ts: the sample at 1 frame/s, camera-like 10-minute 25 fps videos at 1 frame/10 s, 4:3
 * and 1080p 16:9, a static-period timelapse at 1 frame/s), with the model input at the video's shape
 * (the default) and at the model's square, each measurement in its own child process so its peak RSS
 * is its own, in interleaved rounds (medians reported). Then the dedup novelty figure: of the frames
 * dedup dropped on the sample at 2 frames/s, the share whose per-class counts (score >= 0.5) differ
 * from the last kept frame's, against a run with dedup off. Prints a Markdown table, writes it to
 * `--markdown-out` (REPORT.md embeds it: report-sample.ts) and checks the targets of issues 10 and 29.
 *
 *   node build/test/bench/bench.js [--rounds N] [--quick] [--workloads sample,camera,camera-16x9,timelapse]
 *     [--video SAMPLE] [--model M] [--cache DIR] [--markdown-out FILE] [--json] [--no-novelty]
 *
 * dataset-gen runs as the CLI runs it with the options a user would pass (`--video`, `--out`,
 * `--model`, `--sample-fps`): whatever its defaults are (decoding mode, workers, dedup) is measured,
 * in the environment of the Docker image (its allocator settings: `imageTunables`).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { LOCAL_CHANGE_MAX } from '../../src/domain/thresholds.js';
import type { RawOptions } from '../../src/options/resolve-options.js';
import { imageTunables } from '../support/image-env.js';
import { MODES, type ChildArgs, type Measurement } from './bench-modes.js';
import { classCountsByFrame, dedupNovelty, NOVELTY_MIN_SCORE, type Novelty } from './dedup-novelty.js';
import { workloads, type Workload } from './workloads.js';

const here = fileURLToPath(import.meta.url);

/**
 * Modes that run in the image's environment (its allocator settings, docs/performance.md "Allocator
 * settings"): dataset-gen's runs, and the floors, what the same runtime can do at best. The naive
 * two-pass runs in the environment the bench was started in, as a user's script would.
 */
const IMAGE_ENV_MODES = new Set([
  'full',
  'square',
  'dataset',
  'decode',
  'keyframes',
  'inference',
  'inference-square',
  'inference-1-session',
  'naive-image-env',
]);

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
/** Issue 29: on the sample, the detect stage at the video's shape costs at most this share of the square's. */
const DETECT_RATIO_LIMIT = 0.82;
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
  /** The same for `square` (naive / square; square / (decode-all + square inference floor)), when measured. */
  square: { pairedSpeedup: number; floorRatio: number } | null;
  /** Median over rounds of full / square: the detect stage's time and the model's own time. */
  detectRatio: number | null;
  modelRatio: number | null;
}

interface Check {
  target: string;
  ok: boolean;
}

/** Median over rounds of `measure(a) / measure(b)`, each pair from the same round; null when either was not measured. */
function pairedRatio(a: Measurement[] | undefined, b: Measurement[] | undefined, measure: (m: Measurement) => number | undefined): number | null {
  if (!a || !b) return null;
  const ratios = a.map((m, i) => (measure(m) ?? NaN) / (measure(b[i]!) ?? NaN)).filter(Number.isFinite);
  return ratios.length === 0 ? null : middle(ratios);
}

function summarize(workload: Workload, runs: Record<string, Measurement[]>): WorkloadResult {
  const medians = Object.fromEntries(Object.entries(runs).map(([mode, list]) => [mode, median(list)]));
  // Paired by round: full and naive ran minutes apart at most, so the machine's drift cancels out.
  const wall = (m: Measurement): number => m.wallSeconds;
  const pairedSpeedup = pairedRatio(runs.naive, runs.full, wall)!;
  const floorRatio = medians.full!.wallSeconds / (medians.decode!.wallSeconds + medians.inference!.wallSeconds);
  const square =
    runs.square && medians['inference-square']
      ? {
          pairedSpeedup: pairedRatio(runs.naive, runs.square, wall)!,
          floorRatio: medians.square!.wallSeconds / (medians.decode!.wallSeconds + medians['inference-square'].wallSeconds),
        }
      : null;
  const detectRatio = pairedRatio(runs.full, runs.square, (m) => m.detectMs);
  const modelRatio = pairedRatio(runs.full, runs.square, (m) => m.modelMs);
  return { workload, medians, runs, pairedSpeedup, floorRatio, square, detectRatio, modelRatio };
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
    if (r.workload.name === 'sample' && r.detectRatio !== null) {
      const ratio = r.detectRatio.toFixed(2);
      checks.push({
        target: `${r.workload.label}: detect stage at the video's shape ≤ ${DETECT_RATIO_LIMIT} × the square's (${ratio})`,
        ok: r.detectRatio <= DETECT_RATIO_LIMIT,
      });
    }
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

/** One row of the table: dataset-gen at one input shape (`full` or `square`) against the floors. */
function row(r: WorkloadResult, mode: 'full' | 'square'): string {
  const m = r.medians;
  const run = m[mode]!;
  const floor = mode === 'full' ? m.inference : m['inference-square'];
  const paired = mode === 'full' ? { pairedSpeedup: r.pairedSpeedup, floorRatio: r.floorRatio } : r.square!;
  const input = `${mode === 'full' ? 'auto' : 'square'} ${run.input ?? '?'}`;
  const ms = (value: number | undefined): string => (value === undefined ? '–' : (value / 1000).toFixed(2));
  return (
    `| ${r.workload.label} | ${input} | ${s(run.wallSeconds)} | ${s(m.naive?.wallSeconds)} | **${paired.pairedSpeedup.toFixed(2)}×** | ${s(m.decode?.wallSeconds)} | ` +
    `${s(m.keyframes?.wallSeconds)} (${m.keyframes?.frames ?? '–'} keyframes) | ${s(floor?.wallSeconds)} | ${paired.floorRatio.toFixed(2)} | ` +
    `${ms(run.detectMs)} | ${ms(run.modelMs)} | ${run.kept ?? '–'} / ${run.frames} | ${Math.max(...r.runs[mode]!.map((x) => x.peakRssMb))} |`
  );
}

function markdown(results: WorkloadResult[], figures: NoveltyFigures | null, checks: Check[], rounds: number): string {
  const lines = [
    `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.versions.node}; median wall seconds of ${rounds} interleaved round${rounds === 1 ? '' : 's'}; ` +
      "dataset-gen with its default options (`auto`: the model input of the video's shape) and with `--inference-shape square`, and, like the floors, the Docker image's allocator settings (`GLIBC_TUNABLES`); " +
      'naive (square, as an exported ONNX model runs) in the environment the bench started in; speed-up is the median of per-round naive / dataset-gen; ' +
      "the inference floor is the model alone on the kept frames at the row's input; detect stage and model are dataset-gen's own figures (the frame loop's time handing batches to the model and waiting for them, and the model's run time summed over frames).",
    '',
    '| workload | input | dataset-gen s | naive s | speed-up | decode-all s | keyframes s | inference s | dataset-gen / (decode-all + inference) | detect stage s | model s | kept / sampled | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    lines.push(row(r, 'full'));
    if (r.square) lines.push(row(r, 'square'));
  }
  const ratios = results.filter((r) => r.detectRatio !== null && r.modelRatio !== null);
  if (ratios.length > 0) {
    const each = ratios.map((r) => `${r.workload.label} ${r.detectRatio!.toFixed(2)} (model ${r.modelRatio!.toFixed(2)})`);
    lines.push('', `Detect stage at the video's shape / at the square, median of per-round ratios: ${each.join('; ')}.`);
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
      workloads: { type: 'string', default: 'sample,camera,camera-16x9,timelapse' },
      modes: { type: 'string', default: 'full,square,decode,keyframes,inference,inference-square,naive' },
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
  if (chosen.length === 0) throw new Error(`no workload among ${values.workloads}; choose from sample, camera, camera-16x9, timelapse`);
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
