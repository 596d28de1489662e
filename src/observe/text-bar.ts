/**
 * A compact horizontal bar drawn with Unicode block characters (eighth-cell resolution), for progress
 * lines and text charts: `textBar(5.5, 10, 4)` → `██▎` (5.5/10 of 4 cells = 2.2 cells).
 */

/** Partial blocks for 1/8 … 7/8 of a cell. */
const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const;
const FULL = '█';

/**
 * A bar `width` cells long at `max`. Zero (or negative, or non-finite) gives an empty string; any
 * positive value gives at least a thin sliver so it is not mistaken for zero.
 */
export function textBar(value: number, max: number, width = 20): string {
  if (!(value > 0) || !(max > 0) || !(width > 0) || !Number.isFinite(value)) return '';
  const eighths = Math.round((Math.min(value, max) / max) * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = PARTIAL[eighths % 8] ?? '';
  const bar = FULL.repeat(full) + partial;
  return bar === '' ? PARTIAL[1] : bar;
}
