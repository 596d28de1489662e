/**
 * The benchmark, run during the full build (`npm run bench`'s own program, `--json`), as a table for
 * the performance slide and figures for the narration. A missed target does not stop the build: the
 * video shows what was measured.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import type { BenchFacts } from './facts.js';

const exec = promisify(execFile);

interface Measured {
  wallSeconds: number;
  frames: number;
  kept?: number;
  peakRssMb: number;
}

interface BenchJson {
  rounds: number;
  results: {
    workload: { name: string; label: string };
    medians: Record<string, Measured>;
    runs: Record<string, Measured[]>;
    pairedSpeedup: number;
    floorRatio: number;
  }[];
  novelty: { defaults: { novel: number; duplicates: number }; phashOnly: { novel: number; duplicates: number } } | null;
  checks: { target: string; ok: boolean }[];
}

const s = (n: number | undefined): string => (n === undefined ? '–' : n.toFixed(1));

export async function runBench(root: string, rounds: number, log: (message: string) => void): Promise<BenchFacts> {
  log(`benchmark: ${rounds} interleaved round(s) of npm run bench (all workloads, dedup novelty)`);
  const args = [
    path.join(root, 'build', 'test', 'bench', 'bench.js'),
    '--rounds',
    String(rounds),
    '--json',
    '--markdown-out',
    path.join(root, '.tmp', 'bench', 'walkthrough-results.md'),
  ];
  const stdout = await exec(process.execPath, args, { maxBuffer: 64 * 1024 * 1024, cwd: root }).then(
    (r) => r.stdout,
    // bench.js exits 1 when a target is missed; its JSON is still complete.
    (error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout?.trim().startsWith('{')) throw new Error(`the benchmark failed: ${error.stderr?.slice(-2000) ?? String(error)}`);
      return error.stdout;
    },
  );
  const bench = JSON.parse(stdout) as BenchJson;
  const rows = bench.results.map((r) => [
    r.workload.label,
    s(r.medians.full?.wallSeconds),
    s(r.medians.naive?.wallSeconds),
    `${r.pairedSpeedup.toFixed(2)}×`,
    `${r.medians.full?.kept ?? '–'} / ${r.medians.full?.frames ?? '–'}`,
    String(Math.max(...(r.runs.full ?? []).map((m) => m.peakRssMb))),
  ]);
  const values: Record<string, string> = {
    'bench.rounds': String(bench.rounds),
    'bench.peakRss': String(Math.max(...bench.results.flatMap((r) => (r.runs.full ?? []).map((m) => m.peakRssMb)))),
    'bench.passed': String(bench.checks.filter((c) => c.ok).length),
    'bench.targets': String(bench.checks.length),
  };
  for (const r of bench.results) {
    values[`bench.${r.workload.name}.speedup`] = r.pairedSpeedup.toFixed(1);
    values[`bench.${r.workload.name}.seconds`] = s(r.medians.full?.wallSeconds);
    values[`bench.${r.workload.name}.naive`] = s(r.medians.naive?.wallSeconds);
  }
  if (bench.novelty) {
    values['bench.novelty.novel'] = String(bench.novelty.defaults.novel);
    values['bench.novelty.duplicates'] = String(bench.novelty.defaults.duplicates);
    values['bench.novelty.phashNovel'] = String(bench.novelty.phashOnly.novel);
    values['bench.novelty.phashDuplicates'] = String(bench.novelty.phashOnly.duplicates);
  }
  return { table: { header: ['workload', 'dataset-gen s', 'naive s', 'speed-up', 'kept / sampled', 'peak RSS MB'], rows }, values };
}
