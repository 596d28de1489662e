/**
 * Small SVG chart helpers for report.html: a horizontal bar chart, a histogram (with an optional
 * marker line) and a 100 % stacked bar with a legend. Each returns one inline `<svg>` element as a
 * string: a `viewBox` plus intrinsic `width`/`height` (the page's CSS scales it to its box, keeping
 * the aspect ratio), explicit colours, no scripts, no external references, and a `<title>` on every
 * bar for a hover tooltip. Labels are escaped here; callers pass plain text.
 *
 * Coordinates are printed with at most 2 decimals (`num`), so the same data gives the same bytes.
 */
import { int, num } from './format.js';
import { cut, escapeHtml } from './html-escape.js';

/** Average glyph advance as a share of the font size, for layout estimates (system sans-serif). */
const CHAR_WIDTH = 0.58;
export const DEFAULT_BAR_COLOR = '#3b7dd8';
const AXIS_COLOR = '#8a94a3';
const GRID_COLOR = '#e3e7ec';
const TEXT_COLOR = '#2b3340';
const MUTED_TEXT = '#5d6673';

/** Estimated width of `text` at `fontSize` (user units). */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * CHAR_WIDTH;
}

/** A round step (1, 2 or 5 × 10^k) that splits `0..max` into about `target` intervals. */
export function niceStep(max: number, target: number): number {
  if (!(max > 0) || !(target > 0)) return 1;
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** The opening `<svg>` tag. Inline SVG in HTML needs no namespace, so there is no URL in the page. */
export function svgOpen(width: number, height: number, label: string, fontSize = 11): string {
  const w = num(width);
  const h = num(height);
  return (
    `<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" ` + `aria-label="${escapeHtml(label)}" font-size="${num(fontSize)}">`
  );
}

/** A `<text>` element; `text` is escaped. */
export function svgText(
  x: number,
  y: number,
  text: string,
  attrs: { anchor?: 'start' | 'middle' | 'end'; fill?: string; size?: number; weight?: 'bold'; baseline?: 'middle' } = {},
): string {
  const parts = [`x="${num(x)}"`, `y="${num(y)}"`];
  if (attrs.anchor && attrs.anchor !== 'start') parts.push(`text-anchor="${attrs.anchor}"`);
  if (attrs.baseline) parts.push('dominant-baseline="middle"');
  parts.push(`fill="${attrs.fill ?? TEXT_COLOR}"`);
  if (attrs.size !== undefined) parts.push(`font-size="${num(attrs.size)}"`);
  if (attrs.weight) parts.push(`font-weight="${attrs.weight}"`);
  return `<text ${parts.join(' ')}>${escapeHtml(text)}</text>`;
}

function rect(x: number, y: number, width: number, height: number, fill: string, title?: string): string {
  const open = `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(0, width))}" height="${num(Math.max(0, height))}" fill="${fill}"`;
  return title === undefined ? `${open}/>` : `${open}><title>${escapeHtml(title)}</title></rect>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ''): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}"${extra}/>`;
}

function finiteNonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function noData(width: number, height: number, label: string, message: string): string {
  return `${svgOpen(width, height, label)}${svgText(width / 2, height / 2, message, { anchor: 'middle', fill: MUTED_TEXT, baseline: 'middle' })}</svg>`;
}

// ---------------------------------------------------------------------------------------------------
// Horizontal bar chart

export interface BarDatum {
  label: string;
  value: number;
  /** Bar colour; default `DEFAULT_BAR_COLOR`. */
  color?: string;
  /** Text after the bar; default `formatValue(value)`. */
  valueLabel?: string;
  /** Tooltip; default `label: valueLabel`. */
  title?: string;
}

export interface BarChartOptions {
  /** Accessible name of the chart. */
  label: string;
  /** viewBox width. Default 420. */
  width?: number;
  rowHeight?: number;
  fontSize?: number;
  /** Labels longer than this are cut with an ellipsis (the tooltip keeps the full text). Default 22. */
  maxLabelChars?: number;
  formatValue?: (value: number) => string;
  /** Shown instead of the chart when there are no rows. Default "No data". */
  empty?: string;
}

/** One bar per row, longest = the largest value; label on the left, value after the bar. */
export function horizontalBarChart(rows: readonly BarDatum[], options: BarChartOptions): string {
  const width = options.width ?? 420;
  const rowHeight = options.rowHeight ?? 22;
  const fontSize = options.fontSize ?? 12;
  const format = options.formatValue ?? int;
  if (rows.length === 0) return noData(width, rowHeight * 2, options.label, options.empty ?? 'No data');

  const labels = rows.map((r) => cut(r.label, options.maxLabelChars ?? 22));
  const values = rows.map((r) => r.valueLabel ?? format(r.value));
  const labelWidth = Math.min(width * 0.4, Math.max(...labels.map((l) => textWidth(l, fontSize))) + 8);
  const valueWidth = Math.max(...values.map((v) => textWidth(v, fontSize))) + 8;
  const plotWidth = Math.max(10, width - labelWidth - valueWidth);
  const max = rows.reduce((acc, r) => Math.max(acc, finiteNonNegative(r.value)), 0);
  const barHeight = Math.round(rowHeight * 0.64);
  const height = rows.length * rowHeight + 4;

  const out = [svgOpen(width, height, options.label, fontSize)];
  out.push(line(labelWidth, 2, labelWidth, height - 2, AXIS_COLOR));
  rows.forEach((row, i) => {
    const mid = 2 + i * rowHeight + rowHeight / 2;
    const value = finiteNonNegative(row.value);
    const barWidth = max > 0 && value > 0 ? Math.max(1, (value / max) * plotWidth) : 0;
    const valueText = values[i] ?? '';
    out.push(
      '<g>',
      svgText(labelWidth - 6, mid, labels[i] ?? '', { anchor: 'end', baseline: 'middle' }),
      rect(labelWidth, mid - barHeight / 2, barWidth, barHeight, row.color ?? DEFAULT_BAR_COLOR, row.title ?? `${row.label}: ${valueText}`),
      svgText(labelWidth + barWidth + 4, mid, valueText, { fill: MUTED_TEXT, baseline: 'middle' }),
      '</g>',
    );
  });
  out.push('</svg>');
  return out.join('');
}

// ---------------------------------------------------------------------------------------------------
// Histogram

export interface HistogramDatum {
  label: string;
  count: number;
  color?: string;
  /** Tooltip; default `label: count`. */
  title?: string;
}

export interface HistogramMarker {
  /** Position in bucket units: 0 = left edge of the first bucket, n = right edge of the last. */
  at: number;
  label: string;
  color?: string;
}

export interface HistogramOptions {
  label: string;
  width?: number;
  height?: number;
  fontSize?: number;
  /** A dashed vertical line, e.g. a threshold. */
  marker?: HistogramMarker;
  /** Caption under the bucket labels, e.g. the unit. */
  xTitle?: string;
  empty?: string;
}

/** Vertical bars over labelled buckets, a count axis with grid lines, counts above the bars. */
export function histogramChart(buckets: readonly HistogramDatum[], options: HistogramOptions): string {
  const width = options.width ?? 420;
  const height = options.height ?? 200;
  const fontSize = options.fontSize ?? 11;
  if (buckets.length === 0) return noData(width, 60, options.label, options.empty ?? 'No data');

  const counts = buckets.map((b) => finiteNonNegative(b.count));
  const maxCount = Math.max(...counts);
  const step = Math.max(1, Math.round(niceStep(maxCount, 4)));
  const top = Math.max(step, Math.ceil(maxCount / step) * step);
  const axisWidth = textWidth(int(top), fontSize) + 10;
  const plotX = axisWidth;
  const plotTop = fontSize + 10;
  const bottom = fontSize + 8 + (options.xTitle ? fontSize + 6 : 0);
  const plotHeight = height - plotTop - bottom;
  const plotWidth = width - plotX - 4;
  const slot = plotWidth / buckets.length;
  const barWidth = Math.max(1, slot * 0.78);
  const y = (count: number): number => plotTop + plotHeight - (count / top) * plotHeight;

  const out = [svgOpen(width, height, options.label, fontSize)];
  for (let tick = 0; tick <= top; tick += step) {
    out.push(line(plotX, y(tick), plotX + plotWidth, y(tick), tick === 0 ? AXIS_COLOR : GRID_COLOR));
    out.push(svgText(plotX - 5, y(tick), int(tick), { anchor: 'end', fill: MUTED_TEXT, baseline: 'middle' }));
  }
  // Show every k-th bucket label when they would overlap.
  const widest = Math.max(...buckets.map((b) => textWidth(b.label, fontSize)));
  const every = Math.max(1, Math.ceil((widest + 4) / slot));
  buckets.forEach((bucket, i) => {
    const count = counts[i] ?? 0;
    const x = plotX + i * slot + (slot - barWidth) / 2;
    const centre = plotX + (i + 0.5) * slot;
    const parts: string[] = [];
    if (count > 0) {
      parts.push(
        rect(x, y(count), barWidth, plotTop + plotHeight - y(count), bucket.color ?? DEFAULT_BAR_COLOR, bucket.title ?? `${bucket.label}: ${int(count)}`),
      );
      if (textWidth(int(count), fontSize) <= slot + 2) parts.push(svgText(centre, y(count) - 4, int(count), { anchor: 'middle', fill: MUTED_TEXT }));
    }
    if (i % every === 0) parts.push(svgText(centre, plotTop + plotHeight + fontSize + 3, bucket.label, { anchor: 'middle', fill: MUTED_TEXT }));
    if (parts.length > 1) out.push('<g>', ...parts, '</g>');
    else out.push(...parts);
  });
  if (options.xTitle) {
    out.push(svgText(plotX + plotWidth / 2, height - 3, options.xTitle, { anchor: 'middle', fill: MUTED_TEXT }));
  }
  const marker = options.marker;
  if (marker && Number.isFinite(marker.at)) {
    const at = Math.min(buckets.length, Math.max(0, marker.at));
    const mx = plotX + at * slot;
    const color = marker.color ?? '#c0392b';
    out.push(line(mx, plotTop - 2, mx, plotTop + plotHeight, color, ' stroke-width="1.5" stroke-dasharray="4 3"'));
    const right = mx + 4 + textWidth(marker.label, fontSize) <= width;
    out.push(svgText(right ? mx + 4 : mx - 4, fontSize, marker.label, { anchor: right ? 'start' : 'end', fill: color }));
  }
  out.push('</svg>');
  return out.join('');
}

// ---------------------------------------------------------------------------------------------------
// Stacked bar

export interface StackedSegment {
  label: string;
  value: number;
  color: string;
}

export interface StackedBarOptions {
  label: string;
  width?: number;
  barHeight?: number;
  fontSize?: number;
  /** Legend columns. Default 2. */
  columns?: number;
  formatValue?: (value: number) => string;
  empty?: string;
}

/**
 * One bar split into segments in proportion to their values (the whole bar is the total), and a
 * legend below: swatch, label, value and share of the total.
 */
export function stackedBar(segments: readonly StackedSegment[], options: StackedBarOptions): string {
  const width = options.width ?? 420;
  const barHeight = options.barHeight ?? 26;
  const fontSize = options.fontSize ?? 12;
  const columns = Math.max(1, Math.floor(options.columns ?? 2));
  const format = options.formatValue ?? int;
  const total = segments.reduce((acc, s) => acc + finiteNonNegative(s.value), 0);
  if (segments.length === 0 || total === 0) return noData(width, barHeight + 8, options.label, options.empty ?? 'No data');

  const legendRow = fontSize + 10;
  const rows = Math.ceil(segments.length / columns);
  const height = barHeight + 10 + rows * legendRow;
  const out = [svgOpen(width, height, options.label, fontSize)];
  let x = 0;
  for (const segment of segments) {
    const value = finiteNonNegative(segment.value);
    const w = (value / total) * width;
    const share = `${((value / total) * 100).toFixed(1)}%`;
    if (w > 0) out.push(rect(x, 0, w, barHeight, segment.color, `${segment.label}: ${format(value)} (${share})`));
    x += w;
  }
  const columnWidth = width / columns;
  segments.forEach((segment, i) => {
    const value = finiteNonNegative(segment.value);
    const cx = (i % columns) * columnWidth;
    const cy = barHeight + 10 + Math.floor(i / columns) * legendRow + legendRow / 2;
    const share = `${((value / total) * 100).toFixed(1)}%`;
    out.push(rect(cx, cy - 5, 10, 10, segment.color), svgText(cx + 15, cy, `${cut(segment.label, 18)} ${format(value)} (${share})`, { baseline: 'middle' }));
  });
  out.push('</svg>');
  return out.join('');
}
