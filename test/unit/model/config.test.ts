import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { ConfigError, EXIT_CODES } from '../../../src/errors.js';
import { COCO80_NAMES } from '../../../src/model/coco-names.js';
import { DEFAULT_PRESET, loadModelConfig, parseModelConfig, PRESETS, type LoadedModelConfig } from '../../../src/model/config.js';
import { resolveModel } from '../../../src/model/resolve-model.js';

const SHA = 'a'.repeat(64);
const minimal = { name: 'site-model', layout: 'yolov8' };

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-config-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileCounter = 0;
/** Writes `content` (JSON-encoded unless a string) to a fresh file in the temp dir and returns its path. */
async function writeConfig(content: unknown, name = `config-${(fileCounter += 1)}.json`): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** The ConfigError `promise` rejects with (fails the test if it resolves or rejects with something else). */
async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const error = caught as ConfigError;
  expect(error.exitCode).toBe(EXIT_CODES.config);
  expect(error.message).not.toMatch(/[\r\n]/);
  return error;
}

describe('presets', () => {
  test('the default preset is listed', () => {
    expect(Object.keys(PRESETS)).toContain(DEFAULT_PRESET);
  });

  test.each(Object.keys(PRESETS))('preset %s loads with the 80 COCO class names and the bundled weights', async (name) => {
    const loaded = await loadModelConfig(name, dir);
    expect(loaded.origin).toBe(`preset "${name}"`);
    // The bundled models folder of this checkout, not the caller's folder.
    expect(loaded.baseDir).toBe(path.resolve('models'));
    expect(loaded.config.name).toBe(name);
    expect(loaded.config.layout).toBe('yolov8');
    expect(loaded.config.inputSize).toBe(640);
    expect(loaded.config.classNames).toHaveLength(80);
    expect(loaded.config.classNames).toEqual([...COCO80_NAMES]);
    expect(loaded.config.classNames?.[0]).toBe('person');
    expect(loaded.config.source).toEqual({ path: 'yolov8n.onnx' });
  });

  test('the default preset resolves to the bundled models/yolov8n.onnx (models/README.md) with no model input', async () => {
    const resolved = await resolveModel(await loadModelConfig(DEFAULT_PRESET, dir), { modelPath: null });
    expect(resolved.path).toBe(path.resolve('models', 'yolov8n.onnx'));
    expect(resolved.origin).toBe('config-path');
    expect(resolved.sha256).toBe('1d8554503630c54925faba0a5c1cc3e7f26d8c44ed82273d4e843569792c8821');
    expect(await readFile(path.resolve('models', 'README.md'), 'utf8')).toContain(resolved.sha256);
  });

  test('the preset object is not mutated by loading it', async () => {
    const before = JSON.stringify(PRESETS[DEFAULT_PRESET]);
    const loaded = await loadModelConfig(DEFAULT_PRESET, dir);
    loaded.config.classNames?.push('extra');
    expect(JSON.stringify(PRESETS[DEFAULT_PRESET])).toBe(before);
  });

  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a file named like an Object.prototype member (%s) is read as a file, not taken for a preset',
    async (name) => {
      const sub = path.join(dir, `proto-${name}`);
      const file = await writeConfig(minimal, path.join(`proto-${name}`, name));
      const loaded = await loadModelConfig(name, sub);
      expect(loaded.origin).toBe(file);
      expect(loaded.config.name).toBe('site-model');
    },
  );
});

