import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { OutputError } from '../../../../src/errors.js';
import {
  checkOutputDir,
  commitStagingDir,
  createStagingDir,
  discardStagingDir,
  OutputTakenError,
  stagingDirOf,
} from '../../../../src/pipeline/output/output-dir.js';
import { tempDir } from '../../../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

describe('staged output folder', () => {
  test('a missing or empty folder is fine; a non-empty one needs overwrite; a file is refused', async () => {
    await expect(checkOutputDir(path.join(dir, 'new'), false)).resolves.toBeUndefined();
    await mkdir(path.join(dir, 'empty'));
    await expect(checkOutputDir(path.join(dir, 'empty'), false)).resolves.toBeUndefined();
    await mkdir(path.join(dir, 'full'));
    await writeFile(path.join(dir, 'full', 'x'), '1');
    await expect(checkOutputDir(path.join(dir, 'full'), false)).rejects.toThrow(OutputError);
    await expect(checkOutputDir(path.join(dir, 'full'), true)).rejects.toThrow(/not a dataset written by dataset-gen/);
    await writeFile(path.join(dir, 'afile'), '1');
    await expect(checkOutputDir(path.join(dir, 'afile'), true)).rejects.toThrow(/exists and is not a folder/);
  });

  test('staging is a hidden sibling, renamed into place on commit, replacing what was there', async () => {
    const out = path.join(dir, 'nested', 'dataset');
    const first = await createStagingDir(out, ['images', 'annotations']);
    expect(path.dirname(first)).toBe(path.dirname(out));
    expect(path.basename(first)).toMatch(/^\.dataset\.partial-[0-9a-f]{8}$/);
    expect((await readdir(first)).sort()).toEqual(['annotations', 'images']);
    const manifest = (run: string): string => JSON.stringify({ schemaVersion: 1, tool: { name: 'dataset-gen' }, run });
    await writeFile(path.join(first, 'manifest.json'), manifest('one'));
    await commitStagingDir(first, out, false);
    const second = await createStagingDir(out, []);
    await writeFile(path.join(second, 'manifest.json'), manifest('two'));
    await commitStagingDir(second, out, true);
    expect(await readFile(path.join(out, 'manifest.json'), 'utf8')).toBe(manifest('two'));
    expect(await readdir(out)).toEqual(['manifest.json']);
    expect(await readdir(path.dirname(out))).toEqual(['dataset']);
  });

  test('discard removes the staging folder', async () => {
    const out = path.join(dir, 'failed');
    const staging = await createStagingDir(out, ['images']);
    await writeFile(path.join(staging, 'images', 'a.jpg'), 'x');
    await discardStagingDir(staging);
    expect((await readdir(dir)).filter((n) => n.includes('failed'))).toEqual([]);
  });
});

