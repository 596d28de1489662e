/**
 * `dataset-gen diff`: two finished datasets read back through the trust boundary (the reader `merge`
 * uses: every file a regular file within its limit, checked against its schema, the records agreeing
 * with each other) and compared: settings, videos, frame counts, detections, frame by frame and box
 * by box, and the quality gates each was checked against.
 */
import { readDatasetPart, type DatasetPart } from '../merge/dataset-part.js';
import { detectionChanges, frameCountChanges, videoChanges } from './count-changes.js';
import { headlineOf, verdictOf } from './diff-headline.js';
import { DIFF_SCHEMA_VERSION, type DatasetDiff, type DiffSide } from './diff-model.js';
import { frameChanges } from './frame-changes.js';
import { settingChanges } from './setting-changes.js';

export interface DiffRequest {
  /** The baseline dataset folder, as the user gave it. */
  base: string;
  /** The new dataset folder. */
  head: string;
  /** Where relative folders start. */
  cwd: string;
}

function side(part: DatasetPart): DiffSide {
  const { manifest } = part;
  return { given: part.given, site: manifest.config.site, toolVersion: manifest.tool.version, runId: manifest.run.id, finishedAt: manifest.run.finishedAt };
}

/** Both datasets as read back, for the comparison and its HTML page. */
export interface DiffPair {
  base: DatasetPart;
  head: DatasetPart;
}

/** Reads both datasets: a UsageError in one line when either is not a finished, unedited dataset. */
export async function readDiffPair(request: DiffRequest): Promise<DiffPair> {
  const [base, head] = await Promise.all([readDatasetPart(request.base, request.cwd), readDatasetPart(request.head, request.cwd)]);
  return { base, head };
}

/** The comparison of two datasets already read. */
export function compareDatasets({ base, head }: DiffPair): DatasetDiff {
  const body = {
    schemaVersion: DIFF_SCHEMA_VERSION,
    base: side(base),
    head: side(head),
    settings: settingChanges(base.manifest, head.manifest),
    videos: videoChanges(base, head),
    frames: frameCountChanges(base, head),
    detections: detectionChanges(base, head),
    frameChanges: frameChanges(base, head),
    gates: { before: base.metrics.qualityGates ?? null, after: head.metrics.qualityGates ?? null },
  };
  const verdict = verdictOf(body);
  // The verdict and its line come first in diff.json, after the two sides.
  const { schemaVersion, base: baseSide, head: headSide, ...rest } = body;
  return { schemaVersion, base: baseSide, head: headSide, verdict, headline: headlineOf(body, verdict), ...rest };
}

/** Reads both datasets and compares them. */
export async function diffDatasets(request: DiffRequest): Promise<DatasetDiff> {
  return compareDatasets(await readDiffPair(request));
}

/** The diff as the JSON file `--json-out` writes. */
export function diffJson(diff: DatasetDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
