/**
 * The frame loop for one video: extract → quality → dedup (and frames already labelled) → detect →
 * write, each frame recorded with its outcome. Dropped frames never reach detection. A frame already
 * labelled (`--exclude`) is checked after dedup, so it stays dedup's reference: its near-duplicates
 * that follow are dropped as duplicates, not pre-tagged. Kept frames are batched up to the detector's
 * batch size, and up to `detector.concurrency` batches are detected at once (one per inference
 * worker) while the loop decodes and filters the next frames; a batch's JPEGs are encoded while it is
 * detected. Batches are finished in sampling order, so the records do not depend on which worker
 * answers first. At most `concurrency` batches plus the frame being decoded are held in memory.
 *
 * Stage times are the loop's own wall time, split by what it was doing or waiting for: waiting for
 * ffmpeg's next frame (extract), filtering (quality, dedup), handing a batch to the detector and
 * waiting for its result (detect), waiting for its JPEGs (write). They add up to the loop's wall time
 * and never count the same moment twice; the model's own time per frame is recorded separately
 * (`inferenceMs`), and with several workers its sum exceeds the detect stage.
 */
import type { Detector, DetectResult } from '../detect/detector.js';
import { imageFileName } from '../domain/dataset-files.js';
import type { FrameRecord, InferenceInput, KeptFrameRecord } from '../domain/frame-record.js';
import type { Frame, RgbImage } from '../domain/frame.js';
import type { Sampling } from '../domain/sampling.js';
import type { FrameFeatures } from '../domain/selection.js';
import type { QualityThresholds } from '../domain/thresholds.js';
import type { TimeRange } from '../domain/time-range.js';
import type { VideoInfo } from '../domain/video.js';
import { VideoInputError } from '../errors.js';
import type { FfmpegTools } from '../media/tools.js';
import type { Progress } from '../observe/progress.js';
import type { RunRecorder } from '../observe/recorder.js';
import { DecoderPriority } from './decode/decoder-priority.js';
import { DecoderStderr, type DecodeStats } from './decode/decoder-stderr.js';
import { extractPlanned, PlannedDecodeTotals, type PlannedDecode } from './decode/extract-planned.js';
import { extractFrames } from './decode/extract.js';
import type { TimelineOrigin } from './decode/frame-timeline.js';
import type { RangePlan } from './decode/range-plan.js';
import { fitForAnalysis } from './filter/analysis.js';
import { Deduplicator } from './filter/dedup.js';
import { QualityFilter } from './filter/quality.js';
import { frameFeatures } from './label/frame-features.js';
import type { LabelledFrames } from './labelled/labelled-frames.js';
import { lookOf } from './labelled/labelled-look.js';
import { writeFrameJpeg } from './write/write-images.js';

/** How a video is decoded: the tools, the priority, the range and which frames. */
export interface VideoDecoder {
  tools: FfmpegTools;
  /** Run ffmpeg at the lowest CPU priority at first (default true). */
  lowPriority?: boolean;
  /** Then let its priority follow how busy the inference workers are (DecoderPriority); not with a GPU. */
  followsInference?: boolean;
  /** Decode on the GPU; the CPU when absent. */
  hwaccel?: 'cuda';
  /** Only this time range is recorded (see range-plan.ts); null for the whole video. */
  range: RangePlan | null;
  /** `--decode keyframes`: the frames to decode (decode-plan.ts); null decodes every frame. */
  plannedDecode: Omit<PlannedDecode, 'priority' | 'hwaccel'> | null;
  /** Decoding every frame: where each decoded frame sits in the video (decode-plan.ts), when its packet list was read. */
  origin?: TimelineOrigin | null;
  /** The container places no frame in time: the sampling grid starts at the first decoded frame (decode-plan.ts). */
  untimed?: boolean;
}

/** Which sampled frames are dropped: the quality thresholds, dedup's two thresholds and the frames already labelled. */
export interface VideoFilters {
  quality: QualityThresholds;
  dedupThreshold: number;
  dedupLocalThreshold: number;
  /** `--exclude`: the frames already labelled, and this video's sha256 (read while it is decoded); null for none. */
  labelled?: { frames: LabelledFrames; videoSha256: () => Promise<string> } | null;
}

/** Where kept frames and records go. */
export interface VideoOutput {
  datasetDir: string;
  jpegQuality: number;
  recorder: RunRecorder;
  progress: Progress | null;
}

/** One video's work: what to decode and how, what to drop, the detector and its input, and where the results go. */
export interface VideoJob {
  video: VideoInfo;
  sampling: Sampling;
  decoder: VideoDecoder;
  filters: VideoFilters;
  detector: Detector;
  /** The model input asked for this video (detect/input-shape.ts); the model's square when absent. */
  input?: InferenceInput;
  output: VideoOutput;
  signal?: AbortSignal;
}

