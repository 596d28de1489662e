import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { OutputError } from '../../../../src/errors.js';
import { lockOutput, lockPathOf } from '../../../../src/pipeline/output/output-lock.js';
import { tempDir } from '../../../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const { stdout } = await promisify(execFile)('node', ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(stdout);
}

describe('the lock on --out', () => {
  test('is a file beside the output naming this process; a second taker is refused naming it; release removes it', async () => {
    const out = path.join(dir, 'ds');
    const lock = await lockOutput(out);
    expect(lock.path).toBe(path.join(dir, '.ds.lock'));
    const owner = JSON.parse(await readFile(lock.path, 'utf8')) as { pid: number; host: string; startedAt: string };
    expect(owner).toMatchObject({ pid: process.pid, host: os.hostname() });
    const second = await lockOutput(out).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(OutputError);
    expect((second as Error).message).toBe(
      `Output ${out} is in use by another dataset-gen run (pid ${process.pid} on ${os.hostname()}, started ${owner.startedAt}); wait for it to finish or choose another --out (if that run is gone, remove ${lock.path})`,
    );
    await lock.release();
    await expect(readFile(lock.path)).rejects.toThrow(/ENOENT/);
    const again = await lockOutput(out);
    await again.release();
  });

  test("a stale lock (this host, the pid gone) is taken over with a warning; another host's is not", async () => {
    const out = path.join(dir, 'stale');
    const pid = await deadPid();
    await writeFile(lockPathOf(out), JSON.stringify({ pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const warnings: string[] = [];
    const lock = await lockOutput(out, undefined, (message) => warnings.push(message));
    expect(warnings).toEqual([
      `took over the lock ${lockPathOf(out)} of a run that is gone (pid ${pid} on ${os.hostname()}, started 2026-01-01T00:00:00.000Z)`,
    ]);
    expect(JSON.parse(await readFile(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();

    await writeFile(lockPathOf(out), JSON.stringify({ pid, host: 'another-runner', startedAt: '2026-01-01T00:00:00.000Z' }));
    await expect(lockOutput(out)).rejects.toThrow(`is in use by another dataset-gen run (pid ${pid} on another-runner`);
  });

  test('an unreadable lock file is not taken over; the message says what to remove', async () => {
    const out = path.join(dir, 'garbled');
    await writeFile(lockPathOf(out), '');
    await expect(lockOutput(out)).rejects.toThrow(
      `Output ${out} is locked by ${lockPathOf(out)}, which does not say which run holds it; if no dataset-gen run is writing to ${out}, remove ${lockPathOf(out)}`,
    );
  });

  test('release leaves a lock that another run has taken since', async () => {
    const out = path.join(dir, 'taken');
    const lock = await lockOutput(out);
    await writeFile(lock.path, JSON.stringify({ pid: 1, host: 'other', startedAt: 'x' }));
    await lock.release();
    expect(await readFile(lock.path, 'utf8')).toContain('"other"');
  });
});
