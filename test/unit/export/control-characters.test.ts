/**
 * Class names holding control characters, written by every export and read back by parsers of the
 * formats: data.yaml by the `yaml` package as YAML 1.2 and as YAML 1.1 (and by PyYAML as well when
 * python3 has it), the CVAT and Label Studio XML by fast-xml-parser (and by Python's expat, a
 * conforming XML 1.0 parser that normalises attribute values, when python3 is there). Models with
 * such names are refused when loaded (model-config.test.ts, detect-onnx-metadata.test.ts); the
 * writers must still not turn a name into another one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';

import type { CocoDataset } from '../../../src/domain/coco.js';
import type { KeptImage } from '../../../src/domain/frame-record.js';
import { buildCoco } from '../../../src/export/coco.js';
import { cvatExport } from '../../../src/export/cvat.js';
import { labelStudioExport } from '../../../src/export/label-studio.js';
import { escapeXml } from '../../../src/export/xml.js';
import { yamlString, yoloExport } from '../../../src/export/yolo.js';
import { readCvatImages, readYoloData } from '../../support/annotation-readers.js';

/** Names XML 1.0 can hold (some only as character references) and YAML only escaped. */
const NAMES = [
  'line\nfeed',
  'tab\there',
  'carriage\rreturn',
  'crlf\r\nend',
  '\nleading newline',
  'del\u007f',
  'nel\u0085',
  'csi\u009b',
  'line\u2028separator',
  'paragraph\u2029separator',
  'bom\ufeff',
  'quote " apostrophe \' back\\slash',
  'a<b&c>d',
  '#not a comment: {x}',
  '自行车 🚗',
];

/** Characters XML 1.0 cannot hold even as references. */
const NOT_XML: [string, string][] = [
  ['NUL', '\u0000'],
  ['SOH', '\u0001'],
  ['ESC', '\u001b'],
  ['U+FFFE', '\ufffe'],
  ['U+FFFF', '\uffff'],
  ['an unpaired surrogate', '\ud800'],
];

function kept(names: readonly string[]): KeptImage[] {
  return [
    {
      file: 'v_000001.jpg',
      video: 'v',
      frameIndex: 1,
      timestampMs: 0,
      decode: 'sequential',
      width: 640,
      height: 480,
      detections: names.map((className, i) => ({ classIndex: i, className, score: 0.5, box: { x: i, y: i, width: 10, height: 10 } })),
    },
  ];
}

