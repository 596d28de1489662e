/**
 * How a frame looks, for telling whether it is an image already labelled (`--exclude`): the dedup
 * stage's own measures of the analysis image (its 32x32 grey samples and their 64-bit pHash). A
 * labelled image read back from disk is decoded and fitted exactly as a sampled frame is, so the same
 * frame gives the same measures up to JPEG's changes (0-3 bits of pHash, under 5 levels of local
 * change: docs/thresholds.md). Two looks are the same frame within `LABELLED_LOOK`, whatever
 * thresholds the run's own dedup uses.
 */
import sharp from 'sharp';

import type { RgbImage } from '../../domain/frame.js';
import { LABELLED_LOOK } from '../../domain/thresholds.js';
import { fitForAnalysis } from '../filter/analysis.js';
import { hammingDistance } from '../filter/dedup.js';
import { localChange } from '../filter/local-change.js';
import { dctHash, greySample } from '../filter/phash.js';

export interface Look {
  /** The 64-bit pHash, as 64 characters '0' and '1'. */
  hash: string;
  /** The 32x32 grey samples the hash is made from. */
  grey: Float64Array;
}

/** The most pixels a labelled image may have: far above any camera's frame, far below a decompression bomb. */
const MAX_PIXELS = 100_000_000;

/** The look of an analysis image (a sampled frame after `fitForAnalysis`). */
export function lookOf(image: RgbImage): Look {
  const grey = greySample(image);
  return { hash: dctHash(grey), grey };
}

/** The look of an encoded image (JPEG, PNG, WebP, …), decoded and fitted as a sampled frame is. */
export async function lookOfEncoded(bytes: Buffer): Promise<Look> {
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`decodes to ${info.channels} channels, not RGB`);
  return lookOf(await fitForAnalysis({ rgb: data, width: info.width, height: info.height }));
}

/** Whether two looks are one frame: within `LABELLED_LOOK` of each other. */
export function sameLook(a: Look, b: Look): boolean {
  if (hammingDistance(a.hash, b.hash) > LABELLED_LOOK.hashBits) return false;
  return Math.round(localChange(a.grey, b.grey) * 10) / 10 <= LABELLED_LOOK.localLevels;
}