/** A kept frame waiting for its detections: what its row already knows, and its place among the rows. */
interface Pending {
  frame: Frame;
  measures: Pick<KeptFrameRecord, 'lumaMean' | 'blurScore' | 'phashDistance' | 'localChange'>;
  record: (row: FrameRecord) => void;
  features: FrameFeatures;
}

/** Expected number of sampled frames (in `range`, when given), for progress and ETA. */
export function expectedSamples(video: VideoInfo, sampling: Sampling, range: TimeRange | null = null): number {
  if (sampling.mode === 'every-n-frames') return Math.ceil(video.frameCount / sampling.n);
  const endS = Math.min(video.durationSeconds, range?.endMs == null ? Infinity : range.endMs / 1000);
  const seconds = Math.max(0, endS - (range?.startMs ?? 0) / 1000);
  return Math.min(video.frameCount, Math.ceil(seconds * sampling.fps));
}

type Place = 'before' | 'replay' | 'inside' | 'after';

/** Where a sampled frame falls with respect to the plan: skipped, replayed (measured only), recorded, or past the end. */
function placeOf(plan: RangePlan | null, timestampMs: number): Place {
  if (plan === null) return 'inside';
  if (plan.range.endMs !== null && timestampMs >= plan.range.endMs) return 'after';
  if (timestampMs >= plan.range.startMs) return 'inside';
  return timestampMs >= plan.replayFromMs ? 'replay' : 'before';
}

/** A batch handed to the detector, with its JPEGs being written. */
interface InFlight {
  batch: Pending[];
  /** The batch's image file names, in batch order. */
  names: string[];
  detected: Promise<DetectResult>;
  written: Promise<unknown>;
}

function startBatch(job: VideoJob, batch: Pending[]): InFlight {
  const names = batch.map(({ frame }) => imageFileName(frame.video.stem, frame.frameIndex));
  const { datasetDir, jpegQuality } = job.output;
  const written = Promise.all(batch.map(({ frame }, i) => writeFrameJpeg(frame, datasetDir, jpegQuality, names[i]!)));
  // Settled at once so that a failure while an earlier batch is awaited is not "unhandled"; it is
  // rethrown when this batch is finished.
  written.catch(() => undefined);
  const detected = job.detector.detect(
    batch.map((p) => p.frame),
    job.input,
  );
  detected.catch(() => undefined);
  return { batch, names, detected, written };
}

async function finishBatch(job: VideoJob, { batch, names, detected, written }: InFlight): Promise<void> {
  const { recorder } = job.output;
  const { detections, inferenceMs } = await recorder.time('detect', () => detected);
  await recorder.time('write', () => written);
  const perFrameMs = inferenceMs / batch.length;
  for (const [i, { frame, measures, record, features }] of batch.entries()) {
    const found = detections[i] ?? [];
    const name = names[i]!;
    record({
      video: frame.video.stem,
      frameIndex: frame.frameIndex,
      timestampMs: frame.timestampMs,
      outcome: 'kept',
      ...measures,
      detections: found.length,
      inferenceMs: Math.round(perFrameMs * 10) / 10,
      imageFile: name,
    });
    recorder.recordKept({
      file: name,
      video: frame.video.stem,
      frameIndex: frame.frameIndex,
      timestampMs: frame.timestampMs,
      decode: frame.decode,
      width: frame.width,
      height: frame.height,
      detections: found,
    });
    recorder.recordFeatures(name, features);
  }
}

/** Whether a frame that passed quality and dedup is one already labelled (`--exclude`). */
async function alreadyLabelled(job: VideoJob, frameIndex: number, fitted: RgbImage): Promise<boolean> {
  const labelled = job.filters.labelled;
  if (!labelled) return false;
  const found = await labelled.frames.match({ video: job.video, videoSha256: labelled.videoSha256, frameIndex, look: lookOf(fitted) });
  return found !== null;
}

/** What a video's decode reported: totals, and the range it was judged in (null: the whole video). */
export interface DecodeSummary {
  stats: DecodeStats;
  window: TimeRange | null;
}

/** The sampled frames of a job, decoded as its plan says. */
function framesOf(job: VideoJob, report: DecoderStderr | PlannedDecodeTotals, priority: DecoderPriority): AsyncGenerator<Frame, DecodeStats> {
  const { tools, hwaccel, plannedDecode, range, origin, untimed } = job.decoder;
  if (plannedDecode !== null && report instanceof PlannedDecodeTotals) {
    return extractPlanned({ tools, video: job.video, plan: { ...plannedDecode, priority, hwaccel }, totals: report });
  }
  const stderr = report as DecoderStderr;
  return extractFrames({
    tools,
    video: job.video,
    sampling: job.sampling,
    stderr,
    seekSeconds: range?.seekSeconds,
    hwaccel,
    priority,
    firstPts: origin?.firstPts,
    gridFromFirstFrame: untimed === true,
  });
}

