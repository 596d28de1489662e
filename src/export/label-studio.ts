/**
 * Label Studio: a tasks file (JSON, a task per image) whose `predictions` carry the detections as
 * `rectanglelabels` regions (position and size in percent of the image, `original_width` and
 * `original_height` in pixels, the detection's `score`), made by `model_version` (model name and the
 * start of its sha256), and the labelling config (XML) that names the same image and labels, so the
 * pre-tags open as editable boxes. Images are referenced as `<images prefix><file name>`: an http(s)
 * URL prefix, Label Studio's local-files path or a relative folder path, which the doors check
 * (`isLabelStudioImagePrefix`, domain/exports.ts) before a prefix gets here. Label names go into the
 * config through `escapeXml` (character references for tab, line breaks and other controls) and into
 * the tasks as JSON strings.
 */
import type { CocoDataset } from '../domain/coco.js';
import { EXPORT_FILES } from '../domain/dataset-files.js';
import type { ExportFile } from './export-file.js';
import { escapeXml } from './xml.js';

/** Names the config and the regions share. */
export const LABEL_STUDIO_NAMES = { image: 'image', labels: 'label' } as const;

export interface LabelStudioContext {
  /** Put before each image's file name (URI-encoded) to make `data.image`. */
  imagePrefix: string;
  /** e.g. `yolov8n@3a5f0c9e1b2d`. */
  modelVersion: string;
  /** Label colour (`#rrggbb`) of a class. */
  colorOf: (name: string) => string;
}

interface Region {
  id: string;
  from_name: string;
  to_name: string;
  type: 'rectanglelabels';
  origin: 'prediction';
  original_width: number;
  original_height: number;
  image_rotation: 0;
  value: { x: number; y: number; width: number; height: number; rotation: 0; rectanglelabels: [string] };
  score: number;
}

/** The labelling config: the image and a rectangle label per COCO category, in category order. */
export function labelStudioConfig(coco: CocoDataset, colorOf: (name: string) => string): string {
  const { image, labels } = LABEL_STUDIO_NAMES;
  return [
    '<View>',
    `  <Image name="${image}" value="$${image}" zoom="true"/>`,
    `  <RectangleLabels name="${labels}" toName="${image}">`,
    ...coco.categories.map((c) => `    <Label value="${escapeXml(c.name)}" background="${escapeXml(colorOf(c.name))}"/>`),
    '  </RectangleLabels>',
    '</View>',
    '',
  ].join('\n');
}

const percent = (value: number, of: number): number => (value / of) * 100;

export function labelStudioExport(coco: CocoDataset, context: LabelStudioContext): ExportFile[] {
  const labelOf = new Map(coco.categories.map((c) => [c.id, c.name]));
  const regions = new Map<number, Region[]>(coco.images.map((image) => [image.id, []]));
  const images = new Map(coco.images.map((image) => [image.id, image]));
  for (const annotation of coco.annotations) {
    const image = images.get(annotation.image_id);
    const label = labelOf.get(annotation.category_id);
    if (!image || label === undefined) continue;
    const [x, y, w, h] = annotation.bbox;
    regions.get(image.id)?.push({
      id: `box${annotation.id}`,
      from_name: LABEL_STUDIO_NAMES.labels,
      to_name: LABEL_STUDIO_NAMES.image,
      type: 'rectanglelabels',
      origin: 'prediction',
      original_width: image.width,
      original_height: image.height,
      image_rotation: 0,
      value: {
        x: percent(x, image.width),
        y: percent(y, image.height),
        width: percent(w, image.width),
        height: percent(h, image.height),
        rotation: 0,
        rectanglelabels: [label],
      },
      score: annotation.score,
    });
  }
  const tasks = coco.images.map((image) => {
    const result = regions.get(image.id) ?? [];
    const mean = result.length > 0 ? result.reduce((sum, r) => sum + r.score, 0) / result.length : 0;
    return {
      data: {
        [LABEL_STUDIO_NAMES.image]: `${context.imagePrefix}${encodeURIComponent(image.file_name)}`,
        file_name: image.file_name,
        video: image.video,
        frame_index: image.frame_index,
        timestamp_ms: image.timestamp_ms,
      },
      predictions: [{ model_version: context.modelVersion, score: Math.round(mean * 10000) / 10000, result }],
    };
  });
  return [
    { path: EXPORT_FILES.labelStudioTasks, content: `${JSON.stringify(tasks, null, 1)}\n` },
    { path: EXPORT_FILES.labelStudioConfig, content: labelStudioConfig(coco, context.colorOf) },
  ];
}
