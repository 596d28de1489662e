/**
 * The run's checkpoint, in its staging folder (`.checkpoint.jsonl`): a header with what produced the
 * run (the options that shape the dataset, the tool and ffmpeg versions, the model config, the
 * sha256 of the weights and the input videos' paths), then one line per finished video with
 * everything the run recorded for it (its video record with the video's sha256, frame rows, kept
 * images with their detections, the labelling features and its stage times); its JPEGs are already
 * in the staging folder. A video is hashed while it is decoded, so its sha256 is checked against the
 * file only for the videos a resume skips: an unfinished one is processed again from its start. Each line is
 * `<sha256 of the JSON> <JSON>` and is fsync'd when written, so a line torn by a kill is recognised and
 * ignored. `--resume` reads it back, refuses when the header differs from the new run's, and skips the
 * finished videos.
 */
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

import type { FrameRecord, KeptImage, VideoRecord } from '../../domain/frame-record.js';
import type { NameOf, OptionKey, Options } from '../../domain/run-options.js';
import type { FrameFeatures } from '../../domain/selection.js';
import type { Stage } from '../../domain/stages.js';
import { UsageError } from '../../errors.js';
import { sha256Schema, type ModelConfig } from '../../model/config.js';
import { sha256Text } from '../../model/sha256.js';
import { ReadBackError, readBackText } from './read-back.js';
import { finishedVideoSchema, stemSchema } from './record-schemas.js';

export const CHECKPOINT_FILE = '.checkpoint.jsonl';

/** The options that shape the dataset (not where it goes, how it is logged, or how fast it runs). */
type IdentityOptions = Pick<
  Options,
  | 'site'
  | 'sampling'
  | 'decode'
  | 'timeRange'
  | 'dedupThreshold'
  | 'dedupLocalThreshold'
  | 'confidence'
  | 'iou'
  | 'maxDetections'
  | 'classes'
  | 'quality'
  | 'jpegQuality'
  | 'executionProviders'
  | 'inferenceShape'
  | 'exports'
  | 'labelStudioImages'
  | 'valFraction'
  | 'labels'
  | 'select'
  | 'selectOnly'
  | 'selectConfidence'
  | 'strict'
>;

/** What produced a run: a resume must match it exactly. */
export interface RunIdentity {
  tool: string;
  ffmpeg: string;
  options: IdentityOptions;
  /** The model config as used (overrides applied), without its source (the weights' sha256 stands for it). */
  modelConfig: Omit<ModelConfig, 'source'>;
  modelSha256: string;
  videos: { path: string; stem: string }[];
  /** The sources of `--exclude`, each with the sha256 of what was read of it. */
  labelled: { path: string; sha256: string }[];
}

/** Everything the run recorded for one finished video. */
export interface FinishedVideo {
  /** The video's place among the inputs. */
  index: number;
  record: Omit<VideoRecord, 'info'>;
  frames: FrameRecord[];
  kept: KeptImage[];
  features: [string, FrameFeatures][];
  stageMs: Record<Stage, number>;
}

export interface Checkpoint {
  identity: RunIdentity;
  finished: FinishedVideo[];
}

type Line = { kind: 'header'; version: 2; identity: RunIdentity } | { kind: 'video'; video: FinishedVideo };

export function runIdentity(input: {
  options: Options;
  tool: string;
  ffmpeg: string;
  modelConfig: ModelConfig;
  modelSha256: string;
  videos: readonly { path: string; stem: string }[];
  labelled: readonly { path: string; sha256: string }[];
}): RunIdentity {
  const o = input.options;
  const { source: _source, ...modelConfig } = input.modelConfig;
  return {
    tool: input.tool,
    ffmpeg: input.ffmpeg,
    options: {
      site: o.site,
      sampling: o.sampling,
      decode: o.decode,
      timeRange: o.timeRange,
      dedupThreshold: o.dedupThreshold,
      dedupLocalThreshold: o.dedupLocalThreshold,
      confidence: o.confidence,
      iou: o.iou,
      maxDetections: o.maxDetections,
      classes: o.classes,
      quality: o.quality,
      jpegQuality: o.jpegQuality,
      executionProviders: o.executionProviders,
      inferenceShape: o.inferenceShape,
      exports: o.exports,
      labelStudioImages: o.labelStudioImages,
      valFraction: o.valFraction,
      labels: o.labels,
      select: o.select,
      selectOnly: o.selectOnly,
      selectConfidence: o.selectConfidence,
      strict: o.strict,
    },
    modelConfig,
    modelSha256: input.modelSha256,
    videos: input.videos.map(({ path: file, stem }) => ({ path: file, stem })),
    labelled: input.labelled.map(({ path: file, sha256 }) => ({ path: file, sha256 })),
  };
}

