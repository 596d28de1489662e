/**
 * Resume after a kill, through the built CLI as a real process: SIGKILL at several points of a run over
 * three short videos (right after it started, with one video checkpointed, during the final writes),
 * then `--resume` into the same --out gives the dataset an uninterrupted run gives, byte for byte
 * (wall-clock fields aside: see test/support/cli-process.ts). A resume with other options or a changed
 * video is refused naming what differs; a leftover without `--resume` is reported and replaced.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { EXIT_CODES } from '../../src/errors.js';
import { checkpointLines, datasetDifferences, exists, lock, runCliToEnd, signalWhen, staging, startCli } from '../support/cli-process.js';
import { makeDemoCuts, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let videos: string[];
let reference: string;

function args(out: string, inputs: readonly string[] = videos, extra: readonly string[] = []): string[] {
  return [
    'run',
    ...inputs.flatMap((v) => ['--video', v]),
    '--out',
    out,
    '--sample-fps',
    '2',
    '--export',
    'yolo,label-studio,cvat',
    '--select',
    '4',
    '--inference-workers',
    '1',
    ...extra,
  ];
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  videos = await makeDemoCuts(path.join(dir, 'videos'));
  reference = path.join(dir, 'reference');
  const outcome = await runCliToEnd(args(reference));
  expect(outcome).toMatchObject({ code: 0 });
}, 180_000);
afterAll(() => cleanup());

describe('resume after SIGKILL', () => {
  test.each<[string, (out: string) => Promise<boolean>, RegExp]>([
    ['right after it started (the lock taken, nothing staged yet)', (out) => exists(lock(out)), /no interrupted run to continue in .*; running from the start/],
    [
      'with one video checkpointed, the next being detected',
      async (out) => (await checkpointLines(out)) >= 2,
      /resuming the interrupted run in .*: [12] of 3 videos finished/,
    ],
    [
      'during the final writes (COCO written, reports not yet)',
      (out) => exists(path.join(staging(out), 'annotations', 'instances.json')),
      /resuming the interrupted run in .*: 3 of 3 videos finished/,
    ],
  ])(
    'killed %s: --resume gives the uninterrupted dataset',
    async (_point, ready, resumed) => {
      const out = path.join(dir, `killed-${Math.random().toString(36).slice(2, 8)}`);
      const killed = await signalWhen(startCli(args(out)), () => ready(out), 'SIGKILL');
      expect(killed.signal).toBe('SIGKILL');
      expect(await exists(out)).toBe(false);
      const resume = await runCliToEnd(args(out, videos, ['--resume']));
      expect(resume.stderr).toMatch(resumed);
      expect(resume.stderr).toMatch(/took over the lock .* of a run that is gone \(pid \d+ on /);
      expect(resume.code).toBe(0);
      expect(await datasetDifferences(reference, out)).toEqual([]);
      expect(await exists(staging(out))).toBe(false);
      expect(await exists(lock(out))).toBe(false);
    },
    240_000,
  );
});

/** A folder with ffmpeg and ffprobe stand-ins that log each call's arguments to `log`, then run the real ones. */
async function loggingTools(folder: string, log: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  for (const tool of ['ffmpeg', 'ffprobe']) {
    const real = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    await writeFile(path.join(folder, tool), `#!/bin/sh\necho "${tool} $*" >> '${log}'\nexec '${real}' "$@"\n`);
    await chmod(path.join(folder, tool), 0o755);
  }
  return folder;
}

