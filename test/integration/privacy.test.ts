/**
 * What a run leaves on the machine: the built CLI with HOME, TMPDIR and XDG_CACHE_HOME pointed at
 * fresh folders (and ORT_DISABLE_TELEMETRY not set by the caller) writes the dataset into --out and
 * nothing else: no onnxruntime telemetry files (`mat-debug-<pid>.log` and `.ses` in the temp folder, a
 * device id and usage database in `~/.cache/Microsoft/DeveloperTools/.onnxruntime`), no model cache
 * (the bundled model is read in place), no staging folder left beside --out.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { makeVideo, tempDir } from '../support/videos.js';

const run = promisify(execFile);
let dir: string;
let cleanup: () => Promise<void>;

/** Every path under `root`, relative to it, sorted. */
async function tree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  return entries.map((entry) => String(entry)).sort();
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('dataset-gen-privacy-'));
}, 30_000);
afterAll(() => cleanup());

describe('a run writes only its dataset', () => {
  test('HOME, the temp folder and the cache stay empty; the output folder holds only the dataset', async () => {
    const home = path.join(dir, 'home');
    const tmp = path.join(dir, 'tmp');
    const cache = path.join(dir, 'xdg-cache');
    const work = path.join(dir, 'work');
    for (const folder of [home, tmp, cache, work]) await mkdir(folder);
    const video = await makeVideo(path.join(dir, 'site.mp4'), { width: 320, height: 240, frames: 30 });
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, TMPDIR: tmp, XDG_CACHE_HOME: cache, DATASET_GEN_MODEL: '' };
    delete env.ORT_DISABLE_TELEMETRY;
    delete env.DATASET_GEN_CACHE;
    const cli = path.resolve('bin', 'dataset-gen.js');
    const { stdout } = await run('node', [cli, 'run', '--video', video, '--out', path.join(work, 'dataset'), '--log-format', 'json'], { env, cwd: work });
    expect(stdout.trim()).toBe(path.join(work, 'dataset'));
    expect({ home: await tree(home), tmp: await tree(tmp), cache: await tree(cache) }).toEqual({ home: [], tmp: [], cache: [] });
    expect(await readdir(work)).toEqual(['dataset']);
    expect((await readdir(dir)).sort()).toEqual(['home', 'site.mp4', 'tmp', 'work', 'xdg-cache']);
  }, 120_000);
});
