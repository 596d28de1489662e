import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { OutputError } from '../../src/errors.js';
import { checkOutputDir, commitStagingDir, createStagingDir, discardStagingDir } from '../../src/pipeline/output-dir.js';
import { tempDir } from '../support/videos.js';

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
    await expect(checkOutputDir(path.join(dir, 'full'), true)).resolves.toBeUndefined();
    await writeFile(path.join(dir, 'afile'), '1');
    await expect(checkOutputDir(path.join(dir, 'afile'), true)).rejects.toThrow(/exists and is not a folder/);
  });

  test('staging is a hidden sibling, renamed into place on commit, replacing what was there', async () => {
    const out = path.join(dir, 'nested', 'dataset');
    const first = await createStagingDir(out, ['images', 'annotations']);
    expect(path.dirname(first)).toBe(path.dirname(out));
    expect(path.basename(first)).toMatch(/^\.dataset\.partial-[0-9a-f]{8}$/);
    expect((await readdir(first)).sort()).toEqual(['annotations', 'images']);
    await writeFile(path.join(first, 'manifest.json'), 'one');
    await commitStagingDir(first, out);
    const second = await createStagingDir(out, []);
    await writeFile(path.join(second, 'manifest.json'), 'two');
    await commitStagingDir(second, out);
    expect(await readFile(path.join(out, 'manifest.json'), 'utf8')).toBe('two');
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
