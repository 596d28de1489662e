/**
 * One run at a time into an output folder: a lock file beside it (`.<out>.lock`, created with O_EXCL)
 * names the run holding it (pid, host, start time), and is never seen without that content. A second run is refused naming the first; a lock
 * left by a process that is gone (same host, pid not running) is taken over with a warning.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { cliName, type NameOf } from '../../domain/run-options.js';
import { OutputError } from '../../errors.js';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface OutputLock {
  path: string;
  release(): Promise<void>;
}

export function lockPathOf(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.lock`);
}

/** True while a process with this pid exists (EPERM: it exists, owned by another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof owner.pid === 'number' &&
      Number.isInteger(owner.pid) &&
      owner.pid > 0 &&
      typeof owner.host === 'string' &&
      typeof owner.startedAt === 'string'
    ) {
      return { pid: owner.pid, host: owner.host, startedAt: owner.startedAt };
    }
  } catch {
    // not JSON: reported below
  }
  return null;
}

/**
 * Creates the lock file with its content in one step (written to a private file, then hard-linked to
 * the lock's name, which fails when the name exists), so the lock is never seen empty; false when it
 * exists already.
 */
async function tryCreate(file: string, owner: LockOwner, outDir: string, name: NameOf): Promise<boolean> {
  const own = `${file}.${owner.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(own, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
    await link(own, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOSPC') throw error;
    throw new OutputError(`Cannot create the lock file ${file} for ${outDir}: ${code ?? (error as Error).message}; check ${name('out')}`, { cause: error });
  } finally {
    await rm(own, { force: true });
  }
}

/** Takes the lock on `outDir` (whose parent folder must exist), or refuses naming the run that holds it. */
export async function lockOutput(outDir: string, name: NameOf = cliName, onWarning: (message: string) => void = () => undefined): Promise<OutputLock> {
  const file = lockPathOf(outDir);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  const lock: OutputLock = {
    path: file,
    release: async () => {
      const held = parseOwner(await readFile(file, 'utf8').catch(() => ''));
      if (held?.pid === owner.pid && held.host === owner.host && held.startedAt === owner.startedAt) await rm(file, { force: true });
    },
  };
  if (await tryCreate(file, owner, outDir, name)) return lock;
  const text = await readFile(file, 'utf8').catch(() => '');
  const other = parseOwner(text);
  if (other === null) {
    throw new OutputError(
      `Output ${outDir} is locked by ${file}, which does not say which run holds it; if no dataset-gen run is writing to ${outDir}, remove ${file}`,
    );
  }
  if (other.host !== owner.host || processAlive(other.pid)) {
    throw new OutputError(
      `Output ${outDir} is in use by another dataset-gen run (pid ${other.pid} on ${other.host}, started ${other.startedAt}); wait for it to finish or choose another ${name('out')} (if that run is gone, remove ${file})`,
    );
  }
  onWarning(`took over the lock ${file} of a run that is gone (pid ${other.pid} on ${other.host}, started ${other.startedAt})`);
  await rm(file, { force: true });
  if (await tryCreate(file, owner, outDir, name)) return lock;
  throw new OutputError(
    `Output ${outDir} was locked by another dataset-gen run while this one took over a stale lock (${file}); wait for it to finish or choose another ${name('out')}`,
  );
}
