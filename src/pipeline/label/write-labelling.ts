/**
 * The labelling budget (`--select`, `--select-only`) and the exports (`--export`), written the same
 * way by a run and by `merge`: the choice (selection.json); the appearance features of every kept
 * frame it chose from (selection-features.json), which `merge` chooses from again, so that merged
 * time ranges choose what one run over the whole video chooses; then the exports, of every kept
 * frame or of the chosen ones.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { CocoDataset } from '../../domain/coco.js';
import { EXPORT_FILES } from '../../domain/dataset-files.js';
import type { ExportRecord } from '../../domain/exports.js';
import type { KeptImage } from '../../domain/frame-record.js';
import { TILE_GRID, type FrameFeatures, type Selection } from '../../domain/selection.js';
import { buildCoco, type CocoContext } from '../../export/coco.js';
import { selectFrames } from './labelling-budget.js';
import { writeExports, type ExportJob } from './write-exports.js';

/**
 * selection-features.json's text: the tile grid and each kept frame's features (`file`, `phash`,
 * `tiles`) in the dataset's order, one frame per line, so that it diffs and streams line by line. Merge
 * reads it back with its part schema (merge/part-schemas.ts).
 */
export function serializeSelectionFeatures(kept: readonly KeptImage[], features: ReadonlyMap<string, FrameFeatures>): string {
  const lines = kept.map(({ file }) => {
    const f = features.get(file);
    if (!f) throw new Error(`no appearance features recorded for ${file}`);
    return JSON.stringify({ file, phash: f.phash, tiles: f.tiles });
  });
  return `{"tileGrid":${TILE_GRID},"frames":[\n${lines.join(',\n')}\n]}\n`;
}

export interface LabellingJob {
  /** The dataset (staging) folder. */
  dir: string;
  /** Every kept image, in the dataset's order. */
  kept: readonly KeptImage[];
  /** Their appearance features (every kept image must have them when `select` is set). */
  features: ReadonlyMap<string, FrameFeatures>;
  /** Frames to choose (`--select`); null for no labelling budget. */
  select: number | null;
  /** The exports hold only the chosen frames (`--select-only`). */
  selectOnly: boolean;
  /** The score a detection must reach for its class to count as shown (`--select-confidence`). */
  selectConfidence: number;
  /** The COCO records of every kept image (annotations/instances.json), and how to build them again for the chosen ones. */
  coco: CocoDataset;
  cocoContext: CocoContext;
  exports: Omit<ExportJob, 'dir' | 'coco' | 'selectedOnly'>;
}

export interface LabellingResult {
  selection: Selection | null;
  /** The exports hold only the chosen frames. */
  selectedOnly: boolean;
  exports: ExportRecord[];
}

/** Chooses the labelling budget (when asked for), writes its two files, then the exports. */
export async function writeLabelling(job: LabellingJob): Promise<LabellingResult> {
  const selection = job.select === null ? null : selectFrames(job.kept, job.features, job.select, job.selectConfidence);
  const selectedOnly = job.selectOnly && selection !== null;
  if (selection) {
    await writeFile(path.join(job.dir, EXPORT_FILES.selection), `${JSON.stringify(selection, null, 2)}\n`);
    await writeFile(path.join(job.dir, EXPORT_FILES.selectionFeatures), serializeSelectionFeatures(job.kept, job.features));
  }
  const chosen = new Set(selection?.selected.map((s) => s.file));
  const coco = selectedOnly
    ? buildCoco(
        job.kept.filter((k) => chosen.has(k.file)),
        job.cocoContext,
      )
    : job.coco;
  const exports = await writeExports({ ...job.exports, dir: job.dir, coco, selectedOnly });
  return { selection, selectedOnly, exports };
}
