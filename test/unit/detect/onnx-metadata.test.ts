import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { parseImgsz, parseNames, parseOnnxMetadata, readOnnxMetadata, readVarint } from '../../../src/detect/onnx-metadata.js';
import { encodeModel, flattenModel, makeModelDir, ProtoWriter } from '../../support/onnx-builder.js';

const YOLOV8N = fileURLToPath(new URL('../../../models/yolov8n.onnx', import.meta.url));

function entry(writer: ProtoWriter, key: string, value: string): ProtoWriter {
  return writer.message(14, (e) => e.string(1, key).string(2, value));
}

describe('readVarint', () => {
  test('single and multi-byte values, and truncation', () => {
    expect(readVarint(Uint8Array.of(0x05), 0)).toEqual({ value: 5, length: 1 });
    expect(readVarint(Uint8Array.of(0xac, 0x02), 0)).toEqual({ value: 300, length: 2 });
    // 2^35 needs more than 32 bits.
    expect(readVarint(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x01), 0)).toEqual({ value: 2 ** 35, length: 6 });
    expect(readVarint(Uint8Array.of(0x80, 0x80), 0)).toBeNull();
  });
});

describe('parseOnnxMetadata on hand-built bytes', () => {
  test('finds metadata_props among other fields of every wire type', async () => {
    const bytes = new ProtoWriter()
      .uint(1, 8) // ir_version (varint)
      .string(2, 'producer')
      .message(7, (graph) => graph.string(2, 'g').raw(5, new Uint8Array(1000))) // graph, skipped whole
      .tag(99, 1) // a fixed64 field
      .append(new Uint8Array(8).fill(0xff))
      .tag(98, 5) // a fixed32 field
      .append([1, 2, 3, 4]);
    entry(bytes, 'names', "{0: 'cat', 1: 'dog'}");
    bytes.uint(5, 1); // model_version after the metadata
    entry(bytes, 'imgsz', '[320, 320]');
    entry(bytes, 'stride', '32');
    entry(bytes, 'author', 'me');
    const metadata = await parseOnnxMetadata(bytes.finish());
    expect(metadata.names).toEqual(['cat', 'dog']);
    expect(metadata.imgsz).toEqual([320, 320]);
    expect(metadata.stride).toBe(32);
    expect(metadata.props.get('author')).toBe('me');
    expect(metadata.props.size).toBe(4);
  });

  test('a model without metadata, garbage and truncated files give empty metadata', async () => {
    const empty = { names: null, namesRefused: null, imgsz: null, stride: null };
    expect(await parseOnnxMetadata(encodeModel(flattenModel()))).toMatchObject(empty);
    expect(await parseOnnxMetadata(new Uint8Array(0))).toMatchObject(empty);
    expect(await parseOnnxMetadata(Uint8Array.from([0xff, 0xff, 0xff, 0x0f, 0x07]))).toMatchObject(empty);
    const truncated = entry(new ProtoWriter(), 'names', "{0: 'a'}").finish().subarray(0, 8);
    expect((await parseOnnxMetadata(truncated)).props.size).toBe(0);
  });

  test.each<[string, string, number, string]>([
    ['a newline (Python escape)', "{0: 'person', 1: 'traffic\\nlight'}", 1, 'U+000A'],
    ['a tab (raw)', "{0: 'a\tb'}", 0, 'U+0009'],
    ['NEL (\\x85)', "{0: 'a', 1: 'b', 2: 'c\\x85'}", 2, 'U+0085'],
    ['DEL (JSON \\u escape)', '["a", "b\\u007f"]', 1, 'U+007F'],
    ['a line separator', "['a\u2028b']", 0, 'U+2028'],
  ])('names holding %s are refused, saying which class and why', async (_what, literal, index, codePoint) => {
    const metadata = await parseOnnxMetadata(entry(new ProtoWriter(), 'names', literal).finish());
    expect(metadata.names).toBeNull();
    expect(metadata.namesRefused).toMatch(new RegExp(`^class ${index} in the metadata \\("names"\\): ".*" holds control character `));
    expect(metadata.namesRefused).toContain(`holds control character ${codePoint};`);
    // eslint-disable-next-line no-control-regex
    expect(metadata.namesRefused).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(metadata.props.get('names')).toBe(literal);
  });

  test('usable names are not refused', async () => {
    const metadata = await parseOnnxMetadata(entry(new ProtoWriter(), 'names', "{0: 'traffic light', 1: 'caf\\xe9'}").finish());
    expect(metadata).toMatchObject({ names: ['traffic light', 'café'], namesRefused: null });
  });

  test('entries written before a corrupt tail are kept', async () => {
    const bytes = entry(new ProtoWriter(), 'names', "{0: 'a'}").tag(3, 3).finish(); // a group start
    expect((await parseOnnxMetadata(bytes)).names).toEqual(['a']);
  });

  describe('reading files', () => {
    let models: Awaited<ReturnType<typeof makeModelDir>>;
    beforeAll(async () => {
      models = await makeModelDir();
    });
    afterAll(async () => {
      await models.cleanup();
    });

    test('a hand-built model file', async () => {
      const file = await models.write('meta.onnx', { ...flattenModel(), metadata: { names: "{0: 'x'}" } });
      expect((await readOnnxMetadata(file)).names).toEqual(['x']);
    });

    test('a missing file gives empty metadata', async () => {
      expect(await readOnnxMetadata(`${models.dir}/missing.onnx`)).toMatchObject({ names: null });
    });
  });
});

