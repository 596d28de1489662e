/**
 * The built CLI (bin/dataset-gen.js) as a real child process, for tests that kill or signal it at a
 * chosen point of its run, and the comparison of two datasets file by file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { CHECKPOINT_FILE } from '../../src/pipeline/output/checkpoint.js';

export const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );
/** A run's staging folder and lock file beside its --out. */
export const staging = (out: string): string => path.join(path.dirname(out), `.${path.basename(out)}.partial`);
export const lock = (out: string): string => path.join(path.dirname(out), `.${path.basename(out)}.lock`);

/** Lines of a run's checkpoint (a header, then one per finished video); 0 when there is none yet. */
export async function checkpointLines(out: string): Promise<number> {
  const text = await readFile(path.join(staging(out), CHECKPOINT_FILE), 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '').length;
}

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the process has exited: its exit code (null when a signal ended it), its signal and stderr. */
  exited: Promise<CliExit>;
}

export interface CliExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Milliseconds from spawn to exit. */
  ms: number;
}

/**
 * Starts the CLI; with `group`, in a process group of its own (with its ffmpeg children), as a shell
 * starts a command, so that a signal to the group reaches them all as Ctrl-C in a terminal does.
 * `env` replaces the environment (default: this one with `DATASET_GEN_MODEL` empty).
 */
export function startCli(args: readonly string[], options: { group?: boolean; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const started = performance.now();
  const child = spawn('node', ['bin/dataset-gen.js', ...args], {
    env: options.env ?? { ...process.env, DATASET_GEN_MODEL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: options.group === true,
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<CliExit>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr, ms: performance.now() - started }));
  });
  return { child, exited };
}

export async function runCliToEnd(args: readonly string[]): Promise<CliExit> {
  return startCli(args).exited;
}

/**
 * Waits (polling every 10 ms) until `ready` holds while the process runs. Throws when the process
 * exits first, so a test never passes with its step taken at the wrong time.
 */
export async function waitUntil(run: CliRun, ready: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  let done = false;
  void run.exited.then(() => (done = true));
  const deadline = performance.now() + timeoutMs;
  while (!(await ready())) {
    if (done) throw new Error(`the CLI exited before the point waited for was reached:\n${(await run.exited).stderr}`);
    if (performance.now() > deadline) throw new Error('the point waited for was not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Sends `signal` once `ready` holds (see waitUntil), to the process or (`group`) to its process group; resolves with the exit. */
export async function signalWhen(run: CliRun, ready: () => Promise<boolean>, signal: NodeJS.Signals, options: { group?: boolean } = {}): Promise<CliExit> {
  await waitUntil(run, ready);
  if (options.group === true) process.kill(-run.child.pid!, signal);
  else run.child.kill(signal);
  return run.exited;
}

/** Every file under `dir`, relative to it, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The lines of `a` and `b` that differ (same line count required, else every line of the longer). */
function differingLines(a: string, b: string): string[] {
  const left = a.split('\n');
  const right = b.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) if (left[i] !== right[i]) out.push(`${left[i] ?? ''} ≠ ${right[i] ?? ''}`);
  return out;
}

/**
 * The parts of a dataset that are wall-clock by nature, each with how it is compared: manifest.json
 * without `run` (id, start, finish, wall seconds); metrics.json without `timings` and `compute`;
 * metrics.csv with the `inference_ms` column blanked; report.md, report.html and metrics.prom line by
 * line, where only the lines showing times may differ.
 */
const WALL_CLOCK: Record<string, (text: string) => string> = {
  'manifest.json': (text) => JSON.stringify({ ...(JSON.parse(text) as object), run: null }),
  'metrics.json': (text) => JSON.stringify({ ...(JSON.parse(text) as object), timings: null, compute: null }),
  'metrics.csv': (text) => {
    const [header, ...rows] = text.split('\n');
    const column = header!.split(',').indexOf('inference_ms');
    if (column < 0) throw new Error('metrics.csv has no inference_ms column');
    return [
      header,
      ...rows.map((row) =>
        row
          .split(',')
          .map((cell, i) => (i === column ? '' : cell))
          .join(','),
      ),
    ].join('\n');
  },
};

const TIME_LINES: Record<string, RegExp> = {
  'report.md': /^\| (Wall time|Compute per video-hour|probe|extract|quality|dedup|detect|write|\*\*total\*\*) \|/,
  'report.html':
    /UTC · id <code>|^<rect x="[\d.]+" y="0" width="[\d.]+" height="26"|^<title>\w+: [\d.,]+ m?s \(|>\w+ [\d.,]+ m?s \([\d.]+%\)<|^<p class="note">Stages sum to/,
  'metrics.prom': /^dataset_gen_(last_success_timestamp_seconds|run_duration_seconds|stage_duration_seconds|compute)/,
};

/**
 * How dataset `b` differs from dataset `a`: files only in one, and files whose bytes differ (after
 * leaving out what is wall-clock by nature, see WALL_CLOCK and TIME_LINES). Empty when they match.
 */
export async function datasetDifferences(a: string, b: string): Promise<string[]> {
  const [filesA, filesB] = await Promise.all([filesUnder(a), filesUnder(b)]);
  const out: string[] = [];
  for (const file of filesA.filter((f) => !filesB.includes(f))) out.push(`only in ${a}: ${file}`);
  for (const file of filesB.filter((f) => !filesA.includes(f))) out.push(`only in ${b}: ${file}`);
  for (const file of filesA.filter((f) => filesB.includes(f))) {
    const [bytesA, bytesB] = await Promise.all([readFile(path.join(a, file)), readFile(path.join(b, file))]);
    if (bytesA.equals(bytesB)) continue;
    const normalise = WALL_CLOCK[file];
    if (normalise !== undefined) {
      if (normalise(bytesA.toString('utf8')) !== normalise(bytesB.toString('utf8'))) out.push(`${file} differs beyond its wall-clock fields`);
      continue;
    }
    const timeLine = TIME_LINES[file];
    if (timeLine !== undefined) {
      const split = (text: string): string => (file === 'report.html' ? text.replaceAll('><', '>\n<') : text);
      const other = differingLines(split(bytesA.toString('utf8')), split(bytesB.toString('utf8'))).filter(
        (line) => !line.split(' ≠ ').every((side) => timeLine.test(side)),
      );
      if (other.length > 0) out.push(`${file} differs beyond its times: ${other.slice(0, 3).join(' | ')}`);
      continue;
    }
    out.push(`${file} differs`);
  }
  return out;
}
