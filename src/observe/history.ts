/**
 * runs.csv: one row per run appended to a file the user names, so trends across runs and sites can be
 * plotted. RFC 4180 (see csv.ts): CRLF records, quoting only where needed, a fixed column order. The
 * header is written only when the file is new or empty; an existing file whose first line is not this
 * header is refused, untouched, rather than mixing two layouts in one file.
 *
 * One writer at a time is assumed: the file is opened once in append mode ('a+') and the row (with the
 * header when the file was empty) goes out in one append, so a crash cannot leave half a header.
 */
import { constants } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

import { QUALITY_DROP_REASONS, type DropReason } from '../domain/drop-reason.js';
import { STAGES } from '../domain/stages.js';
import { messageOf, OutputError } from '../errors.js';
import { csvRecord, type CsvValue } from './csv.js';
import type { RunMetrics } from './metrics-contract.js';
import { round } from './statistics.js';

/** Columns of runs.csv, in order. A change here makes existing files refuse new rows: on purpose. */
/**
 * The drop reasons with a column, as existing history files have them: frames already labelled
 * (`--exclude`) have none, so a file started before they existed still takes new rows; they are
 * frames_sampled − images − the dropped columns.
 */
const HISTORY_REASONS: readonly DropReason[] = [...QUALITY_DROP_REASONS, 'duplicate'];

export const HISTORY_COLUMNS: readonly string[] = [
  'run_id',
  'finished_at',
  'site',
  'tool_version',
  'model',
  'model_sha256',
  'videos',
  'frames_decoded',
  'frames_sampled',
  'images',
  'detections',
  'drop_ratio',
  ...HISTORY_REASONS.map((reason) => `dropped_${reason}`),
  'wall_seconds',
  ...STAGES.map((stage) => `stage_${stage}_seconds`),
];

/** What a row needs from the manifest; a `RunManifest` fits. */
export interface HistoryRunInfo {
  tool: { version: string };
  model: { sha256: string };
  config: { model: { name: string } };
  run: { id: string; finishedAt: string; wallSeconds: number };
}

export interface AppendResult {
  /** Absolute path of the file. */
  file: string;
  /** Whether this append wrote the header (the file was new or empty). */
  wroteHeader: boolean;
}

/** Bytes read to find the header line; a longer first line is a different file. */
const HEAD_BYTES = 64 * 1024;

export function historyRow(metrics: RunMetrics, manifest: HistoryRunInfo): CsvValue[] {
  return [
    manifest.run.id,
    manifest.run.finishedAt,
    metrics.site,
    manifest.tool.version,
    manifest.config.model.name,
    manifest.model.sha256,
    metrics.videos.length,
    metrics.frames.decoded,
    metrics.frames.sampled,
    metrics.images,
    metrics.detections.total,
    metrics.frameDropRatio,
    ...HISTORY_REASONS.map((reason) => metrics.frames.droppedByReason[reason]),
    round(manifest.run.wallSeconds, 3),
    ...STAGES.map((stage) => round(metrics.timings.stages[stage].ms / 1000, 4)),
  ];
}

/** The header line as written, without its CRLF. */
const HEADER_LINE = csvRecord(HISTORY_COLUMNS).slice(0, -2);

function shorten(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function mismatch(file: string, found: string): OutputError {
  const expected = HEADER_LINE.split(',');
  const got = found.split(',');
  const at = expected.findIndex((name, i) => got[i] !== name);
  const column = at === -1 ? expected.length : at;
  const where =
    at === -1
      ? `it has ${got.length - expected.length} extra column(s) after "${expected[expected.length - 1] ?? ''}"`
      : `column ${column + 1} is ${got[column] === undefined ? 'missing' : JSON.stringify(shorten(got[column] ?? '', 60))} where "${expected[column] ?? ''}" was expected`;
  return new OutputError(
    `Refusing to append to the run history ${file}: its header is not the one dataset-gen writes (${where}). ` +
      `Expected ${JSON.stringify(shorten(HEADER_LINE, 400))}; found ${JSON.stringify(shorten(found))}. ` +
      'The file was left unchanged; name a new file or move this one aside.',
  );
}

interface HeadState {
  size: number;
  /** Whether the file's last byte is a line feed (true for an empty file). */
  endsWithNewline: boolean;
}

/**
 * The file is opened without following a symbolic link (O_NOFOLLOW) and without waiting for a writer
 * (O_NONBLOCK: a FIFO opens at once, then is refused as not a regular file), so a history file swapped
 * for a link or a FIFO can neither redirect the append nor hang the run.
 */
const SAFE = constants.O_NOFOLLOW | constants.O_NONBLOCK;
const READ_FLAGS = constants.O_RDONLY | SAFE;
const APPEND_FLAGS = constants.O_RDWR | constants.O_CREAT | constants.O_APPEND | SAFE;

/** Reads the first line of an open file and throws when it is not the header (or the file is not a regular file). */
async function readAndCheck(handle: FileHandle, file: string): Promise<HeadState> {
  const info = await handle.stat();
  if (!info.isFile()) throw new OutputError(`The run history ${file} is not a regular file; name a CSV file (or a new one) for the run history`);
  const { size } = info;
  if (size === 0) return { size, endsWithNewline: true };
  const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  let text = head.subarray(0, bytesRead).toString('utf8');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const newline = text.indexOf('\n');
  if (newline === -1 && size > HEAD_BYTES) throw mismatch(file, text);
  const line = (newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, '');
  if (line !== HEADER_LINE) throw mismatch(file, line);
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return { size, endsWithNewline: last[0] === 0x0a };
}

function ioError(file: string, error: unknown): unknown {
  if (error instanceof OutputError) return error;
  if ((error as NodeJS.ErrnoException).code === 'ELOOP')
    return new OutputError(`The run history ${file} is a symbolic link; name the file itself`, { cause: error });
  return new OutputError(`Cannot append to the run history ${file}: ${messageOf(error)}`, { cause: error });
}

/**
 * Checks, without writing, that a row could be appended: the file is missing, empty, or starts with
 * the header. For a run's preflight, so a wrong file is refused before any work is done.
 */
export async function checkRunHistory(file: string): Promise<void> {
  const absolute = path.resolve(file);
  let handle: FileHandle;
  try {
    handle = await open(absolute, READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw ioError(absolute, error);
  }
  try {
    await readAndCheck(handle, absolute);
  } catch (error) {
    throw ioError(absolute, error);
  } finally {
    await handle.close();
  }
}

/**
 * Appends the run's row, with the header first when the file is new or empty (its folder is created).
 * Throws OutputError naming the file when the header differs or the file cannot be written.
 */
export async function appendRunHistory(file: string, metrics: RunMetrics, manifest: HistoryRunInfo): Promise<AppendResult> {
  const absolute = path.resolve(file);
  const row = csvRecord(historyRow(metrics, manifest));
  let handle: FileHandle | undefined;
  try {
    await mkdir(path.dirname(absolute), { recursive: true });
    handle = await open(absolute, APPEND_FLAGS, 0o666);
    const state = await readAndCheck(handle, absolute);
    const wroteHeader = state.size === 0;
    // A file whose last line lost its line break (edited by hand) gets one, so the row starts a line.
    const text = (wroteHeader ? `${HEADER_LINE}\r\n` : state.endsWithNewline ? '' : '\r\n') + row;
    await handle.appendFile(text, 'utf8');
    return { file: absolute, wroteHeader };
  } catch (error) {
    throw ioError(absolute, error);
  } finally {
    await handle?.close();
  }
}
