/**
 * The step's outputs. Paths are given relative to the workspace (with `/`), because a Docker action
 * sees the workspace at /github/workspace while later steps see it at the runner's own path; a path
 * outside the workspace stays absolute.
 */
import path from 'node:path';
import * as core from '@actions/core';

import { isInside } from '../domain/path-inside.js';
import type { DatasetDiff, RunResult } from '../index.js';
import type { UploadedArtifact } from './artifact.js';
import { createActionsLogger } from './logger.js';

/** The outputs, spelled exactly as in action.yml (a unit test checks both ways). */
export enum Output {
  ImageCount = 'image-count',
  DetectionCount = 'detection-count',
  DropRatio = 'drop-ratio',
  DatasetDir = 'dataset-dir',
  CocoPath = 'coco-path',
  ReportPath = 'report-path',
  ManifestPath = 'manifest-path',
  ArtifactId = 'artifact-id',
  ArtifactUrl = 'artifact-url',
  DiffVerdict = 'diff-verdict',
  DiffHeadline = 'diff-headline',
  DiffCounts = 'diff-counts',
}

/** `file` relative to the workspace (`/` separators, `.` for the workspace itself); as given when outside it. */
export function workspacePath(file: string, workspace: string): string {
  if (!isInside(file, workspace)) return file;
  const relative = path.relative(workspace, file);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

/** `diff-counts`: compact JSON of the numbers a later step may test. */
export function diffCounts(diff: DatasetDiff): string {
  return JSON.stringify({
    images: diff.frames.kept,
    frames: { added: diff.frameChanges.added.length, removed: diff.frameChanges.removed.length, changed: diff.frameChanges.changed.length },
    detections: diff.detections.total,
    classesLost: diff.detections.lost,
  });
}

export function actionOutputs(
  result: Pick<RunResult, 'metrics' | 'outDir' | 'files'>,
  workspace: string,
  artifact: Pick<UploadedArtifact, 'id' | 'url'> | null,
  diff: DatasetDiff | null = null,
): Record<Output, string> {
  return {
    [Output.ImageCount]: String(result.metrics.images),
    [Output.DetectionCount]: String(result.metrics.detections.total),
    [Output.DropRatio]: String(result.metrics.frameDropRatio),
    [Output.DatasetDir]: workspacePath(result.outDir, workspace),
    [Output.CocoPath]: workspacePath(result.files.coco, workspace),
    [Output.ReportPath]: workspacePath(result.files.report, workspace),
    [Output.ManifestPath]: workspacePath(result.files.manifest, workspace),
    [Output.ArtifactId]: artifact ? String(artifact.id) : '',
    [Output.ArtifactUrl]: artifact?.url ?? '',
    [Output.DiffVerdict]: diff?.verdict ?? 'none',
    [Output.DiffHeadline]: diff?.headline ?? '',
    [Output.DiffCounts]: diff ? diffCounts(diff) : '',
  };
}

export function setOutputs(outputs: Record<Output, string>): void {
  const log = createActionsLogger();
  for (const [name, value] of Object.entries(outputs)) {
    core.setOutput(name, value);
    log.info(`${name}=${value}`);
  }
}
