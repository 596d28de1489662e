/**
 * Labelled sources for `--exclude` tests, made in the test: scenes drawn in memory (a gradient and a
 * few boxes, one box placed by `at`), written as JPEG, and COCO files laid out as dataset-gen, Label
 * Studio and CVAT write them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

import type { RgbImage } from '../../src/domain/frame.js';

/** An 800x600 scene: a diagonal gradient, two fixed boxes and one box at `at` (0..1 across the frame). */
export function scene(at: number, width = 800, height = 600): RgbImage {
  const rgb = Buffer.alloc(width * height * 3);
  const boxes = [
    { x: 80, y: 80, w: 160, h: 120, c: [200, 40, 40] },
    { x: 520, y: 360, w: 200, h: 160, c: [40, 40, 200] },
    { x: Math.round(at * (width - 120)), y: 240, w: 120, h: 240, c: [240, 240, 60] },
  ];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      const g = Math.round(((x + y) / (width + height)) * 180) + 30;
      const box = boxes.find((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
      rgb[p] = box?.c[0] ?? g;
      rgb[p + 1] = box?.c[1] ?? g;
      rgb[p + 2] = box?.c[2] ?? 255 - g;
    }
  }
  return { rgb, width, height };
}

export async function jpeg(image: RgbImage, quality = 90): Promise<Buffer> {
  return sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

export interface ListedImage {
  file_name: string;
  video?: string;
  frame_index?: number;
}

/** Writes `file` with a COCO holding `images` (and no boxes: only the image list matters here). */
export async function writeCoco(file: string, images: readonly ListedImage[]): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  const listed = images.map((image, i) => ({ id: i + 1, width: 800, height: 600, ...image }));
  await writeFile(file, JSON.stringify({ images: listed, annotations: [], categories: [{ id: 1, name: 'person', supercategory: 'object' }] }));
  return file;
}

/** Writes the JPEGs of `images` (name → scene position) into `dir`. */
export async function writeImages(dir: string, images: Record<string, number>, quality = 90): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, at] of Object.entries(images)) await writeFile(path.join(dir, name), await jpeg(scene(at), quality));
}

/** A dataset folder as dataset-gen writes it: manifest (video stems and sha256), COCO with its fields, images. */
export async function writeDataset(dir: string, video: { stem: string; sha256: string }, frames: Record<number, number>): Promise<string> {
  const name = (index: number): string => `${video.stem}_${String(index).padStart(6, '0')}.jpg`;
  const indices = Object.keys(frames).map(Number);
  await writeCoco(
    path.join(dir, 'annotations', 'instances.json'),
    indices.map((index) => ({ file_name: `images/${name(index)}`, video: video.stem, frame_index: index })),
  );
  await writeImages(path.join(dir, 'images'), Object.fromEntries(indices.map((index) => [name(index), frames[index]!])));
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ schemaVersion: 1, videos: [{ path: `/v/${video.stem}.mp4`, ...video }] }));
  return dir;
}
