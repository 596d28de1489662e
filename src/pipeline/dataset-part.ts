/**
 * A finished dataset read back for `merge`: its manifest, COCO file, frame rows (metrics.csv) and
 * metrics, with its kept images rebuilt from the COCO file (whose numbers are already rounded, so
 * building COCO from them again gives the same bytes), and, when it was made with a labelling budget
 * (`--select`), its kept frames' appearance features (selection-features.json).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DATASET_FILES, EXPORT_FILES } from '../domain/dataset-files.js';
import type { Detection } from '../domain/detection.js';
import type { FrameRecord, KeptImage } from '../domain/frame-record.js';
import { UsageError } from '../errors.js';
import { frameRowsFromCsv } from '../observe/csv.js';
import type { RunMetrics } from '../observe/metrics.js';
import type { CocoDataset } from '../domain/coco.js';
import type { FrameFeatures } from '../domain/selection.js';
import { parseSelectionFeatures } from './labelling-budget.js';
import type { RunManifest } from './manifest.js';

export interface DatasetPart {
  /** Absolute path of the dataset folder. */
  dir: string;
  /** The folder as the user gave it. */
  given: string;
  manifest: RunManifest;
  coco: CocoDataset;
  metrics: RunMetrics;
  frames: FrameRecord[];
  kept: KeptImage[];
  /** Each kept image's appearance features, when the dataset was made with `--select`; else null. */
  features: Map<string, FrameFeatures> | null;
}

async function readPartFile(dir: string, given: string, file: string): Promise<string> {
  try {
    return await readFile(path.join(dir, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`${given} is not a finished dataset-gen dataset: ${file} is missing (${code}); pass folders written by dataset-gen run`);
  }
}

function parseJson<T>(text: string, given: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new UsageError(`${given}: ${file} is not valid JSON (${(error as Error).message})`);
  }
}

/** The kept images of a COCO file, with each detection's class index in the model's class list. */
export function keptFromCoco(coco: CocoDataset, classNames: readonly string[]): KeptImage[] {
  const nameOf = new Map(coco.categories.map((c) => [c.id, c.name]));
  const byImage = new Map<number, Detection[]>();
  for (const a of coco.annotations) {
    const className = nameOf.get(a.category_id) ?? '';
    const [x, y, width, height] = a.bbox;
    const list = byImage.get(a.image_id) ?? [];
    list.push({ classIndex: classNames.indexOf(className), className, score: a.score, box: { x, y, width, height } });
    byImage.set(a.image_id, list);
  }
  return coco.images.map((image) => ({
    file: image.file_name,
    video: image.video,
    frameIndex: image.frame_index,
    timestampMs: image.timestamp_ms,
    decode: image.decode,
    width: image.width,
    height: image.height,
    detections: byImage.get(image.id) ?? [],
  }));
}

export async function readDatasetPart(given: string, cwd: string): Promise<DatasetPart> {
  const dir = path.resolve(cwd, given);
  const [manifestText, cocoText, metricsText, csvText] = await Promise.all(
    [DATASET_FILES.manifest, DATASET_FILES.coco, DATASET_FILES.metrics, DATASET_FILES.metricsCsv].map((file) => readPartFile(dir, given, file)),
  );
  const manifest = parseJson<RunManifest>(manifestText!, given, DATASET_FILES.manifest);
  if (manifest.schemaVersion !== 1 || manifest.tool?.name !== 'dataset-gen') {
    throw new UsageError(`${given}: ${DATASET_FILES.manifest} is not a dataset-gen manifest (schema 1)`);
  }
  const coco = parseJson<CocoDataset>(cocoText!, given, DATASET_FILES.coco);
  let frames: FrameRecord[];
  try {
    frames = frameRowsFromCsv(csvText!);
  } catch (error) {
    throw new UsageError(`${given}: ${DATASET_FILES.metricsCsv} cannot be read: ${(error as Error).message}`);
  }
  const kept = keptFromCoco(coco, manifest.model.classNames);
  return {
    dir,
    given,
    manifest,
    coco,
    metrics: parseJson<RunMetrics>(metricsText!, given, DATASET_FILES.metrics),
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
    text = await readFile(path.join(dir, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(
      `${given} was made with a labelling budget (--select) but has no ${file} (${code}), which merge needs to choose the budget again over the merged frames; make it again with this version of dataset-gen`,
    );
  }
  const parsed = parseJson<unknown>(text, given, file);
  let features: Map<string, FrameFeatures>;
  try {
    features = parseSelectionFeatures(parsed);
  } catch (error) {
    throw new UsageError(`${given}: ${file} cannot be read: ${(error as Error).message}`);
  }
  const missing = kept.find((image) => !features.has(image.file));
  if (missing) throw new UsageError(`${given}: ${file} has no features for ${missing.file}, a kept image; the dataset was changed after it was made`);
  return features;
}
