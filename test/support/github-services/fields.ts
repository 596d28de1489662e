/**
 * Readers for protobuf-JSON request fields as the toolkit's generated clients send them: snake_case
 * names, zero values omitted (an absent field is "", 0 or []), int64 and Int64Value as decimal strings,
 * StringValue as a plain string. A field of the wrong type is a Twirp `malformed` error.
 */
import { TwirpError, type JsonObject } from './twirp.js';

export function text(body: JsonObject, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new TwirpError('malformed', `${field} must be a string`);
  return value;
}

export function required(body: JsonObject, field: string): string {
  const value = text(body, field);
  if (!value) throw new TwirpError('invalid_argument', `${field} is required`);
  return value;
}

export function int64(body: JsonObject, field: string): number {
  const value = body[field];
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  throw new TwirpError('malformed', `${field} must be an int64 (a decimal string)`);
}

/** An optional Int64Value wrapper: undefined when absent. */
export function optionalInt64(body: JsonObject, field: string): number | undefined {
  return body[field] === undefined || body[field] === null ? undefined : int64(body, field);
}

export function textList(body: JsonObject, field: string): string[] {
  const value = body[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw new TwirpError('malformed', `${field} must be a list of strings`);
  }
  return value;
}

/** A google.protobuf.Timestamp in JSON (RFC 3339); undefined when absent. */
export function timestamp(body: JsonObject, field: string): Date | undefined {
  const value = text(body, field);
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new TwirpError('malformed', `${field} must be an RFC 3339 timestamp`);
  return date;
}
