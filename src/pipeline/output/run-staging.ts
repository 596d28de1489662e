/**
 * The run's staging folder, `.<out>.partial`, with its checkpoint: a new one, or, with `--resume`, the
 * one an interrupted run left, checked against this run's options and inputs and cleared of
 * everything but the checkpoint and the images of its finished videos. Without `--resume` a leftover
 * is reported and replaced.
 */
import { lstat, mkdir, readdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';

import { DATASET_FILES } from '../../domain/dataset-files.js';
import { isInside } from '../../domain/path-inside.js';
import type { NameOf } from '../../domain/run-options.js';
import { UsageError } from '../../errors.js';
import type { Logger } from '../../observe/log.js';
import {
  changedFinishedVideos,
  CHECKPOINT_FILE,
  CheckpointWriter,
  identityDifferences,
  readCheckpoint,
  type FinishedVideo,
  type RunIdentity,
} from './checkpoint.js';
import { createStagingDir, stagingDirOf } from './output-dir.js';
import { strayEntry } from './read-back.js';

export interface RunStaging {
  dir: string;
  checkpoint: CheckpointWriter;
  /** The videos an interrupted run finished, by input index (empty for a new run). */
  finished: readonly FinishedVideo[];
}

export interface OpenStagingRequest {
  outDir: string;
  identity: RunIdentity;
  resume: boolean;
  subdirs: readonly string[];
  name: NameOf;
  logger: Logger;
  /** The sha256 of input video `index` as it is now (checked for the videos a resume skips). */
  sha256Of: (index: number) => Promise<string>;
  /** A real folder the staging folder's real path must be inside (the Action's workspace); absent: anywhere. */
  confineTo?: string;
}

/** The finished videos whose images are all there, up to the first one missing an image. */
function withImages(finished: readonly FinishedVideo[], images: ReadonlySet<string>): FinishedVideo[] {
  const whole: FinishedVideo[] = [];
  for (const video of finished) {
    if (!video.kept.every((k) => images.has(k.file))) break;
    whole.push(video);
  }
  return whole;
}

/** Removes from `dir` everything but the checkpoint and the images in `keep`. */
async function clearExcept(dir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (entry === CHECKPOINT_FILE || entry === DATASET_FILES.images) continue;
    await rm(path.join(dir, entry), { recursive: true, force: true });
  }
  const imagesDir = path.join(dir, DATASET_FILES.images);
  for (const image of await readdir(imagesDir).catch(() => [])) {
    if (!keep.has(image)) await rm(path.join(imagesDir, image), { recursive: true, force: true });
  }
}

async function fresh(request: OpenStagingRequest, dir: string): Promise<RunStaging> {
  await rm(dir, { recursive: true, force: true });
  await createStagingDir(request.outDir, request.subdirs, request.name, dir);
  return { dir, checkpoint: await CheckpointWriter.create(dir, { identity: request.identity, finished: [] }), finished: [] };
}

/**
 * Refuses a staging folder that holds anything dataset-gen does not write there (a symbolic link, a
 * FIFO, a device, at any depth, or the folder itself a link): a resume would follow it, writing
 * images into, or clearing, whatever it points at.
 */
async function checkLeftover(dir: string, name: NameOf): Promise<void> {
  const stray = await strayEntry(dir);
  if (stray !== null) {
    throw new UsageError(
      `Cannot resume the interrupted run in ${dir}: ${stray}, which dataset-gen never writes there; remove ${dir} and run again without ${name('resume')}`,
    );
  }
}

/** Refuses a staging folder whose real path is outside `confineTo` (the Action's workspace). */
async function checkConfined(dir: string, confineTo: string | undefined): Promise<void> {
  if (confineTo === undefined) return;
  const real = await realpath(dir);
  if (!isInside(real, confineTo))
    throw new UsageError(`The staging folder ${dir} resolves to ${real}, outside the workspace ${confineTo}; choose an output folder inside the workspace`);
}

export async function openRunStaging(request: OpenStagingRequest): Promise<RunStaging> {
  const staging = await openStaging(request);
  await checkConfined(staging.dir, request.confineTo);
  return staging;
}

async function openStaging(request: OpenStagingRequest): Promise<RunStaging> {
  const { outDir, identity, name, logger } = request;
  const dir = stagingDirOf(outDir);
  const left = await lstat(dir).then(
    () => true,
    () => false,
  );
  const total = identity.videos.length;
  if (!left) {
    if (request.resume) logger.info(`${name('resume')}: no interrupted run to continue in ${dir}; running from the start`);
    return fresh(request, dir);
  }
  if (!request.resume) {
    const saved = (await strayEntry(dir)) === null ? await readCheckpoint(dir) : null;
    const done = saved === null ? '' : ` (${saved.finished.length} of ${saved.identity.videos.length} videos finished)`;
    logger.warn(`a previous interrupted run left ${dir}${done}; pass ${name('resume')} to continue it; replacing it with this run`);
    return fresh(request, dir);
  }
  await checkLeftover(dir, name);
  const saved = await readCheckpoint(dir);
  if (saved === null) {
    logger.info(`${name('resume')}: ${dir} has no checkpoint (the interrupted run finished no video); running from the start`);
    return fresh(request, dir);
  }
  const differences = identityDifferences(saved.identity, identity, name);
  if (differences.length === 0) differences.push(...(await changedFinishedVideos(saved.finished, identity, request.sha256Of)));
  if (differences.length > 0) {
    throw new UsageError(
      `Cannot resume the interrupted run in ${dir}: ${differences.join('; ')} differ from that run's; pass the same options and inputs, or run without ${name('resume')} to start over`,
    );
  }
  const foreign = saved.finished.find((video) => {
    const stem = identity.videos[video.index]?.stem;
    return (
      [...video.frames, ...video.kept].some((record) => record.video !== stem) || video.features.some(([file]) => !video.kept.some((k) => k.file === file))
    );
  });
  if (foreign !== undefined) {
    throw new UsageError(
      `Cannot resume the interrupted run in ${dir}: its checkpoint's records of video ${foreign.index + 1} are not of that video; remove ${dir} and run again without ${name('resume')}`,
    );
  }
  const images = new Set(await readdir(path.join(dir, DATASET_FILES.images)).catch(() => []));
  const finished = withImages(saved.finished, images);
  if (finished.length < saved.finished.length) {
    logger.warn(`${name('resume')}: images of video ${identity.videos[finished.length]!.stem} are missing from ${dir}; processing it again`);
  }
  await clearExcept(dir, new Set(finished.flatMap((v) => v.kept.map((k) => k.file))));
  for (const sub of request.subdirs) await mkdir(path.join(dir, sub), { recursive: true });
  const checkpoint = await CheckpointWriter.create(dir, { identity, finished });
  logger.info(`resuming the interrupted run in ${dir}: ${finished.length} of ${total} videos finished`);
  return { dir, checkpoint, finished };
}
