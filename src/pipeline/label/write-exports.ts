/**
 * Writes the exports asked for (`--export`) into the staging folder, each made from the same COCO
 * records as `annotations/instances.json` (never by detecting again): of every kept image, or with
 * `--select-only` of the selected ones (their COCO file then is `annotations/instances-selected.json`).
 * Returns what was written, for the recorder, the manifest and the reports.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { CocoDataset } from '../../domain/coco.js';
import { DATASET_FILES, EXPORT_FILES } from '../../domain/dataset-files.js';
import type { ExportFormat, ExportRecord } from '../../domain/exports.js';
import { serializeCoco } from '../../export/coco.js';
import { cvatExport } from '../../export/cvat.js';
import type { ExportFile } from '../../export/export-file.js';
import { labelStudioExport } from '../../export/label-studio.js';
import { yoloExport } from '../../export/yolo.js';

export interface ExportJob {
  /** The dataset (staging) folder. */
  dir: string;
  formats: readonly ExportFormat[];
  /** The records to export: every kept image, or the selected ones. */
  coco: CocoDataset;
  /** True when `coco` holds only the selected images (`--select-only`). */
  selectedOnly: boolean;
  site: string;
  /** Model name and sha256 prefix, e.g. `yolov8n@3a5f0c9e1b2d`. */
  modelVersion: string;
  labelStudioImages: string;
  /** Share of each video's images in the YOLO validation split (`--val-fraction`). */
  valFraction: number;
  colorOf: (name: string) => string;
}

function filesOf(job: ExportJob, format: ExportFormat): ExportFile[] {
  switch (format) {
    case 'coco':
      // instances.json (every kept image) is written by the run itself; only the selection needs its own file.
      return job.selectedOnly ? [{ path: EXPORT_FILES.cocoSelected, content: serializeCoco(job.coco) }] : [];
    case 'yolo':
      return yoloExport(job.coco, { valFraction: job.valFraction });
    case 'label-studio':
      return labelStudioExport(job.coco, { imagePrefix: job.labelStudioImages, modelVersion: job.modelVersion, colorOf: job.colorOf });
    case 'cvat':
      return cvatExport(job.coco, { taskName: job.site, colorOf: job.colorOf });
  }
}

/** The files and folders an export lists: a folder of per-image files is listed once. */
function listed(format: ExportFormat, files: readonly ExportFile[], selectedOnly: boolean): string[] {
  if (format === 'coco' && !selectedOnly) return [DATASET_FILES.coco];
  const top = files.map((f) => (f.path.startsWith(`${EXPORT_FILES.yoloLabels}/`) ? `${EXPORT_FILES.yoloLabels}/` : f.path));
  return [...new Set(top)];
}

export async function writeExports(job: ExportJob): Promise<ExportRecord[]> {
  const records: ExportRecord[] = [];
  for (const format of job.formats) {
    const files = filesOf(job, format);
    const folders = [...new Set(files.map((f) => path.dirname(path.join(job.dir, f.path))))];
    await Promise.all(folders.map((folder) => mkdir(folder, { recursive: true })));
    for (const file of files) await writeFile(path.join(job.dir, file.path), file.content);
    records.push({ format, files: listed(format, files, job.selectedOnly), images: job.coco.images.length, boxes: job.coco.annotations.length });
  }
  return records;
}
