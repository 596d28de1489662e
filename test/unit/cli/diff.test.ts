/** `dataset-gen diff` through runCli, on datasets made here: where the Markdown and JSON go, the exit codes. */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { EXIT_CODES } from '../../../src/errors.js';
import { captureCli } from '../../support/cli-capture.js';
import { writeMadeDataset, type MadeFrame } from '../../support/made-dataset.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'cli-diff-'));
  const frames = (n: number): MadeFrame[] =>
    Array.from({ length: n }, (_, i) => ({ video: 'cam', frameIndex: i, boxes: [{ className: 'person', score: 0.8, box: [10, 10, 40, 80] }] }));
  const videos = [{ stem: 'cam', sha256: '3'.repeat(64) }];
  await writeMadeDataset(path.join(root, 'base'), { videos, frames: frames(4) });
  await writeMadeDataset(path.join(root, 'head'), { videos, frames: frames(3), config: { dedupThreshold: 5 } });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const cli = (argv: string[]): ReturnType<typeof captureCli> => captureCli(argv, root);

describe('dataset-gen diff', () => {
  test('Markdown on stdout, exit 0 although the datasets differ', async () => {
    const { code, stdout, stderr } = await cli(['diff', 'base', 'head']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toBe('**Changed**: images 4 → 3 (−1, −25.0 %); detections 4 → 3 (−1, −25.0 %); frames: 1 removed; 1 setting differs');
  });

  test('--markdown-out and --json-out write the files, nothing on stdout; the JSON parses to the same verdict', async () => {
    const { code, stdout } = await cli(['diff', 'head', 'head', '--markdown-out', 'out.md', '--json-out', 'out.json']);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(await readFile(path.join(root, 'out.md'), 'utf8')).toMatch(/^\*\*No change\*\*: 3 images, 3 detections/);
    expect(JSON.parse(await readFile(path.join(root, 'out.json'), 'utf8'))).toMatchObject({ verdict: 'no-change', frames: { kept: { before: 3, after: 3 } } });
  });

  test.each([
    [
      ['diff', 'base'],
      EXIT_CODES.usage,
      /^dataset-gen: Expected two dataset folders \(the baseline, then the new dataset\) for dataset-gen diff but received 1\n$/,
    ],
    [['diff', 'base', 'nope'], EXIT_CODES.usage, /^dataset-gen: nope does not exist; pass folders written by dataset-gen run\n$/],
    [['diff', 'base', 'head', '--markdown'], EXIT_CODES.usage, /^dataset-gen: Unknown option '--markdown'; see dataset-gen diff --help\n$/],
    [
      ['diff', 'base', 'head', '--json-out', 'no-such-folder/x.json'],
      EXIT_CODES.output,
      /^dataset-gen: Cannot write --json-out \S+x\.json \(ENOENT\); pass a path in a folder you can write\n$/,
    ],
  ])('%j: one line on stderr, exit %i', async (argv, exitCode, message) => {
    const { code, stdout, stderr } = await cli(argv);
    expect({ code, stdout }).toEqual({ code: exitCode, stdout: '' });
    expect(stderr).toMatch(message);
  });

  test('a file given as a dataset: one line', async () => {
    await mkdir(path.join(root, 'files'), { recursive: true });
    const { code, stderr } = await cli(['diff', 'base', 'base/manifest.json']);
    expect(code).toBe(EXIT_CODES.usage);
    expect(stderr).toBe('dataset-gen: base/manifest.json is a file, not a dataset folder; pass folders written by dataset-gen run\n');
  });
});
