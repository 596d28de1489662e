/**
 * Measures the look test of `--exclude` (docs/thresholds.md, "Frames already labelled"): whether a
 * labelled image is taken for its own frame, and which other frames would be taken for it.
 *
 *   npx tsc -p tsconfig.build.json && node build/test/bench/measure-labelled.js [VIDEO] [--sample-fps 5] [--every 5]
 *
 * Frames come as the pipeline gets them (extractFrames, then the analysis image). Every `--every`-th
 * sampled frame is "labelled": written as dataset-gen writes it (JPEG quality 90), and again as a
 * labelling tool might hand it back (that JPEG re-encoded at quality 60; scaled to 480 px wide and
 * re-encoded at quality 50). For each copy the
 * script prints its pHash distance and local change to its own frame, whether `sameLook` takes it for
 * that frame, and how many of the other sampled frames `sameLook` would take for a labelled image
 * (with the nearest such frame's time distance): those a later round would leave out by look.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

import type { RgbImage } from '../../src/domain/frame.js';
import { locateFfmpegTools, withVersions } from '../../src/media/tools.js';
import { extractFrames } from '../../src/pipeline/decode/extract.js';
import { probeVideo } from '../../src/pipeline/decode/probe.js';
import { fitForAnalysis } from '../../src/pipeline/filter/analysis.js';
import { hammingDistance } from '../../src/pipeline/filter/dedup.js';
import { localChange } from '../../src/pipeline/filter/local-change.js';
import { lookOf, lookOfEncoded, sameLook, type Look } from '../../src/pipeline/labelled/labelled-look.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'sample-fps': { type: 'string', default: '5' }, every: { type: 'string', default: '5' } },
});
const video = path.resolve(positionals[0] ?? '../shared/fixtures/videos/site-walkway.mp4');
const fps = Number(values['sample-fps']);
const every = Number(values.every);
const tools = await withVersions(locateFfmpegTools());
const info = await probeVideo(tools, video, 0);

const jpeg = (image: RgbImage, quality: number): Promise<Buffer> =>
  sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();

const frames: { timestampMs: number; look: Look; copies: Look[] }[] = [];
let sampled = 0;
for await (const frame of extractFrames({ tools, video: info, sampling: { mode: 'fps', fps } })) {
  const labelled = sampled++ % every === 0;
  const written = labelled ? await jpeg(frame, 90) : null;
  const copies =
    written === null ? [] : [written, await sharp(written).jpeg({ quality: 60 }).toBuffer(), await sharp(written).resize(480).jpeg({ quality: 50 }).toBuffer()];
  const looks = await Promise.all(copies.map((bytes) => lookOfEncoded(bytes)));
  frames.push({ timestampMs: frame.timestampMs, look: lookOf(await fitForAnalysis(frame)), copies: looks });
}

const range = (list: number[]): string => (list.length === 0 ? 'none' : `${Math.min(...list).toFixed(1)}-${Math.max(...list).toFixed(1)}`);
const labelled = frames.filter((f) => f.copies.length > 0);
console.log(`${path.basename(video)}: ${frames.length} frames at ${fps} frame/s, ${labelled.length} labelled (every ${every}th)`);
for (const [copy, name] of ['written (JPEG 90)', 're-encoded (JPEG 60)', 'scaled to 480 px (JPEG 50)'].entries()) {
  const own = labelled.map((f) => ({
    bits: hammingDistance(f.look.hash, f.copies[copy]!.hash),
    local: localChange(f.look.grey, f.copies[copy]!.grey),
    same: sameLook(f.look, f.copies[copy]!),
  }));
  const others = frames.filter((f) => f.copies.length === 0);
  const taken = others.filter((f) => labelled.some((l) => sameLook(f.look, l.copies[copy]!)));
  const gaps = taken.map((f) => Math.min(...labelled.filter((l) => sameLook(f.look, l.copies[copy]!)).map((l) => Math.abs(l.timestampMs - f.timestampMs))));
  console.log(
    `${name}: own frame ${own.filter((o) => o.same).length} of ${own.length} matched (pHash ${range(own.map((o) => o.bits))} bits, local ${range(own.map((o) => o.local))} levels); ` +
      `other frames taken for a labelled one: ${taken.length} of ${others.length}${gaps.length > 0 ? ` (${range(gaps.map((g) => g / 1000))} s from it)` : ''}`,
  );
}
