/**
 * The parsers every door's values go through: a number in a range, an integer in a range, a text.
 * Each takes the value as typed and the name to show (`--sample-fps`, `input "sample-fps"`), returns
 * null for "not given" (missing or empty), and refuses anything else that is not exactly what it
 * expects with `invalidParameterError`. Nothing is coerced silently.
 */
import { invalidParameterError } from '../errors.js';

const DECIMAL = /^[+]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;

export interface Range {
  min: number;
  max: number;
  minExclusive?: boolean;
}

export function describeRange(kind: string, { min, max, minExclusive }: Range): string {
  return `${kind} ${minExclusive ? 'greater than' : 'from'} ${min} ${minExclusive ? 'and at most' : 'to'} ${max}`;
}

/** The trimmed text, or null when missing or blank. */
export function parseText(value: string | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A decimal number (no sign but `+`, no exponent) in `range`; `expected` replaces the range's wording. */
export function parseDecimal(value: string | undefined, name: string, range: Range, expected?: string): number | null {
  const text = parseText(value);
  if (text === null) return null;
  const n = Number(text);
  const inRange = range.minExclusive ? n > range.min : n >= range.min;
  if (!DECIMAL.test(text) || !Number.isFinite(n) || !inRange || n > range.max) {
    throw invalidParameterError(name, expected ?? describeRange('a number', range), value);
  }
  return n;
}

/** An integer (optionally signed) in `range`; `expected` replaces the range's wording. */
export function parseInteger(value: string | undefined, name: string, range: Range, expected?: string): number | null {
  const text = parseText(value);
  if (text === null) return null;
  const n = Number(text);
  if (!INTEGER.test(text) || n < range.min || n > range.max) {
    throw invalidParameterError(name, expected ?? describeRange('an integer', range), value);
  }
  return n;
}

/** One of `choices`, exactly as listed (case-sensitive). */
export function parseChoice<T extends string>(value: string | undefined, name: string, choices: readonly T[]): T | null {
  const text = parseText(value);
  if (text === null) return null;
  const found = choices.find((choice) => choice === text);
  if (found === undefined) throw invalidParameterError(name, `one of ${choices.join(', ')}`, value);
  return found;
}

const SECONDS = /^\d+(\.\d+)?$/;
const CLOCK = /^(?:(\d+):)?([0-5]?\d):([0-5]?\d(?:\.\d+)?)$/;

/**
 * A point in a video: seconds (`90`, `90.5`) or a clock time (`1:30`, `01:02:03.5`), as whole
 * milliseconds from the video's first frame.
 */
export function parseVideoTime(value: string | undefined, name: string): number | null {
  const text = parseText(value);
  if (text === null) return null;
  let seconds: number | null = null;
  if (SECONDS.test(text)) {
    seconds = Number(text);
  } else {
    const clock = CLOCK.exec(text);
    if (clock) seconds = Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  }
  if (seconds === null || !Number.isFinite(seconds)) {
    throw invalidParameterError(name, 'a time in the video: seconds (e.g. 90.5) or hh:mm:ss (e.g. 01:30:00)', value);
  }
  return Math.round(seconds * 1000);
}
