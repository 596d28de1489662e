/** How a labelled image is measured against a sampled frame (src/pipeline/labelled/labelled-look.ts). */
import { describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import { fitForAnalysis } from '../../../../src/pipeline/filter/analysis.js';
import { lookOf, lookOfEncoded, sameLook } from '../../../../src/pipeline/labelled/labelled-look.js';
import { jpeg, scene } from '../../../support/labelled-sources.js';

describe('labelled looks', () => {
  test('a frame and its JPEG, even re-encoded at low quality, look the same', async () => {
    const frame = lookOf(await fitForAnalysis(scene(0.5)));
    for (const quality of [95, 75, 50]) expect(sameLook(frame, await lookOfEncoded(await jpeg(scene(0.5), quality)))).toBe(true);
  });

  test('a frame where one object moved does not look the same; the same scene at another size does', async () => {
    const frame = lookOf(await fitForAnalysis(scene(0.5)));
    expect(sameLook(frame, await lookOfEncoded(await jpeg(scene(0.35))))).toBe(false);
    const smaller = await sharp(await jpeg(scene(0.5)))
      .resize(400, 300)
      .jpeg()
      .toBuffer();
    expect(sameLook(frame, await lookOfEncoded(smaller))).toBe(true);
  });

  test('PNG with alpha and greyscale JPEG decode to the same measures as RGB', async () => {
    const { rgb, width, height } = scene(0.2);
    const raw = { raw: { width, height, channels: 3 as const } };
    const png = await sharp(rgb, raw).ensureAlpha().png().toBuffer();
    expect(sameLook(lookOf(await fitForAnalysis(scene(0.2))), await lookOfEncoded(png))).toBe(true);
    const grey = await sharp(rgb, raw).greyscale().jpeg().toBuffer();
    expect((await lookOfEncoded(grey)).hash).toMatch(/^[01]{64}$/);
  });

  test('bytes that are not an image are refused', async () => {
    await expect(lookOfEncoded(Buffer.from('not an image'))).rejects.toThrow();
  });
});
