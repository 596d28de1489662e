/**
 * The benchmark, run during the full build (`npm run bench`'s own program, its JSON output), as a
 * table for the performance slide and figures for the narration.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BenchFacts } from './facts.js';

const exec = promisify(execFile);

interface BenchJson {
  results: Record<string, { name: string; wallSeconds: number; frames: number; peakRssMb: number; note: string }>;
  floorSeconds: number;
  pairedNaiveOverFull: number;
}

export async function runBench(root: string, rounds: number, log: (message: string) => void): Promise<BenchFacts> {
  log(`benchmark: ${rounds} interleaved rounds (npm run bench)`);
  const { stdout } = await exec(process.execPath, [path.join(root, 'build', 'test', 'bench', 'bench.js'), '--rounds', String(rounds), '--json'], { maxBuffer: 64 * 1024 * 1024 });
  const bench = JSON.parse(stdout) as BenchJson;
  const rows = Object.values(bench.results).map((m) => [m.name, m.wallSeconds.toFixed(2), String(m.frames), String(m.peakRssMb)]);
  return {
    table: { header: ['measurement', 'wall s', 'frames', 'peak RSS MB'], rows },
    values: {
      'bench.naiveOverFull': bench.pairedNaiveOverFull.toFixed(1),
      'bench.peakRss': String(bench.results.full?.peakRssMb ?? ''),
    },
  };
}
