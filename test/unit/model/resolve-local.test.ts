/** Model weights from files: an explicit path, a config's source.path, and the cache folder's default. */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { loadModelConfig } from '../../../src/model/config.js';
import { defaultCacheDir, EXPORT_HINT, resolveModel, type ResolvedModel } from '../../../src/model/resolve-model.js';
import { withEnv } from '../../support/env.js';
import { configWith, fakeModel, modelError, sha256, tempFolders, type TempFolders } from '../../support/model-files.js';

let folders: TempFolders;

beforeAll(async () => {
  folders = await tempFolders('dataset-gen-resolve-local-');
});

afterAll(async () => {
  await folders.remove();
});

describe('local weights', () => {
  test('an explicit path wins over a config source.path', async () => {
    const dir = await folders.fresh('explicit');
    const explicit = path.join(dir, 'explicit.onnx');
    const other = path.join(dir, 'other.onnx');
    const bytes = fakeModel();
    await writeFile(explicit, bytes);
    await writeFile(other, fakeModel());
    const resolved = await resolveModel(configWith(folders.root, { path: other }), { modelPath: explicit });
    expect(resolved).toEqual({
      path: explicit,
      sha256: sha256(bytes),
      origin: 'option',
      url: null,
      pinned: false,
    } satisfies ResolvedModel);
  });

  test('an explicit path with --model-sha256 is verified', async () => {
    const dir = await folders.fresh('explicit-pinned');
    const explicit = path.join(dir, 'pinned.onnx');
    const bytes = fakeModel();
    await writeFile(explicit, bytes);
    const ok = await resolveModel(configWith(folders.root), { modelPath: explicit, modelSha256: sha256(bytes) });
    expect(ok).toMatchObject({ origin: 'option', pinned: true });
    const error = await modelError(resolveModel(configWith(folders.root), { modelPath: explicit, modelSha256: 'c'.repeat(64) }));
    expect(error.message).toContain(`sha256 is ${sha256(bytes)}, expected ${'c'.repeat(64)}`);
  });

  test('an explicit path wins over a config source.url (nothing is downloaded)', async () => {
    const dir = await folders.fresh('explicit-url');
    const explicit = path.join(dir, 'explicit.onnx');
    await writeFile(explicit, fakeModel());
    const cacheDir = path.join(dir, 'cache');
    // Port 9 (discard) on localhost: a download attempt would fail, so success proves none was made.
    const loaded = configWith(folders.root, { url: 'https://127.0.0.1:9/never.onnx', sha256: 'b'.repeat(64) });
    const resolved = await resolveModel(loaded, { modelPath: explicit, cacheDir });
    expect(resolved.origin).toBe('option');
    await expect(readdir(cacheDir)).rejects.toThrow();
  });

  test('an explicit path wins when the config has no source at all', async () => {
    const dir = await folders.fresh('explicit-nosource');
    const explicit = path.join(dir, 'm.onnx');
    await writeFile(explicit, fakeModel());
    expect((await resolveModel(configWith(folders.root), { modelPath: explicit })).origin).toBe('option');
  });

  test('a missing explicit path → ModelError naming the path, with the export hint', async () => {
    const dir = await folders.fresh('missing');
    const missing = path.join(dir, 'nope.onnx');
    const error = await modelError(resolveModel(configWith(folders.root, { path: missing }), { modelPath: missing }));
    expect(error.message).toContain(missing);
    expect(error.message).toContain('does not exist');
    expect(error.message).toContain('--model');
    expect(error.message).toContain(EXPORT_HINT);
    expect(error.message).toContain('yolo export model=yolov8n.pt format=onnx');
  });

  test('an empty explicit file → ModelError saying it is empty', async () => {
    const dir = await folders.fresh('empty');
    const empty = path.join(dir, 'empty.onnx');
    await writeFile(empty, Buffer.alloc(0));
    const error = await modelError(resolveModel(configWith(folders.root), { modelPath: empty }));
    expect(error.message).toContain(empty);
    expect(error.message).toMatch(/empty \(0 bytes\)/);
  });

  test('a directory as explicit path → ModelError saying it is not a file', async () => {
    const dir = await folders.fresh('directory');
    const folder = path.join(dir, 'model.onnx');
    await mkdir(folder);
    const error = await modelError(resolveModel(configWith(folders.root), { modelPath: folder }));
    expect(error.message).toContain(folder);
    expect(error.message).toContain('not a file');
  });

  test('config source.path is resolved relative to the config file folder, not the cwd', async () => {
    const dir = await folders.fresh('config-path');
    const configDir = path.join(dir, 'configs', 'site');
    await mkdir(path.join(dir, 'configs', 'weights'), { recursive: true });
    await mkdir(configDir, { recursive: true });
    const bytes = fakeModel();
    const weights = path.join(dir, 'configs', 'weights', 'site.onnx');
    await writeFile(weights, bytes);
    const configFile = path.join(configDir, 'model.json');
    await writeFile(configFile, JSON.stringify({ name: 'site', layout: 'yolov8', source: { path: '../weights/site.onnx' } }));
    // A different cwd: the path must not be taken relative to it.
    const loaded = await loadModelConfig(path.relative(os.tmpdir(), configFile), os.tmpdir());
    const resolved = await resolveModel(loaded, { modelPath: null });
    expect(resolved).toEqual({
      path: weights,
      sha256: sha256(bytes),
      origin: 'config-path',
      url: null,
      pinned: false,
    } satisfies ResolvedModel);
  });

  test('an absolute config source.path is used as is', async () => {
    const dir = await folders.fresh('config-abs');
    const weights = path.join(dir, 'abs.onnx');
    await writeFile(weights, fakeModel());
    const resolved = await resolveModel(configWith('/somewhere/else', { path: weights }, 'cfg'), { modelPath: null });
    expect(resolved.path).toBe(weights);
    expect(resolved.origin).toBe('config-path');
  });

  test('a missing config source.path → ModelError naming the resolved path and the config', async () => {
    const dir = await folders.fresh('config-missing');
    const error = await modelError(resolveModel(configWith(dir, { path: 'gone.onnx' }, '/cfg/model.json'), { modelPath: null }));
    expect(error.message).toContain(path.join(dir, 'gone.onnx'));
    expect(error.message).toContain('/cfg/model.json');
    expect(error.message).toContain(EXPORT_HINT);
  });

  test.each<[string, string | null]>([
    ['modelPath null', null],
    ['modelPath empty string', ''],
  ])('no source and no path (%s) → ModelError saying how to supply weights', async (_label, modelPath) => {
    const error = await modelError(resolveModel(configWith(folders.root, undefined, 'preset "yolov8n-coco"'), { modelPath }));
    expect(error.message).toContain('preset "yolov8n-coco"');
    expect(error.message).toContain('--model');
    expect(error.message).not.toContain('DATASET_GEN_MODEL');
    expect(error.message).toContain('"source"');
    expect(error.message).toContain('yolo export model=yolov8n.pt format=onnx');
  });

  test("the message names the door's own spelling and environment variable when the door gives them", async () => {
    const names = { model: 'input "model"', sha256: 'input "model-sha256"', env: 'DATASET_GEN_MODEL' };
    const error = await modelError(resolveModel(configWith(folders.root, undefined, 'preset "yolov8n-coco"'), { modelPath: null, names }));
    expect(error.message).toContain('pass input "model" path/to/model.onnx (or set DATASET_GEN_MODEL)');
    expect(error.message).not.toContain('--model');
  });

  test('defaultCacheDir honours DATASET_GEN_CACHE, else ~/.cache/dataset-gen', () => {
    withEnv({ DATASET_GEN_CACHE: '/tmp/custom-cache' }, () => expect(defaultCacheDir()).toBe('/tmp/custom-cache'));
    withEnv({ DATASET_GEN_CACHE: undefined }, () => expect(defaultCacheDir()).toBe(path.join(os.homedir(), '.cache', 'dataset-gen')));
  });
});
