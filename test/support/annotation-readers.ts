/**
 * Readers of the export formats, written from the formats' published descriptions and not from
 * dataset-gen's writers (src/export/), so a test that reads an export back checks the writer against
 * the format rather than against itself. Each returns boxes in pixels, `[x, y, width, height]` with
 * the top-left corner, like COCO's `bbox`.
 *
 * - YOLO (Ultralytics detection layout): `data.yaml` with `names` (a list, or a map from class number
 *   to name) and `path`/`train`/`val`; per image a `labels/<image stem>.txt`, one object per line:
 *   `class x_center y_center width height`, all but the class normalised to 0..1 by the image size.
 * - CVAT for images 1.1 (XML annotation format): `<annotations>` with `<version>`, `<meta><task>` and
 *   its `<labels><label><name>`, then `<image id name width height>` elements holding
 *   `<box label xtl ytl xbr ybr occluded z_order source>` (corners in pixels).
 * - COCO as CVAT imports it (CVAT's COCO 1.0 importer is Datumaro's): the rules that importer applies
 *   to an instances file, listed in `cocoImporterProblems`.
 */
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';

export type PixelBox = [number, number, number, number];

export interface ReadBox {
  label: string;
  box: PixelBox;
}

export interface YoloData {
  names: string[];
  path: unknown;
  train: unknown;
  val: unknown;
}

export function readYoloData(text: string): YoloData {
  const doc = parseYaml(text) as { names?: unknown; nc?: number; path?: unknown; train?: unknown; val?: unknown };
  const raw = doc.names;
  let names: string[];
  if (Array.isArray(raw)) names = raw.map(String);
  else if (raw && typeof raw === 'object') {
    const entries = Object.entries(raw as Record<string, unknown>).map(([k, v]) => [Number(k), String(v)] as const);
    names = [];
    for (const [k, v] of entries) names[k] = v;
  } else throw new Error('data.yaml has no names');
  if (doc.nc !== undefined && doc.nc !== names.length) throw new Error(`data.yaml: nc ${doc.nc} but ${names.length} names`);
  return { names, path: doc.path, train: doc.train, val: doc.val };
}

/** One label file's boxes, in pixels of a `width`×`height` image. */
export function readYoloLabels(text: string, names: readonly string[], width: number, height: number): ReadBox[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      if (fields.length !== 5) throw new Error(`YOLO line needs 5 fields: "${line}"`);
      const [cls, xc, yc, w, h] = fields.map(Number) as [number, number, number, number, number];
      if (!Number.isInteger(cls) || names[cls] === undefined) throw new Error(`unknown class ${fields[0]}`);
      for (const v of [xc, yc, w, h]) if (!(v >= 0 && v <= 1)) throw new Error(`YOLO value out of 0..1: "${line}"`);
      return { label: names[cls]!, box: [(xc - w / 2) * width, (yc - h / 2) * height, w * width, h * height] as PixelBox };
    });
}

export interface CvatImage {
  id: number;
  name: string;
  width: number;
  height: number;
  boxes: ReadBox[];
}

export interface CvatDocument {
  version: string;
  labels: string[];
  size: number;
  images: CvatImage[];
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function readCvatImages(xml: string): CvatDocument {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseAttributeValue: false, parseTagValue: false, trimValues: true });
  const doc = parser.parse(xml) as { annotations?: Record<string, unknown> };
  const root = doc.annotations;
  if (!root) throw new Error('no <annotations> root');
  const task = (root.meta as { task?: Record<string, unknown> } | undefined)?.task;
  if (!task) throw new Error('no <meta><task>');
  const labels = asList((task.labels as { label?: unknown } | undefined)?.label as { name: string } | { name: string }[] | undefined).map((l) =>
    String(l.name),
  );
  const images = asList(root.image as Record<string, unknown> | Record<string, unknown>[] | undefined).map((image): CvatImage => {
    const boxes = asList(image.box as Record<string, string> | Record<string, string>[] | undefined).map((b): ReadBox => {
      const [xtl, ytl, xbr, ybr] = ['@xtl', '@ytl', '@xbr', '@ybr'].map((k) => Number(b[k])) as [number, number, number, number];
      if (![xtl, ytl, xbr, ybr].every(Number.isFinite) || xbr < xtl || ybr < ytl) throw new Error(`bad box corners in ${String(image['@name'])}`);
      const label = String(b['@label']);
      if (!labels.includes(label)) throw new Error(`box label "${label}" is not in the task's labels`);
      return { label, box: [xtl, ytl, xbr - xtl, ybr - ytl] };
    });
    return { id: Number(image['@id']), name: String(image['@name']), width: Number(image['@width']), height: Number(image['@height']), boxes };
  });
  return { version: String(root.version), labels, size: Number(task.size), images };
}

