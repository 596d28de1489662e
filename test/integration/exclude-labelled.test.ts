/**
 * The second round of the labelling loop on real footage (the demo clip, the repository's model):
 * round 1 samples 1 frame/s; round 2 samples 2 frames/s and excludes what round 1 produced, given as
 * round 1's own dataset, as Label Studio exports it back (upload prefix, no dataset-gen fields, no
 * manifest) and as CVAT does (its own names, re-encoded JPEGs, images/default/). Each time exactly
 * round 1's frames are "labelled", none of them is written or selected again, the rest is kept as
 * without --exclude, and metrics, manifest and reports say so. The same clip flipped under the same
 * file name is not taken for it, and range parts made with one exclusion merge, carrying it.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import type { CocoDataset } from '../../src/domain/coco.js';
import type { Selection } from '../../src/domain/selection.js';
import { ConfigError } from '../../src/errors.js';
import type { RunMetrics } from '../../src/observe/metrics-contract.js';
import { resolveOptions, type RawOptions } from '../../src/options/resolve-options.js';
import { mergeDatasets } from '../../src/pipeline/merge/merge.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import type { RunManifest } from '../../src/pipeline/write/manifest.js';
import { DEMO_VIDEO, ffmpeg, MODEL, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;

async function json<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

async function run(out: string, extra: RawOptions = {}, video = DEMO_VIDEO): Promise<string> {
  await runPipeline(resolveOptions({ video: [video], out, model: MODEL, site: 'walkway', ...extra }));
  return out;
}

interface Round {
  coco: CocoDataset;
  metrics: RunMetrics;
  manifest: RunManifest;
  images: string[];
  selection: Selection;
}

async function read(out: string): Promise<Round> {
  return {
    coco: await json<CocoDataset>(path.join(out, 'annotations', 'instances.json')),
    metrics: await json<RunMetrics>(path.join(out, 'metrics.json')),
    manifest: await json<RunManifest>(path.join(out, 'manifest.json')),
    images: (await readdir(path.join(out, 'images'))).sort(),
    selection: await json<Selection>(path.join(out, 'selection.json')),
  };
}

let round1: Round;
let plain: Round;
const ROUND2 = { 'sample-fps': '2', select: '6' } as const;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('dataset-gen-exclude-'));
  round1 = await read(await run(path.join(dir, 'round-1'), { select: '5' }));
  plain = await read(await run(path.join(dir, 'plain'), ROUND2));
}, 240_000);

afterAll(() => cleanup());

/** The frame indices of a round's images. */
const indices = (round: Round): number[] => round.coco.images.map((image) => image.frame_index);

/** Round 2 excludes exactly round 1's frames and keeps the rest as a run without --exclude does. */
function expectSecondRound(round2: Round): void {
  const labelled = indices(round1);
  expect(round2.metrics.frames.labelled).toBe(labelled.length);
  expect(round2.metrics.frames.droppedByReason.labelled).toBe(labelled.length);
  expect(indices(round2)).toEqual(indices(plain).filter((index) => !labelled.includes(index)));
  expect(round2.images.filter((name) => round1.images.includes(name))).toEqual([]);
  expect(round2.selection.selected.map((s) => s.frameIndex).filter((index) => labelled.includes(index))).toEqual([]);
  expect(round2.selection.selected).toHaveLength(6);
  expect(round2.metrics.frameDropRatio).toBe(plain.metrics.frameDropRatio);
  expect(round2.metrics.dataLoss).toEqual([]);
}

