/**
 * The building blocks report.md's sections are made of: Markdown escaping of user strings, tables,
 * rows capped with a note, text charts in a code block, and link targets.
 */
import type { HistogramBucket } from '../../observe/statistics.js';
import { fixed, int } from '../format.js';
import { barChart } from '../text-bars.js';
import { cut } from '../text-cut.js';

/** User strings longer than this (in characters, before escaping) are cut with an ellipsis. */
const MAX_NAME_LENGTH = 120;

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

/** A user-controlled string, cut to `MAX_NAME_LENGTH` and escaped. */
export function userText(text: string): string {
  return escapeMarkdown(cut(text, MAX_NAME_LENGTH));
}

export function seconds(ms: number): string {
  return `${fixed(ms / 1000, 1)} s`;
}

/** A `## title` section: a blank line, the heading, a blank line, then `lines`. */
export function section(title: string, lines: readonly string[]): string[] {
  return ['', `## ${title}`, '', ...lines];
}

export function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][]): string[] {
  const sep = align.map((a) => (a === 'r' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** The first `limit` rows plus, when some were cut, a note saying how many. */
export function truncated<T>(items: readonly T[], limit: number, noun: string): { shown: readonly T[]; note: string[] } {
  if (items.length <= limit) return { shown: items, note: [] };
  const left = items.length - limit;
  return { shown: items.slice(0, limit), note: ['', `_${int(left)} more ${noun} not shown._`] };
}

/** Text chart lines in a code block, after a blank line. */
export function chart(lines: readonly string[]): string[] {
  return ['', '```text', ...lines, '```'];
}

export function histogramChart(buckets: readonly HistogramBucket[]): string[] {
  return chart(
    barChart(
      buckets.map((b) => ({ label: b.label, value: b.count })),
      { formatValue: int },
    ),
  );
}

/** A link target: percent-encoded so spaces and parentheses cannot end or break it. */
export function encodeHref(href: string): string {
  // encodeURI keeps the path structure; parentheses and spaces would end or break the link target.
  return encodeURI(cut(href, 2048)).replace(/\(/g, '%28').replace(/\)/g, '%29');
}
