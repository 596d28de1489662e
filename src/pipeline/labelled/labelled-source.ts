/**
 * One `--exclude` source read back: a COCO file of labelled images (dataset-gen's own, or one a
 * labelling tool exported, where file names may have changed) or a dataset folder dataset-gen wrote.
 * Everything in it was read from disk and may have been edited: the COCO and the manifest are checked
 * with a schema, an image is looked up by its file name's last part only (never the path the COCO
 * gives), through real folders (read-back.ts), and every name that becomes a key is checked.
 *
 * Each listed image becomes a `LabelledImage`: the video and frame it is, when its name says so
 * (dataset-gen's fields `video` and `frame_index`, else a name `<video>_<frame, 6+ digits>.jpg`, with
 * Label Studio's `<8 hex>-` upload prefix allowed), the video's sha256 when the dataset's manifest
 * gives it, and how it looks when its file is found beside the COCO.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

import type { LabelledSourceSummary } from '../../domain/coco.js';
import { findControlCharacter } from '../../domain/control-characters.js';
import { DATASET_FILES } from '../../domain/dataset-files.js';
import { UsageError } from '../../errors.js';
import { sha256Schema } from '../../model/config.js';
import { mapLimit } from '../../report/map-limit.js';
import { readBack, ReadBackError } from '../output/read-back.js';
import { countSchema, isFileNamePart, stemSchema } from '../output/record-schemas.js';
import { lookOfEncoded, type Look } from './labelled-look.js';

const MB = 1024 * 1024;
const LIMITS = { coco: 256 * MB, manifest: 16 * MB, image: 64 * MB } as const;
/** Labelled images decoded at once. */
const IMAGE_LANES = 4;

/** A labelled image: which frame its name says it is, and how it looks. */
export interface LabelledImage {
  /** The source's position among the `--exclude` paths. */
  source: number;
  /** Its file name as the COCO lists it. */
  file: string;
  /**
   * The frame it names: by dataset-gen's COCO fields (`fields`), or by a file name shaped like the
   * ones dataset-gen gives (`file-name`: a labelling tool's own names can have that shape, CVAT's
   * `frame_000001.jpg`); null when it names none.
   */
  frame: { video: string; frameIndex: number; from: 'fields' | 'file-name' } | null;
  /** That video's sha256, from the dataset's manifest; null when unknown. */
  videoSha256: string | null;
  /** Its look, when its file was found and decoded; null otherwise. */
  look: Look | null;
  /** Why it has no look, when its file was looked for; null otherwise. */
  problem: string | null;
}

/** What one source held. */
export interface LabelledSource {
  path: LabelledSourceSummary['path'];
  kind: LabelledSourceSummary['kind'];
  sha256: LabelledSourceSummary['sha256'];
  images: LabelledImage[];
}

const cocoSchema = z.object({
  images: z
    .array(
      z.object({
        file_name: z.string().min(1).max(4096),
        video: stemSchema.optional(),
        frame_index: countSchema.optional(),
      }),
    )
    .max(10_000_000),
});

const manifestSchema = z.object({ videos: z.array(z.object({ stem: stemSchema, sha256: sha256Schema })) });

/** A file name dataset-gen gives a frame, maybe behind Label Studio's upload prefix: `[<8 hex>-]<video>_<frame>.jpg`. */
const FRAME_NAME = /^(?:[0-9a-f]{8}-)?(.+)_(\d{6,9})\.jpe?g$/i;

/** The frame a COCO image names: its own fields when both are there, else its file name. */
export function frameOfImage(image: { file_name: string; video?: string; frame_index?: number }, base: string): LabelledImage['frame'] {
  if (image.video !== undefined && image.frame_index !== undefined) return { video: image.video, frameIndex: image.frame_index, from: 'fields' };
  const match = FRAME_NAME.exec(base);
  if (match === null || !isFileNamePart(match[1]!)) return null;
  return { video: match[1]!, frameIndex: Number(match[2]), from: 'file-name' };
}

/**
 * The last part of a listed file name (either separator), or null when it is not one file name; a
 * control character (a line break in a message) makes it none either, and it is then shown quoted.
 */
function baseName(fileName: string): string | null {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  return isFileNamePart(base) && findControlCharacter(base) === null ? base : null;
}

/** Where a source's files are: the COCO, the manifest (maybe), and the folders its images may be in. */
interface Layout {
  kind: LabelledSource['kind'];
  coco: { root: string; rel: string };
  manifest: { root: string; rel: string } | null;
  /** Folders (root and a prefix below it) to look for an image in, first found wins. */
  imageDirs: { root: string; prefix: string }[];
}

