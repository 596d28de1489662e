/**
 * Reads an ONNX model's custom metadata (`ModelProto.metadata_props`), which onnxruntime-node does
 * not expose. Only the file's top-level protobuf fields are walked, reading the few bytes of each
 * field's header and skipping over bodies, so the (large) graph is never read or parsed.
 *
 * Ultralytics exports store `names` as a Python dict literal ("{0: 'person', 1: 'bicycle'}"),
 * `imgsz` as a list ("[640, 640]") and `stride` as an int.
 *
 * Nothing here throws on a model without (or with unreadable) metadata: the result is just empty.
 * Names holding a control character are not used either (`names` is null, `namesRefused` says which
 * class and why; domain/control-characters.ts): the model then loads only with `classNames` in its
 * config, as a model without names does, and a config's names replace the metadata's anyway.
 */
import { open } from 'node:fs/promises';

import { classNameProblem } from '../domain/control-characters.js';
import { parseNames } from './python-literal.js';

export { parseNames };

/** `ModelProto.metadata_props`: repeated StringStringEntryProto { key = 1; value = 2 }. */
const METADATA_PROPS_FIELD = 14;
const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;
/** Longest tag + length header: two 10-byte varints. */
const MAX_HEADER_BYTES = 20;
/** An entry larger than this is not metadata we want to hold in memory. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

export interface OnnxMetadata {
  /** Every metadata entry (a later duplicate key wins). */
  props: Map<string, string>;
  /** Class names ordered by index, from `names`; null when absent, unparseable or refused. */
  names: string[] | null;
  /** Why the `names` were refused (`class 3 in the metadata ("names"): … control character U+000A …`); null when not. */
  namesRefused: string | null;
  /** From `imgsz`: [size] or [height, width]; null when absent or unparseable. */
  imgsz: number[] | null;
  stride: number | null;
}

/** Random access to the bytes of a model: a file, or an in-memory buffer. */
interface ByteSource {
  size: number;
  read(position: number, length: number): Promise<Uint8Array>;
}

/** Decodes a base-128 varint at `offset`; null when it runs past the end or over 10 bytes. */
export function readVarint(bytes: Uint8Array, offset: number): { value: number; length: number } | null {
  let value = 0;
  let multiplier = 1;
  for (let i = 0; i < 10 && offset + i < bytes.length; i++) {
    const byte = bytes[offset + i]!;
    value += (byte & 0x7f) * multiplier;
    if ((byte & 0x80) === 0) return { value, length: i + 1 };
    multiplier *= 128;
  }
  return null;
}

interface Field {
  number: number;
  wireType: number;
  /** Offset of the body (after the tag, and after the length for length-delimited fields). */
  bodyStart: number;
  /** Body length in bytes (for varints: the varint's own length). */
  bodyLength: number;
}

/** Parses the field header at `offset` of `header` (a window that starts at the field). */
function readFieldHeader(header: Uint8Array, offset: number): Field | null {
  const tag = readVarint(header, offset);
  if (!tag) return null;
  const number = Math.floor(tag.value / 8);
  const wireType = tag.value % 8;
  const afterTag = offset + tag.length;
  if (number === 0) return null;
  switch (wireType) {
    case WIRE_VARINT: {
      const varint = readVarint(header, afterTag);
      return varint ? { number, wireType, bodyStart: afterTag, bodyLength: varint.length } : null;
    }
    case WIRE_FIXED64:
      return { number, wireType, bodyStart: afterTag, bodyLength: 8 };
    case WIRE_FIXED32:
      return { number, wireType, bodyStart: afterTag, bodyLength: 4 };
    case WIRE_LENGTH_DELIMITED: {
      const length = readVarint(header, afterTag);
      return length ? { number, wireType, bodyStart: afterTag + length.length, bodyLength: length.value } : null;
    }
    default:
      return null; // groups (deprecated) or garbage: stop walking
  }
}

