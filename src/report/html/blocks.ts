/**
 * The building blocks report.html's sections are made of: a panel with its heading, a table with
 * right-aligned number columns, a colour swatch, rows capped with a note, a counted noun. Labels and
 * cells passed in must be escaped already.
 */
import { DATASET_FILES } from '../../domain/dataset-files.js';
import { int } from '../format.js';

/** A table heading: plain text, or `[text, 'n']` for a right-aligned number column. */
export type TableHead = string | [string, 'n'];

/** A colour swatch and a label that stay on one line. `label` must be escaped already. */
export function swatched(color: string, label: string): string {
  return `<span class="nowrap"><span class="swatch" style="background:${color}"></span>${label}</span>`;
}

/** Table rows capped at `max`, with a note saying how many were left out. */
export function capped<T>(items: readonly T[], max: number, noun: string): { shown: readonly T[]; note: string } {
  if (items.length <= max) return { shown: items, note: '' };
  return { shown: items.slice(0, max), note: `<p class="note">${int(items.length - max)} more ${noun} not shown (see ${DATASET_FILES.metrics}).</p>` };
}

export function table(head: readonly TableHead[], rows: readonly string[][], foot?: string[]): string {
  const th = head.map((h) => (Array.isArray(h) ? `<th class="n">${h[0]}</th>` : `<th>${h}</th>`)).join('');
  const numeric = head.map((h) => Array.isArray(h));
  const tr = (cells: readonly string[], tag = 'td'): string =>
    `<tr>${cells.map((c, i) => `<${tag}${numeric[i] ? ' class="n"' : ''}>${c}</${tag}>`).join('')}</tr>`;
  return (
    `<div class="table-wrap"><table><thead><tr>${th}</tr></thead><tbody>${rows.map((r) => tr(r)).join('')}</tbody>` +
    (foot ? `<tfoot>${tr(foot)}</tfoot>` : '') +
    '</table></div>'
  );
}

/** A titled box of the page's grid; `wide` spans the whole row. */
export function panel(title: string, body: string, wide = false): string {
  return `<section class="panel${wide ? ' wide' : ''}"><h2>${title}</h2>${body}</section>`;
}

/** `3 duplicates`, `1 duplicate`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${int(n)} ${n === 1 ? one : many}`;
}
