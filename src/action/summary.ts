/**
 * The job summary: where the dataset is (the artifact link), the quality gates, then the run report
 * (`renderMarkdownReport`). GitHub refuses a step summary over 1 MiB, so the whole text is measured in
 * UTF-8 bytes and the report's long tables are shortened until it fits; the full report.md is in the
 * artifact.
 */
import { stat } from 'node:fs/promises';
import * as core from '@actions/core';

import { cutToBytes, DEFAULT_MAX_TABLE_ROWS, escapeMarkdown, renderMarkdownReport, type RunMetrics } from '../index.js';
import type { UploadedArtifact } from './artifact.js';
import type { GateResult } from './gates.js';
import { actionName } from './inputs.js';

/** GitHub's limit for one step's summary. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Kept free below the limit (line endings, anything the runner adds). */
const MARGIN_BYTES = 1024;
const CUT_MARKER = "\n\n_Summary cut to stay under GitHub's 1 MiB limit; the full report.md is in the dataset._\n";

export interface JobSummaryOptions {
  /** The uploaded artifact, or null when it was not uploaded. */
  artifact: Pick<UploadedArtifact, 'name' | 'url'> | null;
  /** Why there is no artifact (e.g. "input "upload-artifact" is false"); shown when `artifact` is null. */
  noArtifactReason?: string;
  /** The dataset folder as later steps see it (relative to the workspace). */
  datasetDir: string;
  gates: readonly GateResult[];
  /** Bytes the summary may take. Default: 1 MiB. */
  limitBytes?: number;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** "COCO annotations" and the other exports written, e.g. "COCO, YOLO and CVAT annotations". */
function annotationsWritten(metrics: RunMetrics): string {
  const names: Record<string, string> = { coco: 'COCO', yolo: 'YOLO', 'label-studio': 'Label Studio', cvat: 'CVAT' };
  const formats = metrics.exports.length > 0 ? metrics.exports.map((e) => names[e.format] ?? e.format) : ['COCO'];
  const list = formats.length > 1 ? `${formats.slice(0, -1).join(', ')} and ${formats[formats.length - 1]}` : formats[0];
  const selected = metrics.selection ? `, the ${metrics.selection.selected} frames selected for labelling` : '';
  return `${list} annotations${selected}`;
}

function header(options: JobSummaryOptions, metrics: RunMetrics): string {
  const lines: string[] = [];
  const dir = `\`${options.datasetDir.replace(/`/g, "'")}\``;
  if (options.artifact) {
    const link = options.artifact.url
      ? `[${escapeMarkdown(options.artifact.name)}](${encodeURI(options.artifact.url)})`
      : `**${escapeMarkdown(options.artifact.name)}**`;
    lines.push(`**Dataset:** artifact ${link}: images, ${annotationsWritten(metrics)}, metrics, the full report and the manifest (${dir} in the workspace).`);
  } else {
    const why = options.noArtifactReason ? ` (not uploaded: ${escapeMarkdown(options.noArtifactReason)})` : '';
    lines.push(`**Dataset:** ${dir} in the workspace${why}.`);
  }
  if (options.gates.length > 0) {
    lines.push('', '| Quality gate | Threshold | Measured | Result |', '| --- | ---: | ---: | --- |');
    for (const gate of options.gates) {
      lines.push(`| \`${gate.input}\` | ${gate.threshold} | ${gate.measured} | ${gate.passed ? 'passed' : '**missed**'} |`);
    }
  }
  lines.push('', '');
  return lines.join('\n');
}

/** The summary's Markdown, at most `limitBytes` (default 1 MiB) in UTF-8. */
export function renderJobSummary(metrics: RunMetrics, options: JobSummaryOptions): string {
  const limit = (options.limitBytes ?? STEP_SUMMARY_LIMIT_BYTES) - MARGIN_BYTES;
  const head = header(options, metrics);
  let rows = DEFAULT_MAX_TABLE_ROWS;
  let text = head + renderMarkdownReport(metrics, { maxTableRows: rows, nameOf: actionName });
  // Long tables are the only part that grows with the data: shrink them in proportion until it fits.
  for (let size = bytes(text); size > limit && rows > 1; size = bytes(text)) {
    rows = Math.max(1, Math.min(rows - 1, Math.floor((rows * limit * 0.9) / size)));
    text = head + renderMarkdownReport(metrics, { maxTableRows: rows, nameOf: actionName });
  }
  if (bytes(text) > limit) text = cutToBytes(text, limit - bytes(CUT_MARKER)) + CUT_MARKER;
  return text;
}

async function currentSize(file: string | undefined): Promise<number> {
  if (!file) return 0;
  return stat(file).then(
    (s) => s.size,
    () => 0,
  );
}

/**
 * Appends `render(limitBytes)` to the step summary, where `limitBytes` is what is left of the 1 MiB.
 * Returns false (with an info line) when there is no step summary file (not an Actions job).
 */
export async function writeJobSummary(render: (limitBytes: number) => string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) {
    core.info('No job summary: GITHUB_STEP_SUMMARY is not set');
    return false;
  }
  const text = render(STEP_SUMMARY_LIMIT_BYTES - (await currentSize(file)));
  try {
    await core.summary.addRaw(text).write();
  } finally {
    core.summary.emptyBuffer();
  }
  core.info(`Job summary written (${bytes(text)} bytes)`);
  return true;
}