test('a resume reads nothing more of the videos it skips than their probe and hash', async () => {
  const out = path.join(dir, 'skips');
  await signalWhen(startCli(args(out)), () => exists(path.join(staging(out), 'annotations', 'instances.json')), 'SIGKILL');
  const log = path.join(dir, 'skips-tools.log');
  const tools = await loggingTools(path.join(dir, 'skips-tools'), log);
  const resume = await runCliToEnd(args(out, videos, ['--resume', '--ffmpeg-path', tools]));
  expect(resume.stderr).toMatch(/resuming the interrupted run in .*: 3 of 3 videos finished/);
  expect(resume.code).toBe(0);
  const calls = (await readFile(log, 'utf8')).trim().split('\n');
  // One probe per video (the first one's lists its packets too), the versions, and no decode.
  expect(calls.filter((c) => c.startsWith('ffprobe') && !c.includes('-version'))).toHaveLength(3);
  expect(calls.filter((c) => c.includes('-show_entries packet='))).toHaveLength(1);
  expect(calls.filter((c) => c.startsWith('ffmpeg') && !c.includes('-version'))).toEqual([]);
  // The manifest names the stand-in tools; the dataset itself is the uninterrupted one.
  const coco = (root: string): Promise<string> => readFile(path.join(root, 'annotations', 'instances.json'), 'utf8');
  expect(await coco(out)).toBe(await coco(reference));
}, 240_000);

describe('a resume that does not match', () => {
  let out: string;
  let own: string[];

  beforeAll(async () => {
    own = await makeDemoCuts(path.join(dir, 'own-videos'));
    out = path.join(dir, 'mismatch');
    await signalWhen(startCli(args(out, own)), async () => (await checkpointLines(out)) >= 2, 'SIGKILL');
  }, 240_000);

  test('other options are refused naming each option, with the values then and now', async () => {
    const outcome = await runCliToEnd(args(out, own, ['--resume', '--sample-fps', '1', '--jpeg-quality', '80']));
    expect(outcome.code).toBe(EXIT_CODES.usage);
    const lines = outcome.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^dataset-gen: Cannot resume the interrupted run in .*mismatch\.partial: --sample-fps \/ --every-n-frames \(was \{"mode":"fps","fps":2\}, now \{"mode":"fps","fps":1\}\); --jpeg-quality \(was 90, now 80\) differ from that run's; pass the same options and inputs, or run without --resume to start over$/,
    );
    expect(await exists(staging(out))).toBe(true);
  }, 120_000);

  test('a finished video whose file changed is refused naming it', async () => {
    const original = `${own[0]!}.orig`;
    await copyFile(own[0]!, original);
    await copyFile(own[1]!, own[0]!);
    const outcome = await runCliToEnd(args(out, own, ['--resume']));
    await copyFile(original, own[0]!);
    expect(outcome.code).toBe(EXIT_CODES.usage);
    expect(outcome.stderr).toMatch(
      /Cannot resume the interrupted run in .*: video .*cam0\.mp4 \(its content changed: sha256 [0-9a-f]{12}… then, [0-9a-f]{12}… now\) differ/,
    );
    expect(outcome.stderr).not.toMatch(/cam[12]\.mp4 \(its content/);
    expect(await exists(staging(out))).toBe(true);
  }, 120_000);

  test('an unfinished video whose file changed is processed from what it holds now', async () => {
    await copyFile(own[0]!, own[2]!);
    const outcome = await runCliToEnd(args(out, own, ['--resume']));
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toMatch(/cam0: finished by the interrupted run .*; not processed again/);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { videos: { stem: string; sha256: string }[] };
    const sha256 = createHash('sha256')
      .update(await readFile(own[2]!))
      .digest('hex');
    expect(manifest.videos.map((v) => [v.stem, v.sha256])).toContainEqual(['cam2', sha256]);
  }, 120_000);
});

test('without --resume, what a killed run left is reported and replaced', async () => {
  const out = path.join(dir, 'left');
  await signalWhen(startCli(args(out)), async () => (await checkpointLines(out)) >= 2, 'SIGKILL');
  const outcome = await runCliToEnd(args(out));
  expect(outcome.stderr).toMatch(
    /warn +a previous interrupted run left .*left\.partial \([12] of 3 videos finished\); pass --resume to continue it; replacing it with this run/,
  );
  expect(outcome.code).toBe(0);
  expect(await datasetDifferences(reference, out)).toEqual([]);
}, 240_000);
