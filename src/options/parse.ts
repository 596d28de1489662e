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
