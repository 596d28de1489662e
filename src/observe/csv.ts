/**
 * CSV writing per RFC 4180: fields containing a comma, double quote, CR or LF are quoted, inner
 * quotes doubled, records end in CRLF (the last one too), and columns come in a fixed order. Text
 * that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR: a video or
 * site name is user input) gets a leading `'`, so the file is data when opened in Excel or Sheets;
 * so does text that starts with `'` itself, so `parseCsv` can take the guard off again and read back
 * exactly the text written (`@north-gate` is written `'@north-gate` and read back `@north-gate`).
 */
import { DROP_REASONS, type DropReason } from '../domain/drop-reason.js';
import type { FrameRecord } from '../domain/frame-record.js';

export type CsvValue = string | number | boolean | null | undefined;

const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;
/** Text starting with one of these is written with a leading `'` (the guard); the `'` itself included, so the guard is unambiguous. */
const GUARDED_START = /^[=+\-@\t\r']/;

/** One field: null/undefined and non-finite numbers become an empty cell. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'string' && GUARDED_START.test(value) ? `'${value}` : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + CRLF;
}

/** A whole document: the header record, then one record per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const parts = [csvRecord(header)];
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row has ${row.length} fields but the header has ${header.length}`);
    }
    parts.push(csvRecord(row));
  }
  return parts.join('');
}

/** Columns of metrics.csv, in order. */
export const FRAME_CSV_COLUMNS = [
  'video',
  'frame_index',
  'timestamp_ms',
  'outcome',
  'reason',
  'luma_mean',
  'blur_score',
  'phash_distance',
  'detections',
  'inference_ms',
  'image_file',
  'local_change',
] as const;

/** Rounds measured values to 3 decimals so float noise does not reach the file. */
function measured(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === 0 ? 0 : rounded;
}

export function frameRow(frame: FrameRecord): CsvValue[] {
  const kept = frame.outcome === 'kept' ? frame : null;
  return [
    frame.video,
    frame.frameIndex,
    measured(frame.timestampMs),
    frame.outcome,
    frame.outcome === 'dropped' ? frame.reason : null,
    measured(frame.lumaMean),
    measured(frame.blurScore),
    frame.phashDistance,
    kept?.detections ?? null,
    measured(kept?.inferenceMs ?? null),
    kept?.imageFile ?? null,
    measured(frame.localChange),
  ];
}

/** metrics.csv: one row per sampled frame, in recorded order. */
export function frameRowsCsv(frames: readonly FrameRecord[]): string {
  return toCsv(FRAME_CSV_COLUMNS, frames.map(frameRow));
}

/** A field as read, with the formula guard `csvField` put on taken off: `'@x` → `@x`, `''x` → `'x`, `'x` stays. */
export function unguardCsvText(field: string): string {
  return field.startsWith("'") && GUARDED_START.test(field.slice(1)) ? field.slice(1) : field;
}

/**
 * Parses an RFC 4180 document (as `toCsv` writes it) into records of fields, the formula guard taken
 * off (`unguardCsvText`): every text `toCsv` wrote reads back as it was.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records.map((fields) => fields.map(unguardCsvText));
}

const numberOrNull = (cell: string | undefined): number | null => (cell === undefined || cell === '' ? null : Number(cell));

/** metrics.csv read back into frame rows (what `frameRowsCsv` wrote; its values are already rounded). */
export function frameRowsFromCsv(text: string): FrameRecord[] {
  const [header, ...rows] = parseCsv(text);
  // Files written before `local_change` was added have every column but that last one.
  const older = FRAME_CSV_COLUMNS.slice(0, -1).join(',');
  if (header?.join(',') !== FRAME_CSV_COLUMNS.join(',') && header?.join(',') !== older) {
    throw new RangeError(`unexpected metrics.csv columns: ${header?.join(',') ?? 'none'}`);
  }
  return rows.map((cells) => {
    const [video, frameIndex, timestampMs, outcome, reason, luma, blur, distance, detections, inferenceMs, imageFile, local] = cells;
    const base = {
      video: video ?? '',
      frameIndex: Number(frameIndex),
      timestampMs: Number(timestampMs),
      lumaMean: numberOrNull(luma),
      blurScore: numberOrNull(blur),
      phashDistance: numberOrNull(distance),
      localChange: numberOrNull(local),
    };
    if (outcome === 'kept') {
      return { ...base, outcome, detections: Number(detections), inferenceMs: Number(inferenceMs), imageFile: imageFile ?? '' };
    }
    if (!(DROP_REASONS as readonly string[]).includes(reason ?? '')) throw new RangeError(`unknown drop reason "${reason}" in metrics.csv`);
    return { ...base, outcome: 'dropped', reason: reason as DropReason };
  });
}
