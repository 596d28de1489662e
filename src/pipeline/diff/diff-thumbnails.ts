/**
 * The thumbnails of the diff's HTML page: one frame of one dataset, read back through the trust
 * boundary (a regular file under images/, within its size limit), resized and with its boxes painted
 * in the colour of what happened to each (kept, added, removed, relabelled, moved), as a JPEG data
 * URI so the page is one self-contained file.
 */
import sharp from 'sharp';

import { DATASET_FILES } from '../../domain/dataset-files.js';
import type { Detection } from '../../domain/detection.js';
import type { KeptImage } from '../../domain/frame-record.js';
import { overlayRects, paintRects } from '../../report/thumbnail-overlay.js';
import { PART_FILE_LIMITS } from '../merge/part-schemas.js';
import { readBack } from '../output/read-back.js';

/** What happened to a box, and the colour it is drawn in. */
export const BOX_FATES = {
  same: { label: 'the same', color: '#8a94a3' },
  added: { label: 'added', color: '#2f9e63' },
  removed: { label: 'removed', color: '#d64541' },
  relabelled: { label: 'relabelled', color: '#e69a2e' },
  moved: { label: 'moved', color: '#1f77d0' },
} as const;

export type BoxFate = keyof typeof BOX_FATES;

export const DIFF_THUMB_WIDTH = 480;

/** A JPEG data URI of `image` (from the dataset folder `dir`) with each detection drawn in its fate's colour. */
export async function diffThumbnail(dir: string, image: KeptImage, fateOf: (d: Detection) => BoxFate): Promise<{ uri: string; width: number; height: number }> {
  const bytes = await readBack(dir, `${DATASET_FILES.images}/${image.file}`, PART_FILE_LIMITS.image);
  const width = Math.max(1, Math.min(DIFF_THUMB_WIDTH, image.width));
  const height = Math.max(1, Math.round((image.height * width) / Math.max(1, image.width)));
  const { data, info } = await sharp(bytes)
    .resize(width, height, { fit: 'fill' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (const fate of Object.keys(BOX_FATES) as BoxFate[]) {
    const detections = image.detections.filter((d) => fateOf(d) === fate);
    if (detections.length === 0) continue;
    paintRects(
      data,
      info.width,
      info.height,
      info.channels,
      overlayRects({ ...image, detections }, width, height, () => BOX_FATES[fate].color),
    );
  }
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .jpeg({ quality: 75, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding: false })
    .toBuffer();
  return { uri: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width, height };
}
