/**
 * Measures how the blur filter separates sharp frames from blurred ones on footage unlike the sample:
 * the sample itself, and made from it or from the fixture photos with ffmpeg: dark, fog (low
 * contrast), sensor noise, a close-up (a crop scaled up: smooth), panning close-ups of photos, a
 * smooth synthetic scene, and the sample at 1080p. In each sequence every 7th frame is blurred as a
 * camera blurs: out of focus (Gaussian, sigma 1.5 and 2.5 at the source size) or motion (a 15-pixel
 * horizontal smear: sharp's convolve needs an odd kernel at least 3 high, so the top and bottom rows are 0). Every frame is scored as the pipeline scores it (fitted for analysis, variance of
 * the Laplacian), then judged by BlurJudge at several ratios, and by the old absolute threshold 50;
 * last, the largest ratio that drops no sharp frame of each footage (the default's margin).
 *
 *   npm run build && node build/test/bench/measure-blur.js [--shared ../shared]
 *
 * Prints a Markdown table per setting: sharp frames dropped (should be 0) and blurred frames caught.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

import { DEFAULT_QUALITY_THRESHOLDS } from '../../src/domain/thresholds.js';
import { fitForAnalysis } from '../../src/pipeline/filter/analysis.js';
import { BlurJudge } from '../../src/pipeline/filter/blur-judge.js';
import { measureQuality } from '../../src/pipeline/filter/quality.js';
import { decodeVideoFrames, runFfmpeg } from '../support/raw-frames.js';

const args = process.argv.slice(2);
const sharedAt = args.indexOf('--shared');
const shared = path.resolve(sharedAt >= 0 ? args[sharedAt + 1]! : '../shared');
const SAMPLE = path.join(shared, 'fixtures/videos/site-walkway.mp4');
const PHOTOS = ['dog', 'person', 'horses', 'kite', 'giraffe'].map((name) => path.join(shared, 'fixtures/images', `${name}.jpg`));
const BLUR_EVERY = 7;

interface Source {
  name: string;
  width: number;
  height: number;
  /** ffmpeg input arguments and the filter giving 1 frame/s at width x height. */
  input: string[];
  filter: string;
}

const at1fps = (extra: string, width = 768, height = 576): string => `fps=1,${extra}${extra ? ',' : ''}scale=${width}:${height}:flags=bicubic,format=rgb24`;

const SOURCES: Source[] = [
  { name: 'sample (street, 768x576)', width: 768, height: 576, input: ['-i', SAMPLE], filter: at1fps('') },
  { name: 'dark (eq brightness -0.3, contrast 0.5)', width: 768, height: 576, input: ['-i', SAMPLE], filter: at1fps('eq=brightness=-0.3:contrast=0.5') },
  { name: 'fog (contrast 0.3, lifted)', width: 768, height: 576, input: ['-i', SAMPLE], filter: at1fps('eq=contrast=0.3:brightness=0.25') },
  { name: 'noise (alls=25, temporal)', width: 768, height: 576, input: ['-i', SAMPLE], filter: at1fps('noise=alls=25:allf=t') },
  { name: 'close-up (centre crop 1/4, scaled up)', width: 768, height: 576, input: ['-i', SAMPLE], filter: at1fps('crop=iw/4:ih/4:iw*3/8:ih*3/8') },
  { name: 'night (dark + noise)', width: 768, height: 576, input: ['-i', SAMPLE], filter: at1fps('eq=brightness=-0.35:contrast=0.4,noise=alls=12:allf=t') },
  { name: '1080p (sample scaled up)', width: 1920, height: 1080, input: ['-i', SAMPLE], filter: at1fps('', 1920, 1080) },
  ...PHOTOS.map((photo) => ({
    name: `photo close-up pan (${path.basename(photo)})`,
    width: 1280,
    height: 720,
    input: ['-loop', '1', '-t', '40', '-i', photo],
    filter: "fps=1,crop=w=iw/2:h=ih/2:x='(iw/2)*t/40':y='ih/4',scale=1280:720:flags=bicubic,format=rgb24",
  })),
  {
    name: 'smooth synthetic (gradients)',
    width: 768,
    height: 576,
    input: ['-f', 'lavfi', '-i', 'gradients=s=768x576:speed=0.02:rate=1:n=3', '-t', '60'],
    filter: 'format=rgb24',
  },
];

type Blur = 'gauss 1.5' | 'gauss 2.5' | 'motion 15';
const BLURS: Blur[] = ['gauss 1.5', 'gauss 2.5', 'motion 15'];