describe('--exclude: the next round skips what is labelled', () => {
  test("round 1's own dataset folder: matched by the video's sha256 and frame index", async () => {
    const out = await run(path.join(dir, 'round-2'), { ...ROUND2, exclude: [path.join(dir, 'round-1')] });
    const round2 = await read(out);
    expectSecondRound(round2);
    expect(round2.manifest.labelled).toEqual([
      { path: path.join(dir, 'round-1'), kind: 'dataset', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), images: 20, byName: 20, byLook: 0, unread: 0 },
    ]);
    expect(round2.manifest.config.exclude).toEqual([round2.manifest.labelled[0]!.sha256]);
    expect(round2.manifest.counts.dropped.labelled).toBe(20);
    const report = await readFile(path.join(out, 'report.md'), 'utf8');
    expect(report).toMatch(/\| labelled \| 20 \|/);
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toContain('already labelled');
  });

  test("Label Studio's export of round 1: prefixed names, no fields, no manifest; matched by name and look", async () => {
    const folder = path.join(dir, 'label-studio');
    await mkdir(path.join(folder, 'images'), { recursive: true });
    const images = round1.coco.images.map((image, i) => {
      const name = `${(0xa0b0c0d0 + i).toString(16)}-${path.basename(image.file_name)}`;
      return { id: i + 1, file_name: `images/${name}`, width: image.width, height: image.height, source: image.file_name };
    });
    for (const image of images) await copyFile(path.join(dir, 'round-1', 'images', image.source), path.join(folder, image.file_name));
    await writeFile(path.join(folder, 'result.json'), JSON.stringify({ images: images.map(({ source: _s, ...i }) => i), annotations: [], categories: [] }));
    const round2 = await read(await run(path.join(dir, 'round-2-ls'), { ...ROUND2, exclude: [path.join(folder, 'result.json')] }));
    expectSecondRound(round2);
    expect(round2.manifest.labelled[0]).toMatchObject({ kind: 'coco', images: 20, byName: 20, byLook: 0 });
  });

  test("CVAT's export of round 1: its own names, JPEGs re-encoded, in images/default/; matched by look", async () => {
    const folder = path.join(dir, 'cvat');
    await mkdir(path.join(folder, 'images', 'default'), { recursive: true });
    await mkdir(path.join(folder, 'annotations'), { recursive: true });
    const images = round1.coco.images.map((image, i) => ({
      id: i + 1,
      file_name: `frame_${String(i).padStart(6, '0')}.jpg`,
      width: image.width,
      height: image.height,
    }));
    for (const [i, image] of round1.coco.images.entries()) {
      await ffmpeg(['-i', path.join(dir, 'round-1', 'images', image.file_name), '-q:v', '8', path.join(folder, 'images', 'default', images[i]!.file_name)]);
    }
    const coco = path.join(folder, 'annotations', 'instances_default.json');
    await writeFile(coco, JSON.stringify({ images, annotations: [], categories: [] }));
    const round2 = await read(await run(path.join(dir, 'round-2-cvat'), { ...ROUND2, exclude: [coco] }));
    expectSecondRound(round2);
    expect(round2.manifest.labelled[0]).toMatchObject({ kind: 'coco', images: 20, byName: 0, byLook: 20 });
  });

  test('another video under the same file name is not taken for the labelled one', async () => {
    const other = path.join(dir, 'other', path.basename(DEMO_VIDEO));
    await mkdir(path.dirname(other), { recursive: true });
    await ffmpeg(['-i', DEMO_VIDEO, '-vf', 'hflip', '-c:v', 'libx264', '-preset', 'veryfast', other]);
    const out = await run(path.join(dir, 'round-2-other'), { exclude: [path.join(dir, 'round-1')] }, other);
    expect((await json<RunMetrics>(path.join(out, 'metrics.json'))).frames.labelled).toBe(0);
  });

  test('time ranges made with one exclusion merge and keep it; with different ones they are refused', async () => {
    const part = (name: string, start: string, end: string, exclude: string): Promise<string> =>
      run(path.join(dir, name), { ...ROUND2, start, end, select: '', exclude: [path.join(dir, exclude)] });
    const first = await part('part-a', '0', '10', 'round-1');
    const second = await part('part-b', '10', '', 'round-1');
    const merged = await mergeDatasets({ parts: [first, second], outDir: path.join(dir, 'merged'), overwrite: false });
    expect(merged.metrics.frames.labelled).toBe(20);
    expect(merged.manifest.labelled).toEqual((await json<RunManifest>(path.join(first, 'manifest.json'))).labelled);
    const otherPart = await part('part-c', '10', '', 'plain');
    await expect(mergeDatasets({ parts: [first, otherPart], outDir: path.join(dir, 'refused'), overwrite: false })).rejects.toThrow(ConfigError);
  });
});
