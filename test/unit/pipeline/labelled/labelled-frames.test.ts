/**
 * Which sampled frames are already labelled (src/pipeline/labelled/labelled-frames.ts): by the video's
 * content and frame index for dataset-gen's own datasets, by name confirmed by look for renamed
 * copies of its images, by look alone for a labelling tool's own names.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { UsageError } from '../../../../src/errors.js';
import { fitForAnalysis } from '../../../../src/pipeline/filter/analysis.js';
import { LabelledFrames } from '../../../../src/pipeline/labelled/labelled-frames.js';
import { lookOf, type Look } from '../../../../src/pipeline/labelled/labelled-look.js';
import { scene, writeCoco, writeDataset, writeImages } from '../../../support/labelled-sources.js';
import { tempDir } from '../../../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('dataset-gen-labelled-frames-')));
afterAll(() => cleanup());

const SHA = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

const looks = new Map<number, Look>();
async function look(at: number): Promise<Look> {
  if (!looks.has(at)) looks.set(at, lookOf(await fitForAnalysis(scene(at))));
  return looks.get(at)!;
}

/** Whether frame `frameIndex` of video `stem` (content sha256 `sha`), showing the scene at `at`, is labelled. */
async function isLabelled(frames: LabelledFrames, stem: string, frameIndex: number, at: number, sha = SHA): Promise<boolean> {
  return (await frames.match({ video: { stem }, videoSha256: () => Promise.resolve(sha), frameIndex, look: await look(at) })) !== null;
}

describe('LabelledFrames', () => {
  test("dataset-gen's own dataset: the same video's frame index, whatever it looks like; another video of that name is not it", async () => {
    const dataset = await writeDataset(path.join(dir, 'round-1'), { stem: 'cam', sha256: SHA }, { 0: 0.1, 25: 0.3 });
    const frames = await LabelledFrames.load([dataset], ['cam'], '--exclude');
    expect(await isLabelled(frames, 'cam', 25, 0.9)).toBe(true);
    expect(await isLabelled(frames, 'cam', 26, 0.3)).toBe(false);
    expect(await isLabelled(frames, 'cam', 25, 0.3, OTHER)).toBe(false);
    expect(await isLabelled(frames, 'yard', 25, 0.3)).toBe(false);
    expect(frames.summary()).toEqual([
      { path: dataset, kind: 'dataset', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), images: 2, byName: 2, byLook: 0, unread: 0 },
    ]);
    expect(frames.warnings()).toEqual([]);
  });

  test('renamed copies of its images (no manifest): the name must also look like the frame; a name whose file is gone is taken as it is', async () => {
    const folder = path.join(dir, 'ls');
    await writeImages(path.join(folder, 'images'), { '0a1b2c3d-cam_000025.jpg': 0.3 });
    const coco = await writeCoco(path.join(folder, 'result.json'), [
      { file_name: 'images/0a1b2c3d-cam_000025.jpg' },
      { file_name: 'images/0f0f0f0f-cam_000050.jpg' },
    ]);
    const frames = await LabelledFrames.load([coco], ['cam'], '--exclude');
    expect(await isLabelled(frames, 'cam', 25, 0.3)).toBe(true);
    // Another day's cam.mp4: the same name, another scene.
    expect(await isLabelled(frames, 'cam', 25, 0.7)).toBe(false);
    expect(await isLabelled(frames, 'cam', 50, 0.7)).toBe(true);
    expect(frames.summary()[0]).toMatchObject({ images: 2, byName: 2, byLook: 0, unread: 0 });
  });

  test("a labelling tool's own names are matched by look, even names of dataset-gen's shape of a video not in the run", async () => {
    const folder = path.join(dir, 'cvat');
    await writeImages(path.join(folder, 'images', 'default'), { 'frame_000000.jpg': 0.3, 'frame_000001.jpg': 0.6, 'IMG_1.jpg': 0.9 }, 60);
    const coco = await writeCoco(path.join(folder, 'annotations', 'instances_default.json'), [
      { file_name: 'frame_000000.jpg' },
      { file_name: 'frame_000001.jpg' },
      { file_name: 'IMG_1.jpg' },
    ]);
    const frames = await LabelledFrames.load([coco], ['cam'], '--exclude');
    expect(await isLabelled(frames, 'cam', 1234, 0.6)).toBe(true);
    expect(await isLabelled(frames, 'cam', 7, 0.9)).toBe(true);
    expect(await isLabelled(frames, 'cam', 0, 0.45)).toBe(false);
    expect(frames.summary()[0]).toMatchObject({ byName: 0, byLook: 3 });
    // A run of a video named "frame" takes those names at their word.
    expect((await LabelledFrames.load([coco], ['frame'], '--exclude')).summary()[0]).toMatchObject({ byName: 2, byLook: 1 });
  });

  test('a source none of whose images can be matched is refused; one with some is warned about', async () => {
    const folder = path.join(dir, 'no-images');
    const none = await writeCoco(path.join(folder, 'result.json'), [{ file_name: 'IMG_1.jpg' }, { file_name: 'frame_000001.jpg' }]);
    const error = await LabelledFrames.load([none], ['cam'], 'input "exclude"').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /^input "exclude" .*result\.json: none of its 2 images can be matched: .*\(IMG_1\.jpg is not beside it .*\); export the COCO with its images, beside it or in images\/$/,
    );
    await writeImages(folder, { 'IMG_1.jpg': 0.5 });
    const frames = await LabelledFrames.load([none], ['cam'], '--exclude');
    expect(frames.warnings()).toEqual([
      expect.stringMatching(
        /^1 of the 2 labelled images of .*result\.json cannot be matched \(frame_000001\.jpg is not beside it .*\): frames they show may be pre-tagged again$/,
      ),
    ]);
  });
});
