/** The diff's HTML page (src/pipeline/diff/diff-html.ts) on datasets made here, with grey images: what it shows, and the boxes' colours by pixels. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import { compareDatasets, readDiffPair, type DiffPair } from '../../../../src/pipeline/diff/diff-datasets.js';
import { renderDiffHtml } from '../../../../src/pipeline/diff/diff-html.js';
import type { DatasetDiff } from '../../../../src/pipeline/diff/diff-model.js';
import { BOX_FATES } from '../../../../src/pipeline/diff/diff-thumbnails.js';
import { writeMadeDataset, type MadeFrame } from '../../../support/made-dataset.js';

let root: string;
let pair: DiffPair;
let diff: DatasetDiff;
const HOSTILE = '<script>alert(1)</script>';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'diff-html-'));
  const videos = [{ stem: 'cam', sha256: '4'.repeat(64) }];
  const classNames = ['person', 'car', HOSTILE];
  const frames = (head: boolean): MadeFrame[] => [
    // Frame 0: the person box is removed in head (baseline side: red at its outline).
    { video: 'cam', frameIndex: 0, boxes: head ? [] : [{ className: 'person', score: 0.9, box: [100, 100, 200, 200] }] },
    // Frame 1: a car box is added in head (head side: green), and a box of a hostile class name stays.
    {
      video: 'cam',
      frameIndex: 1,
      boxes: [
        { className: HOSTILE, score: 0.9, box: [10, 10, 50, 50] },
        ...(head ? [{ className: 'car', score: 0.8, box: [300, 200, 200, 160] as [number, number, number, number] }] : []),
      ],
    },
    // Frame 2 kept only in the baseline (blurred in head); frame 3 only in head.
    head ? { video: 'cam', frameIndex: 2, reason: 'blurred' } : { video: 'cam', frameIndex: 2, boxes: [] },
    ...(head ? [{ video: 'cam', frameIndex: 3, boxes: [] }] : []),
  ];
  await writeMadeDataset(path.join(root, 'base'), { videos, frames: frames(false), classNames, images: true });
  await writeMadeDataset(path.join(root, 'head'), { videos, frames: frames(true), classNames, images: true });
  pair = await readDiffPair({ base: 'base', head: 'head', cwd: root });
  diff = compareDatasets(pair);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The pixels of the n-th inline image of the page. */
async function image(html: string, n: number): Promise<{ data: Buffer; width: number }> {
  const uris = [...html.matchAll(/src="data:image\/jpeg;base64,([^"]+)"/g)].map((m) => m[1]!);
  const { data, info } = await sharp(Buffer.from(uris[n]!, 'base64')).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width };
}

function pixel({ data, width }: { data: Buffer; width: number }, x: number, y: number): [number, number, number] {
  const i = (y * width + x) * 3;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

/** The hue a pixel leans to, after JPEG has blurred a 2-pixel outline into the grey around it. */
function hue([r, g, b]: [number, number, number]): 'red' | 'green' | 'grey' | 'other' {
  if (r > g + 40 && r > b + 40) return 'red';
  if (g > r + 30 && g > b + 10) return 'green';
  if (Math.max(r, g, b) - Math.min(r, g, b) < 30) return 'grey';
  return 'other';
}

describe('renderDiffHtml', () => {
  test('the changed frames side by side, then each side’s own frames; one self-contained page, no script', async () => {
    const html = await renderDiffHtml(pair, diff);
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|src="http|href="http/);
    expect(html).toContain('2 of 2 frames kept in both with other boxes');
    expect(html.match(/<div class="sheet pair">/g)).toHaveLength(2);
    expect(html).toContain('Frames kept only in this run');
    expect(html).toContain('cam_000003.jpg · in the baseline: not sampled');
    expect(html).toContain('cam_000002.jpg · in this run: blurred');
    expect(html.match(/data:image\/jpeg;base64,/g)).toHaveLength(6);
  });

  test('boxes take the colour of what happened to them, at their place in the image', async () => {
    const html = await renderDiffHtml(pair, diff);
    // Images are 640x480, thumbnails 480 wide: scale 0.75. Pairs are sorted by change, then file: frame 0 first.
    const removedSide = await image(html, 0);
    expect(BOX_FATES.removed.color).toBe('#d64541');
    expect(hue(pixel(removedSide, 76, 187))).toBe('red');
    const addedSide = await image(html, 3);
    expect(BOX_FATES.added.color).toBe('#2f9e63');
    expect(hue(pixel(addedSide, 226, 225))).toBe('green');
    // The box that stayed is drawn in the neutral grey-blue on both sides, as is the inside of every box.
    for (const side of [await image(html, 2), addedSide]) {
      expect(hue(pixel(side, 8, 30))).toBe('grey');
      expect(hue(pixel(side, 300, 200))).toBe('grey');
    }
    expect(hue(pixel(await image(html, 1), 76, 187))).toBe('grey');
  });

  test('a class name is text, never markup; an image missing from a dataset is named, the page still made', async () => {
    await rm(path.join(root, 'head', 'images', 'cam_000003.jpg'));
    const html = await renderDiffHtml(pair, diff, { frames: 1 });
    expect(html).not.toContain(HOSTILE);
    expect(html).toMatch(/cam_000003\.jpg could not be read: images\/cam_000003\.jpg is missing \(ENOENT\)/);
    expect(html.match(/<div class="sheet pair">/g)).toHaveLength(1);
  });
});