describe('valid config files', () => {
  test('a minimal file loads and every default applies', async () => {
    const file = await writeConfig(minimal);
    const loaded = await loadModelConfig(file);
    expect(loaded).toEqual({
      origin: file,
      baseDir: dir,
      config: {
        name: 'site-model',
        layout: 'yolov8',
        inputSize: 640,
        confidence: 0.25,
        iou: 0.45,
        maxDetections: 300,
        batchSize: 4,
        executionProviders: ['cpu'],
      },
    } satisfies LoadedModelConfig);
  });

  test('given values win over the defaults', async () => {
    const file = await writeConfig({
      name: 'custom',
      layout: 'yolov5',
      inputSize: 416,
      confidence: 0.5,
      iou: 1,
      maxDetections: 10,
      batchSize: 1,
      classNames: ['excavator', 'crane'],
      executionProviders: ['cuda', 'cpu'],
      source: { url: 'https://models.example.com/site.onnx', sha256: SHA },
    });
    const { config } = await loadModelConfig(file);
    expect(config).toEqual({
      name: 'custom',
      layout: 'yolov5',
      inputSize: 416,
      confidence: 0.5,
      iou: 1,
      maxDetections: 10,
      batchSize: 1,
      classNames: ['excavator', 'crane'],
      executionProviders: ['cuda', 'cpu'],
      source: { url: 'https://models.example.com/site.onnx', sha256: SHA },
    });
  });

  test('a relative spec resolves against cwd and baseDir is the file folder', async () => {
    const file = await writeConfig({ ...minimal, source: { path: 'weights/model.onnx' } }, 'nested/deeper/model.json');
    const loaded = await loadModelConfig(path.join('nested', 'deeper', 'model.json'), dir);
    expect(loaded.origin).toBe(file);
    expect(loaded.baseDir).toBe(path.join(dir, 'nested', 'deeper'));
    expect(loaded.config.source).toEqual({ path: 'weights/model.onnx' });
  });

  test.each<[string, unknown]>([
    ['an unpinned https url', { url: 'https://models.example.com/m.onnx' }],
    ['a url with a port and query', { url: 'https://127.0.0.1:8443/m.onnx?v=2' }],
    ['a pinned https url', { url: 'https://models.example.com/m.onnx', sha256: SHA }],
    ['a path', { path: '../models/m.onnx' }],
  ])('source: %s is accepted', async (_label, source) => {
    const file = await writeConfig({ ...minimal, source });
    expect((await loadModelConfig(file)).config.source).toEqual(source);
  });

  test('boundary values are accepted', () => {
    const { config } = parseModelConfig({ ...minimal, inputSize: 32, confidence: 0.001, iou: 1, maxDetections: 1, batchSize: 64 }, 'inline', '/');
    expect(config).toMatchObject({ inputSize: 32, confidence: 0.001, iou: 1, maxDetections: 1, batchSize: 64 });
  });

  test('a UTF-8 byte-order mark at the start of the file is tolerated', async () => {
    const file = await writeConfig(`\uFEFF${JSON.stringify(minimal)}`);
    expect((await loadModelConfig(file)).config.name).toBe('site-model');
  });
});

