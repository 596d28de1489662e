/**
 * One `--exclude` source read back (src/pipeline/labelled/labelled-source.ts): the layouts dataset-gen,
 * Label Studio and CVAT write, and what an edited source cannot make it do.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { UsageError } from '../../../../src/errors.js';
import { frameOfImage, readLabelledSource } from '../../../../src/pipeline/labelled/labelled-source.js';
import { writeCoco, writeDataset, writeImages } from '../../../support/labelled-sources.js';
import { tempDir } from '../../../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('dataset-gen-labelled-')));
afterAll(() => cleanup());

const SHA = 'a'.repeat(64);

async function refusal(given: string): Promise<string> {
  const error = await readLabelledSource(given, 0, '--exclude').then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).not.toMatch(/\n/);
  return (error as Error).message;
}

describe('frameOfImage', () => {
  test.each([
    ['our fields win over the name', { file_name: 'x.jpg', video: 'cam', frame_index: 7 }, 'x.jpg', { video: 'cam', frameIndex: 7, from: 'fields' }],
    ['our name', { file_name: 'images/cam_1_000250.jpg' }, 'cam_1_000250.jpg', { video: 'cam_1', frameIndex: 250, from: 'file-name' }],
    ["behind Label Studio's upload prefix", { file_name: 'x' }, '0a1b2c3d-cam_000250.jpg', { video: 'cam', frameIndex: 250, from: 'file-name' }],
    ['a CVAT frame name has the same shape', { file_name: 'x' }, 'frame_000003.jpg', { video: 'frame', frameIndex: 3, from: 'file-name' }],
    ['too few digits', { file_name: 'x' }, 'cam_250.jpg', null],
    ['not a JPEG name', { file_name: 'x' }, 'cam_000250.png', null],
  ])('%s', (_name, image, base, expected) => {
    expect(frameOfImage(image, base)).toEqual(expected);
  });
});

describe('readLabelledSource', () => {
  test('a dataset folder: frames from the COCO fields, the video sha256 from the manifest, no image read', async () => {
    const dataset = await writeDataset(path.join(dir, 'round-1'), { stem: 'cam', sha256: SHA }, { 0: 0.1, 25: 0.3 });
    const source = await readLabelledSource(dataset, 2, '--exclude');
    expect(source.kind).toBe('dataset');
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(source.images.map((i) => [i.source, i.frame, i.videoSha256, i.look])).toEqual([
      [2, { video: 'cam', frameIndex: 0, from: 'fields' }, SHA, null],
      [2, { video: 'cam', frameIndex: 25, from: 'fields' }, SHA, null],
    ]);
  });

  test("Label Studio's export: result.json beside images/ with prefixed names; every image looked at", async () => {
    const folder = path.join(dir, 'ls');
    await writeImages(path.join(folder, 'images'), { '0a1b2c3d-cam_000025.jpg': 0.3, 'photo.jpg': 0.6 });
    const source = await readLabelledSource(
      await writeCoco(path.join(folder, 'result.json'), [{ file_name: 'images/0a1b2c3d-cam_000025.jpg' }, { file_name: 'images\\photo.jpg' }]),
      0,
      '--exclude',
    );
    expect(source.kind).toBe('coco');
    expect(source.images.map((i) => [i.frame?.video ?? null, i.videoSha256, i.look === null, i.problem])).toEqual([
      ['cam', null, false, null],
      [null, null, false, null],
    ]);
  });

  test("CVAT's export: annotations/instances_default.json with images/default/", async () => {
    const folder = path.join(dir, 'cvat');
    await writeImages(path.join(folder, 'images', 'default'), { 'frame_000000.jpg': 0.3 });
    const coco = await writeCoco(path.join(folder, 'annotations', 'instances_default.json'), [{ file_name: 'frame_000000.jpg' }]);
    expect((await readLabelledSource(coco, 0, '--exclude')).images[0]!.look).not.toBeNull();
  });

  test('only the last part of a listed name is used, inside the folders looked in; a symlink is not followed', async () => {
    const folder = path.join(dir, 'edited');
    await writeImages(dir, { 'secret.jpg': 0.5 });
    await writeImages(path.join(folder, 'images'), {});
    await symlink(path.join(dir, 'secret.jpg'), path.join(folder, 'images', 'linked.jpg'));
    const coco = await writeCoco(path.join(folder, 'result.json'), [{ file_name: '../secret.jpg' }, { file_name: 'linked.jpg' }, { file_name: '..' }]);
    const problems = (await readLabelledSource(coco, 0, '--exclude')).images.map((i) => [i.look, i.problem]);
    expect(problems[0]).toEqual([null, expect.stringMatching(/^secret\.jpg is not beside it/)]);
    expect(problems[1]).toEqual([null, 'images/linked.jpg is a symbolic link, not a file']);
    expect(problems[2]).toEqual([null, '".." is not a file name']);
    // A line break in a listed name cannot split a message in two: the name is shown quoted.
    const broken = await writeCoco(path.join(folder, 'broken-name.json'), [{ file_name: 'evil\nfake: line.jpg' }]);
    expect((await readLabelledSource(broken, 0, '--exclude')).images[0]!.problem).toBe('"evil\\nfake: line.jpg" is not a file name');
  });

  test('an image that is not one is reported, not fatal; its content is in the sha256', async () => {
    const folder = path.join(dir, 'broken');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'a.jpg'), 'not a jpeg');
    const coco = await writeCoco(path.join(folder, 'result.json'), [{ file_name: 'a.jpg' }]);
    const before = await readLabelledSource(coco, 0, '--exclude');
    expect(before.images[0]!.problem).toMatch(/^a\.jpg: /);
    await writeFile(path.join(folder, 'a.jpg'), 'still not a jpeg');
    expect((await readLabelledSource(coco, 0, '--exclude')).sha256).not.toBe(before.sha256);
  });

  test('unreadable sources are refused in one line', async () => {
    const folder = path.join(dir, 'bad');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'text.json'), 'hello');
    await writeFile(path.join(folder, 'shape.json'), JSON.stringify({ images: [{ file_name: 'a.jpg', frame_index: -1 }] }));
    await writeFile(path.join(folder, 'stem.json'), JSON.stringify({ images: [{ file_name: 'a.jpg', video: '../x', frame_index: 1 }] }));
    expect(await refusal(path.join(folder, 'missing.json'))).toMatch(
      /^--exclude .*missing\.json cannot be read \(ENOENT\); give a labelled COCO file or a dataset folder$/,
    );
    expect(await refusal(path.join(folder, 'text.json'))).toMatch(/text\.json is not JSON/);
    expect(await refusal(path.join(folder, 'shape.json'))).toMatch(/shape\.json is not a COCO file with an images list: images\.0\.frame_index: /);
    expect(await refusal(path.join(folder, 'stem.json'))).toMatch(/images\.0\.video: a video file name without its extension/);
    expect(await refusal(folder)).toMatch(
      /bad is not a dataset folder: it has no annotations\/instances\.json; give a labelled COCO file or a dataset folder$/,
    );
  });
});
