/** `dataset-gen diff` on datasets made here (test/support/made-dataset.ts): every number against the made rows. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { UsageError } from '../../../../src/errors.js';
import { diffDatasets, diffJson } from '../../../../src/pipeline/diff/diff-datasets.js';
import { renderDiffMarkdown } from '../../../../src/pipeline/diff/diff-markdown.js';
import { MADE_CLASSES, MADE_MODEL_SHA256, writeMadeDataset, type MadeBox, type MadeDataset, type MadeFrame } from '../../../support/made-dataset.js';

let root: string;
let count = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'diff-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const SHA_A = '1'.repeat(64);
const SHA_B = '2'.repeat(64);
const person = (x: number, score = 0.8): MadeBox => ({ className: 'person', score, box: [x, 100, 40, 100] });
const car = (x: number, score = 0.7): MadeBox => ({ className: 'car', score, box: [x, 300, 120, 60] });

/** Ten frames of video "cam" (indexes 0, 10, … 90), each with a person and a car. */
function tenFrames(): MadeFrame[] {
  return Array.from({ length: 10 }, (_, i) => ({ video: 'cam', frameIndex: i * 10, boxes: [person(10 + i * 5), car(300)] }));
}

async function made(dataset: Partial<MadeDataset> = {}): Promise<string> {
  return writeMadeDataset(path.join(root, `d${++count}`), { videos: [{ stem: 'cam', sha256: SHA_A }], frames: tenFrames(), ...dataset });
}

async function diff(base: string, head: string): ReturnType<typeof diffDatasets> {
  return diffDatasets({ base, head, cwd: root });
}

