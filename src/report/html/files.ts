/**
 * report.html's "Files" section: links to the dataset's files beside the page (DATASET_FILES), each
 * with what it holds.
 */
import { DATASET_FILES } from '../../domain/dataset-files.js';
import { escapeHtml, relativeHref } from '../html-escape.js';
import { panel } from './blocks.js';

/** The dataset's files the report links to, relative to the dataset folder; a folder ends with `/`. */
const REPORT_LINKS: readonly { href: string; what: string }[] = [
  { href: DATASET_FILES.coco, what: 'COCO annotations (pre-tags)' },
  { href: `${DATASET_FILES.images}/`, what: 'the dataset images' },
  { href: DATASET_FILES.metricsCsv, what: 'one row per sampled frame' },
  { href: DATASET_FILES.metrics, what: 'the numbers of this report' },
  { href: DATASET_FILES.prometheus, what: 'the same numbers for Prometheus' },
  { href: DATASET_FILES.manifest, what: 'inputs, versions and settings, to reproduce the run' },
  { href: DATASET_FILES.report, what: 'the same figures as Markdown' },
];

export function filesSection(): string {
  const items = REPORT_LINKS.map(
    (l) => `<li><a href="${relativeHref(l.href)}${l.href.endsWith('/') ? '/' : ''}">${escapeHtml(l.href)}</a> — ${escapeHtml(l.what)}</li>`,
  );
  return panel('Files', `<ul class="files">${items.join('')}</ul>`, true);
}
