import { createHash } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { actionName } from '../../../../src/action/inputs.js';
import { cliName, type Options } from '../../../../src/domain/run-options.js';
import { resolveOptions } from '../../../../src/options/resolve-options.js';
import {
  changedFinishedVideos,
  CHECKPOINT_FILE,
  CheckpointWriter,
  identityDifferences,
  readCheckpoint,
  runIdentity,
  type FinishedVideo,
  type RunIdentity,
} from '../../../../src/pipeline/output/checkpoint.js';
import { tempDir } from '../../../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

const MODEL_CONFIG = {
  name: 'yolov8n-coco',
  layout: 'yolov8',
  inputSize: 640,
  classNames: ['person', 'car'],
  confidence: 0.25,
  iou: 0.45,
  maxDetections: 300,
  executionProviders: ['cpu'],
} as const;

function identity(raw: Parameters<typeof resolveOptions>[0] = {}): RunIdentity {
  const options: Options = resolveOptions({ video: ['/v/cam0.mp4', '/v/cam1.mp4'], out: '/d/ds', ...raw }, cliName, '/');
  return runIdentity({
    options,
    tool: '0.1.0',
    ffmpeg: 'ffmpeg version 5.1',
    modelConfig: {
      ...MODEL_CONFIG,
      classNames: [...MODEL_CONFIG.classNames],
      executionProviders: ['cpu'],
      source: { url: 'https://models.test/w.onnx?token=secret' },
    } as never,
    modelSha256: 'c'.repeat(64),
    videos: options.videos.map((file) => ({ path: file, stem: path.basename(file, '.mp4') })),
    labelled: options.exclude.map((file) => ({ path: file, sha256: 'd'.repeat(64) })),
  });
}

function finished(index: number): FinishedVideo {
  const stem = `cam${index}`;
  return {
    index,
    record: { sha256: 'a'.repeat(64), decode: { mode: 'all', reason: 'asked for' }, framesDecoded: 40, decodeErrors: 0 },
    frames: [
      {
        video: stem,
        frameIndex: 0,
        timestampMs: 0,
        outcome: 'kept',
        lumaMean: 118.5,
        blurScore: 467.8,
        phashDistance: null,
        localChange: null,
        detections: 1,
        inferenceMs: 73.1,
        imageFile: `${stem}_000000.jpg`,
      },
      {
        video: stem,
        frameIndex: 5,
        timestampMs: 500,
        outcome: 'dropped',
        reason: 'duplicate',
        lumaMean: 118.8,
        blurScore: 457.9,
        phashDistance: 1,
        localChange: 4.5,
      },
    ],
    kept: [
      {
        file: `${stem}_000000.jpg`,
        video: stem,
        frameIndex: 0,
        timestampMs: 0,
        decode: 'sequential',
        width: 768,
        height: 576,
        detections: [{ classIndex: 0, className: 'person', score: 0.8312345678901234, box: { x: 1 / 3, y: 2.5, width: 10.125, height: 20 } }],
      },
    ],
    features: [[`${stem}_000000.jpg`, { phash: '01'.repeat(32), tiles: Array.from({ length: 48 }, (_, i) => i + 0.5) }]],
    stageMs: { probe: 0, extract: 10.25, quality: 1, dedup: 0.5, detect: 80, write: 3 },
  };
}

describe('the checkpoint', () => {
  test('reads back exactly what was written, numbers included, and holds no model URL', async () => {
    const writer = await CheckpointWriter.create(dir, { identity: identity(), finished: [] });
    await writer.add(finished(0));
    await writer.add(finished(1));
    expect(writer.finished).toBe(2);
    expect(await readCheckpoint(dir)).toEqual({ identity: identity(), finished: [finished(0), finished(1)] });
    expect(await readFile(path.join(dir, CHECKPOINT_FILE), 'utf8')).not.toContain('token');
  });

  test('a line torn by a kill, or altered, ends it: the lines before it count, none after', async () => {
    const writer = await CheckpointWriter.create(dir, { identity: identity(), finished: [finished(0)] });
    const file = writer.file;
    const whole = await readFile(file, 'utf8');
    const line = `${(await readFile(file, 'utf8')).split('\n')[1]!.replace('"index":0', '"index":1')}`;
    await appendFile(file, line.slice(0, 200));
    expect((await readCheckpoint(dir))?.finished).toEqual([finished(0)]);
    await writeFile(file, `${whole}${line}\n`);
    expect((await readCheckpoint(dir))?.finished).toEqual([finished(0)]);
    await writeFile(file, whole.replace('"framesDecoded":40', '"framesDecoded":41'));
    expect((await readCheckpoint(dir))?.finished).toEqual([]);
    await writeFile(file, whole.slice(0, 30));
    expect(await readCheckpoint(dir)).toBeNull();
  });

  test('a line edited with its sha256 recomputed is read only when it holds what a run writes: no path reaches outside the staging folder', async () => {
    const signed = (value: unknown): string => {
      const json = JSON.stringify(value);
      return `${createHash('sha256').update(json).digest('hex')} ${json}\n`;
    };
    const header = signed({ kind: 'header', version: 2, identity: identity() });
    const forged = (edit: (video: FinishedVideo) => void): string => {
      const video = finished(0);
      edit(video);
      return signed({ kind: 'video', video });
    };
    const file = path.join(dir, CHECKPOINT_FILE);
    for (const edit of [
      (v: FinishedVideo) => (v.kept[0]!.file = '../../evil.jpg'),
      (v: FinishedVideo) => (v.kept[0]!.video = '../cam0'),
      (v: FinishedVideo) => ((v.frames[0] as { imageFile: string }).imageFile = '/etc/passwd'),
      (v: FinishedVideo) => ((v.record as { framesDecoded: unknown }).framesDecoded = 'many'),
    ]) {
      await writeFile(file, `${header}${forged(edit)}`);
      expect((await readCheckpoint(dir))?.finished).toEqual([]);
    }
    // A detection edited into a well-formed line is read: the checkpoint is not signed (docs/security.md).
    await writeFile(file, `${header}${forged((v) => (v.kept[0]!.detections[0]!.score = 0.99))}`);
    expect((await readCheckpoint(dir))?.finished[0]?.kept[0]?.detections[0]?.score).toBe(0.99);
    await writeFile(file, signed({ kind: 'header', version: 2, identity: { ...identity(), videos: 'all' } }));
    expect(await readCheckpoint(dir)).toBeNull();
  });

  test('no checkpoint file: nothing to resume', async () => {
    expect(await readCheckpoint(path.join(dir, 'nowhere'))).toBeNull();
  });
});

