/**
 * The diff as Markdown for a job summary or a pull-request comment: a one-line verdict, a small table
 * (images, frames, detections, gates: baseline, this run, change), then the details under
 * `<details>`. It fits `limitBytes` (UTF-8) on any dataset: the long tables are shortened until it
 * does, and it says so; the JSON file (`--json-out`) holds every row.
 */
import { int } from '../../report/format.js';
import { DEFAULT_MAX_TABLE_ROWS } from '../../report/markdown.js';
import { escapeMarkdown, table, userText } from '../../report/markdown/blocks.js';
import { cutToBytes } from '../../report/text-cut.js';
import type { DatasetDiff } from './diff-model.js';
import {
  boxesSection,
  classesSection,
  distributionSection,
  dropsSection,
  framesAddedSection,
  framesRemovedSection,
  gatesRow,
  gatesSection,
  settingsSection,
  videosSection,
} from './diff-sections.js';

/** GitHub's limit for a step summary; a pull-request comment takes at most 65 536 characters. */
export const DIFF_MARKDOWN_LIMIT_BYTES = 1024 * 1024;

export interface DiffMarkdownOptions {
  /** Most UTF-8 bytes the text may take. Default: 1 MiB. */
  limitBytes?: number;
  /** Rows of each long table before it is shortened. Default: 50. */
  maxTableRows?: number;
}

/** Said under the details when a long table shows only its first rows. */
const cutNote = (rows: number): string => `_Long tables show their first ${rows} rows; every row is in the JSON diff (\`dataset-gen diff --json-out\`)._`;
const HARD_CUT_NOTE = '\n\n_Diff cut to fit; every row is in the JSON diff (`dataset-gen diff --json-out`)._\n';

function signedChange(before: number, after: number): string {
  const delta = after - before;
  if (delta === 0) return '—';
  const share = before > 0 ? ` (${delta > 0 ? '+' : '−'}${((Math.abs(delta) / before) * 100).toFixed(1)} %)` : '';
  return `${delta > 0 ? '+' : '−'}${int(Math.abs(delta))}${share}`;
}

function summaryTable(diff: DatasetDiff): string[] {
  const row = (label: string, change: { before: number; after: number }): string[] => [
    label,
    int(change.before),
    int(change.after),
    signedChange(change.before, change.after),
  ];
  const { frameChanges } = diff;
  return table(
    ['', 'Baseline', 'This run', 'Change'],
    ['l', 'r', 'r', 'r'],
    [
      row('Images kept', diff.frames.kept),
      row('Frames sampled', diff.frames.sampled),
      row('Frames dropped', diff.frames.dropped),
      row('Detections', diff.detections.total),
      [
        'Frames kept only here / only in the baseline / with other boxes',
        '',
        '',
        `${int(frameChanges.added.length)} / ${int(frameChanges.removed.length)} / ${int(frameChanges.changed.length)}`,
      ],
      gatesRow(diff),
    ],
  );
}

function sidesLine(diff: DatasetDiff): string {
  const side = (s: DatasetDiff['base']): string => `${userText(s.given)} (run ${userText(s.runId)}, dataset-gen ${userText(s.toolVersion)})`;
  return `Baseline: ${side(diff.base)} · this run: ${side(diff.head)}`;
}

/** Whether a table longer than `rows` is shortened. */
function anyTableCut(diff: DatasetDiff, rows: number): boolean {
  const { settings, videos, detections, frameChanges } = diff;
  const lengths = [
    settings.length,
    videos.added.length + videos.removed.length,
    detections.byClass.length,
    frameChanges.added.length,
    frameChanges.removed.length,
    frameChanges.changed.length,
  ];
  return lengths.some((length) => length > rows);
}

function render(diff: DatasetDiff, rows: number): string {
  const verdict = diff.verdict === 'no-change' ? '**No change**' : '**Changed**';
  const headline = escapeMarkdown(diff.headline.replace(/^(No change|Changed): /, ''));
  const lines = [
    `${verdict}: ${headline}`,
    '',
    ...summaryTable(diff),
    '',
    sidesLine(diff),
    ...settingsSection(diff, rows),
    ...videosSection(diff, rows),
    ...dropsSection(diff),
    ...classesSection(diff, rows),
    ...distributionSection(diff),
    ...framesAddedSection(diff, rows),
    ...framesRemovedSection(diff, rows),
    ...boxesSection(diff, rows),
    ...gatesSection(diff),
    ...(anyTableCut(diff, rows) ? ['', cutNote(rows)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

export function renderDiffMarkdown(diff: DatasetDiff, options: DiffMarkdownOptions = {}): string {
  const limit = options.limitBytes ?? DIFF_MARKDOWN_LIMIT_BYTES;
  let rows = options.maxTableRows ?? DEFAULT_MAX_TABLE_ROWS;
  let text = render(diff, rows);
  // Only the long tables grow with the data: shrink them in proportion until the text fits.
  for (let size = bytes(text); size > limit && rows > 1; size = bytes(text)) {
    rows = Math.max(1, Math.min(rows - 1, Math.floor((rows * limit * 0.9) / size)));
    text = render(diff, rows);
  }
  if (bytes(text) > limit) text = cutToBytes(text, Math.max(0, limit - bytes(HARD_CUT_NOTE))) + HARD_CUT_NOTE;
  return text;
}