async function layoutOf(given: string, name: string): Promise<Layout> {
  const info = await stat(given).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${name} ${given} cannot be read (${error.code ?? error.message}); give a labelled COCO file or a dataset folder`);
  });
  if (info.isDirectory()) {
    return {
      kind: 'dataset',
      coco: { root: given, rel: DATASET_FILES.coco },
      manifest: { root: given, rel: DATASET_FILES.manifest },
      imageDirs: [{ root: given, prefix: `${DATASET_FILES.images}/` }],
    };
  }
  if (!info.isFile()) throw new UsageError(`${name} ${given} is not a file or a folder; give a labelled COCO file or a dataset folder`);
  const dir = path.dirname(given);
  const parent = path.dirname(dir);
  // CVAT writes annotations/instances_<subset>.json beside images/<subset>/.
  const subset = /^instances_(.+)\.json$/.exec(path.basename(given))?.[1];
  const subsets = subset !== undefined && isFileNamePart(subset) ? [`images/${subset}/`] : [];
  const inAnnotations = path.basename(dir) === 'annotations';
  return {
    kind: 'coco',
    coco: { root: dir, rel: path.basename(given) },
    manifest: inAnnotations ? { root: parent, rel: DATASET_FILES.manifest } : null,
    imageDirs: [
      { root: dir, prefix: '' },
      ...[...subsets, 'images/'].map((prefix) => ({ root: dir, prefix })),
      ...(inAnnotations ? [...subsets, 'images/'].map((prefix) => ({ root: parent, prefix })) : []),
    ],
  };
}

function parseJson(bytes: Buffer, shown: string, name: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`${name} ${shown} is not JSON (${(error as Error).message}); give a labelled COCO file or a dataset folder`);
  }
}

function checked<T>(schema: z.ZodType<T>, value: unknown, shown: string, what: string, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UsageError(
    `${name} ${shown} is not ${what}: ${issue.path.join('.') || 'the file'}: ${issue.message}; give a labelled COCO file or a dataset folder`,
  );
}

/** The image file `base` in the first of `dirs` that holds it, or why none could be read. */
async function findImage(dirs: Layout['imageDirs'], base: string): Promise<{ bytes: Buffer } | { problem: string }> {
  for (const { root, prefix } of dirs) {
    try {
      return { bytes: await readBack(root, `${prefix}${base}`, LIMITS.image) };
    } catch (error) {
      if (!(error instanceof ReadBackError)) throw error;
      if (!error.missing) return { problem: error.message };
    }
  }
  return { problem: `${base} is not beside it (${dirs.map((d) => path.join(d.root, d.prefix)).join(', ')})` };
}

/** Reads source `index` (`given`, as the user gave it; `name` names the option in messages). */
export async function readLabelledSource(given: string, index: number, name: string): Promise<LabelledSource> {
  const layout = await layoutOf(given, name);
  const digest = createHash('sha256');
  const shownCoco = path.join(layout.coco.root, layout.coco.rel);
  const cocoBytes = await readBack(layout.coco.root, layout.coco.rel, LIMITS.coco).catch((error: unknown) => {
    if (!(error instanceof ReadBackError)) throw error;
    if (layout.kind === 'coco') throw new UsageError(`${name} ${given}: ${error.message}; give a labelled COCO file or a dataset folder`);
    const why = error.missing ? `it has no ${DATASET_FILES.coco}` : error.message;
    throw new UsageError(`${name} ${given} is not a dataset folder: ${why}; give a labelled COCO file or a dataset folder`);
  });
  digest.update(cocoBytes);
  const coco = checked(cocoSchema, parseJson(cocoBytes, shownCoco, name), shownCoco, 'a COCO file with an images list', name);
  const shaOf = new Map<string, string>();
  if (layout.manifest !== null) {
    const bytes = await readBack(layout.manifest.root, layout.manifest.rel, LIMITS.manifest).catch((error: unknown) => {
      if (error instanceof ReadBackError && error.missing) return null;
      throw error instanceof ReadBackError ? new UsageError(`${name} ${given}: ${error.message}; give a labelled COCO file or a dataset folder`) : error;
    });
    if (bytes !== null) {
      digest.update(bytes);
      const shown = path.join(layout.manifest.root, layout.manifest.rel);
      for (const video of checked(manifestSchema, parseJson(bytes, shown, name), shown, 'a dataset-gen manifest', name).videos)
        shaOf.set(video.stem, video.sha256);
    }
  }
  // Images are decoded a few at a time (sharp works on libuv's pool); the digest takes them in list order.
  const images = await mapLimit(coco.images, IMAGE_LANES, async (listed): Promise<LabelledImage & { fileSha256: string | null }> => {
    const base = baseName(listed.file_name);
    const frame = base === null ? null : frameOfImage(listed, base);
    const videoSha256 = frame === null ? null : (shaOf.get(frame.video) ?? null);
    const image = { source: index, file: listed.file_name, frame, videoSha256, look: null, problem: null, fileSha256: null };
    // A frame known by its video's content needs no pixels; any other image is looked at.
    if (videoSha256 !== null) return image;
    const found = base === null ? { problem: `${JSON.stringify(listed.file_name)} is not a file name` } : await findImage(layout.imageDirs, base);
    if ('problem' in found) return { ...image, problem: found.problem };
    const fileSha256 = createHash('sha256').update(found.bytes).digest('hex');
    try {
      return { ...image, look: await lookOfEncoded(found.bytes), fileSha256 };
    } catch (error) {
      return { ...image, problem: `${base}: ${(error as Error).message}`, fileSha256 };
    }
  });
  for (const { fileSha256 } of images) if (fileSha256 !== null) digest.update(fileSha256);
  return {
    path: given,
    kind: layout.kind,
    sha256: digest.digest('hex'),
    images: images.map(({ fileSha256: _sha, ...image }) => image),
  };
}
