/**
 * Orchestrates a run: validate everything cheap first (tools, output folder, history, the lock), then
 * its phases: the parallel start-up (run-start.ts), the staging folder (output/run-staging.ts), every
 * video through the stages (run-videos.ts), the finished dataset renamed into place (run-finish.ts),
 * publishing; a failure before the commit is translated by run-failure.ts.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { DATASET_FILES, type DatasetFile } from '../domain/dataset-files.js';
import { cliName, type Options } from '../domain/run-options.js';
import { locateFfmpegTools } from '../media/tools.js';
import { checkRunHistory } from '../observe/history.js';
import { silentLogger } from '../observe/log.js';
import type { RunMetrics } from '../observe/metrics-contract.js';
import { RunRecorder } from '../observe/recorder.js';
import { checkOutputDir, createOutputParent } from './output/output-dir.js';
import { lockOutput, lockPathOf } from './output/output-lock.js';
import { openRunStaging, type RunStaging } from './output/run-staging.js';
import { diskFullError, failureOf, isDiskFull } from './run-failure.js';
import { finishDataset, inputFiles } from './run-finish.js';
import { readyRun, startRun, type RunHooks, type RunStart } from './run-start.js';
import { processVideos } from './run-videos.js';
import type { RunManifest } from './write/manifest.js';
import { publishRun } from './write/publish.js';

export type { RunHooks } from './run-start.js';

export interface RunResult {
  outDir: string;
  metrics: RunMetrics;
  manifest: RunManifest;
  /** Absolute paths of the dataset's files. */
  files: Record<DatasetFile, string>;
}

function datasetPaths(outDir: string): Record<DatasetFile, string> {
  const entries = Object.entries(DATASET_FILES).map(([key, rel]) => [key, path.join(outDir, rel)]);
  return Object.fromEntries(entries) as Record<DatasetFile, string>;
}

export async function runPipeline(options: Options, hooks: RunHooks = {}): Promise<RunResult> {
  const startedAt = new Date();
  const runId = randomBytes(6).toString('hex');
  const logger = (hooks.logger ?? silentLogger()).child({ runId, site: options.site });
  const name = hooks.nameOf ?? cliName;
  // Found now, versions read while the videos are probed.
  const paths = locateFfmpegTools(options.ffmpegPath ?? undefined, name('ffmpeg-path'));
  await checkOutputDir(options.outDir, options.overwrite, name, { inputs: inputFiles(options) });
  if (options.historyCsv) await checkRunHistory(options.historyCsv);
  await createOutputParent(options.outDir, name);
  const lock = await lockOutput(options.outDir, name, (message) => logger.warn(message)).catch((error: unknown) => {
    throw isDiskFull(error) ? diskFullError(error, lockPathOf(options.outDir), options.outDir, name) : error;
  });
  const stallTimeout = { seconds: options.stallTimeoutSeconds, name: name('stall-timeout') };
  try {
    return await runLocked({ options, hooks, startedAt, runId, logger, name, paths, stallTimeout, recorder: new RunRecorder() });
  } finally {
    await lock.release();
  }
}

/** The run's phases, with the output locked. */
async function runLocked(start: RunStart): Promise<RunResult> {
  const { options, hooks, logger, name } = start;
  const prepared = await startRun(start);
  let staging: RunStaging | null = null;
  let committed = false;
  try {
    hooks.signal?.throwIfAborted();
    const run = await readyRun(prepared);
    staging = await openRunStaging({
      outDir: options.outDir,
      identity: run.identity,
      resume: options.resume,
      subdirs: [DATASET_FILES.images, path.dirname(DATASET_FILES.coco)],
      name,
      logger,
      sha256Of: run.sha256Of,
      confineTo: hooks.confineStagingTo,
    });
    await processVideos(run, staging);
    const { metrics, manifest, registry } = await finishDataset(run, staging);
    committed = true;
    const labelled = metrics.frames.labelled > 0 ? ` (${metrics.frames.labelled} frames already labelled left out)` : '';
    logger.info(`dataset written to ${options.outDir}: ${metrics.images} images, ${metrics.detections.total} detections${labelled}`);
    await publishRun(options, metrics, manifest, registry, logger, hooks.signal);
    return { outDir: options.outDir, metrics, manifest, files: datasetPaths(options.outDir) };
  } catch (error) {
    if (committed) throw error;
    throw await failureOf(error, { signal: hooks.signal, staging, outDir: options.outDir, videoCount: prepared.videos.length, name });
  } finally {
    await prepared.detector.release();
  }
}
