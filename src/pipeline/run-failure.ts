/**
 * What a run that fails before its dataset is committed throws, and what it leaves: interrupted
 * (SIGINT, SIGTERM) after a video finished, the staging folder is kept for `--resume` and the message
 * says so; otherwise it is removed, and a full disk is said in one line naming the output.
 */
import type { NameOf } from '../domain/run-options.js';
import { InterruptedError, messageOf, OutputError } from '../errors.js';
import { discardStagingDir, OutputTakenError, stagingDirOf } from './output/output-dir.js';
import type { RunStaging } from './output/run-staging.js';

/** True for a write that failed because the disk is full (Node's ENOSPC, or libvips' message for it). */
export function isDiskFull(error: unknown): boolean {
  if ((error as NodeJS.ErrnoException | null)?.code === 'ENOSPC') return true;
  return /no space left on device/i.test(messageOf(error));
}

export function diskFullError(error: unknown, staging: string, outDir: string, name: NameOf): OutputError {
  const file = (error as NodeJS.ErrnoException).path ?? staging;
  return new OutputError(`Cannot write ${file}: disk full (ENOSPC); nothing was written to ${outDir}; free space there or choose another ${name('out')}`, {
    cause: error,
  });
}

export interface FailedRun {
  signal: AbortSignal | undefined;
  staging: RunStaging | null;
  outDir: string;
  videoCount: number;
  name: NameOf;
}

/** The error to throw for `error`, after keeping or removing the staging folder as the failure calls for. */
export async function failureOf(error: unknown, run: FailedRun): Promise<unknown> {
  const { signal, staging, outDir, name } = run;
  if (error instanceof OutputTakenError) return error;
  // Ctrl-C in a terminal reaches ffmpeg too: its death can surface as a decode error a moment before
  // the signal's own handler runs. One turn of the event loop lets the abort land first.
  if (signal !== undefined && !signal.aborted) await new Promise((resolve) => setImmediate(resolve));
  const reason: unknown = signal?.reason;
  const interrupted = signal?.aborted === true;
  if (interrupted && staging !== null && staging.checkpoint.finished > 0) {
    const kept = `${staging.checkpoint.finished} of ${run.videoCount} videos finished and kept in ${staging.dir}`;
    return reason instanceof InterruptedError
      ? new InterruptedError(`${reason.message}; ${kept}; run again with ${name('resume')} to continue`, reason.signal)
      : reason;
  }
  if (staging !== null) await discardStagingDir(staging.dir);
  if (interrupted) {
    return reason instanceof InterruptedError ? new InterruptedError(`${reason.message} before any video finished; nothing was kept`, reason.signal) : reason;
  }
  if (isDiskFull(error)) return diskFullError(error, staging?.dir ?? stagingDirOf(outDir), outDir, name);
  return error;
}
