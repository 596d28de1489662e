/**
 * The contact sheet of report.html: thumbnails of kept frames, spread evenly over the run, with the
 * detection boxes and class labels burned in. Each thumbnail is the dataset image downscaled by sharp
 * with an SVG overlay composited on it (boxes as rectangles, labels in the pixel font of
 * svg-pixel-font.ts, so no system font is needed), written as a baseline JPEG without metadata under
 * `report/thumbs/<image file name>`. Same images and detections → same bytes.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { DATASET_FILES } from '../domain/dataset-files.js';
import type { KeptImage } from '../domain/frame-record.js';
import { mapLimit } from './map-limit.js';
import { GLYPH_ROWS, pixelTextPath, pixelTextWidth } from './svg-pixel-font.js';

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
    (a, b) =>
      (videoRank.get(a.video) ?? 0) - (videoRank.get(b.video) ?? 0) ||
      a.timestampMs - b.timestampMs ||
      a.frameIndex - b.frameIndex,
  );
}

/** Black or white, whichever reads better on `hex` (`#rrggbb`). */
function textColorOn(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#ffffff';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6 ? '#000000' : '#ffffff';
}

/** Only `#rgb`/`#rrggbb` colours reach the SVG; anything else becomes the default blue. */
function safeColor(color: string): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : '#1f77d0';
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Labels show at most this many characters. */
const LABEL_CHARS = 14;

/**
 * The overlay for one thumbnail (`width`×`height`): a box per detection and a label with the class
 * name above the box (inside it when there is no room above). A label that would cover an earlier
 * one is left out; the box stays. Higher-scoring detections are drawn first, so they keep theirs.
 */
export function overlaySvg(image: KeptImage, width: number, height: number, colorOf: (name: string) => string): string {
  const sx = width / Math.max(1, image.width);
  const sy = height / Math.max(1, image.height);
  const scale = width >= 360 ? 2 : 1;
  const stroke = width >= 360 ? 2 : 1;
  const labelHeight = GLYPH_ROWS * scale + 2 * scale + 2;
  const detections = [...image.detections]
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.score - a.d.score || a.i - b.i)
    .map(({ d }) => d);
  const boxes: string[] = [];
  const labels: string[] = [];
  const placed: Rect[] = [];
  for (const det of detections) {
    const color = safeColor(colorOf(det.className));
    const x = Math.round(Math.max(0, det.box.x * sx));
    const y = Math.round(Math.max(0, det.box.y * sy));
    const w = Math.max(1, Math.round(Math.min(width, (det.box.x + det.box.width) * sx)) - x);
    const h = Math.max(1, Math.round(Math.min(height, (det.box.y + det.box.height) * sy)) - y);
    const half = stroke / 2;
    boxes.push(`<rect x="${x + half}" y="${y + half}" width="${Math.max(0, w - stroke)}" height="${Math.max(0, h - stroke)}" fill="none" stroke="${color}" stroke-width="${stroke}"/>`);

    const text = [...det.className].slice(0, LABEL_CHARS).join('');
    const labelWidth = pixelTextWidth(text, scale) + 2 * scale + 2;
    const lx = Math.max(0, Math.min(x, width - labelWidth));
    const ly = y >= labelHeight ? y - labelHeight : Math.min(y, height - labelHeight);
    const area = { x: lx, y: ly, w: labelWidth, h: labelHeight };
    if (text === '' || placed.some((p) => overlaps(p, area))) continue;
    placed.push(area);
    labels.push(
      `<rect x="${lx}" y="${ly}" width="${labelWidth}" height="${labelHeight}" fill="${color}"/>`,
      `<path fill="${textColorOn(color)}" d="${pixelTextPath(text, lx + scale + 1, ly + scale + 1, scale)}"/>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" shape-rendering="crispEdges">` +
    boxes.join('') +
    labels.join('') +
    '</svg>'
  );
}

function classCounts(image: KeptImage): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const det of image.detections) counts.set(det.className, (counts.get(det.className) ?? 0) + 1);
  return [...counts.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Chooses up to `maxThumbnails` kept images spread over the run, and writes their thumbnails to
 * `<datasetDir>/<dir>/` (default `report/thumbs/`; the folder is emptied first, so it holds exactly
 * this sheet).
 * An image that cannot be read is listed in `failed` instead of failing the report.
 */
export async function buildContactSheet(
  datasetDir: string,
  kept: readonly KeptImage[],
  options: ContactSheetOptions = {},
): Promise<ContactSheet> {
  const max = Math.min(MAX_THUMBNAILS, Math.max(0, Math.floor(options.maxThumbnails ?? DEFAULT_MAX_THUMBNAILS)));
  const maxWidth = Math.max(16, Math.floor(options.width ?? DEFAULT_THUMB_WIDTH));
  const quality = Math.min(100, Math.max(1, Math.round(options.jpegQuality ?? 80)));
  const colorOf = options.colorOf ?? (() => '#1f77d0');
  const chosen = spreadSample(orderKept(kept), max);

  const dir = options.dir ?? THUMBS_DIR;
  const thumbsDir = path.join(datasetDir, ...dir.split('/'));
  await rm(thumbsDir, { recursive: true, force: true });
  if (chosen.length > 0) await mkdir(thumbsDir, { recursive: true });

  // A few at once: each thumbnail is a decode, resize, overlay and encode on libuv's pool.
  const made = await mapLimit(chosen, THUMBNAIL_CONCURRENCY, async (image): Promise<Thumbnail | { failed: string; error: string }> => {
    const name = path.basename(image.file);
    const imageRel = `${DATASET_FILES.images}/${name}`;
    const width = Math.max(1, Math.min(maxWidth, image.width));
    const height = Math.max(1, Math.round((image.height * width) / Math.max(1, image.width)));
    try {
      await sharp(path.join(datasetDir, DATASET_FILES.images, name))
        .resize(width, height, { fit: 'fill' })
        .composite([{ input: Buffer.from(overlaySvg(image, width, height, colorOf)), top: 0, left: 0 }])
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