/**
 * What CVAT's COCO importer (Datumaro's instances reader) requires of an instances file, as problems
 * found (empty: it imports every box). It reads `categories` (`id` int, `name` str; id 0 is reserved
 * for "no class"), `images` (`id` int, `file_name` str, `width`/`height` ints), and for each annotation
 * `id`, `image_id` and `category_id` (ints, declared), `iscrowd` (int), `segmentation` (required: a
 * list or an RLE object; empty means "box only") and `bbox` (4 numbers). `area` is checked against the
 * box, as COCO defines it for boxes without outlines.
 */
export function cocoImporterProblems(coco: unknown): string[] {
  const problems: string[] = [];
  const doc = coco as { images?: unknown[]; annotations?: unknown[]; categories?: unknown[] };
  const isInt = (v: unknown): boolean => Number.isInteger(v);
  const categoryIds = new Set<number>();
  for (const c of (doc.categories ?? []) as Record<string, unknown>[]) {
    if (!isInt(c.id) || typeof c.name !== 'string') problems.push(`category ${JSON.stringify(c)}: id must be an int and name a string`);
    else if (c.id === 0) problems.push(`category ${c.name} has id 0, reserved for "no class"`);
    else categoryIds.add(c.id as number);
  }
  const imageIds = new Set<number>();
  for (const i of (doc.images ?? []) as Record<string, unknown>[]) {
    if (!isInt(i.id) || typeof i.file_name !== 'string' || !isInt(i.width) || !isInt(i.height))
      problems.push(`image ${JSON.stringify(i)}: id, file_name, width, height`);
    else imageIds.add(i.id as number);
  }
  for (const a of (doc.annotations ?? []) as Record<string, unknown>[]) {
    const where = `annotation ${String(a.id)}`;
    if (!isInt(a.id)) problems.push(`${where}: id must be an int`);
    if (!isInt(a.image_id) || !imageIds.has(a.image_id as number)) problems.push(`${where}: image_id must name an image`);
    if (!isInt(a.category_id) || !categoryIds.has(a.category_id as number)) problems.push(`${where}: category_id must name a category`);
    if (!isInt(a.iscrowd)) problems.push(`${where}: iscrowd must be an int`);
    if (!('segmentation' in a) || !(Array.isArray(a.segmentation) || (typeof a.segmentation === 'object' && a.segmentation !== null)))
      problems.push(`${where}: segmentation (list or RLE) is required`);
    const bbox = a.bbox as unknown[];
    if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every((v) => typeof v === 'number')) problems.push(`${where}: bbox must be 4 numbers`);
    else if (typeof a.area !== 'number' || Math.abs(a.area - (bbox[2] as number) * (bbox[3] as number)) > 0.01)
      problems.push(`${where}: area ${String(a.area)} is not the box's`);
  }
  return problems;
}

/**
 * What CVAT's label editor refuses in JSON pasted into its Raw tab, from its published checks
 * (`cvat-ui/src/components/labels-editor/raw-viewer.tsx` `validateLabels` and `common.ts`
 * `validateParsedLabel`): a JSON array of objects, names non-empty strings and unique, `id` an integer
 * when given, `color` `#rrggbb` when given, `attributes` an array, `type` one of CVAT's label types.
 */
export function cvatLabelProblems(text: string): string[] {
  const TYPES = ['any', 'cuboid', 'ellipse', 'mask', 'points', 'polygon', 'polyline', 'rectangle', 'skeleton', 'tag'];
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) return ['not a JSON array'];
  const problems: string[] = [];
  const names = parsed.map((label) => (label as { name?: unknown }).name);
  if (new Set(names).size !== names.length) problems.push('label names are not unique');
  for (const label of parsed as Record<string, unknown>[]) {
    if (typeof label !== 'object' || label === null) problems.push('a label is not an object');
    else if (typeof label.name !== 'string' || label.name.trim() === '') problems.push(`name ${String(label.name)} is not a non-empty string`);
    else {
      if (label.id !== undefined && !Number.isInteger(label.id)) problems.push(`${label.name}: id`);
      if (label.color !== undefined && !(typeof label.color === 'string' && /^#[0-9a-fA-F]{6}$|^$/.test(label.color))) problems.push(`${label.name}: color`);
      if (!Array.isArray(label.attributes)) problems.push(`${label.name}: attributes`);
      if (!TYPES.includes(label.type as string)) problems.push(`${label.name}: type ${String(label.type)}`);
    }
  }
  return problems;
}
