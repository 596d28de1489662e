/**
 * Schemas of a finished dataset's files as `merge` reads them back (manifest.json,
 * annotations/instances.json, metrics.json), with the most each may weigh. Only what merge uses is
 * checked field by field; the manifest's `config` beyond the fields named here is carried into the
 * merged manifest as the parts wrote it (compared equal across parts first): JSON values, never a path.
 */
import { z } from 'zod';

import { classNameProblem, findControlCharacter } from '../../domain/control-characters.js';
import { EXPORT_FORMATS, MAX_VAL_FRACTION } from '../../domain/exports.js';
import { INFERENCE_SHAPE_OPTIONS, LABELS_OPTIONS } from '../../domain/run-options.js';
import { TILE_GRID } from '../../domain/selection.js';
import { STAGES } from '../../domain/stages.js';
import { sha256Schema } from '../../model/config.js';
import { countSchema, frameDecodeSchema, frameFeaturesSchema, inferenceInputSchema, stemSchema } from '../output/record-schemas.js';

const MB = 1024 * 1024;

/** The most merge reads of each of a part's files: far above what a dataset of a day of video holds. */
/** A class name as a model config or `--classes` gives it: no control character (domain/control-characters.ts). */
const classNameSchema = z
  .string()
  .min(1)
  .refine((name) => classNameProblem(name) === null, { message: 'a class name holds a control character' });

export const PART_FILE_LIMITS = {
  manifest: 16 * MB,
  metrics: 16 * MB,
  coco: 256 * MB,
  metricsCsv: 256 * MB,
  selectionFeatures: 256 * MB,
  image: 64 * MB,
} as const;

const manifestVideoSchema = z.object({
  path: z.string(),
  stem: stemSchema,
  sha256: sha256Schema,
  decode: z.enum(['all', 'keyframes']),
  decodeReason: z.string(),
  sizeBytes: countSchema,
  container: z.string(),
  codec: z.string(),
  durationSeconds: z.number().min(0),
  fps: z.number().min(0),
  width: z.int().min(1),
  height: z.int().min(1),
  rotation: z.number(),
  frameCount: countSchema,
  frameCountExact: z.boolean(),
  reordersFrames: z.boolean(),
  framesDecoded: countSchema,
  decodeErrors: countSchema,
  truncatedAtSeconds: z.number().min(0).nullable(),
  // Absent in parts made before the input shape was recorded.
  inference: inferenceInputSchema.nullable().optional(),
});

const timeRangeSchema = z.strictObject({ startMs: z.number().min(0), endMs: z.number().min(0).nullable() });

export const partManifestSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('dataset-gen'), version: z.string(), gitCommit: z.string().nullable() }),
  runtime: z.object({
    node: z.string(),
    platform: z.string(),
    ffmpeg: z.object({ path: z.string(), version: z.string(), source: z.enum(['option', 'path', 'npm']) }),
    ffprobe: z.object({ path: z.string(), version: z.string() }),
    onnxruntime: z.string(),
    sharp: z.string(),
    libvips: z.string(),
    executionProviders: z.array(z.string()),
    decoder: z.enum(['cuda', 'cpu']),
  }),
  run: z.object({ id: z.string(), startedAt: z.string(), finishedAt: z.string(), wallSeconds: z.number().min(0) }),
  config: z.looseObject({
    site: z.string(),
    timeRange: timeRangeSchema.nullable().optional(),
    exports: z.array(z.enum(EXPORT_FORMATS)).optional(),
    select: z.int().min(1).nullable().optional(),
    selectOnly: z.boolean().optional(),
    selectConfidence: z.number().min(0).max(1).optional(),
    valFraction: z.number().min(0).max(MAX_VAL_FRACTION).optional(),
    labels: z.enum(LABELS_OPTIONS).optional(),
    inferenceShape: z.enum(INFERENCE_SHAPE_OPTIONS).optional(),
    classes: z.array(classNameSchema).nullable().optional(),
    pricePerHour: z.number().min(0).nullable().optional(),
    model: z.looseObject({ name: z.string() }),
  }),
  model: z.object({
    path: z.string(),
    sha256: sha256Schema,
    origin: z.enum(['option', 'config-path', 'cache', 'download']),
    url: z.string().nullable(),
    pinned: z.boolean(),
    classNames: z.array(classNameSchema).min(1),
  }),
  videos: z.array(manifestVideoSchema).min(1),
  counts: z.looseObject({ images: countSchema }),
  labelled: z
    .array(
      z.strictObject({
        path: z.string(),
        kind: z.enum(['dataset', 'coco']),
        sha256: sha256Schema,
        images: countSchema,
        byName: countSchema,
        byLook: countSchema,
        unread: countSchema,
      }),
    )
    .optional(),
});

export type PartManifest = z.infer<typeof partManifestSchema>;

export const partCocoSchema = z.object({
  images: z.array(
    z.object({
      id: countSchema,
      file_name: z.string(),
      width: z.int().min(1),
      height: z.int().min(1),
      video: stemSchema,
      frame_index: countSchema,
      timestamp_ms: z.number(),
      decode: frameDecodeSchema,
      site: z.string(),
    }),
  ),
  annotations: z.array(
    z.object({
      id: countSchema,
      image_id: countSchema,
      category_id: countSchema,
      bbox: z.tuple([z.number(), z.number(), z.number().min(0), z.number().min(0)]),
      score: z.number().min(0).max(1),
    }),
  ),
  categories: z.array(z.object({ id: countSchema, name: classNameSchema, supercategory: z.string() })),
});

export type PartCoco = z.infer<typeof partCocoSchema>;

export const partMetricsSchema = z.object({
  timings: z.object({
    wallMs: z.number().min(0),
    stages: z.object(
      Object.fromEntries(STAGES.map((stage) => [stage, z.object({ ms: z.number().min(0) })])) as Record<
        (typeof STAGES)[number],
        z.ZodObject<{ ms: z.ZodNumber }>
      >,
    ),
  }),
  compute: z.object({ videoSeconds: z.number().min(0) }),
  // Absent in datasets made before the verdicts were recorded.
  qualityGates: z
    .array(
      z.strictObject({
        name: z
          .string()
          .min(1)
          .max(200)
          .refine((name) => findControlCharacter(name) === null, { message: 'a gate name holds a control character' }),
        threshold: z.number(),
        actual: z.number(),
        passed: z.boolean(),
      }),
    )
    .optional(),
});

export type PartMetrics = z.infer<typeof partMetricsSchema>;

/** selection-features.json (pipeline/label/write-labelling.ts): this version's tile grid, each kept frame's features. */
export const partSelectionFeaturesSchema = z.strictObject({
  tileGrid: z.literal(TILE_GRID),
  frames: z.array(frameFeaturesSchema.extend({ file: z.string() })),
});
