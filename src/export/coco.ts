/**
 * Stage 6b: the COCO file. Built from the recorder's kept images once, at the end: images sorted by
 * (video, frame index), ids from 1 in that order, annotations in image order then detection order,
 * and no wall-clock values, so the same inputs give the same bytes.
 */
import type { CocoAnnotation, CocoDataset, CocoImage } from '../domain/coco.js';
import type { KeptImage } from '../domain/frame-record.js';

export interface CocoContext {
  site: string;
  toolVersion: string;
  /** Category names in id order (id = position + 1). */
  categories: string[];
  /** Order of the run's videos, to sort images by video first. */
  videoOrder: string[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const round4 = (n: number): number => Math.round(n * 10000) / 10000;

export function buildCoco(kept: readonly KeptImage[], context: CocoContext): CocoDataset {
  const categoryId = new Map(context.categories.map((name, i) => [name, i + 1]));
  const videoRank = new Map(context.videoOrder.map((video, i) => [video, i]));
  const sorted = [...kept].sort((a, b) => (videoRank.get(a.video) ?? 0) - (videoRank.get(b.video) ?? 0) || a.frameIndex - b.frameIndex);
  const images: CocoImage[] = [];
  const annotations: CocoAnnotation[] = [];
  sorted.forEach((image, i) => {
    const imageId = i + 1;
    images.push({
      id: imageId,
      file_name: image.file,
      width: image.width,
      height: image.height,
      video: image.video,
      frame_index: image.frameIndex,
      timestamp_ms: image.timestampMs,
      decode: image.decode,
      site: context.site,
    });
    for (const detection of image.detections) {
      const category = categoryId.get(detection.className);
      if (category === undefined) continue;
      const { x, y, width, height } = detection.box;
      const bbox: [number, number, number, number] = [round2(x), round2(y), round2(width), round2(height)];
      annotations.push({
        id: annotations.length + 1,
        image_id: imageId,
        category_id: category,
        bbox,
        area: round2(bbox[2] * bbox[3]),
        segmentation: [],
        iscrowd: 0,
        score: round4(detection.score),
      });
    }
  });
  return {
    info: {
      description: `dataset-gen pre-tagged frames for site ${context.site}`,
      version: context.toolVersion,
      contributor: 'dataset-gen',
      site: context.site,
      url: '',
    },
    licenses: [],
    images,
    annotations,
    categories: context.categories.map((name, i) => ({ id: i + 1, name, supercategory: 'object' })),
  };
}

export function serializeCoco(dataset: CocoDataset): string {
  return `${JSON.stringify(dataset, null, 1)}\n`;
}