describe('--overwrite refuses what it must never delete', () => {
  const manifest = JSON.stringify({ schemaVersion: 1, tool: { name: 'dataset-gen', version: '0.1.0', gitCommit: null } });
  const refusal = (out: string, guard: Parameters<typeof checkOutputDir>[3] = {}): Promise<string> =>
    checkOutputDir(out, true, undefined, { cwd: path.join(dir, 'elsewhere'), home: path.join(dir, 'home'), ...guard }).then(
      () => 'accepted',
      (error: unknown) => {
        expect(error).toBeInstanceOf(OutputError);
        return (error as Error).message;
      },
    );

  beforeAll(async () => {
    for (const sub of ['elsewhere', 'home', 'previous', 'with-input', 'projects/site-a', 'notes']) await mkdir(path.join(dir, sub), { recursive: true });
    await writeFile(path.join(dir, 'previous', 'manifest.json'), manifest);
    await writeFile(path.join(dir, 'previous', 'metrics.json'), '{}');
    await writeFile(path.join(dir, 'with-input', 'manifest.json'), manifest);
    await writeFile(path.join(dir, 'with-input', 'cam.mp4'), 'video');
    await writeFile(path.join(dir, 'notes', 'todo.txt'), 'keep me');
    await writeFile(path.join(dir, 'notes', 'manifest.json'), JSON.stringify({ name: 'some other tool' }));
    await symlink(path.join(dir, 'home'), path.join(dir, 'home-link'));
  });

  test('a previous dataset (a dataset-gen manifest.json) is replaced', async () => {
    expect(await refusal(path.join(dir, 'previous'))).toBe('accepted');
  });

  test('the root folder', async () => {
    expect(await refusal(path.parse(dir).root)).toMatch(/^Refusing to replace \/ with --overwrite: it is the root folder; choose another --out$/);
  });

  test('the home folder, also through a symlink, and a folder holding it', async () => {
    expect(await refusal(path.join(dir, 'home'))).toMatch(/: it is the home folder;/);
    expect(await refusal(path.join(dir, 'home-link'))).toMatch(/: it is the home folder;/);
    expect(await refusal(path.join(dir, 'previous'), { home: path.join(dir, 'previous', 'me') })).toMatch(/: it holds the home folder /);
    expect(await refusal(os.homedir(), { home: undefined })).toMatch(/it is the home folder|it holds the current working folder/);
  });

  test('the working folder, and a folder holding it', async () => {
    expect(await refusal(path.join(dir, 'elsewhere'))).toMatch(/: it is the current working folder;/);
    expect(await refusal(path.join(dir, 'projects'), { cwd: path.join(dir, 'projects', 'site-a') })).toMatch(/: it holds the current working folder .*site-a;/);
  });

  test('a folder holding an input, even when it is a previous dataset', async () => {
    const input = path.join(dir, 'with-input', 'cam.mp4');
    expect(await refusal(path.join(dir, 'with-input'), { inputs: [input] })).toMatch(/: it holds the input .*cam\.mp4;/);
    expect(await refusal(path.join(dir, 'with-input'), { inputs: [path.join(dir, 'elsewhere', 'x.mp4')] })).toBe('accepted');
  });

  test('an input in a folder whose name begins with two dots (<out>/..in/) is inside the output', async () => {
    await mkdir(path.join(dir, 'previous-2', '..in'), { recursive: true });
    await writeFile(path.join(dir, 'previous-2', 'manifest.json'), manifest);
    await writeFile(path.join(dir, 'previous-2', '..in', 'cam.mp4'), 'video');
    expect(await refusal(path.join(dir, 'previous-2'), { inputs: [path.join(dir, 'previous-2', '..in', 'cam.mp4')] })).toMatch(
      /: it holds the input .*\.\.in\/cam\.mp4;/,
    );
  });

  test('a non-empty folder that is not a dataset-gen dataset (another manifest.json included)', async () => {
    expect(await refusal(path.join(dir, 'notes'))).toMatch(
      /: it is not a dataset written by dataset-gen \(no dataset-gen manifest\.json\); --overwrite replaces only a previous dataset;/,
    );
  });

  test('without --overwrite the guard does not apply: an empty folder, even the working one, is used as before', async () => {
    await mkdir(path.join(dir, 'empty-2'));
    await expect(checkOutputDir(path.join(dir, 'empty-2'), false, undefined, { cwd: path.join(dir, 'empty-2') })).resolves.toBeUndefined();
  });
});

describe('the output is checked again when the staging folder is renamed into place', () => {
  const finished = async (out: string): Promise<string> => {
    const staging = await createStagingDir(out, ['images']);
    await writeFile(path.join(staging, 'manifest.json'), JSON.stringify({ schemaVersion: 1, tool: { name: 'dataset-gen' } }));
    return staging;
  };

  test('without --overwrite: a folder that appeared with something in it is kept, and so is the staging folder', async () => {
    const out = path.join(dir, 'race', 'taken');
    const staging = await finished(out);
    await mkdir(out);
    await writeFile(path.join(out, 'theirs.txt'), 'not yours');
    const error = await commitStagingDir(staging, out, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputTakenError);
    expect((error as Error).message).toBe(
      `Output ${out} appeared while the dataset was written and --overwrite was not given; the finished dataset is kept in ${staging}: move it into place, or run again with another --out`,
    );
    expect(await readFile(path.join(out, 'theirs.txt'), 'utf8')).toBe('not yours');
    expect((await readdir(staging)).sort()).toEqual(['images', 'manifest.json']);
  });

  test('without --overwrite: a file that appeared is kept; an empty folder that appeared is used', async () => {
    const file = path.join(dir, 'race', 'a-file');
    const staging = await finished(file);
    await writeFile(file, 'theirs');
    await expect(commitStagingDir(staging, file, false)).rejects.toThrow(OutputTakenError);
    expect(await readFile(file, 'utf8')).toBe('theirs');
    const empty = path.join(dir, 'race', 'empty');
    const other = await finished(empty);
    await mkdir(empty);
    await commitStagingDir(other, empty, false);
    expect((await readdir(empty)).sort()).toEqual(['images', 'manifest.json']);
  });

  test('with --overwrite: what appeared is replaced only when --overwrite may replace it', async () => {
    const out = path.join(dir, 'race', 'notes');
    const staging = await finished(out);
    await mkdir(out);
    await writeFile(path.join(out, 'todo.txt'), 'keep me');
    const error = await commitStagingDir(staging, out, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputTakenError);
    expect((error as Error).message).toMatch(/changed while the dataset was written: .*not a dataset written by dataset-gen/);
    expect(await readFile(path.join(out, 'todo.txt'), 'utf8')).toBe('keep me');
    expect(await readdir(staging)).toContain('manifest.json');
  });
});

test('a run stages in .<out>.partial beside --out', () => {
  expect(stagingDirOf('/data/site-a/dataset')).toBe('/data/site-a/.dataset.partial');
});
