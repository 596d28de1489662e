/**
 * The contact sheet of report.html: thumbnails of kept frames, spread evenly over the run, with the
 * detection boxes and class labels burned in. Each thumbnail is the dataset image downscaled by sharp,
 * with the boxes and labels painted into its pixels (thumbnail-overlay.ts; labels in the pixel font of
 * pixel-font.ts, so no system font is needed), written as a baseline JPEG without metadata under
 * `report/thumbs/<image file name>`. Same images and detections → same bytes.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

import { DATASET_FILES } from '../domain/dataset-files.js';
import type { KeptImage } from '../domain/frame-record.js';
import { mapLimit } from './map-limit.js';
import { overlayRects, paintRects } from './thumbnail-overlay.js';

/** Where thumbnails go, relative to the dataset folder (and to report.html, which sits at its root). */
export const THUMBS_DIR = 'report/thumbs';
/** Where the thumbnails of the frames selected for labelling go. */
export const SELECTED_THUMBS_DIR = 'report/selected';
export const DEFAULT_MAX_THUMBNAILS = 24;
/** Never more than this many thumbnails, whatever is asked. */
export const MAX_THUMBNAILS = 200;
export const DEFAULT_THUMB_WIDTH = 480;
/** Thumbnails made at once. */
const THUMBNAIL_CONCURRENCY = 4;

export interface ContactSheetOptions {
  /** Thumbnails made (at most `MAX_THUMBNAILS`). Default 24; 0 makes none. */
  maxThumbnails?: number;
  /** Thumbnail width in pixels (never wider than the image). Default 480. */
  width?: number;
  /** JPEG quality of the thumbnails. Default 80. */
  jpegQuality?: number;
  /** Box and label colour of a class. Default: one blue for every class. */
  colorOf?: (className: string) => string;
  /** Folder of the thumbnails, relative to the dataset folder. Default `THUMBS_DIR`. */
  dir?: string;
}

export interface Thumbnail {
  /** Paths relative to the dataset folder, with `/` separators. */
  image: string;
  thumb: string;
  width: number;
  height: number;
  video: string;
  frameIndex: number;
  timestampMs: number;
  detections: number;
  /** Detections per class, by count descending then name. */
  classes: { name: string; count: number }[];
}

export interface ContactSheet {
  thumbnails: Thumbnail[];
  /** Kept images the thumbnails were chosen from. */
  keptImages: number;
  /** Images whose thumbnail could not be made (missing or unreadable file), with the reason. */
  failed: { image: string; error: string }[];
}

/**
 * `n` items spread evenly over `items` (the middle of each of `n` equal slices), in order. All of
 * them when there are at most `n`.
 */
export function spreadSample<T>(items: readonly T[], n: number): T[] {
  const count = Math.max(0, Math.floor(n));
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / count)] as T);
}

/** Kept images in run order: videos in order of first appearance, then by time, then frame index. */
export function orderKept(kept: readonly KeptImage[]): KeptImage[] {
  const videoRank = new Map<string, number>();
  for (const image of kept) if (!videoRank.has(image.video)) videoRank.set(image.video, videoRank.size);
  return [...kept].sort(
    (a, b) => (videoRank.get(a.video) ?? 0) - (videoRank.get(b.video) ?? 0) || a.timestampMs - b.timestampMs || a.frameIndex - b.frameIndex,
  );
}

function classCounts(image: KeptImage): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const det of image.detections) counts.set(det.className, (counts.get(det.className) ?? 0) + 1);
  return [...counts.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Chooses up to `maxThumbnails` kept images spread over the run, and writes their thumbnails to
 * `<datasetDir>/<dir>/` (default `report/thumbs/`; the folder is emptied first, so it holds exactly
 * this sheet).
 * An image that cannot be read is listed in `failed` instead of failing the report.
 */
export async function buildContactSheet(datasetDir: string, kept: readonly KeptImage[], options: ContactSheetOptions = {}): Promise<ContactSheet> {
  const max = Math.min(MAX_THUMBNAILS, Math.max(0, Math.floor(options.maxThumbnails ?? DEFAULT_MAX_THUMBNAILS)));
  const maxWidth = Math.max(16, Math.floor(options.width ?? DEFAULT_THUMB_WIDTH));
  const quality = Math.min(100, Math.max(1, Math.round(options.jpegQuality ?? 80)));
  const colorOf = options.colorOf ?? (() => '#1f77d0');
  const chosen = spreadSample(orderKept(kept), max);

  const dir = options.dir ?? THUMBS_DIR;
  const thumbsDir = path.join(datasetDir, ...dir.split('/'));
  await rm(thumbsDir, { recursive: true, force: true });
  if (chosen.length > 0) await mkdir(thumbsDir, { recursive: true });

  // A few at once: each thumbnail is a decode and resize, then an encode, on libuv's pool.
  const made = await mapLimit(chosen, THUMBNAIL_CONCURRENCY, async (image): Promise<Thumbnail | { failed: string; error: string }> => {
    const name = path.basename(image.file);
    const imageRel = `${DATASET_FILES.images}/${name}`;
    const width = Math.max(1, Math.min(maxWidth, image.width));
    const height = Math.max(1, Math.round((image.height * width) / Math.max(1, image.width)));
    try {
      const { data, info } = await sharp(path.join(datasetDir, DATASET_FILES.images, name))
        .resize(width, height, { fit: 'fill' })
        .removeAlpha()
        .toColourspace('srgb')
        .raw()
        .toBuffer({ resolveWithObject: true });
      paintRects(data, info.width, info.height, info.channels, overlayRects(image, width, height, colorOf));
      await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
        .jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding: false })
        .toFile(path.join(thumbsDir, name));
    } catch (error) {
      return { failed: imageRel, error: error instanceof Error ? error.message : String(error) };
    }
    return {
      image: imageRel,
      thumb: `${dir}/${name}`,
      width,
      height,
      video: image.video,
      frameIndex: image.frameIndex,
      timestampMs: image.timestampMs,
      detections: image.detections.length,
      classes: classCounts(image),
    };
  });
  const thumbnails: Thumbnail[] = [];
  const failed: ContactSheet['failed'] = [];
  for (const result of made) {
    if ('failed' in result) failed.push({ image: result.failed, error: result.error });
    else thumbnails.push(result);
  }
  return { thumbnails, keptImages: kept.length, failed };
}
