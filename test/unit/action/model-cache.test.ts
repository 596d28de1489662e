/** The model-cache decisions: key, folder, when to restore and when to save. */
import { describe, expect, test } from '@jest/globals';

import { enableCacheServiceV2, modelCacheDir, modelCacheKey, restoreModelCache, shouldSaveModelCache } from '../../../src/action/model-cache.js';
import { sha256Text } from '../../../src/model/sha256.js';
import { resolveOptions } from '../../../src/options/resolve-options.js';
import { withEnv } from '../../support/env.js';
import { stdoutOf } from '../../support/stdout.js';

describe('model cache decisions', () => {
  const url = 'https://models.example.com/yolov8n.onnx';

  test('the key is the pinned sha256, else the sha256 of the URL', () => {
    expect(modelCacheKey(url, 'a'.repeat(64))).toBe(`dataset-gen-model-${'a'.repeat(64)}`);
    expect(modelCacheKey(url, null)).toBe(`dataset-gen-model-${sha256Text(url)}`);
  });

  test('the folder is fixed under RUNNER_TEMP', () => {
    expect(modelCacheDir({ RUNNER_TEMP: '/home/runner/work/_temp' })).toBe('/home/runner/work/_temp/dataset-gen-models');
  });

  const servers: [string | undefined, string | undefined, boolean][] = [
    ['http://results.example/', undefined, true],
    ['http://results.example/', 'https://github.com', true],
    ['http://results.example/', 'https://octo.ghe.com', true],
    ['http://results.example/', 'https://git.example.com', false],
    [undefined, 'https://github.com', false],
  ];
  test.each(servers)('ACTIONS_RESULTS_URL %s and server %s: v2 set %s', (results, server, set) => {
    const env: NodeJS.ProcessEnv = { ACTIONS_RESULTS_URL: results, GITHUB_SERVER_URL: server };
    expect(enableCacheServiceV2(env)).toBe(set);
    expect(env.ACTIONS_CACHE_SERVICE_V2).toBe(set ? 'true' : undefined);
  });

  test('a save is due only after a download that the cache missed', () => {
    const state = { dir: '/d', key: 'k', restored: false };
    expect(shouldSaveModelCache(state, 'download')).toBe(true);
    expect(shouldSaveModelCache(state, 'cache')).toBe(false);
    expect(shouldSaveModelCache({ ...state, restored: true }, 'download')).toBe(false);
    expect(shouldSaveModelCache({ ...state, key: null }, 'download')).toBe(false);
  });

  const pin = 'a'.repeat(64);
  const skips: [string, string | undefined, string | undefined, boolean, NodeJS.ProcessEnv, string][] = [
    ['a model file', 'm.onnx', undefined, true, {}, 'Model cache not used: the model is not downloaded from a URL'],
    ['the preset without a source', undefined, undefined, true, {}, 'Model cache not used: the model is not downloaded from a URL'],
    ['cache-model false', url, pin, false, {}, 'Model cache not used: input "cache-model" is false'],
    ['an unpinned URL (a hit could not be verified)', url, undefined, true, {}, 'Model cache not used: the model URL has no pinned sha256'],
    ['no cache service', url, pin, true, { RUNNER_TEMP: '/t' }, 'Model cache not used: the Actions cache service is not available here'],
  ];
  test.each(skips)('skipped for %s, with an info line', async (_label, model, sha256, enabled, env, line) => {
    const options = resolveOptions({ video: ['v.mp4'], out: 'o', model, 'model-sha256': sha256 }, undefined, '/ws');
    await withEnv({ ACTIONS_RESULTS_URL: undefined, ACTIONS_CACHE_URL: undefined }, async () => {
      let state;
      const out = await stdoutOf(async () => {
        state = await restoreModelCache(options, enabled, env);
      });
      expect(out).toContain(line);
      expect(state).toEqual({ dir: modelCacheDir(env), key: null, restored: false });
    });
  });
});