describe('readOnnxMetadata on the reference YOLOv8n', () => {
  test('80 COCO names, imgsz and stride', async () => {
    const metadata = await readOnnxMetadata(YOLOV8N);
    expect(metadata.names).toHaveLength(80);
    expect(metadata.names![0]).toBe('person');
    expect(metadata.names![79]).toBe('toothbrush');
    expect(metadata.names).toContain('traffic light');
    expect(metadata.imgsz).toEqual([640, 640]);
    expect(metadata.stride).toBe(32);
  });
});

describe('parseNames', () => {
  test('Ultralytics dict with either quote style, apostrophes and escapes', () => {
    expect(parseNames(`{0: 'person', 1: "rock 'n' roll", 2: 'it\\'s', 3: 'back\\\\slash', 4: 'caf\\xe9'}`)).toEqual([
      'person',
      "rock 'n' roll",
      "it's",
      'back\\slash',
      'café',
    ]);
  });

  test('keys out of order are ordered by index; trailing comma and whitespace are fine', () => {
    expect(parseNames("{ 1: 'b',\n 0: 'a', }")).toEqual(['a', 'b']);
  });

  test('lists and JSON forms', () => {
    expect(parseNames("['a', 'b']")).toEqual(['a', 'b']);
    expect(parseNames('["a", "b \\"quoted\\""]')).toEqual(['a', 'b "quoted"']);
    expect(parseNames('{"0": "a", "1": "b\\u00e9"}')).toEqual(['a', 'bé']);
  });

  test('commas and colons inside names do not split them', () => {
    expect(parseNames("{0: 'a, b', 1: 'c: d', 2: '}'}")).toEqual(['a, b', 'c: d', '}']);
  });

  test('gaps, duplicates, non-strings and junk give null', () => {
    expect(parseNames("{0: 'a', 2: 'c'}")).toBeNull();
    expect(parseNames("{0: 'a', 0: 'b'}")).toBeNull();
    expect(parseNames('{0: 5}')).toBeNull();
    expect(parseNames("{0: 'a'} extra")).toBeNull();
    expect(parseNames("{0: 'unterminated}")).toBeNull();
    expect(parseNames('{}')).toBeNull();
    expect(parseNames('person, bicycle')).toBeNull();
  });
});

describe('parseImgsz', () => {
  test('list, tuple and int forms', () => {
    expect(parseImgsz('[640, 640]')).toEqual([640, 640]);
    expect(parseImgsz('(480, 640)')).toEqual([480, 640]);
    expect(parseImgsz('640')).toEqual([640]);
    expect(parseImgsz('big')).toBeNull();
    expect(parseImgsz('[0]')).toBeNull();
  });
});
