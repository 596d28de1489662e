/**
 * Bad input through the built CLI: one line naming the input and the problem, a documented exit
 * code, no stack trace, and no output folder left behind.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { EXIT_CODES } from '../../src/errors.js';
import { encodeModel, flattenModel } from '../support/onnx-builder.js';
import { DEMO_VIDEO, makeAudioOnly, makeTextFile, makeTruncated, makeVideo, MODEL, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let video: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  video = await makeVideo(path.join(dir, 'ok.mp4'), { frames: 10 });
  await mkdir(path.join(dir, 'a-folder.mp4'));
  await writeFile(path.join(dir, 'empty.mp4'), '');
  await makeTextFile(path.join(dir, 'text.mp4'));
  await makeAudioOnly(path.join(dir, 'audio.m4a'));
  await makeTruncated(DEMO_VIDEO, path.join(dir, 'truncated.mp4'), 0.3);
  await writeFile(path.join(dir, 'bad-config.json'), JSON.stringify({ name: 'x', layout: 'yolov7' }));
  await writeFile(path.join(dir, 'no-source.json'), JSON.stringify({ name: 'site-model', layout: 'yolov8' }));
  await writeFile(path.join(dir, 'not-a-model.onnx'), 'text');
  await writeFile(path.join(dir, 'flatten.onnx'), encodeModel(flattenModel()));
  await writeFile(path.join(dir, 'flatten.json'), JSON.stringify({ name: 'flat', layout: 'yolov8', inputSize: 32, classNames: ['a'] }));
  await mkdir(path.join(dir, 'full'));
  await writeFile(path.join(dir, 'full', 'keep.txt'), 'x');
}, 60_000);
afterAll(() => cleanup());

interface Outcome {
  code: number;
  stderr: string;
}

function cli(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile('node', ['bin/dataset-gen.js', ...args], { env: { ...process.env, DATASET_GEN_MODEL: '' } }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stderr });
    });
  });
}

const at = (name: string): string => path.join(dir, name);

describe('bad input', () => {
  test.each<[string, () => string[], number, RegExp]>([
    ['missing video', () => ['--video', at('nope.mp4')], EXIT_CODES.video, /Video .*nope\.mp4 does not exist/],
    ['a directory', () => ['--video', at('a-folder.mp4')], EXIT_CODES.video, /Video .*a-folder\.mp4 is a directory/],
    ['an empty file', () => ['--video', at('empty.mp4')], EXIT_CODES.video, /Video .*empty\.mp4 is empty/],
    ['a text file named .mp4', () => ['--video', at('text.mp4')], EXIT_CODES.video, /Video .*text\.mp4 is not a decodable video/],
    ['audio only', () => ['--video', at('audio.m4a')], EXIT_CODES.video, /Video .*audio\.m4a has no video stream \(found: audio\)/],
    [
      'a truncated video with --strict',
      () => ['--video', at('truncated.mp4'), '--strict'],
      EXIT_CODES.video,
      /Video .*truncated\.mp4 is truncated: decoding stopped at/,
    ],
    ['a model path that does not exist', () => ['--video', video, '--model', at('missing.onnx')], EXIT_CODES.model, /Model .*missing\.onnx .*does not exist/],
    [
      'a model that is not ONNX',
      () => ['--video', video, '--model', at('not-a-model.onnx')],
      EXIT_CODES.model,
      /Model .*not-a-model\.onnx is not an ONNX model .*; pass an \.onnx file, .*yolo export.*, or give no model to use the bundled yolov8n\.onnx$/,
    ],
    [
      'a model whose output matches no known layout',
      () => ['--video', video, '--model', at('flatten.onnx'), '--model-config', at('flatten.json')],
      EXIT_CODES.model,
      /Model .*flatten\.onnx: output .*\[1, ?3072\]/,
    ],
    [
      'an invalid config field',
      () => ['--video', video, '--model-config', at('bad-config.json')],
      EXIT_CODES.config,
      /Invalid model config .*bad-config\.json: layout:/,
    ],
    [
      'no weights anywhere (a config without source, no --model)',
      () => ['--video', video, '--model-config', at('no-source.json')],
      EXIT_CODES.model,
      /No model weights .*--model.*DATASET_GEN_MODEL.*yolo export/,
    ],
    [
      'a missing video with no weights either (videos are checked first)',
      () => ['--video', at('nope.mp4')],
      EXIT_CODES.video,
      /Video .*nope\.mp4 does not exist/,
    ],
    ['an unknown class', () => ['--video', video, '--classes', 'person,unicorn'], EXIT_CODES.config, /unicorn/],
    ['a bad option value', () => ['--video', video, '--sample-fps', 'lots'], EXIT_CODES.usage, /Expected a number .* for --sample-fps but received "lots"/],
    ['an unknown option', () => ['--video', video, '--fps', '2'], EXIT_CODES.usage, /Unknown option '--fps' \(did you mean --sample-fps\?\)/],
    [
      'an existing non-empty output',
      () => ['--video', video, '--out', at('full')],
      EXIT_CODES.output,
      /Output folder .*full exists and is not empty; pass --overwrite/,
    ],
  ])(
    '%s',
    async (_name, args, code, message) => {
      const argv = ['run', ...args()];
      if (!argv.includes('--out')) argv.push('--out', at('out'));
      if (!argv.includes('--model') && !argv.includes('--model-config') && !/no weights/.test(_name)) argv.push('--model', MODEL);
      const outcome = await cli(argv);
      expect(outcome.code).toBe(code);
      const lines = outcome.stderr.trimEnd().split('\n');
      const last = lines.at(-1) ?? '';
      expect(last).toMatch(/^dataset-gen: /);
      expect(last).toMatch(message);
      expect(outcome.stderr).not.toMatch(/\n\s+at /);
      const left = (await readdir(dir)).filter((name) => name === 'out' || name.includes('.partial-'));
      expect(left).toEqual([]);
    },
    60_000,
  );

  test('a truncated video without --strict: its frames are used, a warning says where decoding stopped, exit 0', async () => {
    const outcome = await cli(['run', '--video', at('truncated.mp4'), '--out', at('out-truncated'), '--model', MODEL]);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toMatch(
      /warn .*Video truncated is truncated: decoding stopped at \d+\.\d s of \d+\.\d s; the frames up to there are in the dataset \(pass --strict to refuse such files\)/,
    );
    const metrics = JSON.parse(await readFile(path.join(at('out-truncated'), 'metrics.json'), 'utf8')) as {
      images: number;
      videos: { truncatedAtSeconds: number | null }[];
    };
    expect(metrics.images).toBeGreaterThan(0);
    expect(metrics.videos[0]!.truncatedAtSeconds).toBeGreaterThan(0);
    const manifest = JSON.parse(await readFile(path.join(at('out-truncated'), 'manifest.json'), 'utf8')) as {
      videos: { truncatedAtSeconds: number | null; durationSeconds: number }[];
    };
    expect(manifest.videos[0]!.truncatedAtSeconds).toBeLessThan(manifest.videos[0]!.durationSeconds);
    expect(await readFile(path.join(at('out-truncated'), 'report.md'), 'utf8')).toContain('is truncated: decoding stopped at');
  }, 60_000);

  test('--debug adds the stack trace', async () => {
    const outcome = await cli(['run', '--video', at('nope.mp4'), '--out', at('out'), '--model', MODEL, '--debug']);
    expect(outcome.code).toBe(EXIT_CODES.video);
    expect(outcome.stderr).toMatch(/\n\s+at /);
  });

  test('no arguments: the usage on stderr, nothing on stdout, exit 2', async () => {
    const outcome = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile('node', ['bin/dataset-gen.js'], (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })),
    );
    expect(outcome).toMatchObject({ code: EXIT_CODES.usage, stdout: '' });
    expect(outcome.stderr).toMatch(/^dataset-gen .*\n\nUsage:\n {2}dataset-gen run --video/);
  });

  test('--help documents every option with its default', async () => {
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
      execFile('node', ['bin/dataset-gen.js', 'run', '--help'], (error, out) => (error ? reject(error) : resolve({ stdout: out }))),
    );
    for (const option of [
      '--video',
      '--out',
      '--model',
      '--model-config',
      '--sample-fps',
      '--every-n-frames',
      '--site',
      '--dedup-threshold',
      '--confidence',
      '--iou',
      '--classes',
      '--overwrite',
      '--log-format',
      '--ffmpeg-path',
    ]) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toMatch(/default: 1 frame\/s\)/);
  });
});

describe('exports and prefixes: nothing a user types reaches the tasks or the exports as it is', () => {
  test.each([
    ['javascript:', 'javascript:alert(document.domain)//'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/'],
    ['a protocol-relative URL', '//evil.example/images/'],
  ])('--label-studio-images with %s is refused: exit 2, one line, nothing written', async (_what, prefix) => {
    const outcome = await cli([
      'run',
      '--video',
      video,
      '--out',
      at('out-prefix'),
      '--model',
      MODEL,
      '--export',
      'label-studio',
      '--label-studio-images',
      prefix,
    ]);
    expect(outcome.code).toBe(EXIT_CODES.usage);
    const lines = outcome.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('dataset-gen: '))).toHaveLength(1);
    expect(lines.at(-1)).toBe(
      `dataset-gen: Expected an http:// or https:// URL, Label Studio's local-files path (/data/local-files/?d=<folder>/) or a relative folder path (such as images/), without control characters for --label-studio-images but received ${JSON.stringify(prefix)}`,
    );
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
    expect((await readdir(dir)).filter((name) => name.startsWith('out-prefix') || name.startsWith('.out-prefix'))).toEqual([]);
  });

  test('a model config whose class name holds a line break is refused: exit 5, one line naming the file and the class', async () => {
    const config = at('newline-class.json');
    await writeFile(config, JSON.stringify({ name: 'site-model', layout: 'yolov8', classNames: ['person', 'traffic\nlight'] }));
    const outcome = await cli(['run', '--video', video, '--out', at('out-class'), '--model', MODEL, '--model-config', config, '--export', 'yolo,cvat']);
    expect(outcome.code).toBe(EXIT_CODES.config);
    const last = outcome.stderr.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toBe(
      `dataset-gen: Invalid model config ${config}: classNames.1: "traffic\\nlight" holds control character U+000A; class names may not hold control characters (line breaks, tabs, C0/C1 controls, U+2028/U+2029)`,
    );
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
    expect((await readdir(dir)).filter((name) => name.startsWith('out-class') || name.startsWith('.out-class'))).toEqual([]);
  }, 60_000);
});
