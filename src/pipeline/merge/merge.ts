/**
 * `dataset-gen merge`: joins datasets of the same model and config (typically time ranges of long
 * videos, processed by different jobs) into one. Images are copied, the COCO file is rebuilt from
 * every part's kept images (so ids are unique and in the order one run would give them), the frame
 * rows are joined in sampling order, and metrics and reports are computed again from them; a
 * labelling budget (`--select`) is chosen again over the merged frames from the parts' features; the
 * manifest lists the parts. Parts whose frames overlap, or that hold different videos under one name,
 * are refused.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { DATASET_FILES, EXPORT_FILES } from '../../domain/dataset-files.js';
import { DEFAULT_LABEL_STUDIO_IMAGES, DEFAULT_VAL_FRACTION, isLabelStudioImagePrefix, LABEL_STUDIO_IMAGES_EXPECTED } from '../../domain/exports.js';
import type { FrameRecord, KeptImage, VideoRecord } from '../../domain/frame-record.js';
import { cliName, type NameOf } from '../../domain/run-options.js';
import { DEFAULT_SELECT_CONFIDENCE } from '../../domain/selection.js';
import { STAGES, type Stage } from '../../domain/stages.js';
import type { TimeRange } from '../../domain/time-range.js';
import { InterruptedError, invalidParameterError, UsageError } from '../../errors.js';
import { datasetCategories } from '../../export/categories.js';
import { buildCoco, serializeCoco } from '../../export/coco.js';
import { computeMetrics } from '../../observe/compute-metrics.js';
import { silentLogger, type Logger } from '../../observe/log.js';
import type { RunMetrics } from '../../observe/metrics-contract.js';
import type { RunRecord } from '../../observe/recorder.js';
import { classColors } from '../../report/report-model.js';
import { writeLabelling, type LabellingResult } from '../label/write-labelling.js';
import { checkOutputDir, commitStagingDir, createOutputParent, createStagingDir, discardStagingDir, OutputTakenError } from '../output/output-dir.js';
import { lockOutput } from '../output/output-lock.js';
import { copyBack, ReadBackError } from '../output/read-back.js';
import { manifestCounts, manifestFiles, manifestSelection, type RunManifest } from '../write/manifest.js';
import { writeReports } from '../write/write-reports.js';
import { coverageOf, type Coverage } from './coverage.js';
import { readDatasetPart, type DatasetPart } from './dataset-part.js';
import { checkMergeable } from './merge-check.js';
import { PART_FILE_LIMITS, type PartManifest } from './part-schemas.js';

export interface MergeRequest {
  /** The datasets to join, as given (resolved against `cwd`). */
  parts: string[];
  outDir: string;
  overwrite: boolean;
  cwd?: string;
  /**
   * A labelling budget chosen over the merged frames in place of the parts' own (`merge --select`);
   * absent: the parts' own. It needs every part's features, which a run writes with `--select`.
   */
  budget?: { select: number; selectOnly: boolean };
  /**
   * Where Label Studio finds the merged dataset's images (`--label-studio-images`); absent: the
   * default. Never taken from the parts, whose manifests anyone may have edited.
   */
  labelStudioImages?: string;
  /**
   * Merge even when the parts leave a stretch of a video uncovered (`--allow-gaps`): the covered ranges
   * go into the manifest and the gaps to the top of every report. Absent: a gap is refused.
   */
  allowGaps?: boolean;
}

export interface MergeResult {
  outDir: string;
  metrics: RunMetrics;
  manifest: RunManifest;
}

type ManifestVideo = PartManifest['videos'][number];

/** The parts' videos, one entry per video (by stem) in order of first appearance, decoded frames summed. */
function joinVideos(parts: readonly DatasetPart[]): ManifestVideo[] {
  const byStem = new Map<string, { video: ManifestVideo; from: string }>();
  for (const part of parts) {
    for (const video of part.manifest.videos) {
      const seen = byStem.get(video.stem);
      if (!seen) {
        byStem.set(video.stem, { video: { ...video }, from: part.given });
      } else if (seen.video.sha256 !== video.sha256) {
        throw new UsageError(
          `Cannot merge: video ${video.stem} in ${part.given} is not the video of that name in ${seen.from} (sha256 differs); image names would clash`,
        );
      } else {
        seen.video.framesDecoded += video.framesDecoded;
        seen.video.decodeErrors += video.decodeErrors;
      }
    }
  }
  return [...byStem.values()].map(({ video }) => video);
}