function coco(names: readonly string[]): CocoDataset {
  return buildCoco(kept(names), { site: 'site', toolVersion: '0', categories: [...names], videoOrder: ['v'] });
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});
/** Text rich in the characters that matter here, and any code point at all. */
const textArb = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\u0000',
      '\t',
      '\n',
      '\r',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u009b',
      '\u2028',
      '\u2029',
      '\ufeff',
      '\ufffe',
      '\ud800',
      '\udc00',
      '"',
      '\\',
      '&',
      '<',
      "'",
      ':',
      '#',
      ' ',
      'a',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Whether python3 can import `module` (extra checks with Python's own parsers run only then). */
function python(module: string): boolean {
  return spawnSync('python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a Python program on `input` (stdin) and parses its JSON output. */
function runPython(program: string, input: string): unknown {
  return JSON.parse(execFileSync('python3', ['-c', program], { input, encoding: 'utf8' }));
}

/** What a name must not hold raw in data.yaml (the byte-order mark is escaped there too). */
// eslint-disable-next-line no-control-regex
const controlOrLineEnd = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
/** What a name must not hold raw in XML (a byte-order mark inside a document is a plain character). */
// eslint-disable-next-line no-control-regex
const xmlControlOrLineEnd = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('data.yaml', () => {
  const [data] = yoloExport(coco(NAMES), { valFraction: 0.1 });
  const text = data!.content;

  test('every name is one line, escaped: no control character but the line ends', () => {
    for (const line of text.split('\n')) expect(line).not.toMatch(controlOrLineEnd);
    expect(text.split('\n').filter((line) => /^ {2}\d+: "/.test(line))).toHaveLength(NAMES.length);
  });

  test('YAML 1.2 (the `yaml` package, the test readers) reads back every name exactly', () => {
    expect(readYoloData(text).names).toEqual(NAMES);
  });

  test('YAML 1.1 (the `yaml` package) reads back every name exactly', () => {
    expect((parseYaml(text, { version: '1.1' }) as { names: Record<number, string> }).names).toEqual({ ...NAMES });
  });

  (python('yaml') ? test : test.skip)('and so does PyYAML (YAML 1.1), when python3 has it', () => {
    const names = runPython('import sys, json, yaml; d = yaml.safe_load(sys.stdin.read()); print(json.dumps([d["names"][i] for i in range(d["nc"])]))', text);
    expect(names).toEqual(NAMES);
  });

  test('any text at all reads back exactly, as YAML 1.2 and 1.1 (1000 runs)', () => {
    fc.assert(
      fc.property(textArb, (name) => {
        const line = `x: ${yamlString(name)}\n`;
        expect(line.slice(0, -1)).not.toMatch(controlOrLineEnd);
        expect((parseYaml(line) as { x: string }).x).toBe(name);
        expect((parseYaml(line, { version: '1.1' }) as { x: string }).x).toBe(name);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe('CVAT XML', () => {
  const [file] = cvatExport(coco(NAMES), { taskName: 'site', colorOf: () => '#1f77d0' });
  const xml = file!.content;

  test('no raw control character or line separator but the line ends: tab, LF and CR inside values are references', () => {
    for (const line of xml.split('\n')) expect(line).not.toMatch(xmlControlOrLineEnd);
    expect(xml).toContain('<name>line&#10;feed</name>');
    expect(xml).toContain('label="tab&#9;here"');
  });

  test('labels and box labels read back as the names, and every box label is a declared label', () => {
    const doc = xmlParser.parse(xml) as {
      annotations: { meta: { task: { labels: { label: { name: string }[] } } }; image: { box: Record<string, string> | Record<string, string>[] } };
    };
    expect(doc.annotations.meta.task.labels.label.map((l) => l.name)).toEqual(NAMES);
    expect(asList(doc.annotations.image.box).map((b) => b['@label'])).toEqual(NAMES);
    expect(readCvatImages(xml).images[0]!.boxes).toHaveLength(NAMES.length);
  });

  (python('xml.etree.ElementTree') ? test : test.skip)('and so does expat, which normalises attribute values (when python3 is there)', () => {
    const program = [
      'import sys, json, xml.etree.ElementTree as ET',
      'root = ET.fromstring(sys.stdin.buffer.read())',
      'print(json.dumps([[n.text for n in root.iter("name") if n.text != "site"], [b.get("label") for b in root.iter("box")]]))',
    ].join('\n');
    expect(runPython(program, xml)).toEqual([NAMES, NAMES]);
  });

  test.each(NOT_XML)('a name holding %s cannot be written: RangeError naming it, no rewritten name', (_what, char) => {
    const names = ['person', `bad${char}name`];
    const codePoint = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    expect(() => cvatExport(coco(names), { taskName: 'site', colorOf: () => '#000000' })).toThrow(
      new RegExp(`^"bad.*name" holds U\\+${codePoint.slice(2)}, which XML 1\\.0 cannot hold$`),
    );
    expect(() => labelStudioExport(coco(names), { imagePrefix: 'images/', modelVersion: 'm', colorOf: () => '#000000' })).toThrow(RangeError);
  });

  test('escapeXml: any text XML 1.0 can hold reads back exactly from an attribute and from an element (1000 runs)', () => {
    // eslint-disable-next-line no-control-regex
    const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u;
    fc.assert(
      fc.property(textArb, (text) => {
        fc.pre(!notXml.test(text));
        const doc = xmlParser.parse(`<a b="${escapeXml(text)}"><c>${escapeXml(text)}</c></a>`) as { a: { '@b': string; c: string } };
        expect(doc.a['@b']).toBe(text);
        expect(doc.a.c === undefined ? '' : String(doc.a.c)).toBe(text);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe('Label Studio', () => {
  const files = labelStudioExport(coco(NAMES), { imagePrefix: 'images/', modelVersion: 'm', colorOf: () => '#1f77d0' });
  const config = files.find((f) => f.path.endsWith('.xml'))!.content;
  const tasks = files.find((f) => f.path.endsWith('.json'))!.content;

  test("the config's labels read back as the names; no raw control character in it", () => {
    for (const line of config.split('\n')) expect(line).not.toMatch(xmlControlOrLineEnd);
    const doc = xmlParser.parse(config) as { View: { RectangleLabels: { Label: Record<string, string>[] } } };
    expect(doc.View.RectangleLabels.Label.map((l) => l['@value'])).toEqual(NAMES);
  });

  test("the tasks' regions carry the same names (JSON escapes what it must)", () => {
    const parsed = JSON.parse(tasks) as { predictions: { result: { value: { rectanglelabels: string[] } }[] }[] }[];
    expect(parsed[0]!.predictions[0]!.result.map((r) => r.value.rectanglelabels[0])).toEqual(NAMES);
  });
});
