/**
 * report.md: a human-readable rendering of `RunMetrics` (and nothing else). Every string that comes
 * from the user (site, video and class names, link labels) is Markdown-escaped and length-capped,
 * long tables are cut to `maxTableRows`, and the whole document is kept under `MAX_REPORT_BYTES`.
 */
import { DROP_REASONS } from '../domain/drop-reason.js';
import { STAGES } from '../domain/stages.js';
import type { HistogramBucket, RunMetrics } from '../observe/metrics.js';
import { textBar } from '../observe/text-bar.js';
import { bytes, describeClassFilter, describeUndetected, fixed, int, percent } from './format.js';
import { barChart } from './text-bars.js';
import { cut, cutToBytes } from './text-cut.js';
import { describeDataLoss } from '../observe/data-loss-message.js';
import type { NameOf } from '../domain/run-options.js';

/** report.md never exceeds this many bytes (UTF-8). */
export const MAX_REPORT_BYTES = 1024 * 1024;
export const DEFAULT_MAX_TABLE_ROWS = 50;
/** User strings longer than this (in characters, before escaping) are cut with an ellipsis. */
export const MAX_NAME_LENGTH = 120;

export interface ImageLink {
  /** Relative path or URL of the image. */
  href: string;
  /** Link text; defaults to the href. */
  label?: string;
}

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

/** Escapes text for use inside Markdown (including table cells) so it renders literally. */
export function escapeMarkdown(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_|[\]~#]/g, (c) => `\\${c}`)
  );
}

function userText(text: string): string {
  return escapeMarkdown(cut(text, MAX_NAME_LENGTH));
}