/** Rows of every part in sampling order (video, then frame); a frame in two parts means their ranges overlap. */
function joinFrames(parts: readonly DatasetPart[], rank: Map<string, number>): FrameRecord[] {
  const owner = new Map<string, string>();
  for (const part of parts) {
    for (const frame of part.frames) {
      const key = `${frame.video}#${frame.frameIndex}`;
      const other = owner.get(key);
      if (other !== undefined) {
        throw new UsageError(`Cannot merge: frame ${frame.frameIndex} of ${frame.video} is in both ${other} and ${part.given}; their time ranges overlap`);
      }
      owner.set(key, part.given);
    }
  }
  return parts.flatMap((p) => p.frames).sort((a, b) => (rank.get(a.video) ?? 0) - (rank.get(b.video) ?? 0) || a.frameIndex - b.frameIndex);
}

/** The range the parts cover together; null when that is every video whole. */
function coveredRange(parts: readonly DatasetPart[]): TimeRange | null {
  const ranges = parts.map((p) => p.manifest.config.timeRange ?? null);
  if (ranges.some((r) => r === null)) return null;
  const startMs = Math.min(...ranges.map((r) => r!.startMs));
  const endMs = ranges.some((r) => r!.endMs === null) ? null : Math.max(...ranges.map((r) => r!.endMs!));
  return startMs === 0 && endMs === null ? null : { startMs, endMs };
}

/** The parts' records joined; the wall time is the merge's own (its parts' compute time is counted apart). */
function summedRecord(
  parts: readonly DatasetPart[],
  frames: FrameRecord[],
  kept: KeptImage[],
  videos: VideoRecord[],
  labelling: LabellingResult,
  wallMs: number,
): RunRecord {
  const stageMs = Object.fromEntries(STAGES.map((stage) => [stage, parts.reduce((acc, p) => acc + p.metrics.timings.stages[stage].ms, 0)])) as Record<
    Stage,
    number
  >;
  return { stageMs, frames, kept, videos, wallMs, exports: labelling.exports, selection: labelling.selection, exportsOnlySelected: labelling.selectedOnly };
}

function videoRecords(videos: readonly ManifestVideo[]): VideoRecord[] {
  return videos.map(({ sha256, decode, decodeReason, framesDecoded, decodeErrors, truncatedAtSeconds, inference, ...info }, index) => ({
    info: { ...info, index },
    sha256,
    decode: { mode: decode, reason: decodeReason },
    framesDecoded,
    decodeErrors,
    ...(truncatedAtSeconds === null ? {} : { truncatedAtMs: truncatedAtSeconds * 1000 }),
    ...(inference == null ? {} : { inference }),
  }));
}

export interface MergeHooks {
  logger?: Logger;
  nameOf?: NameOf;
  /** Stops the merge between images (SIGINT, SIGTERM); nothing is written to the output then. */
  signal?: AbortSignal;
}

/** What the merged dataset is made of, from the checked parts. */
interface Joined {
  parts: DatasetPart[];
  videos: ManifestVideo[];
  frames: FrameRecord[];
  kept: KeptImage[];
  budget: { select: number | null; selectOnly: boolean };
  coverage: Coverage;
}

