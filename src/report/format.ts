/**
 * Number and time formatting for the reports (Markdown, HTML, SVG charts). Fixed locale (en-US) and fixed
 * decimals, so the same numbers always give the same text whatever machine renders the report.
 */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fixedFormats = new Map<number, Intl.NumberFormat>();

/** `1234.6` → `1,235`. Non-finite → `0`. */
export function int(n: number): string {
  return integer.format(Number.isFinite(n) ? n : 0);
}

/** `fixed(1234.5, 2)` → `1,234.50`. Non-finite → `0.00…`. */
export function fixed(n: number, digits: number): string {
  let format = fixedFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    fixedFormats.set(digits, format);
  }
  const text = format.format(Number.isFinite(n) ? n : 0);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

const plainFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** Up to 4 decimals, trailing zeros dropped: `0.5` → `0.5`, `50` → `50`, `0.12345` → `0.1235`. */
export function plain(n: number): string {
  return plainFormat.format(Number.isFinite(n) ? n : 0).replace(/^-0$/, '0');
}

/** A ratio as a percentage: `0.1234` → `12.3%`. */
export function percent(ratio: number, digits = 1): string {
  return `${fixed(ratio * 100, digits)}%`;
}

/** `1234567` → `1.2 MB` (decimal units). */
export function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Number.isFinite(n) ? Math.max(0, n) : 0;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${int(value)} B` : `${fixed(value, 1)} ${units[unit]}`;
}

/** A model input's size, e.g. "640×384"; "—" when it was not recorded. */
export function inputSize(input: { width: number; height: number } | null): string {
  return input === null ? '—' : `${int(input.width)}×${int(input.height)}`;
}

/** A duration in ms for people: `850` → `850 ms`, `12345` → `12.3 s`, `754000` → `12 min 34 s`. */
export function duration(ms: number): string {
  const value = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  if (value < 1000) return `${int(value)} ms`;
  if (value < 60_000) return `${fixed(value / 1000, 1)} s`;
  const totalSeconds = Math.round(value / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${seconds} s`;
}

/** A video position for axis labels: `0:00`, `1:05`, `1:02:03`; below a minute of range, `12 s`. */
export function clock(ms: number, withSecondsSuffix = false): string {
  const total = Math.round((Number.isFinite(ms) ? Math.max(0, ms) : 0) / 1000);
  if (withSecondsSuffix) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A coordinate for SVG output: at most 2 decimals, no `-0`, no exponent. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const rounded = Math.round(n * 100) / 100;
  return rounded === 0 ? '0' : String(rounded);
}

/**
 * The ISO date-time of the manifest (`2025-05-01T10:22:33.123Z`) as `2025-05-01 10:22 UTC`. Not a
 * valid date → the input, unchanged (the caller escapes it).
 */
export function runDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** What the class filter kept, as plain text: `only person (1 of 80 model classes; the rest are filtered out)`; null without one. */
export function describeClassFilter(filter: { kept: readonly string[]; modelClasses: number } | null): string | null {
  if (filter === null) return null;
  const rest = filter.modelClasses - filter.kept.length;
  const restText = rest > 0 ? `; the other ${int(rest)} are filtered out, not detected` : '';
  return `only ${filter.kept.join(', ')} (${int(filter.kept.length)} of ${int(filter.modelClasses)} model classes${restText})`;
}

/** The line about classes never detected: among the filter's classes when there is one, else the model's; null when none. */
export function describeUndetected(detections: {
  classesWithoutDetections: readonly string[];
  classFilter: { kept: readonly string[] } | null;
}): string | null {
  const unseen = detections.classesWithoutDetections;
  if (unseen.length === 0) return null;
  if (detections.classFilter === null) return `${int(unseen.length)} model ${unseen.length === 1 ? 'class' : 'classes'} had no detections.`;
  const kept = detections.classFilter.kept.length;
  return `${int(unseen.length)} of the ${int(kept)} ${kept === 1 ? 'class' : 'classes'} in the class filter had no detections: ${unseen.join(', ')}.`;
}