function seconds(ms: number): string {
  return `${fixed(ms / 1000, 1)} s`;
}

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][]): string[] {
  const sep = align.map((a) => (a === 'r' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** The first `limit` rows plus, when some were cut, a note saying how many. */
function truncated<T>(items: readonly T[], limit: number, noun: string): { shown: readonly T[]; note: string[] } {
  if (items.length <= limit) return { shown: items, note: [] };
  const left = items.length - limit;
  return { shown: items.slice(0, limit), note: ['', `_${int(left)} more ${noun} not shown._`] };
}

function chart(lines: readonly string[]): string[] {
  return ['', '```text', ...lines, '```'];
}

function histogramChart(buckets: readonly HistogramBucket[]): string[] {
  return chart(barChart(buckets.map((b) => ({ label: b.label, value: b.count })), { formatValue: int }));
}

function encodeHref(href: string): string {
  // encodeURI keeps the path structure; parentheses and spaces would end or break the link target.
  return encodeURI(cut(href, 2048)).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function render(metrics: RunMetrics, options: MarkdownReportOptions, maxRows: number): string {
  const out: string[] = [];
  const title = options.title ?? 'Dataset report';
  const { frames, detections, timings } = metrics;
  out.push(`# ${userText(title)}: ${userText(metrics.site)}`, '');
  if (metrics.dataLoss.length > 0) {
    out.push('> [!WARNING]', '> **Data was lost:**');
    for (const warning of metrics.dataLoss) out.push(`> - ${escapeMarkdown(describeDataLoss(warning, options.nameOf))}`);
    out.push('');
  }

  out.push('## Summary', '');
  out.push(
    ...table(['Metric', 'Value'], ['l', 'r'], [
      ['Images kept', int(metrics.images)],
      ['Frames sampled', int(frames.sampled)],
      ['Frame drop ratio', percent(metrics.frameDropRatio)],
      ['Detections', int(detections.total)],
      ['Class filter', userText(describeClassFilter(detections.classFilter) ?? 'none: every model class is detected')],
      ['Mean detections per image', fixed(detections.perImage.mean, 2)],
      ['Frames decoded', int(frames.decoded)],
      ['Videos', int(metrics.videos.length)],
      ['Wall time', seconds(timings.wallMs)],
      ['Video processed', seconds(metrics.compute.videoSeconds * 1000)],
      ['Execution providers', metrics.compute.executionProviders.length > 0 ? userText(metrics.compute.executionProviders.join(', ')) : '—'],
      ['Compute per video-hour', seconds(metrics.compute.computeSecondsPerVideoHour * 1000)],
      ...(metrics.compute.pricePerHour === null
        ? []
        : [
            [`Cost at $${fixed(metrics.compute.pricePerHour, 3)}/h`, `$${fixed(metrics.compute.cost ?? 0, 4)}`],
            ['Cost per video-hour', `$${fixed(metrics.compute.costPerVideoHour ?? 0, 4)}`],
          ]),
    ]),
  );

  if (metrics.exports.length > 0) {
    out.push('', '## Exports', '');
    out.push(
      ...table(
        ['Format', 'Files', 'Images', 'Boxes'],
        ['l', 'l', 'r', 'r'],
        metrics.exports.map((e) => [e.format, e.files.map((f) => `\`${f}\``).join(', '), int(e.images), int(e.boxes)]),
      ),
    );
  }
  const selection = metrics.selection;
  if (selection) {
    out.push('', '## Selected for labelling', '');
    out.push(
      `${int(selection.selected)} of ${int(selection.requested)} requested frames (\`selection.json\` gives the reason for each): ` +
        `${int(selection.byReason.class)} to show every class seen (${int(selection.classesCovered)} of ${int(selection.classes)} covered), ` +
        `${int(selection.byReason.spread)} for being least like the others.${selection.exportsOnlySelected ? ' The exports hold only these frames.' : ''}`,
    );
    const { shown, note } = truncated(selection.files, maxRows, 'frames');
    out.push('', ...shown.map((file) => `- ${userText(file)}`), ...note);
  }

  out.push('', '## Dropped frames', '');
  out.push(
    ...table(
      ['Reason', 'Frames', 'Share of sampled'],
      ['l', 'r', 'r'],
      DROP_REASONS.map((reason) => {
        const n = frames.droppedByReason[reason];
        return [reason, int(n), percent(frames.sampled > 0 ? n / frames.sampled : 0)];
      }),
    ),
  );
  out.push(
    ...chart(
      barChart(
        DROP_REASONS.map((reason) => ({ label: reason, value: frames.droppedByReason[reason] })),
        { formatValue: int },
      ),
    ),
  );

  out.push('', '## Classes', '');
  const filter = describeClassFilter(detections.classFilter);
  if (filter !== null) out.push(`Class filter: ${userText(filter)}.`, '');
  if (detections.byClass.length === 0) {
    out.push('No detections.');
  } else {
    const maxCount = detections.byClass[0]?.count ?? 0;
    const { shown, note } = truncated(detections.byClass, maxRows, 'classes');
    out.push(
      ...table(
        ['Class', 'Count', 'Mean score', ''],
        ['l', 'r', 'r', 'l'],
        shown.map((c) => [userText(c.name), int(c.count), fixed(c.meanScore, 3), textBar(c.count, maxCount, 20)]),
      ),
      ...note,
    );
  }
  const undetected = describeUndetected(detections);
  if (undetected !== null) out.push('', userText(undetected));

  out.push('', '## Detections per image', '');
  const per = detections.perImage;
  out.push(`Min ${int(per.min)}, mean ${fixed(per.mean, 2)}, max ${int(per.max)}.`);
  out.push(...histogramChart(per.histogram));

  out.push('', '## Near-duplicate distance (pHash)', '');
  const ph = metrics.phashDistance;
  if (ph.count === 0) {
    out.push('No distances recorded.');
  } else {
    out.push(
      `${int(ph.count)} distances to the previous kept frame: min ${fixed(ph.min, 0)}, ` +
        `median ${fixed(ph.median, 1)}, max ${fixed(ph.max, 0)}.`,
    );
    out.push(...histogramChart(ph.histogram));
  }

  out.push('', '## Stage timings', '');
  out.push(
    ...table(
      ['Stage', 'ms', 'Share'],
      ['l', 'r', 'r'],
      [
        ...STAGES.map((stage) => [stage, fixed(timings.stages[stage].ms, 1), percent(timings.stages[stage].share)]),
        ['**total**', fixed(timings.stageTotalMs, 1), percent(timings.stageTotalMs > 0 ? 1 : 0)],
      ],
    ),
  );

  out.push('', '## Videos', '');
  if (metrics.videos.length === 0) {
    out.push('No videos.');
  } else {
    const { shown, note } = truncated(metrics.videos, maxRows, 'videos');
    out.push(
      ...table(
        ['#', 'Video', 'SHA-256', 'Duration', 'fps', 'Size', 'Decoded', 'Sampled', 'Kept', 'Dropped', 'Detections'],
        ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
        shown.map((v) => [
          String(v.index + 1),
          userText(v.name),
          escapeMarkdown(v.sha256.slice(0, 12)),
          `${fixed(v.durationSeconds, 1)} s`,
          fixed(v.fps, 2),
          `${int(v.width)}×${int(v.height)}, ${bytes(v.sizeBytes)}`,
          int(v.decoded),
          int(v.sampled),
          int(v.kept),
          int(v.dropped),
          int(v.detections),
        ]),
      ),
      ...note,
    );
  }

  const links = options.imageLinks ?? [];
  if (links.length > 0) {
    out.push('', '## Sample images', '');
    const { shown, note } = truncated(links, maxRows, 'images');
    out.push(...shown.map((l) => `- [${userText(l.label ?? l.href)}](${encodeHref(l.href)})`), ...note);
  }

  out.push('');
  return out.join('\n');
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Renders report.md. The result is always under `MAX_REPORT_BYTES`. */
export function renderMarkdownReport(metrics: RunMetrics, options: MarkdownReportOptions = {}): string {
  const requested = options.maxTableRows ?? DEFAULT_MAX_TABLE_ROWS;
  const longest = Math.max(
    1,
    metrics.detections.byClass.length,
    metrics.videos.length,
    options.imageLinks?.length ?? 0,
    metrics.selection?.files.length ?? 0,
  );
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
