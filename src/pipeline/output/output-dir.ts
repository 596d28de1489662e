/**
 * The dataset is written into a hidden sibling of the output folder and renamed into place only when
 * the run succeeds, so a failed or interrupted run never leaves a folder that looks complete. A run
 * stages in `.<out>.partial` (one name, so that `--resume` finds it again); `merge` in a random one.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { DATASET_FILES } from '../../domain/dataset-files.js';
import { isInside } from '../../domain/path-inside.js';
import { cliName, type NameOf } from '../../domain/run-options.js';
import { OutputError } from '../../errors.js';

/** What `--overwrite` must never replace: the folders a user works in, and the run's own inputs. */
export interface OverwriteGuard {
  /** The run's input files (videos, model, model config, history CSV); a folder holding one is refused. */
  inputs?: readonly string[];
  cwd?: string;
  home?: string;
}

/** The run's staging folder: `.<out>.partial` beside `outDir`. */
export function stagingDirOf(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.partial`);
}

async function realOrResolved(file: string): Promise<string> {
  return realpath(file).catch(() => path.resolve(file));
}

/** True when `dir` holds a manifest.json written by dataset-gen (a run or a merge). */
async function isDataset(dir: string): Promise<boolean> {
  const text = await readFile(path.join(dir, DATASET_FILES.manifest), 'utf8').catch(() => null);
  if (text === null) return false;
  try {
    const manifest = JSON.parse(text) as { schemaVersion?: unknown; tool?: { name?: unknown } };
    return manifest.schemaVersion === 1 && manifest.tool?.name === 'dataset-gen';
  } catch {
    return false;
  }
}

/** Why `--overwrite` must not replace `outDir` (an existing folder), or null when it may. */
async function overwriteRefusal(outDir: string, entries: readonly string[], guard: OverwriteGuard, name: NameOf): Promise<string | null> {
  const real = await realOrResolved(outDir);
  const home = await realOrResolved(guard.home ?? os.homedir());
  const cwd = await realOrResolved(guard.cwd ?? process.cwd());
  if (real === path.parse(real).root) return 'it is the root folder';
  if (real === home) return 'it is the home folder';
  if (isInside(home, real)) return `it holds the home folder ${home}`;
  if (real === cwd) return 'it is the current working folder';
  if (isInside(cwd, real)) return `it holds the current working folder ${cwd}`;
  for (const input of guard.inputs ?? []) {
    const resolved = [path.resolve(guard.cwd ?? process.cwd(), input), await realOrResolved(path.resolve(guard.cwd ?? process.cwd(), input))];
    if (resolved.some((file) => isInside(file, real))) return `it holds the input ${input}`;
  }
  if (entries.length > 0 && !(await isDataset(outDir))) {
    return `it is not a dataset written by dataset-gen (no dataset-gen ${DATASET_FILES.manifest}); ${name('overwrite')} replaces only a previous dataset`;
  }
  return null;
}

/**
 * Refuses an output path that is a file, or a folder with something in it (unless `overwrite`). With
 * `overwrite`, refuses the root, home and working folders, a folder holding an input, and a non-empty
 * folder that is not a previous dataset.
 */
export async function checkOutputDir(outDir: string, overwrite: boolean, name: NameOf = cliName, guard: OverwriteGuard = {}): Promise<void> {
  const info = await stat(outDir).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) throw new OutputError(`Output ${outDir} exists and is not a folder; choose another ${name('out')}`);
  const entries = await readdir(outDir);
  if (entries.length > 0 && !overwrite) {
    throw new OutputError(`Output folder ${outDir} exists and is not empty; pass ${name('overwrite')} to replace it, or choose another ${name('out')}`);
  }
  if (!overwrite) return;
  const refusal = await overwriteRefusal(outDir, entries, guard, name);
  if (refusal !== null) throw new OutputError(`Refusing to replace ${outDir} with ${name('overwrite')}: ${refusal}; choose another ${name('out')}`);
}

/** Creates the folder the output folder goes in. */
export async function createOutputParent(outDir: string, name: NameOf = cliName): Promise<void> {
  const parent = path.dirname(outDir);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new OutputError(`Cannot create ${parent}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; check ${name('out')}`);
  }
}

/** Creates the temporary sibling folder the run writes into (`staging`, or a random hidden name). */
export async function createStagingDir(outDir: string, subdirs: readonly string[], name: NameOf = cliName, staging?: string): Promise<string> {
  await createOutputParent(outDir, name);
  const dir = staging ?? path.join(path.dirname(outDir), `.${path.basename(outDir)}.partial-${randomBytes(4).toString('hex')}`);
  for (const sub of ['', ...subdirs]) await mkdir(path.join(dir, sub), { recursive: true });
  return dir;
}

/**
 * `outDir` was taken while the run wrote its staging folder (something appeared there without
 * `--overwrite`, or what is there may not be replaced); the finished dataset stays in the staging folder.
 */
export class OutputTakenError extends OutputError {}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * Moves the finished staging folder to `outDir`. Without `overwrite`, only onto nothing or an empty
 * folder (one rename: whatever appears at `outDir` meanwhile makes it fail); with it, after checking
 * again that what is there now may be replaced (`checkOutputDir`). When `outDir` cannot be taken the
 * staging folder is kept and named in the error.
 */
export async function commitStagingDir(staging: string, outDir: string, overwrite: boolean, name: NameOf = cliName, guard: OverwriteGuard = {}): Promise<void> {
  const taken = (why: string): OutputTakenError =>
    new OutputTakenError(`Output ${outDir} ${why}; the finished dataset is kept in ${staging}: move it into place, or run again with another ${name('out')}`);
  if (!overwrite) {
    try {
      await rename(staging, outDir);
      return;
    } catch (error) {
      if (['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR'].includes(errnoOf(error) ?? '')) {
        throw taken(`appeared while the dataset was written and ${name('overwrite')} was not given`);
      }
      throw error;
    }
  }
  try {
    await checkOutputDir(outDir, true, name, guard);
  } catch (error) {
    if (error instanceof OutputError) throw taken(`changed while the dataset was written: ${error.message}`);
    throw error;
  }
  const previous = await lstat(outDir).catch(() => null);
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
