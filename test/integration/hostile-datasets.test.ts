/**
 * What a user (or a job downloading artifacts) can edit on disk never reaches outside the dataset,
 * through the built CLI as a real process: merge parts edited by hand (`../` image names, symlinked
 * images and folders, wrong types, a huge file, a FIFO), a symlinked `images/` in a staging folder
 * `--resume` would continue, a run and a merge racing for one `--out`, an output that appears during a
 * run, and an input in `<out>/..in/`. Each is refused with one line and a distinct exit code, and
 * nothing outside `--out` is written or deleted. The model is the tiny hand-built one.
 */
import { execFileSync } from 'node:child_process';
import { cp, lstat, mkdir, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';

import { EXIT_CODES, InterruptedError, UsageError } from '../../src/errors.js';
import { readDatasetPart } from '../../src/pipeline/merge/dataset-part.js';
import { mergeDatasets } from '../../src/pipeline/merge/merge.js';
import { exists, lock, runCliToEnd, staging, startCli, waitUntil } from '../support/cli-process.js';
import { makeModelDir, writeColourBoxDetector } from '../support/onnx-builder.js';
import { makeVideo, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let models: Awaited<ReturnType<typeof makeModelDir>>;
let model: { model: string; config: string };
let video: string;
let parts: [string, string];
/** A file outside every --out that no attack may change: the stand-in for ~/.bashrc. */
let home: string;

function runArgs(out: string, extra: readonly string[] = [], input = video): string[] {
  return [
    'run',
    '--video',
    input,
    '--out',
    out,
    '--model',
    model.model,
    '--model-config',
    model.config,
    '--sample-fps',
    '2',
    '--select',
    '2',
    '--export',
    'coco,yolo,cvat,label-studio',
    '--inference-workers',
    '1',
    ...extra,
  ];
}

/** The last line the CLI printed, and that it printed one error line and no stack trace. */
function oneLineError(stderr: string): string {
  const errors = stderr.split('\n').filter((line) => line.startsWith('dataset-gen: '));
  expect(errors).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return errors[0]!;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  models = await makeModelDir();
  model = await writeColourBoxDetector(models, dir);
  video = await makeVideo(path.join(dir, 'cam.mp4'), { frames: 60, fps: 10 });
  home = path.join(dir, 'home');
  await mkdir(home);
  await writeFile(path.join(home, '.bashrc'), 'mine\n');
  const made: string[] = [];
  for (const [i, range] of [
    ['--end', '3'],
    ['--start', '3'],
  ].entries()) {
    const out = path.join(dir, 'parts', `part-${i}`);
    const outcome = await runCliToEnd(runArgs(out, range));
    expect(outcome.stderr).toMatch(/dataset written/);
    expect(outcome.code).toBe(0);
    made.push(out);
  }
  parts = made as [string, string];
}, 180_000);

afterAll(async () => {
  await cleanup();
  await models.cleanup();
});

/** A copy of part 0 under a new name, to edit. */
async function editablePart(name: string): Promise<string> {
  const copy = path.join(dir, 'work', name, 'part');
  await cp(parts[0], copy, { recursive: true });
  return copy;
}

async function editJson(file: string, edit: (value: Record<string, unknown>) => void): Promise<void> {
  const value = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(value);
  await writeFile(file, JSON.stringify(value));
}

/** Runs merge of `part` with part 1 into `<home>/<name>`; checks nothing was written there or beside it. */
async function mergeRefused(part: string, name: string): Promise<{ code: number | null; line: string }> {
  const out = path.join(home, name);
  const before = await readdir(home);
  const outcome = await runCliToEnd(['merge', part, parts[1], '--out', out]);
  expect(await readdir(home)).toEqual(before);
  expect(await readFile(path.join(home, '.bashrc'), 'utf8')).toBe('mine\n');
  return { code: outcome.code, line: oneLineError(outcome.stderr) };
}

describe('merge reads its parts as untrusted', () => {
  test('the two parts merge (the reference the attacks below start from)', async () => {
    const out = path.join(dir, 'merged');
    const outcome = await runCliToEnd(['merge', ...parts, '--out', out]);
    expect(outcome.code).toBe(0);
    expect((await readdir(path.join(out, 'images'))).length).toBeGreaterThan(4);
  });

  test('an image named ../../.bashrc in instances.json writes nothing outside --out', async () => {
    const part = await editablePart('dotdot');
    await writeFile(path.join(part, '..', '.bashrc'), 'evil\n');
    await editJson(path.join(part, 'annotations', 'instances.json'), (coco) => {
      (coco.images as { file_name: string }[])[0]!.file_name = '../../.bashrc';
    });
    const { code, line } = await mergeRefused(part, 'dotdot-merged');
    expect(code).toBe(EXIT_CODES.usage);
    expect(line).toMatch(
      /part: annotations\/instances\.json names image 1 "\.\.\/\.\.\/\.bashrc", not cam_000000\.jpg, the name dataset-gen gives that frame; the dataset was changed after dataset-gen wrote it; make it again$/,
    );
  });

  test.each([
    [
      'a class in --classes with a control character',
      'config.classes[0]',
      (m: Record<string, unknown>) => ((m.config as Record<string, unknown>).classes = ['a\u0007b']),
    ],
    [
      'a model class with a control character',
      'model.classNames[0]',
      (m: Record<string, unknown>) => ((m.model as { classNames: string[] }).classNames[0] = 'per\u0085son'),
    ],
    ['labels that are not dataset or all', 'config.labels', (m: Record<string, unknown>) => ((m.config as Record<string, unknown>).labels = 'evil')],
    ['a validation share above one half', 'config.valFraction', (m: Record<string, unknown>) => ((m.config as Record<string, unknown>).valFraction = 7)],
  ])('manifest.json with %s is refused with one line, before any export is written', async (_name, field, edit) => {
    const part = await editablePart(field.replace(/\W+/g, '-'));
    await editJson(path.join(part, 'manifest.json'), edit);
    const { code, line } = await mergeRefused(part, `${field.replace(/\W+/g, '-')}-merged`);
    expect(code).toBe(EXIT_CODES.usage);
    expect(line).toContain(`part: manifest.json does not hold what dataset-gen writes there: ${field}`);
  });

  test('an image that is a symbolic link to a secret is not copied', async () => {
    const part = await editablePart('link');
    const secret = path.join(dir, 'secret.txt');
    await writeFile(secret, 'the secret');
    const image = path.join(part, 'images', 'cam_000000.jpg');
    await rm(image);
    await symlink(secret, image);
    const { code, line } = await mergeRefused(part, 'link-merged');
    expect(code).toBe(EXIT_CODES.usage);
    expect(line).toMatch(/part: images\/cam_000000\.jpg is a symbolic link, not a file; the dataset was changed/);
  });

  test('an images folder that is a symbolic link is not followed', async () => {
    const part = await editablePart('link-folder');
    await rm(path.join(part, 'images'), { recursive: true });
    await symlink(path.join(parts[0], 'images'), path.join(part, 'images'));
    const { code, line } = await mergeRefused(part, 'link-folder-merged');
    expect(code).toBe(EXIT_CODES.usage);
    expect(line).toMatch(/part: images is a symbolic link, not a folder;/);
  });

  test.each<[string, string, (value: Record<string, unknown>) => void, RegExp]>([
    [
      'COCO images a number',
      'annotations/instances.json',
      (coco) => (coco.images = 5),
      /annotations\/instances\.json does not hold what dataset-gen writes there: images: .*expected array/i,
    ],
    [
      'a bbox a string',
      'annotations/instances.json',
      (coco) => ((coco.annotations as { bbox: unknown }[])[0]!.bbox = 'abc'),
      /annotations\/instances\.json does not hold what dataset-gen writes there: annotations\[0\]\.bbox: /,
    ],
    [
      'a video stem with a slash',
      'manifest.json',
      (m) => ((m.videos as { stem: string }[])[0]!.stem = '../cam'),
      /manifest\.json does not hold what dataset-gen writes there: videos\[0\]\.stem: a video file name/,
    ],
    [
      'the model classes missing',
      'manifest.json',
      (m) => delete (m.model as Record<string, unknown>).classNames,
      /manifest\.json does not hold what dataset-gen writes there: model\.classNames: /,
    ],
    [
      'stage timings text',
      'metrics.json',
      (m) => ((m.timings as { wallMs: unknown }).wallMs = 'slow'),
      /metrics\.json does not hold what dataset-gen writes there: timings\.wallMs: /,
    ],
  ])('%s: refused naming the part, file and field', async (name, file, edit, message) => {
    const part = await editablePart(name.replace(/\W+/g, '-'));
    await editJson(path.join(part, file), edit);
    const { code, line } = await mergeRefused(part, `${name.replace(/\W+/g, '-')}-merged`);
    expect(code).toBe(EXIT_CODES.usage);
    expect(line).toMatch(message);
  });

  test('a 600 MB metrics.json is refused without being read', async () => {
    const part = await editablePart('huge');
    await truncate(path.join(part, 'metrics.json'), 600 * 1024 * 1024);
    const { code, line } = await mergeRefused(part, 'huge-merged');
    expect(code).toBe(EXIT_CODES.usage);
    expect(line).toMatch(/part: metrics\.json is larger than the 16 MB dataset-gen reads of such a file;/);
  });

  test('a FIFO in place of metrics.json is refused at once, not waited on', async () => {
    const part = await editablePart('fifo');
    await rm(path.join(part, 'metrics.json'));
    execFileSync('mkfifo', [path.join(part, 'metrics.json')]);
    const { code, line } = await mergeRefused(part, 'fifo-merged');
    expect(code).toBe(EXIT_CODES.usage);
    expect(line).toMatch(/part: metrics\.json is a FIFO, not a regular file;/);
  });

  test("the Label Studio prefix is merge's own, never a part's", async () => {
    const part = await editablePart('prefix');
    await editJson(path.join(part, 'manifest.json'), (m) => ((m.config as Record<string, unknown>).labelStudioImages = 'javascript:alert(1)//'));
    const out = path.join(dir, 'prefix-merged');
    const outcome = await runCliToEnd(['merge', part, parts[1], '--out', out]);
    expect(outcome.code).toBe(0);
    const tasks = await readFile(path.join(out, 'annotations', 'label-studio-tasks.json'), 'utf8');
    expect(tasks).not.toMatch(/javascript:/);
    expect(tasks).toMatch(/"\/data\/local-files\/\?d=images\/cam_000000\.jpg"/);
    const own = await runCliToEnd(['merge', ...parts, '--out', path.join(dir, 'prefix-refused'), '--label-studio-images', 'javascript:alert(1)//']);
    expect(own.code).toBe(EXIT_CODES.usage);
    expect(oneLineError(own.stderr)).toMatch(
      /^dataset-gen: Expected an http:\/\/ or https:\/\/ URL, .* for --label-studio-images but received "javascript:alert\(1\)\/\/"$/,
    );
    expect(await exists(path.join(dir, 'prefix-refused'))).toBe(false);
  });
});

test('a video whose name starts with @ (written with the CSV formula guard) merges with its counts intact', async () => {
  const atVideo = path.join(dir, '@north-gate.mp4');
  await cp(video, atVideo);
  const made: string[] = [];
  for (const [i, range] of [['--end', '3'], ['--start', '3'], []].entries()) {
    const out = path.join(dir, 'at', `run-${i}`);
    expect((await runCliToEnd(runArgs(out, range, atVideo))).code).toBe(0);
    made.push(out);
  }
  const merged = path.join(dir, 'at', 'merged');
  const outcome = await runCliToEnd(['merge', made[0]!, made[1]!, '--out', merged]);
  expect(outcome.code).toBe(0);
  const perVideo = async (folder: string): Promise<unknown> =>
    (JSON.parse(await readFile(path.join(folder, 'metrics.json'), 'utf8')) as { videos: unknown }).videos;
  const videos = (await perVideo(merged)) as { stem: string; kept: number }[];
  expect(videos[0]!.stem).toBe('@north-gate');
  expect(videos[0]!.kept).toBeGreaterThan(0);
  expect(videos).toEqual(await perVideo(made[2]!));
});

/** Every path into a JSON value (`[]` is the value itself), in document order. */
function jsonPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((item, i) => jsonPaths(item, [...at, i])));
  if (typeof value === 'object' && value !== null) return here.concat(...Object.entries(value).map(([key, item]) => jsonPaths(item, [...at, key])));
  return here;
}

