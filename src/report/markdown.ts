/**
 * report.md: a human-readable rendering of `RunMetrics` (and nothing else). Every string that comes
 * from the user (site, video and class names, link labels) is Markdown-escaped and length-capped,
 * long tables are cut to `maxTableRows`, and the whole document is kept under `MAX_REPORT_BYTES`.
 * The sections are made in markdown/sections.ts from the pieces of markdown/blocks.ts.
 */
import type { NameOf } from '../domain/run-options.js';
import type { RunMetrics } from '../observe/metrics-contract.js';
import {
  classesSection,
  dropsSection,
  exportsSection,
  headingSection,
  imagesSection,
  perImageSection,
  phashSection,
  selectionSection,
  summarySection,
  timingsSection,
  videosSection,
  type ImageLink,
} from './markdown/sections.js';
import { cutToBytes } from './text-cut.js';

export { escapeMarkdown } from './markdown/blocks.js';
export type { ImageLink } from './markdown/sections.js';

/** report.md never exceeds this many bytes (UTF-8). */
export const MAX_REPORT_BYTES = 1024 * 1024;
export const DEFAULT_MAX_TABLE_ROWS = 50;

export interface MarkdownReportOptions {
  /** Heading text before the site name. Default "Dataset report". */
  title?: string;
  /** Rows shown per long table (classes, videos, image links). Default 50. */
  maxTableRows?: number;
  /** Images to link from a "Sample images" section (e.g. a few kept frames). */
  imageLinks?: readonly ImageLink[];
  /** How data-loss warnings name the options (default: the CLI's flags). */
  nameOf?: NameOf;
}

/** The whole document with long tables cut to `maxRows` rows. */
function render(metrics: RunMetrics, options: MarkdownReportOptions, maxRows: number): string {
  return [
    ...headingSection(metrics, options.title ?? 'Dataset report', options.nameOf),
    ...summarySection(metrics),
    ...exportsSection(metrics),
    ...selectionSection(metrics, maxRows),
    ...dropsSection(metrics),
    ...classesSection(metrics, maxRows),
    ...perImageSection(metrics),
    ...phashSection(metrics),
    ...timingsSection(metrics),
    ...videosSection(metrics, maxRows),
    ...imagesSection(options.imageLinks ?? [], maxRows),
    '',
  ].join('\n');
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Renders report.md. The result is always under `MAX_REPORT_BYTES`. */
export function renderMarkdownReport(metrics: RunMetrics, options: MarkdownReportOptions = {}): string {
  const requested = options.maxTableRows ?? DEFAULT_MAX_TABLE_ROWS;
  const longest = Math.max(1, metrics.detections.byClass.length, metrics.videos.length, options.imageLinks?.length ?? 0, metrics.selection?.picks.length ?? 0);
  let rows = Math.min(longest, Number.isFinite(requested) ? Math.max(1, Math.floor(requested)) : DEFAULT_MAX_TABLE_ROWS);
  let text = render(metrics, options, rows);
  // Too big: shrink the long tables in proportion (rows are capped in length, so this converges fast).
  for (let size = byteLength(text); size >= MAX_REPORT_BYTES && rows > 1; size = byteLength(text)) {
    rows = Math.max(1, Math.min(rows - 1, Math.floor((rows * MAX_REPORT_BYTES * 0.9) / size)));
    text = render(metrics, options, rows);
  }
  if (byteLength(text) >= MAX_REPORT_BYTES) {
    const marker = '\n\n_Report cut to stay under 1 MiB._\n';
    text = cutToBytes(text, MAX_REPORT_BYTES - byteLength(marker) - 1) + marker;
  }
  return text;
}
