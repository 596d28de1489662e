/**
 * The COCO file's shape (`annotations/instances.json`): written by the pipeline (export/coco.ts),
 * and the one source the other exports (src/export/) are made from, so every format holds the same
 * boxes.
 */
import type { FrameDecode } from './frame.js';

export interface CocoImage {
  id: number;
  file_name: string;
  width: number;
  height: number;
  video: string;
  frame_index: number;
  timestamp_ms: number;
  /** How the frame was decoded: `sequential` (every frame), `keyframe` or `exact` (see domain/frame.ts). */
  decode: FrameDecode;
  site: string;
}

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  /** [x, y, width, height] in pixels, rounded to 0.01 px. */
  bbox: [number, number, number, number];
  area: number;
  /** Always empty: a box has no outline. CVAT's COCO importer (Datumaro) requires the field. */
  segmentation: [];
  iscrowd: 0;
  score: number;
}

export interface CocoCategory {
  id: number;
  name: string;
  supercategory: string;
}

export interface CocoDataset {
  info: { description: string; version: string; contributor: string; site: string; url: string };
  licenses: { id: number; name: string; url: string }[];
  images: CocoImage[];
  annotations: CocoAnnotation[];
  categories: CocoCategory[];
}

/** A labelled COCO (or the dataset folder that holds one) given to `--exclude`, as the manifest records it. */
export interface LabelledSourceSummary {
  /** The path as given. */
  path: string;
  /** A dataset folder dataset-gen wrote, or a COCO file. */
  kind: 'dataset' | 'coco';
  /** sha256 of what was read of it: the COCO, the manifest, and the sha256 of every image file read. */
  sha256: string;
  /** Images it lists. */
  images: number;
  /** Images known by the frame their name gives, and images known by how they look (renamed ones). */
  byName: number;
  byLook: number;
  /** Images that can be matched neither way (their name is not dataset-gen's and their file cannot be read). */
  unread: number;
}
