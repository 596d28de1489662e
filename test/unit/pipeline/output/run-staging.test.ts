import { mkdir, readdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { cliName } from '../../../../src/domain/run-options.js';
import { UsageError } from '../../../../src/errors.js';
import { silentLogger } from '../../../../src/observe/log.js';
import type { RunIdentity } from '../../../../src/pipeline/output/checkpoint.js';
import { stagingDirOf } from '../../../../src/pipeline/output/output-dir.js';
import { openRunStaging, type OpenStagingRequest } from '../../../../src/pipeline/output/run-staging.js';
import { tempDir } from '../../../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

const identity: RunIdentity = {
  tool: '0.1.0',
  ffmpeg: 'ffmpeg version 5.1',
  options: {} as RunIdentity['options'],
  modelConfig: {} as RunIdentity['modelConfig'],
  modelSha256: 'c'.repeat(64),
  videos: [{ path: '/v/cam.mp4', stem: 'cam' }],
  labelled: [],
};

function request(outDir: string, extra: Partial<OpenStagingRequest> = {}): OpenStagingRequest {
  return {
    outDir,
    identity,
    resume: true,
    subdirs: ['images', 'annotations'],
    name: cliName,
    logger: silentLogger(),
    sha256Of: () => Promise.resolve('a'.repeat(64)),
    ...extra,
  };
}

describe('the staging folder a resume continues', () => {
  test.each<[string, (staging: string, victim: string) => Promise<void>, RegExp]>([
    ['images/ a link to another folder', (staging, victim) => symlink(victim, path.join(staging, 'images')), /\.out-1\.partial\/images is a symbolic link/],
    [
      'an image a link',
      async (staging, victim) => {
        await mkdir(path.join(staging, 'images'));
        await symlink(path.join(victim, 'keep.txt'), path.join(staging, 'images', 'cam_000000.jpg'));
      },
      /\.out-2\.partial\/images\/cam_000000\.jpg is a symbolic link/,
    ],
    [
      'the checkpoint a link',
      (staging, victim) => symlink(path.join(victim, 'keep.txt'), path.join(staging, '.checkpoint.jsonl')),
      /\.out-3\.partial\/\.checkpoint\.jsonl is a symbolic link/,
    ],
  ])('%s: refused, and what it points at is left alone', async (_name, plant, message) => {
    const n = _name.startsWith('images/') ? 1 : _name.startsWith('an image') ? 2 : 3;
    const outDir = path.join(dir, `out-${n}`);
    const victim = path.join(dir, `victim-${n}`);
    await mkdir(victim);
    await writeFile(path.join(victim, 'keep.txt'), 'keep');
    await mkdir(stagingDirOf(outDir));
    await plant(stagingDirOf(outDir), victim);
    const error = await openRunStaging(request(outDir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/which dataset-gen never writes there; remove .* and run again without --resume$/);
    expect(await readdir(victim)).toEqual(['keep.txt']);
  });

  test('the staging folder itself a link: refused by --resume; replaced (the link, not its target) without it', async () => {
    const outDir = path.join(dir, 'out-4');
    const victim = path.join(dir, 'victim-4');
    await mkdir(victim);
    await writeFile(path.join(victim, 'keep.txt'), 'keep');
    await symlink(victim, stagingDirOf(outDir));
    await expect(openRunStaging(request(outDir))).rejects.toThrow(/\.out-4\.partial is a symbolic link/);
    const fresh = await openRunStaging(request(outDir, { resume: false }));
    expect(await readdir(victim)).toEqual(['keep.txt']);
    expect((await readdir(fresh.dir)).sort()).toEqual(['.checkpoint.jsonl', 'annotations', 'images']);
  });

  test('confined (the Action): a staging folder whose real path is outside the workspace is refused', async () => {
    const workspace = path.join(dir, 'workspace');
    const outside = path.join(dir, 'outside');
    await mkdir(workspace);
    await mkdir(outside);
    await symlink(outside, path.join(workspace, 'linked'));
    const inside = await openRunStaging(request(path.join(workspace, 'ds'), { resume: false, confineTo: await realpath(workspace) }));
    expect(path.dirname(inside.dir)).toBe(workspace);
    const error = await openRunStaging(request(path.join(workspace, 'linked', 'ds'), { resume: false, confineTo: await realpath(workspace) })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /^The staging folder .*linked\/\.ds\.partial resolves to .*outside\/\.ds\.partial, outside the workspace .*workspace; choose an output folder inside the workspace$/,
    );
  });
});
