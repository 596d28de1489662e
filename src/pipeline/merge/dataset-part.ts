/**
 * A finished dataset read back for `merge`, through the trust boundary (read-back.ts): its manifest,
 * COCO file, frame rows (metrics.csv) and metrics, each a regular file within its size limit and
 * checked against its schema, and, when it was made with a labelling budget (`--select`), its kept
 * frames' appearance features (selection-features.json). The kept images are rebuilt from the COCO
 * file (whose numbers are already rounded, so building COCO from them again gives the same bytes);
 * every image name is checked to be the one dataset-gen gives that frame, and the records to agree
 * with each other, so nothing a part says can name a file outside the part or the merged dataset.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

import { DATASET_FILES, EXPORT_FILES, imageFileName } from '../../domain/dataset-files.js';
import type { FrameRecord, KeptImage } from '../../domain/frame-record.js';
import type { FrameFeatures } from '../../domain/selection.js';
import { UsageError } from '../../errors.js';
import { frameRowsFromCsv } from '../../observe/csv.js';
import { ReadBackError, readBackText } from '../output/read-back.js';
import { describeIssue, frameRecordSchema } from '../output/record-schemas.js';
import {
  PART_FILE_LIMITS,
  partCocoSchema,
  partManifestSchema,
  partMetricsSchema,
  partSelectionFeaturesSchema,
  type PartCoco,
  type PartManifest,
  type PartMetrics,
} from './part-schemas.js';

export interface DatasetPart {
  /** Absolute path of the dataset folder. */
  dir: string;
  /** The folder as the user gave it. */
  given: string;
  manifest: PartManifest;
  coco: PartCoco;
  metrics: PartMetrics;
  frames: FrameRecord[];
  kept: KeptImage[];
  /** Each kept image's appearance features, when the dataset was made with `--select`; else null. */
  features: Map<string, FrameFeatures> | null;
}

const EDITED = 'the dataset was changed after dataset-gen wrote it; make it again';

/** A part's file that merge cannot use: one line naming the part, the file and what is wrong. */
function partError(given: string, file: string, problem: string): UsageError {
  return new UsageError(`${given}: ${file} ${problem}; ${EDITED}`);
}

async function readPartText(dir: string, given: string, file: string, limit: number): Promise<string> {
  try {
    return await readBackText(dir, file, limit);
  } catch (error) {
    if (!(error instanceof ReadBackError)) throw error;
    if (error.missing) throw new UsageError(`${given} is not a finished dataset-gen dataset: ${error.message}; pass folders written by dataset-gen run`);
    throw new UsageError(`${given}: ${error.message}; ${EDITED}`);
  }
}

function parseJson(text: string, given: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${given}: ${file} is not valid JSON (${(error as Error).message.split('\n')[0]}); ${EDITED}`);
  }
}

function parsePartFile<S extends z.ZodType>(schema: S, text: string, given: string, file: string): z.infer<S> {
  const result = schema.safeParse(parseJson(text, given, file));
  if (!result.success) throw partError(given, file, `does not hold what dataset-gen writes there: ${describeIssue(result.error)}`);
  return result.data;
}

/** The manifest's video stems, each once. */
function videoStems(manifest: PartManifest, given: string): Set<string> {
  const stems = new Set<string>();
  for (const video of manifest.videos) {
    if (stems.has(video.stem)) throw partError(given, DATASET_FILES.manifest, `lists video ${JSON.stringify(video.stem)} twice`);
    stems.add(video.stem);
  }
  return stems;
}

/** The kept images of a checked COCO file, with each detection's class index in the model's class list. */
export function keptFromCoco(coco: PartCoco, classNames: readonly string[], stems: ReadonlySet<string>, given: string): KeptImage[] {
  const fail = (problem: string): UsageError => partError(given, DATASET_FILES.coco, problem);
  const nameOf = new Map<number, string>();
  for (const category of coco.categories) {
    if (nameOf.has(category.id) || !classNames.includes(category.name) || [...nameOf.values()].includes(category.name)) {
      throw fail(`has category ${category.id} ${JSON.stringify(category.name)}, which is repeated or not a class of the part's model`);
    }
    nameOf.set(category.id, category.name);
  }
  const kept = new Map<number, KeptImage>();
  const files = new Set<string>();
  for (const image of coco.images) {
    const file = imageFileName(image.video, image.frame_index);
    if (image.file_name !== file) throw fail(`names image ${image.id} ${JSON.stringify(image.file_name)}, not ${file}, the name dataset-gen gives that frame`);
    if (!stems.has(image.video)) throw fail(`has image ${file} of video ${JSON.stringify(image.video)}, which the manifest does not list`);
    if (kept.has(image.id) || files.has(file)) throw fail(`lists image ${image.id} (${file}) twice`);
    files.add(file);
    const { video, width, height, decode } = image;
    kept.set(image.id, { file, video, frameIndex: image.frame_index, timestampMs: image.timestamp_ms, decode, width, height, detections: [] });
  }
  for (const a of coco.annotations) {
    const image = kept.get(a.image_id);
    const className = nameOf.get(a.category_id);
    if (image === undefined || className === undefined)
      throw fail(`has annotation ${a.id} of image ${a.image_id} and category ${a.category_id}, one of which it does not list`);
    const [x, y, width, height] = a.bbox;
    image.detections.push({ classIndex: classNames.indexOf(className), className, score: a.score, box: { x, y, width, height } });
  }
  return [...kept.values()];
}

