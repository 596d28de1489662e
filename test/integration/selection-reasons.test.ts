/**
 * The labelling budget's reasons on made videos, through the whole pipeline with a detector whose
 * scores the video's colours set (test/support/onnx-builder.ts, the colour-box model: class `a`
 * scores the top half's blue, class `b` the bottom half's). Each video shows class `a` with
 * confidence in long scenes and class `b` in one short scene: with confidence (0.9) in one video,
 * only below `--select-confidence` (0.35) in the other. The first is picked for its class, the
 * second as a frame the model is unsure of, and selection.json and report.md say which in words.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import type { Selection } from '../../src/domain/selection.js';
import { resolveOptions } from '../../src/options/resolve-options.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { makeModelDir, writeColourBoxDetector } from '../support/onnx-builder.js';
import { ffmpeg, tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
let models: Awaited<ReturnType<typeof makeModelDir>>;
let detector: { model: string; config: string };

/**
 * A 64x64 video of scenes, each `seconds` long at 4 frames/s: a top half of (r, 127, blueTop) over a
 * bottom half of (r, 40, blueBottom); r places the box, so scenes differ in look.
 */
async function scenes(file: string, list: readonly { seconds: number; r: number; blueTop: number; blueBottom: number }[]): Promise<string> {
  const hex = (r: number, g: number, b: number): string => `0x${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const parts = list.map(
    ({ seconds, r, blueTop, blueBottom }, i) =>
      `color=c=${hex(r, 127, blueTop)}:s=64x32:r=4:d=${seconds}[t${i}];color=c=${hex(r, 40, blueBottom)}:s=64x32:r=4:d=${seconds}[b${i}];[t${i}][b${i}]vstack[s${i}]`,
  );
  const inputs = list.map((_, i) => `[s${i}]`).join('');
  await ffmpeg([
    '-filter_complex',
    `${parts.join(';')};${inputs}concat=n=${list.length},format=yuv444p[v]`,
    '-map',
    '[v]',
    '-c:v',
    'libx264',
    '-crf',
    '0',
    file,
  ]);
  return file;
}

async function select(video: string, out: string): Promise<{ selection: Selection; report: string }> {
  await runPipeline(
    // Flat colours: every frame is kept (no dedup), and the blur check, which judges a frame against the
    // video's others by its edges, would drop the scenes whose halves differ least.
    resolveOptions({
      video: [video],
      out,
      model: detector.model,
      'model-config': detector.config,
      'sample-fps': '1',
      'dedup-threshold': '-1',
      'blur-ratio': '0',
      select: '5',
    }),
  );
  return {
    selection: JSON.parse(await readFile(path.join(out, 'selection.json'), 'utf8')) as Selection,
    report: await readFile(path.join(out, 'report.md'), 'utf8'),
  };
}

/** Long scenes of class `a` at 0.9, and a 2 s scene of class `b` scoring `rare` (of 255). */
const withRareB = (rare: number) => [
  { seconds: 6, r: 60, blueTop: 230, blueBottom: 0 },
  { seconds: 2, r: 200, blueTop: 0, blueBottom: rare },
  { seconds: 6, r: 120, blueTop: 230, blueBottom: 0 },
];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('dataset-gen-selection-reasons-'));
  models = await makeModelDir();
  detector = await writeColourBoxDetector(models, dir);
}, 60_000);

afterAll(async () => {
  await models.cleanup();
  await cleanup();
});

describe('selection reasons on made videos', () => {
  test('a rare class seen with confidence is picked first, for its class', async () => {
    const { selection, report } = await select(await scenes(path.join(dir, 'confident.mp4'), withRareB(230)), path.join(dir, 'confident'));
    expect(selection.classes).toEqual([
      { name: 'b', frames: 2 },
      { name: 'a', frames: 12 },
    ]);
    expect(selection.uncertainFrames).toBe(0);
    const first = selection.selected[0]!;
    expect([first.reason, first.classes, first.timestampMs >= 6000 && first.timestampMs < 8000]).toEqual(['class', ['b'], true]);
    expect(first.why).toBe('first pick with b scored at least 0.5 (in 2 of 14 kept frames)');
    expect(selection.selected.map((s) => s.reason)).toEqual(['class', 'class', 'spread', 'spread', 'spread']);
    expect(report).toContain(first.why);
  });

  test('a rare class seen only below the confidence is not a class pick: its frame is picked as uncertain', async () => {
    const { selection, report } = await select(await scenes(path.join(dir, 'unsure.mp4'), withRareB(90)), path.join(dir, 'unsure'));
    expect(selection.classes).toEqual([{ name: 'a', frames: 12 }]);
    expect(selection.uncertainFrames).toBe(2);
    expect(selection.selected.map((s) => s.reason)).toEqual(['class', 'uncertain', 'spread', 'spread', 'spread']);
    const unsure = selection.selected[1]!;
    expect([unsure.classes, unsure.uncertain, unsure.timestampMs >= 6000 && unsure.timestampMs < 8000]).toEqual([[], 1, true]);
    expect(unsure.why).toBe('uncertain: the model is unsure of 1 box here (scored below 0.5)');
    expect(report).toContain(unsure.why);
  });
});