/** Parses one StringStringEntryProto. */
function parseEntry(bytes: Uint8Array): [string, string] | null {
  const decoder = new TextDecoder();
  let key: string | null = null;
  let value = '';
  let offset = 0;
  while (offset < bytes.length) {
    const field = readFieldHeader(bytes, offset);
    if (!field || field.bodyStart + field.bodyLength > bytes.length) return null;
    if (field.wireType === WIRE_LENGTH_DELIMITED && (field.number === 1 || field.number === 2)) {
      const text = decoder.decode(bytes.subarray(field.bodyStart, field.bodyStart + field.bodyLength));
      if (field.number === 1) key = text;
      else value = text;
    }
    offset = field.bodyStart + field.bodyLength;
  }
  return key === null ? null : [key, value];
}

async function readMetadataProps(source: ByteSource): Promise<Map<string, string>> {
  const props = new Map<string, string>();
  let position = 0;
  while (position < source.size) {
    const header = await source.read(position, Math.min(MAX_HEADER_BYTES, source.size - position));
    const field = readFieldHeader(header, 0);
    if (!field) break;
    const bodyStart = position + field.bodyStart;
    const end = bodyStart + field.bodyLength;
    if (end > source.size) break;
    if (field.number === METADATA_PROPS_FIELD && field.wireType === WIRE_LENGTH_DELIMITED) {
      if (field.bodyLength <= MAX_ENTRY_BYTES) {
        const entry = parseEntry(await source.read(bodyStart, field.bodyLength));
        if (entry) props.set(entry[0], entry[1]);
      }
    }
    position = end;
  }
  return props;
}

/** The `names` literal's class names, or null with the reason when one holds a control character. */
function classNames(literal: string | undefined): Pick<OnnxMetadata, 'names' | 'namesRefused'> {
  const names = literal === undefined ? null : parseNames(literal);
  for (const [index, name] of (names ?? []).entries()) {
    const problem = classNameProblem(name);
    if (problem !== null) return { names: null, namesRefused: `class ${index} in the metadata ("names"): ${problem}` };
  }
  return { names, namesRefused: null };
}

function interpret(props: Map<string, string>): OnnxMetadata {
  const imgsz = props.get('imgsz');
  const stride = props.get('stride');
  return {
    props,
    ...classNames(props.get('names')),
    imgsz: imgsz === undefined ? null : parseImgsz(imgsz),
    stride: stride !== undefined && /^\s*\d+\s*$/.test(stride) ? Number(stride) : null,
  };
}

const EMPTY_METADATA = (): OnnxMetadata => ({ props: new Map(), names: null, namesRefused: null, imgsz: null, stride: null });

/**
 * Metadata of a serialized ModelProto held in memory.
 *
 * @internal exported for its unit test (hand-built bytes); the run reads a file with `readOnnxMetadata`.
 */
export async function parseOnnxMetadata(bytes: Uint8Array): Promise<OnnxMetadata> {
  const source: ByteSource = {
    size: bytes.length,
    read: async (position, length) => bytes.subarray(position, position + length),
  };
  return interpret(await readMetadataProps(source));
}

/** Metadata of an ONNX file; empty when the file has none or cannot be read. */
export async function readOnnxMetadata(file: string): Promise<OnnxMetadata> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return EMPTY_METADATA();
  }
  try {
    const { size } = await handle.stat();
    const fileHandle = handle;
    const source: ByteSource = {
      size,
      read: async (position, length) => {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await fileHandle.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
      },
    };
    return interpret(await readMetadataProps(source));
  } catch {
    return EMPTY_METADATA();
  } finally {
    await handle.close();
  }
}

/** Parses a Python-literal `[640, 640]`, `(640, 640)` or `640`; null otherwise. */
export function parseImgsz(text: string): number[] | null {
  if (!/^\s*[[(]?\s*\d+(\s*,\s*\d+)*\s*,?\s*[\])]?\s*$/.test(text)) return null;
  const sizes = (text.match(/\d+/g) ?? []).map(Number);
  return sizes.length > 0 && sizes.every((size) => size > 0) ? sizes : null;
}
