/**
 * Logging. Two formats behind one interface: 'text' for people (`HH:MM:SS level message key=value`)
 * and 'json' for machines (one object per line: time, level, msg, then fields). Lines go to an
 * injected writable (stderr by default), so stdout stays free for data and tests can capture output.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'text' | 'json';
export type LogFields = Readonly<Record<string, unknown>>;

/** Anything with a `write(string)`: process.stderr, a file stream, or a test's capture. */
export interface LogStream {
  write(chunk: string): unknown;
}

export interface Logger {
  readonly level: LogLevel;
  readonly format: LogFormat;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Whether a message at `level` would be written. */
  isEnabled(level: LogLevel): boolean;
  /** A logger that adds `fields` (e.g. runId, site, video, stage) to every line; own fields win. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** Default 'text'. */
  format?: LogFormat;
  /** Lowest level written. Default 'info' (debug lines only when asked for). */
  level?: LogLevel;
  /** Default process.stderr. */
  stream?: LogStream;
  /** Current time; tests pass a fixed one. */
  clock?: () => Date;
  /** Fields on every line. */
  fields?: LogFields;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
/** Keys a JSON line owns; fields with these names are written as `field.<name>` instead. */
const RESERVED = new Set(['time', 'level', 'msg']);

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall-clock time as HH:MM:SS. */
export function formatClock(date: Date): string {
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

/** Converts a field value to something JSON can carry (Errors, bigints, cycles). */
function jsonSafe(value: unknown): unknown {
  // Objects on the path from the root to the value being written; a repeat there is a cycle
  // (an object merely referenced twice is written twice).
  const ancestors: unknown[] = [];
  const replacer = function (this: unknown, _key: string, v: unknown): unknown {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v !== 'object' || v === null) return v;
    while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
    if (ancestors.includes(v)) return '[Circular]';
    const out = v instanceof Error ? { name: v.name, message: v.message } : v;
    ancestors.push(out);
    return out;
  };
  try {
    const text = JSON.stringify(value, replacer);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return String(value);
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;

/** Keeps a text line one line: control characters are written as JSON escapes (`\n`, `\u001b`). */
function escapeControl(text: string): string {
  return text.replace(CONTROL_ALL, (c) => JSON.stringify(c).slice(1, -1));
}

/** A field value for a text line: bare when safe, otherwise JSON-quoted. */
function textValue(value: unknown): string {
  if (value instanceof Error) return textValue(value.message);
  if (typeof value === 'string') {
    return value !== '' && !/[\s"=\\]/.test(value) && !CONTROL.test(value) ? value : JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || typeof value === 'bigint') {
    return String(value);
  }
  const json = jsonSafe(value);
  return json === undefined ? String(value) : JSON.stringify(json);
}

function textKey(key: string): string {
  return /^[\w.-]+$/.test(key) ? key : JSON.stringify(key);
}

function definedEntries(fields: LogFields): [string, unknown][] {
  return Object.entries(fields).filter(([, v]) => v !== undefined);
}

class StreamLogger implements Logger {
  constructor(
    readonly format: LogFormat,
    readonly level: LogLevel,
    private readonly stream: LogStream,
    private readonly clock: () => Date,
    private readonly fields: LogFields,
  ) {}

  debug(message: string, fields?: LogFields): void {
    this.log('debug', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.log('info', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.log('warn', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.log('error', message, fields);
  }

  isEnabled(level: LogLevel): boolean {
    return RANK[level] >= RANK[this.level];
  }

  child(fields: LogFields): Logger {
    return new StreamLogger(this.format, this.level, this.stream, this.clock, { ...this.fields, ...fields });
  }

  private log(level: LogLevel, message: string, fields: LogFields | undefined): void {
    if (!this.isEnabled(level)) return;
    const all = definedEntries({ ...this.fields, ...fields });
    const now = this.clock();
    const line = this.format === 'json' ? this.jsonLine(now, level, message, all) : this.textLine(now, level, message, all);
    this.stream.write(line + '\n');
  }

  private textLine(now: Date, level: LogLevel, message: string, fields: [string, unknown][]): string {
    const parts = [formatClock(now), level.padEnd(5), escapeControl(message)];
    for (const [key, value] of fields) parts.push(`${textKey(key)}=${textValue(value)}`);
    return parts.join(' ');
  }

  private jsonLine(now: Date, level: LogLevel, message: string, fields: [string, unknown][]): string {
    const record: Record<string, unknown> = { time: now.toISOString(), level, msg: message };
    for (const [key, value] of fields) {
      record[RESERVED.has(key) ? `field.${key}` : key] = jsonSafe(value);
    }
    return JSON.stringify(record);
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return new StreamLogger(
    options.format ?? 'text',
    options.level ?? 'info',
    options.stream ?? process.stderr,
    options.clock ?? (() => new Date()),
    options.fields ?? {},
  );
}

/** A logger that writes nothing (for library use and tests that do not look at logs). */
export function silentLogger(): Logger {
  return createLogger({ level: 'error', stream: { write: () => true } });
}