function encodeLine(line: Line): string {
  const json = JSON.stringify(line);
  return `${sha256Text(json)} ${json}\n`;
}

/**
 * What a checkpoint line may hold. The identity is only compared with the new run's (which the run
 * computes), so its options and model config are any JSON values; a finished video is checked field by
 * field, its image names against its frames (record-schemas.ts).
 */
const lineSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('header'),
    version: z.literal(2),
    identity: z.strictObject({
      tool: z.string(),
      ffmpeg: z.string(),
      options: z.record(z.string(), z.unknown()),
      modelConfig: z.record(z.string(), z.unknown()),
      modelSha256: sha256Schema,
      videos: z.array(z.strictObject({ path: z.string(), stem: stemSchema })),
      labelled: z.array(z.strictObject({ path: z.string(), sha256: sha256Schema })),
    }),
  }),
  z.strictObject({ kind: z.literal('video'), video: finishedVideoSchema }),
]);

/**
 * The line's content, or null when it is torn or not a line dataset-gen writes. The sha256 in front of
 * each line detects a line torn by a kill; it is not a signature (docs/security.md): whoever can
 * write the staging folder can write the finished dataset, and the schema keeps what they write inside it.
 */
function decodeLine(text: string): Line | null {
  const space = text.indexOf(' ');
  if (space !== 64) return null;
  const json = text.slice(space + 1);
  if (sha256Text(json) !== text.slice(0, space)) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const result = lineSchema.safeParse(value);
  return result.success ? (result.data as Line) : null;
}

/** The most a checkpoint may weigh: every finished video's records of a day of video, and then some. */
const CHECKPOINT_LIMIT = 256 * 1024 * 1024;

/** The checkpoint in `staging`, up to its first torn line; null when it has none or no valid header. */
export async function readCheckpoint(staging: string): Promise<Checkpoint | null> {
  let text: string;
  try {
    text = await readBackText(staging, CHECKPOINT_FILE, CHECKPOINT_LIMIT);
  } catch (error) {
    if (error instanceof ReadBackError && error.missing) return null;
    throw error instanceof ReadBackError
      ? new UsageError(`Cannot resume the interrupted run in ${staging}: ${error.message}; remove ${staging} and run again`)
      : error;
  }
  const lines = text.split('\n');
  const header = decodeLine(lines[0] ?? '');
  if (header?.kind !== 'header' || header.version !== 2) return null;
  const finished: FinishedVideo[] = [];
  for (const raw of lines.slice(1)) {
    const line = decodeLine(raw);
    if (line?.kind !== 'video' || line.video.index !== finished.length) break;
    finished.push(line.video);
  }
  return { identity: header.identity, finished };
}

/** Appends lines to the checkpoint file, each written and fsync'd before `add` returns. */
export class CheckpointWriter {
  private constructor(
    readonly file: string,
    private finishedCount: number,
  ) {}

