/**
 * Faults a site pipeline meets, through the built CLI as a real process: SIGINT / SIGTERM (exit 130 /
 * 143 within seconds; the staging folder kept for --resume once a video is finished, else removed),
 * a second run into the same --out (refused naming the first), and a full disk (a 2 MB tmpfs: one line
 * naming the path and "disk full (ENOSPC)", exit 6, nothing left behind). The tmpfs needs root and
 * `mount`; without them that test is skipped, saying why.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { EXIT_CODES } from '../../src/errors.js';
import { checkpointLines, datasetDifferences, exists, lock, runCliToEnd, signalWhen, staging, startCli, waitUntil } from '../support/cli-process.js';
import { makeDemoCuts, tempDir } from '../support/videos.js';

const run = promisify(execFile);

let dir: string;
let cleanup: () => Promise<void>;
let videos: string[];
let reference: string;

function args(out: string, extra: readonly string[] = []): string[] {
  return ['run', ...videos.flatMap((v) => ['--video', v]), '--out', out, '--sample-fps', '2', '--inference-workers', '1', ...extra];
}

/** The last line of stderr: the CLI's one-line error. */
const lastLine = (stderr: string): string => stderr.trim().split('\n').at(-1) ?? '';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  videos = await makeDemoCuts(path.join(dir, 'videos'));
  reference = path.join(dir, 'reference');
  expect(await runCliToEnd(args(reference))).toMatchObject({ code: 0 });
}, 180_000);
afterAll(() => cleanup());

describe('signals', () => {
  test('SIGTERM with a video finished: exit 143 within seconds, staging kept and said so; --resume finishes it', async () => {
    const out = path.join(dir, 'term');
    const started = startCli(args(out));
    let signalledAt = 0;
    const exit = await signalWhen(
      started,
      async () => {
        const ready = (await checkpointLines(out)) >= 2;
        if (ready) signalledAt = performance.now();
        return ready;
      },
      'SIGTERM',
    );
    const stopMs = performance.now() - signalledAt;
    expect(exit.code).toBe(EXIT_CODES.sigterm);
    expect(stopMs).toBeLessThan(5000);
    expect(lastLine(exit.stderr)).toMatch(
      /^dataset-gen: interrupted \(SIGTERM\); [12] of 3 videos finished and kept in .*\.term\.partial; run again with --resume to continue$/,
    );
    expect(await exists(staging(out))).toBe(true);
    expect(await exists(lock(out))).toBe(false);
    expect(await exists(out)).toBe(false);
    const resumed = await runCliToEnd(args(out, ['--resume']));
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).not.toMatch(/took over the lock/);
    expect(await datasetDifferences(reference, out)).toEqual([]);
  }, 240_000);

  test('SIGINT before any video finished: exit 130, nothing left behind', async () => {
    const out = path.join(dir, 'int');
    const exit = await signalWhen(startCli(args(out)), () => exists(lock(out)), 'SIGINT');
    expect(exit.code).toBe(EXIT_CODES.sigint);
    expect(lastLine(exit.stderr)).toMatch(/^dataset-gen: interrupted \(SIGINT\) before any video finished; nothing was kept$/);
    expect((await readdir(dir)).filter((name) => name.includes('int'))).toEqual([]);
  }, 120_000);

  test('Ctrl-C in a terminal (SIGINT to the process group, ffmpeg included) mid-video: exit 130 within seconds, not a video error; the finished video kept', async () => {
    const out = path.join(dir, 'ctrl-c');
    let signalledAt = 0;
    const exit = await signalWhen(
      startCli(args(out), { group: true }),
      async () => {
        const ready = (await checkpointLines(out)) >= 2 && (await readdir(path.join(staging(out), 'images'))).some((name) => name.startsWith('cam1_'));
        if (ready) signalledAt = performance.now();
        return ready;
      },
      'SIGINT',
      { group: true },
    );
    expect(performance.now() - signalledAt).toBeLessThan(5000);
    expect(exit.code).toBe(EXIT_CODES.sigint);
    expect(lastLine(exit.stderr)).toMatch(
      /^dataset-gen: interrupted \(SIGINT\); [12] of 3 videos finished and kept in .*\.ctrl-c\.partial; run again with --resume to continue$/,
    );
    const resumed = await runCliToEnd(args(out, ['--resume']));
    expect(resumed.code).toBe(0);
    expect(await datasetDifferences(reference, out)).toEqual([]);
  }, 240_000);
});

test('a second run into the same --out is refused naming the first, which finishes', async () => {
  const out = path.join(dir, 'shared');
  const first = startCli(args(out));
  await waitUntil(first, async () => (await checkpointLines(out)) >= 1);
  const second = await runCliToEnd(args(out));
  expect(second).toMatchObject({ code: EXIT_CODES.output });
  expect(lastLine(second.stderr)).toMatch(
    new RegExp(
      `^dataset-gen: Output .*shared is in use by another dataset-gen run \\(pid ${first.child.pid} on [^,]+, started [0-9T:.-]+Z\\); wait for it to finish or choose another --out \\(if that run is gone, remove .*\\.shared\\.lock\\)$`,
    ),
  );
  expect((await first.exited).code).toBe(0);
  expect(await datasetDifferences(reference, out)).toEqual([]);
}, 240_000);

/** A 2 MB tmpfs, or why there is none. */
async function smallDisk(): Promise<{ at: string } | { reason: string }> {
  const at = path.join(await import('node:os').then((os) => os.tmpdir()), `dataset-gen-tmpfs-${process.pid}`);
  await mkdir(at, { recursive: true });
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', at]);
    return { at };
  } catch (error) {
    await rmdir(at);
    return { reason: `cannot mount a tmpfs here (needs root): ${(error as Error).message.split('\n')[0]}` };
  }
}

const disk = await smallDisk();
const onSmallDisk = 'at' in disk ? test : test.skip;

// At file level, so that the tmpfs is unmounted and its mount point removed even when the test is filtered out.
afterAll(async () => {
  if ('at' in disk) {
    await run('umount', [disk.at]);
    await rmdir(disk.at);
  }
});

describe(`a full disk${'reason' in disk ? ` (skipped: ${disk.reason})` : ''}`, () => {
  onSmallDisk(
    'one line naming the path and "disk full (ENOSPC)", exit 6, nothing left on the disk',
    async () => {
      const at = (disk as { at: string }).at;
      const out = path.join(at, 'dataset');
      const exit = await runCliToEnd(args(out));
      expect(exit.code).toBe(EXIT_CODES.output);
      expect(lastLine(exit.stderr)).toMatch(
        /^dataset-gen: Cannot write \/\S+: disk full \(ENOSPC\); nothing was written to \S+\/dataset; free space there or choose another --out$/,
      );
      expect(exit.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(await readdir(at)).toEqual([]);
    },
    120_000,
  );
});
