/**
 * Finishing the dataset once every video is processed: COCO, the labelling budget and the exports,
 * metrics, the manifest, the reports, the manifest file last, and the staging folder renamed into
 * place (checked again: output-dir.ts `commitStagingDir`).
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Registry } from 'prom-client';

import { DATASET_FILES } from '../domain/dataset-files.js';
import type { Options } from '../domain/run-options.js';
import { processedSeconds } from '../domain/time-range.js';
import { datasetCategories } from '../export/categories.js';
import { buildCoco, serializeCoco, type CocoContext } from '../export/coco.js';
import { PRESETS } from '../model/config.js';
import { computeMetrics } from '../observe/compute-metrics.js';
import { describeDataLoss } from '../observe/data-loss-message.js';
import type { RunMetrics } from '../observe/metrics-contract.js';
import { logStageSummary } from '../observe/stage-summary.js';
import { classColors } from '../report/report-model.js';
import { TOOL_VERSION, toolCommit } from '../version.js';
import { writeLabelling } from './label/write-labelling.js';
import { commitStagingDir } from './output/output-dir.js';
import type { RunStaging } from './output/run-staging.js';
import type { ReadyRun } from './run-start.js';
import { buildManifest, type RunManifest } from './write/manifest.js';
import { writeReports } from './write/write-reports.js';

/** The run's input files, which `--overwrite` must never delete. */
export function inputFiles(options: Options): string[] {
  const files = [...options.videos];
  if (options.modelPath !== null) files.push(options.modelPath);
  if (!Object.hasOwn(PRESETS, options.modelConfig)) files.push(options.modelConfig);
  if (options.historyCsv !== null) files.push(options.historyCsv);
  files.push(...options.exclude);
  return files;
}

/** COCO, then the labelling budget and the exports made from it, into the staging folder. */
async function writeAnnotations(run: ReadyRun, dir: string): Promise<void> {
  const { options, recorder, detector, modelConfig, model } = run;
  const categories = datasetCategories(recorder.kept, detector.classNames, options);
  const cocoContext: CocoContext = { site: options.site, toolVersion: TOOL_VERSION, categories, videoOrder: run.videos.map((info) => info.stem) };
  const coco = buildCoco(recorder.kept, cocoContext);
  await recorder.time('write', () => writeFile(path.join(dir, DATASET_FILES.coco), serializeCoco(coco)));
  await recorder.time('write', async () => {
    const { selection, selectedOnly, exports } = await writeLabelling({
      dir,
      kept: recorder.kept,
      features: recorder.features,
      select: options.select,
      selectOnly: options.selectOnly,
      selectConfidence: options.selectConfidence,
      coco,
      cocoContext,
      exports: {
        formats: options.exports,
        site: options.site,
        modelVersion: `${modelConfig.name}@${model.sha256.slice(0, 12)}`,
        labelStudioImages: options.labelStudioImages,
        valFraction: options.valFraction,
        colorOf: classColors(detector.classNames, categories),
      },
    });
    if (selection) recorder.recordSelection(selection, selectedOnly);
    for (const record of exports) recorder.recordExport(record);
  });
}

function runMetrics(run: ReadyRun): RunMetrics {
  const { options, recorder, detector } = run;
  recorder.finish();
  return computeMetrics(recorder, {
    site: options.site,
    classNames: detector.classNames,
    classFilter: options.classes,
    videoSeconds: run.videos.reduce((acc, info) => acc + processedSeconds(info.durationSeconds, options.timeRange), 0),
    pricePerHour: options.pricePerHour,
    executionProviders: detector.providers,
  });
}

export interface FinishedDataset {
  metrics: RunMetrics;
  manifest: RunManifest;
  /** The run's Prometheus metrics, for the Pushgateway. */
  registry: Registry;
}

/** Writes everything after the videos and renames the staging folder into place. */
export async function finishDataset(run: ReadyRun, staging: RunStaging): Promise<FinishedDataset> {
  const { options, hooks, logger, name, recorder, detector } = run;
  const { dir } = staging;
  await writeAnnotations(run, dir);
  const measured = runMetrics(run);
  const metrics = { ...measured, qualityGates: [...(hooks.gates?.(measured) ?? [])] };
  logStageSummary(logger, metrics);
  for (const warning of metrics.dataLoss) logger.warn(describeDataLoss(warning, name));
  const manifest = buildManifest({
    runId: run.runId,
    startedAt: run.startedAt,
    finishedAt: new Date(),
    options,
    modelConfig: run.modelConfig,
    model: run.model,
    classNames: [...detector.classNames],
    providers: [...detector.providers],
    decoder: run.hwaccel ?? 'cpu',
    tools: run.tools,
    videos: recorder.videos,
    metrics,
    labelled: run.labelled?.summary() ?? [],
    toolVersion: TOOL_VERSION,
    gitCommit: await toolCommit(),
  });
  // Written after the metrics they render, so their time is logged rather than counted in them; the
  // HTML report is bounded (at most MAX_THUMBNAILS thumbnails, a capped number of timeline tracks).
  const reportStart = performance.now();
  const registry = await writeReports(dir, recorder, metrics, manifest, metrics.qualityGates, name);
  logger.info(`reports written in ${Math.round(performance.now() - reportStart)} ms`, { stage: 'write' });
  await writeFile(path.join(dir, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(staging.checkpoint.file);
  await commitStagingDir(dir, options.outDir, options.overwrite, name, { inputs: inputFiles(options) });
  return { metrics, manifest, registry };
}
