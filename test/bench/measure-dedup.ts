/**
 * Measures dedup's local check (docs/thresholds.md, "Local change"): what each local threshold drops
 * on a video, and how many of those drops were new content.
 *
 *   npx tsc -p tsconfig.build.json && node build/test/bench/measure-dedup.js VIDEO \
 *     [--sample-fps 2] [--reference instances.json] [--perturb FILTER]...
 *
 * Frames come as the pipeline gets them (extractFrames, then the 640 px analysis image). For each
 * local threshold, the real `Deduplicator` (pHash threshold at its default) is run over the sampled
 * frames and prints how many it keeps and drops. With `--reference` (the COCO of a run of the same
 * video and sampling with `--dedup-threshold -1`), a drop is "novel" when its per-class counts of
 * detections with score >= 0.5 differ from those of the last kept frame.
 *
 * `--perturb FILTER` (repeatable) measures true duplicates instead: one sampled frame every 10 s is
 * decoded again through the ffmpeg filter (noise, eq, ...) and its local change against the
 * original is printed (min, median, max), next to its pHash distance.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

import type { RgbImage } from '../../src/domain/frame.js';
import { DEFAULT_DEDUP_THRESHOLD, LOCAL_CHANGE_MAX } from '../../src/domain/thresholds.js';
import { locateFfmpegTools, withVersions } from '../../src/media/tools.js';
import { extractFrames } from '../../src/pipeline/decode/extract.js';
import { probeVideo } from '../../src/pipeline/decode/probe.js';
import { fitForAnalysis } from '../../src/pipeline/filter/analysis.js';
import { Deduplicator, hammingDistance } from '../../src/pipeline/filter/dedup.js';
import { localChange } from '../../src/pipeline/filter/local-change.js';
import { greySample, phash64 } from '../../src/pipeline/filter/phash.js';
import { decodeVideoFrames } from '../support/raw-frames.js';
import { classCountsByFrame } from './dedup-novelty.js';

const LOCAL_THRESHOLDS = [0, 4, 8, 12, 16, 20, 25, 30, 40, LOCAL_CHANGE_MAX];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'sample-fps': { type: 'string', default: '2' },
    reference: { type: 'string' },
    perturb: { type: 'string', multiple: true, default: [] },
  },
});
const video = path.resolve(positionals[0] ?? '../shared/fixtures/videos/site-walkway.mp4');
const fps = Number(values['sample-fps']);
const tools = await withVersions(locateFfmpegTools());
const info = await probeVideo(tools, video, 0);

const frames: { frameIndex: number; image: RgbImage }[] = [];
for await (const frame of extractFrames({ tools, video: info, sampling: { mode: 'fps', fps } })) {
  frames.push({ frameIndex: frame.frameIndex, image: await fitForAnalysis(frame) });
}

const summary = (list: number[]): string => {
  const s = [...list].sort((a, b) => a - b);
  return s.length === 0 ? 'none' : `min ${s[0]!.toFixed(1)}, median ${s[Math.floor(s.length / 2)]!.toFixed(1)}, max ${s.at(-1)!.toFixed(1)}`;
};

const greys = frames.map((f) => greySample(f.image));
console.log(`${path.basename(video)}: ${frames.length} frames at ${fps} frame/s`);
console.log(`consecutive local change: ${summary(greys.slice(1).map((g, i) => localChange(g, greys[i]!)))}`);

const counts = values.reference ? await classCountsByFrame(path.resolve(values.reference)) : null;
console.log('| local threshold | kept | dropped | novel drops |');
console.log('|---|---|---|---|');
for (const local of LOCAL_THRESHOLDS) {
  const dedup = new Deduplicator(DEFAULT_DEDUP_THRESHOLD, local);
  let reference = -1;
  let dropped = 0;
  const novel: string[] = [];
  for (const { frameIndex, image } of frames) {
    const result = dedup.check(image, 0);
    if (!result.duplicate) {
      reference = frameIndex;
    } else {
      dropped++;
      if (counts && counts.get(`${info.stem}:${frameIndex}`) !== counts.get(`${info.stem}:${reference}`))
        novel.push(`${frameIndex} (local ${result.localChange})`);
    }
  }
  const novelText = counts ? `${novel.length}${novel.length > 0 ? `: ${novel.join(', ')}` : ''}` : 'n/a';
  console.log(`| ${local === LOCAL_CHANGE_MAX ? `${local} (pHash only)` : local} | ${frames.length - dropped} | ${dropped} | ${novelText} |`);
}

if (values.perturb.length > 0) {
  const { width, height } = info;
  const every = Math.max(1, Math.round(10 * fps));
  const picked = frames.filter((_, i) => i % every === 0);
  const select = `select='${picked.map((f) => `eq(n\\,${f.frameIndex})`).join('+')}'`;
  for (const filter of values.perturb) {
    const changes: number[] = [];
    const distances: number[] = [];
    let i = 0;
    for await (const rgb of decodeVideoFrames(video, width, height, `${select},${filter}`)) {
      const original = picked[i++]!.image;
      const perturbed = await fitForAnalysis({ rgb, width, height });
      changes.push(localChange(greySample(perturbed), greySample(original)));
      distances.push(hammingDistance(phash64(perturbed), phash64(original)));
    }
    console.log(`perturb ${filter}: ${picked.length} frames, local change ${summary(changes)}; pHash distance ${summary(distances)}`);
  }
}