/** Processes one video; returns the decode's summary (frames decoded, decoder errors). */
export async function processVideo(job: VideoJob): Promise<DecodeSummary> {
  const { video, decoder } = job;
  const { recorder, progress } = job.output;
  const dedup = new Deduplicator(job.filters.dedupThreshold, job.filters.dedupLocalThreshold);
  const filter = new QualityFilter(job.filters.quality);
  const plan = decoder.range;
  const report =
    decoder.plannedDecode === null
      ? new DecoderStderr(decoder.origin ?? plan?.origin ?? null, plan?.range ?? null)
      : new PlannedDecodeTotals(plan?.range ?? null);
  const priority = new DecoderPriority(decoder.lowPriority ?? true);
  let first = true;
  let batch: Pending[] = [];
  const inFlight: InFlight[] = [];
  const follow = (): void => {
    if (decoder.followsInference === true) priority.follow(inFlight.length >= job.detector.concurrency);
  };
  const dispatch = async (): Promise<void> => {
    inFlight.push(await recorder.time('detect', () => startBatch(job, batch)));
    batch = [];
    follow();
  };
  // Finished oldest first: records stay in sampling order whichever worker answers first.
  const finishDownTo = async (left: number): Promise<void> => {
    while (inFlight.length > left) {
      await finishBatch(job, inFlight.shift()!);
      follow();
    }
  };
  try {
    let waitStart = performance.now();
    for await (const frame of framesOf(job, report, priority)) {
      recorder.addStageTime('extract', performance.now() - waitStart);
      job.signal?.throwIfAborted();
      // A decode of every frame keeps its first frame: it must come before the checkpoint. A planned
      // decode takes only its chosen frames and starts where it must.
      if (first && decoder.plannedDecode === null && plan !== null && plan.seekSeconds !== undefined && frame.timestampMs >= plan.replayFromMs) {
        throw new VideoInputError(
          `Video ${video.path}: the seek to ${plan.seekSeconds} s landed at ${frame.timestampMs / 1000} s, past the dedup checkpoint at ${plan.replayFromMs / 1000} s; the range cannot be decided as in a whole run`,
        );
      }
      first = false;
      const place = placeOf(plan, frame.timestampMs);
      if (place === 'after') break;
      if (place === 'before') {
        waitStart = performance.now();
        continue;
      }
      const fitted = await recorder.time('quality', () => fitForAnalysis(frame));
      const quality = await recorder.time('quality', () => filter.assess({ ...fitted, corrupt: frame.corrupt }, frame.timestampMs));
      if (place === 'replay') {
        if (quality.reason === null) await recorder.time('dedup', () => dedup.check(fitted, frame.timestampMs));
        waitStart = performance.now();
        continue;
      }
      const where = { video: video.stem, frameIndex: frame.frameIndex, timestampMs: frame.timestampMs };
      const lumaMean = Number.isFinite(quality.lumaMean) ? Math.round(quality.lumaMean * 10) / 10 : null;
      const blurScore = Number.isFinite(quality.blurScore) ? Math.round(quality.blurScore * 10) / 10 : null;
      if (quality.reason !== null) {
        recorder.recordFrame({ ...where, outcome: 'dropped', reason: quality.reason, lumaMean, blurScore, phashDistance: null, localChange: null });
      } else {
        const { distance, localChange, duplicate, hash } = await recorder.time('dedup', () => dedup.check(fitted, frame.timestampMs));
        const measures = { lumaMean, blurScore, phashDistance: distance, localChange };
        if (duplicate) {
          recorder.recordFrame({ ...where, outcome: 'dropped', reason: 'duplicate', ...measures });
        } else if (await recorder.time('dedup', () => alreadyLabelled(job, frame.frameIndex, fitted))) {
          recorder.recordFrame({ ...where, outcome: 'dropped', reason: 'labelled', ...measures });
        } else {
          const features = await recorder.time('dedup', () => frameFeatures(fitted, hash));
          batch.push({ frame: { ...frame, fitted }, measures, record: recorder.reserveFrame(), features });
          if (batch.length >= job.detector.batchSize) {
            await dispatch();
            await finishDownTo(job.detector.concurrency - 1);
          }
        }
      }
      progress?.tick();
      waitStart = performance.now();
    }
    if (batch.length > 0) await dispatch();
    await finishDownTo(0);
  } finally {
    // On failure or abort, let batches still running settle before the caller removes the folder.
    await Promise.allSettled(inFlight.flatMap(({ detected, written }) => [detected, written]));
  }
  return { stats: report.stats, window: report.window };
}