describe('diffDatasets', () => {
  test('identical datasets (another run id): no change, nothing listed, Markdown says so first', async () => {
    const result = await diff(await made(), await made({ runId: 'made000002' }));
    expect(result.verdict).toBe('no-change');
    expect(result.headline).toBe('No change: 10 images, 20 detections, the same frames and boxes');
    expect(result.settings).toEqual([]);
    expect(result.frameChanges).toEqual({ added: [], removed: [], unchanged: 10, changed: [], boxes: { added: 0, removed: 0, relabelled: 0, moved: 0 } });
    expect(result.detections.byClass).toEqual([
      { name: 'car', before: 10, after: 10 },
      { name: 'person', before: 10, after: 10 },
    ]);
    const markdown = renderDiffMarkdown(result);
    expect(markdown.split('\n')[0]).toBe('**No change**: 10 images, 20 detections, the same frames and boxes');
    expect(markdown).not.toContain('Settings that differ');
  });

  test('a dataset against itself: no change', async () => {
    const dir = await made();
    expect((await diff(dir, dir)).verdict).toBe('no-change');
  });

  test('changed thresholds: the options that differ, frames dropped by reason, frames kept on one side only with their fate', async () => {
    const base = await made();
    const frames = tenFrames();
    // Stricter dedup drops frames 20 and 30; frame 95, not sampled before, is kept now.
    frames[2] = { video: 'cam', frameIndex: 20, reason: 'duplicate' };
    frames[3] = { video: 'cam', frameIndex: 30, reason: 'duplicate' };
    frames.push({ video: 'cam', frameIndex: 95, boxes: [person(500)] });
    const head = await made({ frames, config: { dedupThreshold: 6, quality: { blurRatio: 0.5 } } });
    const result = await diff(base, head);
    expect(result.verdict).toBe('changed');
    expect(result.settings).toEqual([
      { path: 'config.dedupThreshold', before: 2, after: 6 },
      { path: 'config.quality.blurRatio', before: 0.4, after: 0.5 },
    ]);
    expect(result.frames.sampled).toEqual({ before: 10, after: 11 });
    expect(result.frames.kept).toEqual({ before: 10, after: 9 });
    expect(result.frames.droppedByReason.duplicate).toEqual({ before: 0, after: 2 });
    expect(result.frameChanges.removed.map((m) => [m.file, m.other])).toEqual([
      ['cam_000020.jpg', 'duplicate'],
      ['cam_000030.jpg', 'duplicate'],
    ]);
    expect(result.frameChanges.added).toEqual([{ sha256: SHA_A, frameIndex: 95, file: 'cam_000095.jpg', other: 'not sampled' }]);
    expect(result.detections.total).toEqual({ before: 20, after: 17 });
    expect(result.headline).toBe('Changed: images 10 → 9 (−1, −10.0 %); detections 20 → 17 (−3, −15.0 %); frames: 1 added, 2 removed; 2 settings differ');
    const markdown = renderDiffMarkdown(result);
    expect(markdown).toMatch(/^\*\*Changed\*\*: images 10 → 9/);
    expect(markdown).toContain('| Images kept | 10 | 9 | −1 (−10.0 %) |');
    expect(markdown).toContain('| duplicate | 0 | 2 | +2 |');
    expect(markdown).toContain('| config.dedupThreshold | 2 | 6 |');
  });

  test('changed model: its sha256 and classes differ, a class lost and one gained, machine paths ignored', async () => {
    const base = await made();
    const frames = tenFrames().map((f) => ({ ...f, boxes: [person(10 + f.frameIndex / 2), { ...car(300), className: 'vehicle' }] }));
    const head = await made({ frames, modelSha256: 'b'.repeat(64), classNames: ['person', 'vehicle'], config: { modelPath: '/elsewhere/m.onnx' } });
    const result = await diff(base, head);
    expect(result.settings.map((s) => s.path)).toEqual(['model.classNames', 'model.sha256']);
    expect(result.settings[1]).toEqual({ path: 'model.sha256', before: MADE_MODEL_SHA256, after: 'b'.repeat(64) });
    expect(result.detections.lost).toEqual(['car']);
    expect(result.detections.gained).toEqual(['vehicle']);
    // Each car box is now a vehicle box in the same place: relabelled, not added and removed.
    expect(result.frameChanges.boxes).toEqual({ added: 0, removed: 0, relabelled: 10, moved: 0 });
    expect(result.frameChanges.changed[0]!.relabelled[0]).toMatchObject({ before: { className: 'car' }, after: { className: 'vehicle' } });
    expect(result.headline).toContain('classes lost: car; classes new: vehicle');
    expect(renderDiffMarkdown(result)).toContain('| car **(lost)** | 10 | 0 | −10 |');
  });

  test('a frame whose box moved a little, moved away, or changed class', async () => {
    const base = await made();
    const frames = tenFrames();
    frames[0] = { ...frames[0]!, boxes: [person(10 + 6), car(300)] }; // 40 px wide box shifted 6 px: IoU 34/46 = 0.74, moved
    frames[1] = { ...frames[1]!, boxes: [person(400), car(300)] }; // far away: removed and added
    frames[2] = { ...frames[2]!, boxes: [person(20), { ...car(300), className: 'truck' }] }; // relabelled
    const result = await diff(base, await made({ frames }));
    const byFile = new Map(result.frameChanges.changed.map((c) => [c.file, c]));
    expect([...byFile.keys()]).toEqual(['cam_000010.jpg', 'cam_000000.jpg', 'cam_000020.jpg']);
    const moved = byFile.get('cam_000000.jpg')!;
    expect(moved.moved).toHaveLength(1);
    expect(moved.moved[0]!.iou).toBeCloseTo(34 / 46, 9);
    expect(moved.paired).toBe(2);
    const away = byFile.get('cam_000010.jpg')!;
    expect(away.added.map((b) => b.box.x)).toEqual([400]);
    expect(away.removed.map((b) => b.box.x)).toEqual([15]);
    expect(byFile.get('cam_000020.jpg')!.relabelled).toHaveLength(1);
    expect(result.frameChanges.unchanged).toBe(7);
    expect(result.frameChanges.boxes).toEqual({ added: 1, removed: 1, relabelled: 1, moved: 1 });
    expect(result.detections.total).toEqual({ before: 20, after: 20 });
    expect(result.verdict).toBe('changed');
  });

  test('videos by content: a renamed file keeps its frames, new content under an old name is another video', async () => {
    const base = await made();
    const renamed = await made({ videos: [{ stem: 'cam-renamed', sha256: SHA_A }], frames: tenFrames().map((f) => ({ ...f, video: 'cam-renamed' })) });
    const same = await diff(base, renamed);
    expect(same.videos).toEqual({ added: [], removed: [], same: 1, replacedStems: [] });
    expect(same.frameChanges.unchanged).toBe(10);
    expect(same.verdict).toBe('no-change');
    const replaced = await diff(base, await made({ videos: [{ stem: 'cam', sha256: SHA_B }] }));
    expect(replaced.videos.replacedStems).toEqual(['cam']);
    expect(replaced.frameChanges.added).toHaveLength(10);
    expect(replaced.frameChanges.removed).toHaveLength(10);
    expect(replaced.frameChanges.added[0]!.other).toBe('not sampled');
  });

  test("the gates each dataset was checked against; 'not recorded' for a dataset made before they were", async () => {
    const gate = { name: 'input "min-images"', threshold: 10, actual: 10, passed: true };
    const result = await diff(await made(), await made({ gates: [{ ...gate, actual: 9, passed: false }] }));
    expect(result.gates).toEqual({ before: null, after: [{ ...gate, actual: 9, passed: false }] });
    expect(renderDiffMarkdown(result)).toContain('| Quality gates | not recorded | **1 missed** of 1 |');
  });

  test('names from the dataset cannot break the table or inject HTML', async () => {
    const classNames = [...MADE_CLASSES, '<img src=x onerror=alert(1)>|'];
    const frames = tenFrames().map((f) => ({ ...f, boxes: [...f.boxes!, { className: classNames[4]!, score: 0.9, box: [0, 0, 5, 5] as MadeBox['box'] }] }));
    const markdown = renderDiffMarkdown(await diff(await made(), await made({ frames, classNames })));
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;\\| **(new)**');
  });

  test('unreadable input: one line naming the folder, no stack', async () => {
    const missing = path.join(root, 'nothing-here');
    await expect(diff(missing, await made())).rejects.toThrow(UsageError);
    await expect(diff(missing, await made())).rejects.toThrow(/^\S*nothing-here does not exist; pass folders written by dataset-gen run$/);
    const notFinished = await made();
    await rm(path.join(notFinished, 'manifest.json'));
    await expect(diff(await made(), notFinished)).rejects.toThrow(/^\S+ is not a finished dataset-gen dataset: manifest\.json is missing \(ENOENT\)/);
  });
});