function joinParts(parts: DatasetPart[], request: MergeRequest, name: NameOf): Joined {
  checkMergeable(parts);
  const coverage = coverageOf(parts, request.allowGaps === true);
  const videos = joinVideos(parts);
  const rank = new Map(videos.map((v, i) => [v.stem, i]));
  const frames = joinFrames(parts, rank);
  const kept = parts.flatMap((p) => p.kept).sort((a, b) => (rank.get(a.video) ?? 0) - (rank.get(b.video) ?? 0) || a.frameIndex - b.frameIndex);
  const { config } = parts[0]!.manifest;
  const budget = request.budget ?? { select: config.select ?? null, selectOnly: config.selectOnly === true };
  const unfeatured = request.budget === undefined ? undefined : parts.find((part) => part.features === null);
  if (unfeatured) {
    throw new UsageError(
      `${unfeatured.given} has no ${EXPORT_FILES.selectionFeatures}, which ${name('select')} at merge chooses from; a run writes it when given ${name('select')} (any budget): run that part again with it`,
    );
  }
  return { parts, videos, frames, kept, budget, coverage };
}

/** Copies every part's kept images into the staging folder, each a regular file of the part under the name computed for its frame. */
async function copyImages(parts: readonly DatasetPart[], staging: string, signal: AbortSignal | undefined): Promise<void> {
  for (const part of parts) {
    for (const image of part.kept) {
      signal?.throwIfAborted();
      const rel = `${DATASET_FILES.images}/${image.file}`;
      await copyBack(part.dir, rel, path.join(staging, DATASET_FILES.images, image.file), PART_FILE_LIMITS.image).catch((error: unknown) => {
        if (error instanceof ReadBackError)
          throw new UsageError(`${part.given}: ${error.message}; the dataset was changed after dataset-gen wrote it; make it again`);
        throw error;
      });
    }
  }
}