describe('what differs between the interrupted run and this one', () => {
  test('the same options and inputs: nothing (paths of the output and speed settings aside)', () => {
    expect(identityDifferences(identity(), identity({ 'inference-workers': '1', 'history-csv': 'h.csv', overwrite: true, resume: true }), cliName)).toEqual([]);
  });

  test('each option named as its door spells it, with the values then and now', () => {
    expect(identityDifferences(identity(), identity({ 'sample-fps': '2', 'blur-ratio': '0.2', classes: 'car' }), cliName)).toEqual([
      '--sample-fps / --every-n-frames (was {"mode":"fps","fps":1}, now {"mode":"fps","fps":2})',
      '--classes (was null, now ["car"])',
      '--blur-ratio (was 0.4, now 0.2)',
    ]);
    expect(identityDifferences(identity(), identity({ 'jpeg-quality': '80' }), actionName)).toEqual(['input "jpeg-quality" (was 90, now 80)']);
    expect(identityDifferences(identity(), identity({ 'inference-shape': 'square' }), actionName)).toEqual([
      'input "inference-shape" (was "auto", now "square")',
    ]);
    expect(identityDifferences(identity(), identity({ decode: 'all', 'dedup-local-threshold': '30' }), cliName)).toEqual([
      '--decode (was "auto", now "all")',
      '--dedup-local-threshold (was 20, now 30)',
    ]);
  });

  test('the frames already labelled: a source added, or its content changed', () => {
    expect(identityDifferences(identity(), identity({ exclude: ['/l/round-1'] }), cliName)).toEqual(['--exclude (was none, now round-1 dddddddddddd…)']);
    const edited = identity({ exclude: ['/l/round-1'] });
    edited.labelled[0]!.sha256 = 'e'.repeat(64);
    expect(identityDifferences(identity({ exclude: ['/l/round-1'] }), edited, actionName)).toEqual([
      'input "exclude" (was round-1 dddddddddddd…, now round-1 eeeeeeeeeeee…)',
    ]);
  });

  test('every option field of the identity has a name for messages', () => {
    const saved = identity();
    for (const field of Object.keys(saved.options)) {
      const changed = { ...saved, options: { ...saved.options, [field]: '__changed__' } } as RunIdentity;
      const differences = identityDifferences(saved, changed, cliName);
      expect({ field, named: differences.length > 0 && differences.every((d) => d.startsWith('--')) }).toEqual({ field, named: true });
    }
  });

  test('a finished video whose file changed, by its path; unfinished ones are not hashed', async () => {
    const hashed: number[] = [];
    const now =
      (sha: Record<number, string>) =>
      async (index: number): Promise<string> => {
        hashed.push(index);
        return sha[index]!;
      };
    expect(await changedFinishedVideos([finished(0)], identity(), now({ 0: 'a'.repeat(64) }))).toEqual([]);
    const cam1 = { ...finished(1), record: { ...finished(1).record, sha256: 'b'.repeat(64) } };
    expect(await changedFinishedVideos([finished(0), cam1], identity(), now({ 0: 'a'.repeat(64), 1: 'e'.repeat(64) }))).toEqual([
      'video /v/cam1.mp4 (its content changed: sha256 bbbbbbbbbbbb… then, eeeeeeeeeeee… now)',
    ]);
    expect(hashed).toEqual([0, 0, 1]);
  });

  test('another list of videos; the weights, config, tool versions', () => {
    expect(identityDifferences(identity(), identity({ video: ['/v/cam0.mp4'] }), cliName)).toEqual(['--video (was cam0.mp4, cam1.mp4, now cam0.mp4)']);
    const other = {
      ...identity(),
      modelSha256: 'f'.repeat(64),
      tool: '0.2.0',
      ffmpeg: 'ffmpeg version 6',
      modelConfig: { ...identity().modelConfig, inputSize: 320 },
    };
    expect(identityDifferences(identity(), other, cliName)).toEqual([
      'the model weights (--model: sha256 cccccccccccc… then, ffffffffffff… now)',
      'the model config (--model-config, or its overrides)',
      'the dataset-gen version (0.1.0 then, 0.2.0 now)',
      'the ffmpeg version (ffmpeg version 5.1 then, ffmpeg version 6 now)',
    ]);
  });
});