/** metrics.csv's rows, each checked, of the manifest's videos, each frame once, its kept rows the COCO file's images. */
function readFrames(csvText: string, given: string, stems: ReadonlySet<string>, kept: readonly KeptImage[]): FrameRecord[] {
  const file = DATASET_FILES.metricsCsv;
  let rows: FrameRecord[];
  try {
    rows = frameRowsFromCsv(csvText);
  } catch (error) {
    throw partError(given, file, `cannot be read: ${(error as Error).message}`);
  }
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const result = frameRecordSchema.safeParse(row);
    if (!result.success) throw partError(given, file, `row ${i + 1} is not a frame row dataset-gen writes: ${describeIssue(result.error)}`);
    const key = `${row.video}#${row.frameIndex}`;
    if (!stems.has(row.video) || seen.has(key))
      throw partError(
        given,
        file,
        `row ${i + 1} (frame ${row.frameIndex} of ${JSON.stringify(row.video)}) is repeated or of a video the manifest does not list`,
      );
    seen.add(key);
  }
  const keptRows = new Set(rows.flatMap((row) => (row.outcome === 'kept' ? [row.imageFile] : [])));
  const unmatched = kept.find((image) => !keptRows.has(image.file));
  if (unmatched !== undefined || keptRows.size !== kept.length) {
    throw partError(given, file, `and ${DATASET_FILES.coco} disagree on the kept images${unmatched ? ` (${unmatched.file})` : ''}`);
  }
  return rows;
}

/** The dataset folder itself: a folder (or a link the user gave to one). */
async function checkDatasetDir(dir: string, given: string): Promise<void> {
  const info = await stat(dir).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`${given} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}; pass folders written by dataset-gen run`);
  });
  if (!info.isDirectory()) throw new UsageError(`${given} is a file, not a dataset folder; pass folders written by dataset-gen run`);
}

export async function readDatasetPart(given: string, cwd: string): Promise<DatasetPart> {
  const dir = path.resolve(cwd, given);
  await checkDatasetDir(dir, given);
  const read = (file: string, limit: number): Promise<string> => readPartText(dir, given, file, limit);
  const [manifestText, cocoText, metricsText, csvText] = await Promise.all([
    read(DATASET_FILES.manifest, PART_FILE_LIMITS.manifest),
    read(DATASET_FILES.coco, PART_FILE_LIMITS.coco),
    read(DATASET_FILES.metrics, PART_FILE_LIMITS.metrics),
    read(DATASET_FILES.metricsCsv, PART_FILE_LIMITS.metricsCsv),
  ]);
  const manifest = parsePartFile(partManifestSchema, manifestText, given, DATASET_FILES.manifest);
  const stems = videoStems(manifest, given);
  const coco = parsePartFile(partCocoSchema, cocoText, given, DATASET_FILES.coco);
  const kept = keptFromCoco(coco, manifest.model.classNames, stems, given);
  const frames = readFrames(csvText, given, stems, kept);
  return {
    dir,
    given,
    manifest,
    coco,
    metrics: parsePartFile(partMetricsSchema, metricsText, given, DATASET_FILES.metrics),
    frames,
    kept,
    features: typeof manifest.config.select === 'number' ? await readFeatures(dir, given, kept) : null,
  };
}

/** A part's selection-features.json, checked to hold every kept image. */
async function readFeatures(dir: string, given: string, kept: readonly KeptImage[]): Promise<Map<string, FrameFeatures>> {
  const file = EXPORT_FILES.selectionFeatures;
  let text: string;
  try {
    text = await readBackText(dir, file, PART_FILE_LIMITS.selectionFeatures);
  } catch (error) {
    if (!(error instanceof ReadBackError)) throw error;
    if (!error.missing) throw new UsageError(`${given}: ${error.message}; ${EDITED}`);
    throw new UsageError(
      `${given} was made with a labelling budget (--select) but has no ${file}, which merge needs to choose the budget again over the merged frames; make it again with this version of dataset-gen`,
    );
  }
  const parsed = parsePartFile(partSelectionFeaturesSchema, text, given, file);
  const features = new Map<string, FrameFeatures>(parsed.frames.map(({ file: image, phash, tiles }) => [image, { phash, tiles }]));
  const missing = kept.find((image) => !features.has(image.file));
  if (missing) throw partError(given, file, `has no features for ${missing.file}, a kept image`);
  return features;
}
