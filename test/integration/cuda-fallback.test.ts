/**
 * Asking for CUDA where it cannot load (this machine: onnxruntime-node installed without its CUDA
 * libraries, no GPU) gives exactly one warning of ours and no line from onnxruntime's native logger,
 * then the run finishes on the CPU and says so in the manifest and the report. The built CLI runs in a
 * child process so that its whole stderr, native lines included, is captured.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from '@jest/globals';

import { cudaDecodeWorks } from '../../src/media/ffmpeg.js';
import { locateFfmpegTools, withVersions } from '../../src/media/tools.js';
import type { RunManifest } from '../../src/pipeline/write/manifest.js';
import { colourBoxModel, makeModelDir } from '../support/onnx-builder.js';
import { makeVideo, tempDir } from '../support/videos.js';

const run = promisify(execFile);
let dir: string;
let cleanup: () => Promise<void>;
let models: Awaited<ReturnType<typeof makeModelDir>>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  models = await makeModelDir();
});

afterAll(async () => {
  await cleanup();
  await models.cleanup();
});

test('--execution-providers cuda,cpu without CUDA: one warning, no native error line, CPU recorded', async () => {
  const model = await models.write('box.onnx', colourBoxModel('batch'));
  const config = path.join(dir, 'box.json');
  await writeFile(config, JSON.stringify({ name: 'box', layout: 'yolov8', inputSize: 32, classNames: ['a', 'b'] }));
  const video = await makeVideo(path.join(dir, 'clip.mp4'), { frames: 20, fps: 10 });
  const out = path.join(dir, 'out');
  const { stderr } = await run(
    'node',
    ['bin/dataset-gen.js', 'run', '--video', video, '--out', out, '--model', model, '--model-config', config, '--execution-providers', 'cuda,cpu'],
    { env: { ...process.env, NO_COLOR: '1' } },
  );
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  const warnings = lines.filter((line) => /\bwarn/i.test(line));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/CUDA execution provider unavailable \(.+\); running model .*box\.onnx on CPU/);
  expect(stderr).not.toMatch(/onnxruntime:|\[E:|provider_bridge/);
  expect(stderr).not.toContain(`${String.fromCharCode(27)}[1;31m`); // the native logger's red
  expect(lines.some((line) => /running on cpu/.test(line))).toBe(true);
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as RunManifest;
  expect(manifest.runtime.executionProviders).toEqual(['cpu']);
  expect(manifest.config.executionProviders).toEqual(['cuda', 'cpu']);
  expect(manifest.runtime.decoder).toBe('cpu');
  expect(await readFile(path.join(out, 'report.md'), 'utf8')).toContain('| Execution providers | cpu |');
}, 120_000);

// Without a CUDA driver (this machine), ffmpeg's -hwaccel cuda fails outright rather than falling back,
// so it is tried first: the answer here is "no", with ffmpeg's reason, and decoding stays on the CPU.
test('the GPU decoder is tried at run time and refused here with its reason', async () => {
  const video = await makeVideo(path.join(dir, 'probe.mp4'), { frames: 5 });
  const tools = await withVersions(locateFfmpegTools());
  const { works, reason } = await cudaDecodeWorks(tools, video);
  if (works) {
    expect(reason).toBe('');
  } else {
    expect(reason).toMatch(/cuda|device/i);
    expect(reason).not.toMatch(/^\[/);
  }
}, 60_000);