function replaced(value: unknown, at: readonly (string | number)[], by: unknown): unknown {
  if (at.length === 0) return by;
  const [head, ...rest] = at;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaced(copy[head!], rest, by);
  return copy;
}

describe('property: any JSON value in any place of a part gives a part or a one-line error', () => {
  test.each(['manifest.json', 'annotations/instances.json', 'metrics.json', 'selection-features.json'])('%s', async (file) => {
    const part = await editablePart(`property-${file.replace(/\W+/g, '-')}`);
    const original = JSON.parse(await readFile(path.join(parts[0], file), 'utf8')) as unknown;
    const paths = jsonPaths(original);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.jsonValue({ maxDepth: 3 }), async (pick, value) => {
        await writeFile(path.join(part, file), JSON.stringify(replaced(original, paths[pick % paths.length]!, value)));
        const outcome = await readDatasetPart(part, dir).then(
          () => 'read',
          (error: unknown) => error,
        );
        if (outcome === 'read') return;
        expect(outcome).toBeInstanceOf(UsageError);
        expect((outcome as Error).message).not.toMatch(/\n/);
      }),
      { numRuns: 150 },
    );
  });
});

describe('one --out at a time, checked again at the end', () => {
  test('a merge into the folder a run is writing is refused, and the run finishes its dataset', async () => {
    const out = path.join(dir, 'race', 'shared');
    const running = startCli(runArgs(out), { env: { ...process.env, DATASET_GEN_MODEL: '' } });
    await waitUntil(running, () => exists(lock(out)));
    const merge = await runCliToEnd(['merge', ...parts, '--out', out]);
    expect(merge.code).toBe(EXIT_CODES.output);
    expect(oneLineError(merge.stderr)).toMatch(/Output .*shared is in use by another dataset-gen run \(pid \d+ on /);
    const run = await running.exited;
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'))).not.toHaveProperty('parts');
  });

  test('an output that appears during a run is kept without --overwrite, and so is the finished dataset', async () => {
    const out = path.join(dir, 'race', 'appears');
    const running = startCli(runArgs(out));
    await waitUntil(running, () => exists(lock(out)));
    await mkdir(out);
    await writeFile(path.join(out, 'theirs.txt'), 'not yours');
    const run = await running.exited;
    expect(run.code).toBe(EXIT_CODES.output);
    expect(oneLineError(run.stderr)).toMatch(
      /Output .*appears appeared while the dataset was written and --overwrite was not given; the finished dataset is kept in .*\.appears\.partial: move it into place/,
    );
    expect(await readdir(out)).toEqual(['theirs.txt']);
    expect(await readdir(staging(out))).toContain('manifest.json');
  });
});

describe('merge stops on SIGINT/SIGTERM, writing nothing', () => {
  test('a signal during the merge: exit 143, no output, no staging folder, the lock released', async () => {
    const out = path.join(dir, 'signalled', 'merged');
    const merging = startCli(['merge', ...parts, '--out', out]);
    await waitUntil(merging, async () => (await readdir(path.dirname(out)).catch(() => [])).some((name) => name.startsWith('.merged.partial-')));
    merging.child.kill('SIGTERM');
    const exit = await merging.exited;
    expect(exit.code).toBe(EXIT_CODES.sigterm);
    expect(oneLineError(exit.stderr)).toMatch(/^dataset-gen: interrupted \(SIGTERM\); the merge wrote nothing to .*merged$/);
    expect(await readdir(path.dirname(out))).toEqual([]);
  });

  test('an abort before the merge starts writing: InterruptedError, nothing written', async () => {
    const out = path.join(dir, 'aborted', 'merged');
    const abort = new AbortController();
    abort.abort(new InterruptedError('interrupted (SIGINT)', 'SIGINT'));
    const error = await mergeDatasets({ parts, outDir: out, overwrite: false }, { signal: abort.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as Error).message).toBe(`interrupted (SIGINT); the merge wrote nothing to ${out}`);
    expect(await readdir(path.dirname(out))).toEqual([]);
  });
});

describe('the staging folder a resume continues', () => {
  test('a symlinked images/ is refused by --resume, and its target is left alone', async () => {
    const out = path.join(dir, 'resume', 'linked');
    const victim = path.join(dir, 'resume', 'runner-temp');
    await mkdir(victim, { recursive: true });
    await writeFile(path.join(victim, 'keep.txt'), 'keep');
    await mkdir(staging(out), { recursive: true });
    await symlink(victim, path.join(staging(out), 'images'));
    const resumed = await runCliToEnd(runArgs(out, ['--resume']));
    expect(resumed.code).toBe(EXIT_CODES.usage);
    expect(oneLineError(resumed.stderr)).toMatch(
      /Cannot resume the interrupted run in .*\.linked\.partial: \.linked\.partial\/images is a symbolic link, which dataset-gen never writes there; remove .* and run again without --resume$/,
    );
    expect(await readdir(victim)).toEqual(['keep.txt']);
    // Without --resume the leftover is replaced: the link is removed, never what it points at.
    const fresh = await runCliToEnd(runArgs(out));
    expect(fresh.code).toBe(0);
    expect(await readdir(victim)).toEqual(['keep.txt']);
    expect((await lstat(path.join(out, 'images'))).isDirectory()).toBe(true);
  });
});

test('--overwrite refuses an output holding an input in <out>/..in/', async () => {
  const out = path.join(dir, 'dots');
  await runCliToEnd(runArgs(out));
  const input = path.join(out, '..in', 'cam.mp4');
  await mkdir(path.dirname(input));
  await cp(video, input);
  const outcome = await runCliToEnd(runArgs(out, ['--overwrite'], input));
  expect(outcome.code).toBe(EXIT_CODES.output);
  expect(oneLineError(outcome.stderr)).toMatch(/Refusing to replace .*dots with --overwrite: it holds the input .*\.\.in\/cam\.mp4;/);
  expect(await exists(input)).toBe(true);
});