describe('renderDiffMarkdown on a large diff', () => {
  let result: Awaited<ReturnType<typeof diffDatasets>>;
  beforeAll(async () => {
    // 20 000 frames, every one with its boxes changed, and 2 000 kept on one side only.
    const frames = (shift: number): MadeFrame[] =>
      Array.from({ length: 22_000 }, (_, i) => ({ video: 'cam', frameIndex: i + (i >= 20_000 ? shift : 0), boxes: [person(10 + shift * 200), car(300)] }));
    result = await diff(await made({ frames: frames(0) }), await made({ frames: frames(1_000_000) }));
  });

  test.each([
    ['a job summary (1 MiB)', 1024 * 1024],
    ['a pull-request comment', 65_000],
    ['a tight budget', 4_000],
  ])('fits %s and says it shortened the tables; every <details> is closed', (_, limit) => {
    expect(result.frameChanges.changed).toHaveLength(20_000);
    expect(result.frameChanges.added).toHaveLength(2_000);
    const markdown = renderDiffMarkdown(result, { limitBytes: limit });
    expect(Buffer.byteLength(markdown, 'utf8')).toBeLessThanOrEqual(limit);
    expect(markdown).toContain('every row is in the JSON diff');
    expect(markdown.split('<details>').length).toBe(markdown.split('</details>').length);
    expect(markdown.split('\n')[0]).toMatch(
      /^\*\*Changed\*\*: images 22000 \(same\); detections 44000 \(same\); frames: 2000 added, 2000 removed, 20000 with other boxes$/,
    );
  });

  test('the JSON holds every row', () => {
    const parsed = JSON.parse(diffJson(result)) as typeof result;
    expect(parsed.frameChanges.changed).toHaveLength(20_000);
    expect(Object.keys(parsed).slice(0, 5)).toEqual(['schemaVersion', 'base', 'head', 'verdict', 'headline']);
  });
});
