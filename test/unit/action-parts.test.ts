/**
 * The Action's small parts: quality gates, outputs, the Actions logger, failing for any thrown value,
 * the model-cache decisions and the glob helpers. What reaches the runner is read from stdout.
 */
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { Input, Output } from '../../src/action/constants.js';
import { enforceGates, evaluateGates } from '../../src/action/gates.js';
import { createActionsLogger, formatLine } from '../../src/action/logger.js';
import { enableCacheServiceV2, modelCacheDir, modelCacheKey, restoreModelCache, shouldSaveModelCache } from '../../src/action/model-cache.js';
import { actionOutputs, workspacePath } from '../../src/action/outputs.js';
import { fail } from '../../src/action/run.js';
import { escapeGlob, rootPattern } from '../../src/action/video-paths.js';
import { ModelError, QualityGateError, UsageError } from '../../src/errors.js';
import type { RunMetrics } from '../../src/observe/metrics.js';
import { resolveOptions } from '../../src/options.js';
import { sha256Text } from '../../src/model/sha256.js';

/** Runs fn with process.stdout captured (the toolkit writes workflow commands there). */
async function stdoutOf(fn: () => unknown): Promise<string> {
  let output = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    await fn();
    return output;
  } finally {
    spy.mockRestore();
  }
}

function metrics(images: number, frameDropRatio: number): RunMetrics {
  return { images, frameDropRatio, detections: { total: 7 } } as unknown as RunMetrics;
}

