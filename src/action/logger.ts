/**
 * The library's `Logger` on the Actions log: info lines as plain log lines, warnings and errors as
 * annotations (`::warning::`), debug lines only when step debugging is on. Fields follow the message
 * as `key=value`. Plain lines are kept to one line and never start with `::`, so no text from a file
 * name or a video can be read by the runner as a workflow command.
 */
import * as core from '@actions/core';

import type { LogFields, Logger, LogLevel } from '../index.js';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f\u2028\u2029]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeControl(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function fieldValue(value: unknown): string {
  if (value instanceof Error) return fieldValue(value.message);
  if (typeof value === 'string') return value !== '' && !/[\s"=\\]/.test(value) && !CONTROL.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `message key=value …`, on one line. */
export function formatLine(message: string, fields: LogFields): string {
  const parts = [message];
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) parts.push(`${key}=${fieldValue(value)}`);
  }
  return parts.join(' ').replace(CONTROL_ALL, escapeControl);
}

/** A plain log line the runner will not take as a command. */
function plain(line: string): string {
  return line.startsWith('::') ? ` ${line}` : line;
}

class ActionsLogger implements Logger {
  readonly format = 'text' as const;

  constructor(
    readonly level: LogLevel,
    private readonly fields: LogFields,
  ) {}

  debug(message: string, fields?: LogFields): void {
    if (this.isEnabled('debug')) core.debug(formatLine(message, { ...this.fields, ...fields }));
  }
  info(message: string, fields?: LogFields): void {
    if (this.isEnabled('info')) core.info(plain(formatLine(message, { ...this.fields, ...fields })));
  }
  warn(message: string, fields?: LogFields): void {
    if (this.isEnabled('warn')) core.warning(formatLine(message, { ...this.fields, ...fields }));
  }
  error(message: string, fields?: LogFields): void {
    core.error(formatLine(message, { ...this.fields, ...fields }));
  }

  isEnabled(level: LogLevel): boolean {
    return RANK[level] >= RANK[this.level];
  }

  child(fields: LogFields): Logger {
    return new ActionsLogger(this.level, { ...this.fields, ...fields });
  }
}

/** Debug lines are written when the run has step debugging on (RUNNER_DEBUG=1). */
export function createActionsLogger(fields: LogFields = {}): Logger {
  return new ActionsLogger(core.isDebug() ? 'debug' : 'info', fields);
}
