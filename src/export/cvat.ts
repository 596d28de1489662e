/**
 * CVAT for images 1.1: one XML file with the task's label list (rectangle labels, in COCO category
 * order) and an `<image>` per image (its file name and size) holding a `<box>` per detection, corners
 * `xtl ytl xbr ybr` in pixels with two decimals, `source="auto"` (made by a model). CVAT matches the
 * images by name when the file is uploaded to a task that holds them, and needs the task's labels
 * first: `cvat-labels.json` holds them as the JSON CVAT's label editor takes in its Raw tab (an array
 * of `{ name, color, type, attributes }`, names unique, colours `#rrggbb`).
 */
import type { CocoDataset } from '../domain/coco.js';
import { EXPORT_FILES } from '../domain/dataset-files.js';
import type { ExportFile } from './export-file.js';
import { escapeXml } from './xml.js';

export interface CvatContext {
  /** The task name CVAT shows. */
  taskName: string;
  /** Label colour (`#rrggbb`) of a class. */
  colorOf: (name: string) => string;
}

const px = (value: number): string => value.toFixed(2);

export function cvatExport(coco: CocoDataset, context: CvatContext): ExportFile[] {
  const labelOf = new Map(coco.categories.map((c) => [c.id, c.name]));
  const boxes = new Map<number, string[]>(coco.images.map((image) => [image.id, []]));
  for (const annotation of coco.annotations) {
    const label = labelOf.get(annotation.category_id);
    if (label === undefined) continue;
    const [x, y, w, h] = annotation.bbox;
    boxes
      .get(annotation.image_id)
      ?.push(
        `    <box label="${escapeXml(label)}" source="auto" occluded="0" xtl="${px(x)}" ytl="${px(y)}" xbr="${px(x + w)}" ybr="${px(y + h)}" z_order="0">\n    </box>`,
      );
  }
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<annotations>',
    '  <version>1.1</version>',
    '  <meta>',
    '    <task>',
    `      <name>${escapeXml(context.taskName)}</name>`,
    `      <size>${coco.images.length}</size>`,
    '      <mode>annotation</mode>',
    '      <overlap>0</overlap>',
    '      <labels>',
    ...coco.categories.flatMap((c) => [
      '        <label>',
      `          <name>${escapeXml(c.name)}</name>`,
      `          <color>${escapeXml(context.colorOf(c.name))}</color>`,
      '          <type>rectangle</type>',
      '          <attributes>',
      '          </attributes>',
      '        </label>',
    ]),
    '      </labels>',
    '    </task>',
    '  </meta>',
    ...coco.images.flatMap((image, i) => {
      const inner = boxes.get(image.id) ?? [];
      return [`  <image id="${i}" name="${escapeXml(image.file_name)}" width="${image.width}" height="${image.height}">`, ...inner, '  </image>'];
    }),
    '</annotations>',
    '',
  ];
  const labels = coco.categories.map((c) => ({ name: c.name, color: context.colorOf(c.name), type: 'rectangle', attributes: [] }));
  return [
    { path: EXPORT_FILES.cvat, content: lines.join('\n') },
    { path: EXPORT_FILES.cvatLabels, content: `${JSON.stringify(labels, null, 2)}\n` },
  ];
}