describe('quality gates', () => {
  test('0 images and a ratio of 1 turn the gates off', () => {
    expect(evaluateGates(metrics(0, 1), { minImages: 0, maxDropRatio: 1 })).toEqual([]);
  });

  const cases: [string, number, number, { minImages: number; maxDropRatio: number }, RegExp | null][] = [
    ['enough images', 30, 0.1, { minImages: 30, maxDropRatio: 1 }, null],
    ['too few images', 3, 0.1, { minImages: 1000, maxDropRatio: 1 }, /^Quality gate missed: the dataset has 3 images; input "min-images" asks for at least 1000; inspect here$/],
    ['drop ratio at the limit', 30, 0.25, { minImages: 0, maxDropRatio: 0.25 }, null],
    ['too many dropped', 30, 0.7321, { minImages: 0, maxDropRatio: 0.5 }, /73\.2 % of the sampled frames were dropped \(drop ratio 0\.7321\); input "max-drop-ratio" allows at most 0\.5 \(50\.0 %\)/],
    ['both missed', 3, 0.9, { minImages: 10, maxDropRatio: 0.5 }, /input "min-images" asks for at least 10; and 90\.0 % .* input "max-drop-ratio"/],
  ];
  test.each(cases)('%s', (_label, images, ratio, gates, message) => {
    const results = evaluateGates(metrics(images, ratio), gates);
    if (message === null) {
      expect(results.every((r) => r.passed)).toBe(true);
      expect(() => enforceGates(results, 'inspect here')).not.toThrow();
    } else {
      expect(() => enforceGates(results, 'inspect here')).toThrow(QualityGateError);
      expect(() => enforceGates(results, 'inspect here')).toThrow(message);
    }
  });

  test('a missed gate exits with code 8', () => {
    const error = (() => {
      try {
        enforceGates(evaluateGates(metrics(1, 0), { minImages: 2, maxDropRatio: 1 }));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect((error as QualityGateError).exitCode).toBe(8);
  });
});

describe('outputs', () => {
  test('paths are relative to the workspace, with "/"', () => {
    expect(workspacePath('/ws/dataset', '/ws')).toBe('dataset');
    expect(workspacePath('/ws/a/b/instances.json', '/ws')).toBe('a/b/instances.json');
    expect(workspacePath('/ws', '/ws')).toBe('.');
    expect(workspacePath('/elsewhere/dataset', '/ws')).toBe('/elsewhere/dataset');
    expect(workspacePath('/ws/..data/x', '/ws')).toBe('..data/x');
  });

  test('every output has a value', () => {
    const result = {
      metrics: metrics(30, 0.125),
      outDir: '/ws/dataset',
      files: {
        coco: '/ws/dataset/annotations/instances.json', images: '/ws/dataset/images', metrics: '/ws/dataset/metrics.json',
        metricsCsv: '/ws/dataset/metrics.csv', report: '/ws/dataset/report.md', reportHtml: '/ws/dataset/report.html', prometheus: '/ws/dataset/metrics.prom', manifest: '/ws/dataset/manifest.json',
      },
    };
    expect(actionOutputs(result, '/ws', { id: 17, url: 'https://x/17' })).toEqual({
      [Output.ImageCount]: '30',
      [Output.DetectionCount]: '7',
      [Output.DropRatio]: '0.125',
      [Output.DatasetDir]: 'dataset',
      [Output.CocoPath]: 'dataset/annotations/instances.json',
      [Output.ReportPath]: 'dataset/report.md',
      [Output.ManifestPath]: 'dataset/manifest.json',
      [Output.ArtifactId]: '17',
      [Output.ArtifactUrl]: 'https://x/17',
    });
    expect(actionOutputs(result, '/ws', null)).toMatchObject({ [Output.ArtifactId]: '', [Output.ArtifactUrl]: '' });
  });
});

describe('the Actions logger', () => {
  const savedDebug = process.env.RUNNER_DEBUG;
  afterEach(() => {
    if (savedDebug === undefined) delete process.env.RUNNER_DEBUG;
    else process.env.RUNNER_DEBUG = savedDebug;
  });

  test('formats fields as key=value on one line', () => {
    expect(formatLine('probed a.mp4', { video: 'a', n: 3, note: 'two words', nothing: undefined })).toBe('probed a.mp4 video=a n=3 note="two words"');
    expect(formatLine('x\ny\r\u001b', { v: 'a\nb' })).toBe('x\\ny\\r\\u001b v="a\\nb"');
  });

  test('info is a plain line, warnings and errors are annotations, debug only with RUNNER_DEBUG', async () => {
    delete process.env.RUNNER_DEBUG;
    const logger = createActionsLogger().child({ site: 'north-gate' });
    const out = await stdoutOf(() => {
      logger.debug('hidden');
      logger.info('hello');
      logger.warn('careful', { video: 'cam 1' });
      logger.error('broken');
    });
    expect(out.split('\n')).toEqual([
      'hello site=north-gate',
      '::warning::careful site=north-gate video="cam 1"',
      '::error::broken site=north-gate',
      '',
    ]);
    process.env.RUNNER_DEBUG = '1';
    expect(await stdoutOf(() => createActionsLogger().debug('shown'))).toBe('::debug::shown\n');
  });

  test('no message can start a workflow command', async () => {
    delete process.env.RUNNER_DEBUG;
    const logger = createActionsLogger();
    const out = await stdoutOf(() => {
      logger.info('::add-mask::secret');
      logger.info('file a\n::stop-commands::x.mp4');
    });
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  });
});

describe('fail', () => {
  const savedExitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = savedExitCode;
  });

  const cases: [string, unknown, string, number][] = [
    ['a usage error', new UsageError('Expected x for input "y" but received "z"'), 'Expected x for input "y" but received "z"', 2],
    ['a model error', new ModelError('no weights'), 'no weights', 4],
    ['a quality gate', new QualityGateError('missed'), 'missed', 8],
    ['a plain Error', new TypeError('boom'), 'boom', 1],
    ['a string', 'just text', 'just text', 1],
    ['an object with a message', { message: 'from another realm' }, 'from another realm', 1],
    ['a number', 42, '42', 1],
    ['undefined', undefined, 'nothing', 1],
    ['null', null, 'null', 1],
  ];
  test.each(cases)('%s', async (_label, thrown, message, exitCode) => {
    const out = await stdoutOf(() => fail(thrown));
    expect(out).toContain(`::error::${message}`);
    expect(process.exitCode).toBe(exitCode);
  });
});

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

  const skips: [string, string | undefined, boolean, NodeJS.ProcessEnv, string][] = [
    ['a model file', 'm.onnx', true, {}, 'Model cache not used: the model is not downloaded from a URL'],
    ['the preset without a source', undefined, true, {}, 'Model cache not used: the model is not downloaded from a URL'],
    ['cache-model false', url, false, {}, 'Model cache not used: input "cache-model" is false'],
    ['no cache service', url, true, { RUNNER_TEMP: '/t' }, 'Model cache not used: the Actions cache service is not available here'],
  ];
  test.each(skips)('skipped for %s, with an info line', async (_label, model, enabled, env, line) => {
    const options = resolveOptions({ video: ['v.mp4'], out: 'o', model }, undefined, '/ws');
    const saved = { ACTIONS_RESULTS_URL: process.env.ACTIONS_RESULTS_URL, ACTIONS_CACHE_URL: process.env.ACTIONS_CACHE_URL };
    delete process.env.ACTIONS_RESULTS_URL;
    delete process.env.ACTIONS_CACHE_URL;
    try {
      let state;
      const out = await stdoutOf(async () => {
        state = await restoreModelCache(options, enabled, env);
      });
      expect(out).toContain(line);
      expect(state).toEqual({ dir: modelCacheDir(env), key: null, restored: false });
    } finally {
      for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
    }
  });
});

describe('glob helpers', () => {
  test('escapeGlob makes a literal path', () => {
    expect(escapeGlob('/ws/[a] b?c*d\\e')).toBe('/ws/[[]a] b[?]c[*]d\\\\e');
  });

  test('rootPattern resolves the literal folders against the root', () => {
    expect(rootPattern('videos/*.mp4', '/ws')).toBe('/ws/videos/*.mp4');
    expect(rootPattern('*.mp4', '/ws')).toBe('/ws/*.mp4');
    expect(rootPattern('../up/**/*.mp4', '/ws/repo')).toBe('/ws/up/**/*.mp4');
    expect(rootPattern('/abs/*.mp4', '/ws')).toBe('/abs/*.mp4');
    expect(rootPattern('/*.mp4', '/ws')).toBe('/*.mp4');
    expect(rootPattern('[ab]/*.mp4', '/w[x]')).toBe('/w[[]x]/[ab]/*.mp4');
    expect(rootPattern('plain.mp4', '/w?')).toBe('/w[?]/plain.mp4');
  });

  test('Input and Output names are kebab-case', () => {
    for (const name of [...Object.values(Input), ...Object.values(Output)]) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
