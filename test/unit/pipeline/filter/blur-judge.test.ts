/**
 * Blur judged against the video's own frames (src/pipeline/filter/blur-judge.ts, QualityFilter): sharp but
 * smooth, dark, foggy or close-up footage keeps its frames; a blurred frame among sharp ones of the
 * same footage is dropped. Footage is made here with ffmpeg (lavfi and filters), scored as the
 * pipeline scores it. docs/thresholds.md has the measurements on longer footage (test/bench/measure-blur.ts).
 */
import { describe, expect, test } from '@jest/globals';

import { DEDUP_CHECKPOINT_MS, DEFAULT_QUALITY_THRESHOLDS } from '../../../../src/domain/thresholds.js';
import { fitForAnalysis } from '../../../../src/pipeline/filter/analysis.js';
import { BLUR_WARMUP, BlurJudge } from '../../../../src/pipeline/filter/blur-judge.js';
import { QualityFilter } from '../../../../src/pipeline/filter/quality.js';
import { filterRgb, lavfiFrames } from '../../../support/raw-frames.js';

const W = 768;
const H = 576;

describe('BlurJudge', () => {
  const judge = (scores: number[], ratio = 0.4, window = 15): boolean[] => {
    const j = new BlurJudge({ blurRatio: ratio, blurWindow: window });
    return scores.map((s) => j.isBlurred(s));
  };

  test('keeps the first frames (no reference yet), then drops a score far below the recent median', () => {
    expect(BLUR_WARMUP).toBe(3);
    expect(judge([1, 100, 100, 100, 39, 41])).toEqual([false, false, false, false, true, false]);
  });

  test("low scores throughout are the video's normal: nothing is dropped", () => {
    expect(judge([3, 2, 4, 3, 2, 3, 4, 2, 3]).some(Boolean)).toBe(false);
  });

  test('follows a slow change: a long stretch of low scores becomes the new reference', () => {
    const fogRollsIn = [...Array<number>(10).fill(400), ...Array<number>(30).fill(60)];
    const verdicts = judge(fogRollsIn, 0.4, 15);
    // The first foggy frames stand out; once the window is mostly foggy they are the normal again.
    expect(verdicts.slice(10).filter(Boolean).length).toBeLessThanOrEqual(8);
    expect(verdicts.slice(-15).some(Boolean)).toBe(false);
  });

  test('ratio 0 turns the check off', () => {
    expect(judge([100, 100, 100, 0], 0).some(Boolean)).toBe(false);
  });
});

/** `count` frames of a lavfi scene through `filter`, fitted for analysis like the pipeline's. */
async function footage(graph: string, filter: string, count: number): Promise<Buffer[]> {
  const frames = await lavfiFrames(`${graph},${filter}`, W, H, count);
  return frames;
}

async function verdicts(frames: readonly Buffer[]): Promise<(string | null)[]> {
  const filter = new QualityFilter(DEFAULT_QUALITY_THRESHOLDS);
  const out: (string | null)[] = [];
  for (const [i, rgb] of frames.entries()) {
    const fitted = await fitForAnalysis({ rgb, width: W, height: H });
    out.push(filter.assess({ ...fitted, corrupt: false }, i * 1000).reason);
  }
  return out;
}

describe('QualityFilter checkpoints', () => {
  test('starts its recent frames afresh at every decision checkpoint, as dedup does (ranges replay from there)', async () => {
    const [sharp] = await lavfiFrames(`testsrc2=size=320x240:rate=1`, 320, 240, 1);
    const soft = await filterRgb(sharp!, 320, 240, 'gblur=sigma=3');
    const image = (rgb: Buffer) => ({ rgb, width: 320, height: 240, corrupt: false });
    const filter = new QualityFilter(DEFAULT_QUALITY_THRESHOLDS);
    for (let i = 0; i < 5; i++) expect(filter.assess(image(sharp!), i * 1000).reason).toBeNull();
    expect(filter.assess(image(soft), 5000).reason).toBe('blurred');
    // The first frame after the checkpoint has no reference: kept, as in a run that starts there.
    expect(filter.assess(image(soft), DEDUP_CHECKPOINT_MS).reason).toBeNull();
  });
});

describe('QualityFilter on footage unlike the sample', () => {
  // A moving test pattern, as a scene: detail that changes a little from frame to frame.
  const scene = `testsrc2=size=${W}x${H}:rate=5`;
  const kinds: [string, string, string][] = [
    ['smooth (a gradient scene)', `gradients=size=${W}x${H}:rate=5:speed=0.05`, 'null'],
    ['dark (eq brightness -0.35, contrast 0.35)', scene, 'eq=brightness=-0.35:contrast=0.35'],
    ['fog (contrast 0.3, lifted)', scene, 'eq=contrast=0.3:brightness=0.25'],
    ['close-up (a crop scaled up 4x)', scene, `crop=${W / 4}:${H / 4},scale=${W}:${H}:flags=bicubic`],
    ['sensor noise', scene, 'noise=alls=25:allf=t'],
  ];

  test.each(kinds)('%s: every sharp frame is kept', async (_name, graph, filter) => {
    const reasons = await verdicts(await footage(graph, filter, 12));
    expect(reasons.filter((r) => r !== null)).toEqual([]);
  });

  test.each(kinds.filter(([name]) => !name.startsWith('smooth')))(
    '%s: a frame blurred with sigma 2.5 among sharp ones is dropped',
    async (_name, graph, filter) => {
      const frames = await footage(graph, filter, 8);
      const blurred = await filterRgb(frames[6]!, W, H, 'gblur=sigma=2.5');
      const reasons = await verdicts([...frames.slice(0, 6), blurred, frames[7]!]);
      expect(reasons).toEqual([null, null, null, null, null, null, 'blurred', null]);
    },
  );
});