async function blurred(rgb: Buffer, width: number, height: number, kind: Blur): Promise<Buffer> {
  const image = sharp(rgb, { raw: { width, height, channels: 3 } });
  const out =
    kind === 'motion 15'
      ? image.convolve({ width: 15, height: 3, kernel: [...Array<number>(15).fill(0), ...Array<number>(15).fill(1 / 15), ...Array<number>(15).fill(0)] })
      : image.blur(kind === 'gauss 1.5' ? 1.5 : 2.5);
  return out.raw().toBuffer();
}

interface Scored {
  score: number;
  blur: Blur | null;
}

async function scoreSource(source: Source): Promise<Scored[]> {
  const scored: Scored[] = [];
  let i = 0;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'measure-blur-'));
  try {
    // Lossless intermediate (FFV1): the frames as the filter made them, decoded once below.
    const file = path.join(dir, 'frames.mkv');
    await runFfmpeg([...source.input, '-vf', source.filter, '-c:v', 'ffv1', '-y', file]);
    for await (const raw of decodeVideoFrames(file, source.width, source.height)) {
      const blur = i % BLUR_EVERY === BLUR_EVERY - 1 ? BLURS[Math.floor(i / BLUR_EVERY) % BLURS.length]! : null;
      const rgb = blur ? await blurred(raw, source.width, source.height, blur) : raw;
      const fitted = await fitForAnalysis({ rgb, width: source.width, height: source.height });
      scored.push({ score: measureQuality(fitted).blurScore, blur });
      i++;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return scored;
}

interface Outcome {
  sharpDropped: number;
  sharp: number;
  caught: Record<Blur, [number, number]>;
}

function judgeAll(frames: readonly Scored[], judge: (score: number) => boolean): Outcome {
  const outcome: Outcome = { sharpDropped: 0, sharp: 0, caught: { 'gauss 1.5': [0, 0], 'gauss 2.5': [0, 0], 'motion 15': [0, 0] } };
  for (const frame of frames) {
    const dropped = judge(frame.score);
    if (frame.blur === null) {
      outcome.sharp += 1;
      if (dropped) outcome.sharpDropped += 1;
    } else {
      outcome.caught[frame.blur][1] += 1;
      if (dropped) outcome.caught[frame.blur][0] += 1;
    }
  }
  return outcome;
}

function row(name: string, median: number, outcome: Outcome): string {
  const caught = BLURS.map((b) => `${outcome.caught[b][0]}/${outcome.caught[b][1]}`);
  return `| ${name} | ${median.toFixed(0)} | ${outcome.sharpDropped}/${outcome.sharp} | ${caught.join(' | ')} |`;
}

function relative(ratio: number): () => (score: number) => boolean {
  return () => {
    const judge = new BlurJudge({ blurRatio: ratio, blurWindow: DEFAULT_QUALITY_THRESHOLDS.blurWindow });
    return (score) => judge.isBlurred(score);
  };
}

/** The largest ratio (in steps of 0.05) at which no sharp frame of `frames` is dropped. */
function safeRatio(frames: readonly Scored[]): number {
  let safe = 0;
  for (let step = 1; step <= 19; step++) {
    const ratio = step / 20;
    if (judgeAll(frames, relative(ratio)()).sharpDropped > 0) break;
    safe = ratio;
  }
  return safe;
}

async function main(): Promise<void> {
  const scored = new Map<string, Scored[]>();
  for (const source of SOURCES) scored.set(source.name, await scoreSource(source));
  const { blurRatio, blurWindow } = DEFAULT_QUALITY_THRESHOLDS;
  const settings: [string, () => (score: number) => boolean][] = [
    ['absolute threshold 50 (the old default)', () => (score) => score < 50],
    ...[0.3, blurRatio, 0.5].map((ratio): [string, () => (score: number) => boolean] => [
      `relative: ratio ${ratio}, window ${blurWindow}${ratio === blurRatio ? ' (the default)' : ''}`,
      relative(ratio),
    ]),
  ];
  for (const [label, make] of settings) {
    console.log(`\n### ${label}\n`);
    console.log('| footage | median score of sharp frames | sharp frames dropped | gauss 1.5 caught | gauss 2.5 caught | motion 15 caught |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, frames] of scored) {
      const sharpScores = frames
        .filter((f) => f.blur === null)
        .map((f) => f.score)
        .sort((a, b) => a - b);
      console.log(row(name, sharpScores[sharpScores.length >> 1] ?? 0, judgeAll(frames, make())));
    }
  }
  console.log(`\n### Margin: the largest ratio (window ${blurWindow}) that drops no sharp frame\n`);
  console.log('| footage | largest safe ratio |');
  console.log('|---|---:|');
  for (const [name, frames] of scored) console.log(`| ${name} | ${safeRatio(frames).toFixed(2)} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
