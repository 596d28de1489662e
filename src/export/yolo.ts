/**
 * The Ultralytics YOLO detection layout, beside the dataset's `images/`: one `labels/<image stem>.txt`
 * per image (every image, an empty file when it has no boxes), a line `class cx cy w h` per box with
 * the centre and size normalised by the image's width and height; `train.txt` and `val.txt` listing
 * the images of each split (validation-split.ts), each line `./images/<file>`, which Ultralytics
 * reads relative to the list file's folder; and `data.yaml` naming the lists and the COCO categories
 * (categories.ts: the classes the dataset holds in the model's order, or with `--labels all` the
 * model's list, whose class numbers are the model's own: a fine-tune keeps its head). It has no
 * `path`: Ultralytics then resolves the lists against the yaml's own folder (a relative `path` that
 * exists would be taken from the working folder instead), so `yolo train data=<dataset>/data.yaml`
 * works from any folder.
 */
import type { CocoDataset, CocoImage } from '../domain/coco.js';
import { DATASET_FILES, EXPORT_FILES, labelFileName } from '../domain/dataset-files.js';
import type { ExportFile } from './export-file.js';
import { validationImageIds } from './validation-split.js';

/** Eight decimals: under 1e-4 px of error on an 8K-wide image. */
const normalised = (value: number): string => value.toFixed(8);

/**
 * Escaped in a double-quoted scalar: `"` and `\` (as `\"` and `\\`), and as `\uXXXX` what YAML does not
 * allow unescaped (C0 controls, DEL, C1 controls, U+FFFE, U+FFFF, unpaired surrogates), what YAML 1.1
 * readers such as PyYAML take for line breaks and fold (NEL, U+2028, U+2029), and the byte-order mark.
 */
// eslint-disable-next-line no-control-regex
const YAML_ESCAPED = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/gu;

/** A YAML double-quoted scalar that YAML 1.1 and 1.2 readers read back as `text`, exactly. */
export function yamlString(text: string): string {
  const escape = (c: string): string => (c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${text.replace(YAML_ESCAPED, escape)}"`;
}

export interface YoloContext {
  /** Share of each video's images in the validation split (`--val-fraction`); 0: none, and `val` is the training list. */
  valFraction: number;
}

export function yoloExport(coco: CocoDataset, context: YoloContext): ExportFile[] {
  // Class numbers are the categories' order: the model's own with `--labels all`.
  const names = coco.categories.map((category) => category.name);
  const byCategory = new Map(coco.categories.map((category, i) => [category.id, i]));
  const lines = new Map<number, string[]>(coco.images.map((image) => [image.id, []]));
  const sizes = new Map(coco.images.map((image) => [image.id, image]));
  for (const annotation of coco.annotations) {
    const image = sizes.get(annotation.image_id);
    const classNumber = byCategory.get(annotation.category_id);
    if (!image || classNumber === undefined) continue;
    const [x, y, w, h] = annotation.bbox;
    lines
      .get(image.id)
      ?.push(
        [
          String(classNumber),
          normalised((x + w / 2) / image.width),
          normalised((y + h / 2) / image.height),
          normalised(w / image.width),
          normalised(h / image.height),
        ].join(' '),
      );
  }
  const labels = coco.images.map((image): ExportFile => {
    const rows = lines.get(image.id) ?? [];
    return { path: `${EXPORT_FILES.yoloLabels}/${labelFileName(image.file_name)}`, content: rows.length > 0 ? `${rows.join('\n')}\n` : '' };
  });
  const validation = validationImageIds(coco.images, context.valFraction);
  const listOf = (images: readonly CocoImage[]): string => images.map((image) => `./${DATASET_FILES.images}/${image.file_name}\n`).join('');
  const train = listOf(coco.images.filter((image) => !validation.has(image.id)));
  const val = listOf(coco.images.filter((image) => validation.has(image.id)));
  const yaml = [
    '# Ultralytics YOLO detection dataset written by dataset-gen: images/ and labels/ beside this file.',
    "# No `path`: train and val resolve against this file's folder, from any working folder.",
    `train: ${EXPORT_FILES.yoloTrain}`,
    ...(val === ''
      ? [
          `# No validation split (${validation.size === 0 && context.valFraction > 0 ? 'no video has two images' : 'val-fraction 0'}): validation runs on the training images.`,
          `val: ${EXPORT_FILES.yoloTrain}`,
        ]
      : [
          `# Validation: about ${Math.round(context.valFraction * 100)} % of each video's images, in blocks of time (${validation.size} of ${coco.images.length}).`,
          `val: ${EXPORT_FILES.yoloVal}`,
        ]),
    `nc: ${names.length}`,
    'names:',
    ...names.map((name, i) => `  ${i}: ${yamlString(name)}`),
    '',
  ].join('\n');
  const lists: ExportFile[] = [{ path: EXPORT_FILES.yoloTrain, content: train }, ...(val === '' ? [] : [{ path: EXPORT_FILES.yoloVal, content: val }])];
  return [{ path: EXPORT_FILES.yoloData, content: yaml }, ...lists, ...labels];
}
