/**
 * Schemas of the run's records (frame rows, kept images, detections, features, a finished video) as
 * they are read back from disk: a merge part's files and a resume's checkpoint. Anything they name
 * that becomes a path is checked against the value computed from the record (an image's file is
 * `imageFileName(video, frameIndex)`, a video stem is one file-name part), so an edited record
 * cannot name a file outside the dataset. `describeIssue` turns zod's first issue into one line.
 */
import { z } from 'zod';

import { findControlCharacter } from '../../domain/control-characters.js';
import { imageFileName } from '../../domain/dataset-files.js';
import { DROP_REASONS } from '../../domain/drop-reason.js';
import { TILE_GRID } from '../../domain/selection.js';
import { STAGES } from '../../domain/stages.js';
import { sha256Schema } from '../../model/config.js';

export const countSchema = z.int().min(0);
const nullableNumber = z.number().nullable();

/** A name that stays one component of a path: not empty, `.` or `..`, no `/` or NUL, short enough for a file name. */
export function isFileNamePart(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\0]/.test(name) && Buffer.byteLength(name) <= 200;
}

/** A video's stem (its file name without the extension), which image names begin with. */
export const stemSchema = z.string().refine(isFileNamePart, { error: 'a video file name without its extension (no "/", not "." or "..", at most 200 bytes)' });

export const frameDecodeSchema = z.enum(['sequential', 'keyframe', 'exact']);

export const detectionSchema = z.strictObject({
  classIndex: countSchema,
  className: z.string(),
  score: z.number().min(0).max(1),
  box: z.strictObject({ x: z.number(), y: z.number(), width: z.number().min(0), height: z.number().min(0) }),
});

const namedAfterFrame = { error: 'the image name dataset-gen gives that frame, <video>_<frame index, 6 digits>.jpg' };

export const keptImageSchema = z
  .strictObject({
    file: z.string(),
    video: stemSchema,
    frameIndex: countSchema,
    timestampMs: z.number(),
    decode: frameDecodeSchema,
    width: z.int().min(1),
    height: z.int().min(1),
    detections: z.array(detectionSchema),
  })
  .refine((image) => image.file === imageFileName(image.video, image.frameIndex), { ...namedAfterFrame, path: ['file'] });

const frameBase = {
  video: stemSchema,
  frameIndex: countSchema,
  timestampMs: z.number(),
  lumaMean: nullableNumber,
  blurScore: nullableNumber,
  phashDistance: countSchema.nullable(),
  localChange: nullableNumber,
};

export const frameRecordSchema = z.discriminatedUnion('outcome', [
  z
    .strictObject({ ...frameBase, outcome: z.literal('kept'), detections: countSchema, inferenceMs: z.number().min(0), imageFile: z.string() })
    .refine((row) => row.imageFile === imageFileName(row.video, row.frameIndex), { ...namedAfterFrame, path: ['imageFile'] }),
  z.strictObject({ ...frameBase, outcome: z.literal('dropped'), reason: z.enum(DROP_REASONS as [string, ...string[]]) }),
]);

export const frameFeaturesSchema = z.strictObject({
  phash: z.string().regex(/^[01]{64}$/, '64 bits as 0/1'),
  tiles: z.array(z.number().min(0).max(255)).length(TILE_GRID * TILE_GRID * 3),
});

export const stageMsSchema = z.strictObject(
  Object.fromEntries(STAGES.map((stage) => [stage, z.number().min(0)])) as Record<(typeof STAGES)[number], z.ZodNumber>,
);

/** The model input a video's frames were letterboxed into (domain/frame-record.ts InferenceInput). */
export const inferenceInputSchema = z.strictObject({
  width: z.int().min(1).max(65536),
  height: z.int().min(1).max(65536),
  // Written by this tool as one line of text: a control character means the file was edited.
  reason: z
    .string()
    .max(1000)
    .refine((reason) => findControlCharacter(reason) === null, { message: 'holds a control character' }),
});

/** A video the interrupted run finished, as its checkpoint line holds it. */
export const finishedVideoSchema = z.strictObject({
  index: countSchema,
  record: z.strictObject({
    sha256: sha256Schema,
    decode: z.strictObject({ mode: z.enum(['all', 'keyframes']), reason: z.string() }),
    framesDecoded: countSchema,
    decodeErrors: countSchema,
    truncatedAtMs: z.number().min(0).optional(),
    inference: inferenceInputSchema.optional(),
  }),
  frames: z.array(frameRecordSchema),
  kept: z.array(keptImageSchema),
  features: z.array(z.tuple([z.string(), frameFeaturesSchema])),
  stageMs: stageMsSchema,
});

/** Keeps a value read from a file readable and on one line in a message. */
function shown(part: PropertyKey): string {
  const text = typeof part === 'number' ? `[${part}]` : JSON.stringify(String(part)).slice(1, -1);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** zod's first issue as `<field path>: <message>`, one line (`frames[3].file: ...`). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const field = issue.path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}${shown(part)}` : acc === '' ? shown(part) : `${acc}.${shown(part)}`),
    '',
  );
  return `${field === '' ? '(the whole file)' : field}: ${issue.message.replace(/\s+/g, ' ')}`;
}