  /** Writes a new checkpoint (the header and the given finished videos) in place of any old one, atomically. */
  static async create(staging: string, checkpoint: Checkpoint): Promise<CheckpointWriter> {
    const file = path.join(staging, CHECKPOINT_FILE);
    const temp = `${file}.new`;
    const lines: Line[] = [
      { kind: 'header', version: 2, identity: checkpoint.identity },
      ...checkpoint.finished.map((video): Line => ({ kind: 'video', video })),
    ];
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(lines.map(encodeLine).join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    return new CheckpointWriter(file, checkpoint.finished.length);
  }

  /** Videos finished and checkpointed so far. */
  get finished(): number {
    return this.finishedCount;
  }

  async add(video: FinishedVideo): Promise<void> {
    const handle = await open(this.file, 'a');
    try {
      await handle.writeFile(encodeLine({ kind: 'video', video }));
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.finishedCount++;
  }
}

/** Where an option field of the identity comes from, for messages. */
const OPTION_KEYS: Record<string, readonly OptionKey[]> = {
  site: ['site'],
  sampling: ['sample-fps', 'every-n-frames'],
  decode: ['decode'],
  timeRange: ['start', 'end'],
  dedupThreshold: ['dedup-threshold'],
  dedupLocalThreshold: ['dedup-local-threshold'],
  confidence: ['confidence'],
  iou: ['iou'],
  maxDetections: ['max-detections'],
  classes: ['classes'],
  'quality.blackLuma': ['black-luma'],
  'quality.overexposedLuma': ['overexposed-luma'],
  'quality.blurThreshold': ['blur-threshold'],
  'quality.blurRatio': ['blur-ratio'],
  'quality.blurWindow': ['blur-window'],
  jpegQuality: ['jpeg-quality'],
  executionProviders: ['execution-providers'],
  inferenceShape: ['inference-shape'],
  exports: ['export'],
  labelStudioImages: ['label-studio-images'],
  valFraction: ['val-fraction'],
  labels: ['labels'],
  select: ['select'],
  selectOnly: ['select-only'],
  selectConfidence: ['select-confidence'],
  strict: ['strict'],
};

const show = (value: unknown): string => JSON.stringify(value) ?? 'none';

/**
 * What differs between the interrupted run (`saved`) and this one, each in words naming the option or
 * input ("--sample-fps (was 1, now 2)", "video b.mp4 (its sha256 changed)"); empty when they match.
 */
export function identityDifferences(saved: RunIdentity, current: RunIdentity, name: NameOf): string[] {
  const out: string[] = [];
  const savedOptions = saved.options as unknown as Record<string, unknown>;
  const currentOptions = current.options as unknown as Record<string, unknown>;
  for (const [field, keys] of Object.entries(OPTION_KEYS)) {
    const [group, sub] = field.split('.') as [string, string | undefined];
    const was = sub === undefined ? savedOptions[group] : (savedOptions[group] as Record<string, unknown> | undefined)?.[sub];
    const now = sub === undefined ? currentOptions[group] : (currentOptions[group] as Record<string, unknown> | undefined)?.[sub];
    if (show(was) !== show(now)) out.push(`${keys.map(name).join(' / ')} (was ${show(was)}, now ${show(now)})`);
  }
  if (saved.videos.length !== current.videos.length || saved.videos.some((v, i) => v.path !== current.videos[i]?.path)) {
    const list = (videos: RunIdentity['videos']): string => videos.map((v) => path.basename(v.path)).join(', ');
    out.push(`${name('video')} (was ${list(saved.videos)}, now ${list(current.videos)})`);
  }
  if (show(saved.labelled) !== show(current.labelled)) {
    const list = (sources: RunIdentity['labelled']): string => sources.map((s) => `${path.basename(s.path)} ${s.sha256.slice(0, 12)}…`).join(', ') || 'none';
    out.push(`${name('exclude')} (was ${list(saved.labelled)}, now ${list(current.labelled)})`);
  }
  if (saved.modelSha256 !== current.modelSha256)
    out.push(`the model weights (${name('model')}: sha256 ${saved.modelSha256.slice(0, 12)}… then, ${current.modelSha256.slice(0, 12)}… now)`);
  if (show(saved.modelConfig) !== show(current.modelConfig)) out.push(`the model config (${name('model-config')}, or its overrides)`);
  if (saved.tool !== current.tool) out.push(`the dataset-gen version (${saved.tool} then, ${current.tool} now)`);
  if (saved.ffmpeg !== current.ffmpeg) out.push(`the ffmpeg version (${saved.ffmpeg} then, ${current.ffmpeg} now)`);
  return out;
}

/**
 * The finished videos whose file changed since the interrupted run processed them, in words ("video
 * b.mp4 (its content changed: …)"); `sha256Now(index)` hashes a video as it is now. Unfinished videos
 * are not checked: they are processed again, from whatever the file holds now.
 */
export async function changedFinishedVideos(
  finished: readonly FinishedVideo[],
  identity: RunIdentity,
  sha256Now: (index: number) => Promise<string>,
): Promise<string[]> {
  const out: string[] = [];
  for (const video of finished) {
    const then = video.record.sha256;
    const now = await sha256Now(video.index);
    if (then !== now)
      out.push(`video ${identity.videos[video.index]?.path ?? video.index} (its content changed: sha256 ${then.slice(0, 12)}… then, ${now.slice(0, 12)}… now)`);
  }
  return out;
}
