/** Plain-text bar charts for Markdown, one line per row, drawn with `textBar`. */
import { textBar } from '../observe/text-bar.js';
import { cut } from './text-cut.js';

export interface BarChartRow {
  label: string;
  value: number;
}

export interface BarChartOptions {
  /** Cells for the largest value. Default 30. */
  width?: number;
  /** How the value is printed after the bar. Default: `String(value)`. */
  formatValue?: (value: number) => string;
  /** Labels longer than this are cut with an ellipsis. Default 24. */
  maxLabelLength?: number;
}

/**
 * A plain-text chart, one line per row: label padded to a column, the bar, then the value.
 * Lines have no trailing newline; join them as you like. Control characters in labels become spaces.
 */
export function barChart(rows: readonly BarChartRow[], options: BarChartOptions = {}): string[] {
  const width = options.width ?? 30;
  const format = options.formatValue ?? ((v: number) => String(v));
  const maxLabel = options.maxLabelLength ?? 24;
  // eslint-disable-next-line no-control-regex
  const labels = rows.map((r) => cut(r.label.replace(/[\u0000-\u001f\u007f]/g, ' '), maxLabel));
  const labelWidth = labels.reduce((acc, l) => Math.max(acc, [...l].length), 0);
  const max = rows.reduce((acc, r) => Math.max(acc, Number.isFinite(r.value) ? r.value : 0), 0);
  return rows.map((row, i) => {
    const label = labels[i] ?? '';
    const padded = label + ' '.repeat(labelWidth - [...label].length);
    const bar = textBar(row.value, max, width);
    return `${padded} ${bar}${bar ? ' ' : ''}${format(row.value)}`;
  });
}
