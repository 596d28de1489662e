/**
 * The dataset is written into a hidden sibling of the output folder and renamed into place only when
 * the run succeeds, so a failed or interrupted run never leaves a folder that looks complete.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { cliName, type NameOf } from '../domain/run-options.js';
import { OutputError } from '../errors.js';

/** Refuses an output path that is a file, or a folder with something in it (unless `overwrite`). */
export async function checkOutputDir(outDir: string, overwrite: boolean, name: NameOf = cliName): Promise<void> {
  const info = await stat(outDir).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) throw new OutputError(`Output ${outDir} exists and is not a folder; choose another ${name('out')}`);
  const entries = await readdir(outDir);
  if (entries.length > 0 && !overwrite) {
    throw new OutputError(`Output folder ${outDir} exists and is not empty; pass ${name('overwrite')} to replace it, or choose another ${name('out')}`);
  }
}

/** Creates the temporary sibling folder the run writes into. */
export async function createStagingDir(outDir: string, subdirs: readonly string[], name: NameOf = cliName): Promise<string> {
  const parent = path.dirname(outDir);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new OutputError(`Cannot create ${parent}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; check ${name('out')}`);
  }
  const staging = path.join(parent, `.${path.basename(outDir)}.partial-${randomBytes(4).toString('hex')}`);
  for (const sub of ['', ...subdirs]) await mkdir(path.join(staging, sub), { recursive: true });
  return staging;
}

/** Moves the finished staging folder to `outDir`, replacing what was there. */
export async function commitStagingDir(staging: string, outDir: string): Promise<void> {
  const previous = await stat(outDir).catch(() => null);
  if (!previous) {
    await rename(staging, outDir);
    return;
  }
  const old = path.join(path.dirname(outDir), `.${path.basename(outDir)}.old-${randomBytes(4).toString('hex')}`);
  await rename(outDir, old);
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
}

export async function discardStagingDir(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