/** Writes the merged dataset into `staging`: images, COCO, the labelling budget and exports, metrics, reports, the manifest last. */
async function writeMerged(
  staging: string,
  joined: Joined,
  request: MergeRequest,
  startedAt: Date,
  signal: AbortSignal | undefined,
): Promise<Omit<MergeResult, 'outDir'>> {
  const { parts, videos, frames, kept, budget } = joined;
  const first = parts[0]!;
  const { config, model } = first.manifest;
  await copyImages(parts, staging, signal);
  const cocoContext = {
    site: config.site,
    toolVersion: first.manifest.tool.version,
    // The classes the merged images hold (each part declares only its own), chosen as the run chose them.
    categories: datasetCategories(kept, model.classNames, { labels: config.labels ?? 'dataset', classes: config.classes ?? null }),
    videoOrder: videos.map((v) => v.stem),
  };
  const coco = buildCoco(kept, cocoContext);
  await writeFile(path.join(staging, DATASET_FILES.coco), serializeCoco(coco));
  const labelStudioImages = request.labelStudioImages ?? DEFAULT_LABEL_STUDIO_IMAGES;
  // The labelling budget (the parts' own, the same as their configs match, or the one given to
  // merge) and the exports, chosen and written again from the merged records and the parts'
  // features, as one run over every range would.
  const labelling = await writeLabelling({
    dir: staging,
    kept,
    features: new Map(parts.flatMap((part) => [...(part.features ?? [])])),
    select: budget.select,
    selectOnly: budget.selectOnly,
    selectConfidence: config.selectConfidence ?? DEFAULT_SELECT_CONFIDENCE,
    coco,
    cocoContext,
    exports: {
      formats: config.exports ?? ['coco'],
      site: config.site,
      modelVersion: `${config.model.name}@${model.sha256.slice(0, 12)}`,
      labelStudioImages,
      valFraction: config.valFraction ?? DEFAULT_VAL_FRACTION,
      colorOf: classColors(
        model.classNames,
        coco.categories.map((c) => c.name),
      ),
    },
  });
  const record = summedRecord(parts, frames, kept, videoRecords(videos), labelling, Date.now() - startedAt.getTime());
  const metrics = computeMetrics(record, {
    computeMs: parts.reduce((acc, p) => acc + p.metrics.timings.wallMs, 0),
    uncovered: joined.coverage.gaps,
    site: config.site,
    classNames: model.classNames,
    videoSeconds: parts.reduce((acc, p) => acc + p.metrics.compute.videoSeconds, 0),
    pricePerHour: config.pricePerHour ?? null,
    executionProviders: [...new Set(parts.flatMap((p) => p.manifest.runtime.executionProviders))],
  });
  const finishedAt = new Date();
  const manifest: RunManifest = {
    schemaVersion: 1,
    tool: first.manifest.tool,
    runtime: first.manifest.runtime,
    run: {
      id: randomBytes(6).toString('hex'),
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      wallSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 10) / 100,
    },
    // The config's fields merge does not use are carried as the parts wrote them: JSON values checked
    // equal across the parts (merge-check.ts), never read as a path or a URL.
    config: {
      ...(config as unknown as RunManifest['config']),
      labelStudioImages,
      select: budget.select,
      selectOnly: budget.selectOnly,
      timeRange: coveredRange(parts),
    },
    model: first.manifest.model,
    videos: videos.map((video) => ({ ...video, inference: video.inference ?? null })),
    counts: manifestCounts(metrics),
    // The parts' config names the same sources by sha256 (merge-check.ts), so the first part's list stands for all.
    labelled: first.manifest.labelled ?? [],
    files: manifestFiles(),
    exports: metrics.exports,
    selection: manifestSelection(metrics),
    coverage: joined.coverage.videos,
    parts: parts.map((p) => ({
      path: p.given,
      runId: p.manifest.run.id,
      timeRange: p.manifest.config.timeRange ?? null,
      images: p.manifest.counts.images,
      executionProviders: p.manifest.runtime.executionProviders,
      wallSeconds: p.manifest.run.wallSeconds,
    })),
  };
  await writeReports(staging, record, metrics, manifest);
  await writeFile(path.join(staging, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  return { metrics, manifest };
}

/** The interruption, saying that nothing was written to the output. */
function interrupted(signal: AbortSignal | undefined, outDir: string): unknown {
  const reason: unknown = signal?.reason;
  return reason instanceof InterruptedError ? new InterruptedError(`${reason.message}; the merge wrote nothing to ${outDir}`, reason.signal) : reason;
}

export async function mergeDatasets(request: MergeRequest, hooks: MergeHooks = {}): Promise<MergeResult> {
  const startedAt = new Date();
  const logger = hooks.logger ?? silentLogger();
  const name = hooks.nameOf ?? cliName;
  const { signal } = hooks;
  const aborted = (): boolean => signal?.aborted === true;
  const cwd = request.cwd ?? process.cwd();
  if (request.parts.length === 0) throw new UsageError('merge needs at least one dataset folder: dataset-gen merge <dataset>... --out <dir>');
  if (request.labelStudioImages !== undefined && !isLabelStudioImagePrefix(request.labelStudioImages)) {
    throw invalidParameterError(name('label-studio-images'), LABEL_STUDIO_IMAGES_EXPECTED, request.labelStudioImages);
  }
  const joined = joinParts(await Promise.all(request.parts.map((given) => readDatasetPart(given, cwd))), request, name);
  const guard = { inputs: request.parts.map((part) => path.resolve(cwd, part)), cwd };
  await checkOutputDir(request.outDir, request.overwrite, name, guard);
  await createOutputParent(request.outDir, name);
  const lock = await lockOutput(request.outDir, name, (message) => logger.warn(message));
  try {
    if (aborted()) throw interrupted(signal, request.outDir);
    const staging = await createStagingDir(request.outDir, [DATASET_FILES.images, path.dirname(DATASET_FILES.coco)], name);
    try {
      const { metrics, manifest } = await writeMerged(staging, joined, request, startedAt, signal);
      if (aborted()) throw interrupted(signal, request.outDir);
      await commitStagingDir(staging, request.outDir, request.overwrite, name, guard);
      logger.info(`merged ${joined.parts.length} datasets into ${request.outDir}: ${metrics.images} images, ${metrics.detections.total} detections`);
      return { outDir: request.outDir, metrics, manifest };
    } catch (error) {
      if (error instanceof OutputTakenError) throw error;
      await discardStagingDir(staging);
      throw aborted() ? interrupted(signal, request.outDir) : error;
    }
  } finally {
    await lock.release();
  }
}