describe('invalid fields', () => {
  // [label, overrides merged onto a minimal valid config, field path the message must name, extra text]
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['layout yolov7', { layout: 'yolov7' }, 'layout', /yolov8/],
    ['layout missing', { layout: undefined }, 'layout', /./],
    ['name missing', { name: undefined }, 'name', /./],
    ['name empty', { name: '' }, 'name', /./],
    ['inputSize 0', { inputSize: 0 }, 'inputSize', /32/],
    ['inputSize too big', { inputSize: 8192 }, 'inputSize', /4096/],
    ['inputSize a string', { inputSize: '640' }, 'inputSize', /number/],
    ['inputSize not an integer', { inputSize: 640.5 }, 'inputSize', /int/i],
    ['confidence 1.5', { confidence: 1.5 }, 'confidence', /1/],
    ['confidence 0', { confidence: 0 }, 'confidence', /0/],
    ['confidence 1', { confidence: 1 }, 'confidence', /1/],
    ['iou 0', { iou: 0 }, 'iou', /0/],
    ['iou 1.01', { iou: 1.01 }, 'iou', /1/],
    ['maxDetections 0', { maxDetections: 0 }, 'maxDetections', /1/],
    ['batchSize 65', { batchSize: 65 }, 'batchSize', /64/],
    ['unknown extra key', { colour: 'red' }, '(root)', /colour/],
    ['source with both path and url', { source: { path: 'a.onnx', url: 'https://x.example/a.onnx' } }, 'source', /./],
    ['source empty', { source: {} }, 'source', /./],
    ['source with an unknown key', { source: { path: 'a.onnx', mirror: 'b' } }, 'source', /./],
    ['source path empty', { source: { path: '' } }, 'source.path', /./],
    ['http:// url refused', { source: { url: 'http://x.example/a.onnx' } }, 'source.url', /https:\/\//],
    ['ftp:// url refused', { source: { url: 'ftp://x.example/a.onnx' } }, 'source.url', /https:\/\//],
    ['url not a url', { source: { url: 'not a url' } }, 'source.url', /./],
    ['sha256 too short', { source: { url: 'https://x.example/a.onnx', sha256: 'abc' } }, 'source.sha256', /64/],
    ['sha256 upper case', { source: { url: 'https://x.example/a.onnx', sha256: 'A'.repeat(64) } }, 'source.sha256', /lowercase/],
    ['sha256 not hex', { source: { url: 'https://x.example/a.onnx', sha256: 'g'.repeat(64) } }, 'source.sha256', /hex/],
    ['duplicate classNames', { classNames: ['car', 'truck', 'car'] }, 'classNames', /unique/],
    ['empty classNames', { classNames: [] }, 'classNames', /./],
    ['empty class name', { classNames: ['car', ''] }, 'classNames.1', /./],
    ['executionProviders ["tpu"]', { executionProviders: ['tpu'] }, 'executionProviders.0', /cpu/],
    ['executionProviders empty', { executionProviders: [] }, 'executionProviders', /./],
    ['executionProviders a string', { executionProviders: 'cpu' }, 'executionProviders', /array/],
  ];

  test.each(cases)('%s → ConfigError naming the field and the file', async (_label, overrides, field, extra) => {
    const file = await writeConfig({ ...minimal, ...overrides });
    const error = await configError(loadModelConfig(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain(`${field}:`);
    expect(error.message).toMatch(extra);
  });

  test.each(cases)('%s → parseModelConfig names the field and the origin', (_label, overrides, field) => {
    let caught: unknown;
    try {
      parseModelConfig({ ...minimal, ...overrides }, 'inline config', '/');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toMatch(/^Invalid model config inline config: /);
    expect((caught as Error).message).toContain(`${field}:`);
  });

  test('several bad fields are all named, still on one line', async () => {
    const file = await writeConfig({ ...minimal, layout: 'yolov7', inputSize: 0, confidence: 1.5 });
    const error = await configError(loadModelConfig(file));
    for (const field of ['layout:', 'inputSize:', 'confidence:']) expect(error.message).toContain(field);
  });

  test('an unknown key whose name holds a newline still gives a one-line message', async () => {
    const file = await writeConfig({ ...minimal, 'bad\nkey': 1 });
    await configError(loadModelConfig(file));
  });

  test.each<[string, unknown]>([
    ['an array', []],
    ['null', null],
    ['a string', 'yolov8'],
    ['a number', 42],
  ])('a JSON document that is %s → ConfigError naming the file', async (_label, value) => {
    const file = await writeConfig(JSON.stringify(value));
    const error = await configError(loadModelConfig(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain('(root):');
  });
});

describe('class names holding control characters', () => {
  // [what, the character, its code point and the name as the message shows them]
  const controls: Array<[string, string, string, string]> = [
    ['a newline', '\n', 'U+000A', '"traffic\\nlight"'],
    ['a tab', '\t', 'U+0009', '"traffic\\tlight"'],
    ['a carriage return', '\r', 'U+000D', '"traffic\\rlight"'],
    ['NUL', '\u0000', 'U+0000', '"traffic\\u0000light"'],
    ['ESC', '\u001b', 'U+001B', '"traffic\\u001blight"'],
    ['DEL', '\u007f', 'U+007F', '"traffic\\u007flight"'],
    ['NEL (C1)', '\u0085', 'U+0085', '"traffic\\u0085light"'],
    ['another C1 control', '\u009b', 'U+009B', '"traffic\\u009blight"'],
    ['a line separator', '\u2028', 'U+2028', '"traffic\\u2028light"'],
    ['a paragraph separator', '\u2029', 'U+2029', '"traffic\\u2029light"'],
  ];

  test.each(controls)('%s → one-line ConfigError naming the file, the class index and the code point', async (_what, char, codePoint, shown) => {
    const file = await writeConfig({ ...minimal, classNames: ['person', `traffic${char}light`, 'car'] });
    const error = await configError(loadModelConfig(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain(`classNames.1: ${shown} holds control character ${codePoint}`);
    // eslint-disable-next-line no-control-regex
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  test('names with other characters load: spaces, punctuation, non-Latin scripts, emoji', () => {
    const classNames = ['traffic light', 'a<b&"c\'', 'voiture', '自行车', 'شاحنة', '🚗', 'x\u00a0y'];
    expect(parseModelConfig({ ...minimal, classNames }, 'inline config', '/').config.classNames).toEqual(classNames);
  });
});

describe('unreadable config files', () => {
  test('a missing file → ConfigError naming the file and listing the presets', async () => {
    const file = path.join(dir, 'does-not-exist.json');
    const error = await configError(loadModelConfig(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain('no such file');
    expect(error.message).toContain(DEFAULT_PRESET);
  });

  test('a relative missing file is reported with its absolute path', async () => {
    const error = await configError(loadModelConfig('missing.json', dir));
    expect(error.message).toContain(path.join(dir, 'missing.json'));
  });

  test('a directory → ConfigError naming it', async () => {
    const sub = path.join(dir, 'a-directory.json');
    await mkdir(sub, { recursive: true });
    const error = await configError(loadModelConfig(sub));
    expect(error.message).toContain(sub);
    expect(error.message).toContain('directory');
  });

  test.each<[string, string]>([
    ['truncated JSON', '{"name": "m", "layout": '],
    ['a trailing comma', '{"name": "m", "layout": "yolov8",}'],
    ['an empty file', ''],
    ['YAML instead of JSON', 'name: m\nlayout: yolov8\n'],
    ['a multi-line broken document', '{\n  "name": "m",\n  "layout": yolov8\n}\n'],
  ])('%s → ConfigError naming the file, one line', async (_label, text) => {
    const file = await writeConfig(text);
    const error = await configError(loadModelConfig(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain('not valid JSON');
  });
});
