/**
 * The frame loop for one video: extract → quality → dedup → detect → write, each frame timed per
 * stage and recorded with its outcome. Dropped frames never reach detection; kept frames are batched
 * up to the detector's batch size, so at most one batch plus the frame being decoded are held.
 *
 * Stages run one after the other on purpose. onnxruntime splits each operator across all cores and
 * waits for the slowest share, so any work running beside inference (filtering the next frame,
 * ffmpeg decoding ahead) stalls it more than it gains: measured on 2 cores, overlapping detection
 * with filtering was 10-25 % slower than this sequential loop (docs/performance.md).
 */
import type { Detector } from '../detect/session.js';
import type { FfmpegTools } from '../media/ffmpeg.js';
import type { Progress } from '../observe/progress.js';
import type { FrameRecord, RunRecorder } from '../observe/recorder.js';
import { fitForAnalysis } from './analysis.js';
import { Deduplicator } from './dedup.js';
import { DecodeLog, extractFrames } from './extract.js';
import type { Frame, VideoInfo } from './frame.js';
import { assessQuality, type QualityThresholds } from './quality.js';
import type { Sampling } from './sampling.js';
import { imageFileName, writeFrameJpeg } from './write-images.js';

export interface VideoJob {
  tools: FfmpegTools;
  video: VideoInfo;
  sampling: Sampling;
  quality: QualityThresholds;
  dedupThreshold: number;
  detector: Detector;
  datasetDir: string;
  jpegQuality: number;
  recorder: RunRecorder;
  progress: Progress | null;
  signal?: AbortSignal;
}

interface Pending {
  frame: Frame;
  row: FrameRecord;
}

/** Expected number of sampled frames, for progress and ETA. */
export function expectedSamples(video: VideoInfo, sampling: Sampling): number {
  if (sampling.mode === 'every-n-frames') return Math.ceil(video.frameCount / sampling.n);
  return Math.min(video.frameCount, Math.ceil(video.durationSeconds * sampling.fps));
}

async function detectAndWrite(job: VideoJob, batch: Pending[]): Promise<void> {
  const { recorder, detector } = job;
  const { detections, inferenceMs } = await recorder.time('detect', () => detector.detect(batch.map((p) => p.frame)));
  const perFrameMs = inferenceMs / batch.length;
  for (const [i, { frame, row }] of batch.entries()) {
    const found = detections[i] ?? [];
    const name = imageFileName(frame.video.stem, frame.frameIndex);
    await recorder.time('write', () => writeFrameJpeg(frame, job.datasetDir, job.jpegQuality, name));
    row.detections = found.length;
    row.inferenceMs = Math.round(perFrameMs * 10) / 10;
    row.imageFile = name;
    recorder.recordKept({
      file: name,
      video: frame.video.stem,
      frameIndex: frame.frameIndex,
      timestampMs: frame.timestampMs,
      width: frame.width,
      height: frame.height,
      detections: found,
    });
  }
}

/** Processes one video; returns the decode log (frames decoded, decoder errors). */
export async function processVideo(job: VideoJob): Promise<DecodeLog> {
  const { recorder, video } = job;
  const dedup = new Deduplicator(job.dedupThreshold);
  const log = new DecodeLog();
  let batch: Pending[] = [];
  let waitStart = performance.now();
  for await (const frame of extractFrames(job.tools, video, job.sampling, log)) {
    recorder.addStageTime('extract', performance.now() - waitStart);
    job.signal?.throwIfAborted();
    const fitted = await recorder.time('quality', () => fitForAnalysis(frame));
    const quality = await recorder.time('quality', () => assessQuality({ ...fitted, corrupt: frame.corrupt }, job.quality));
    const row: FrameRecord = {
      video: video.stem,
      frameIndex: frame.frameIndex,
      timestampMs: frame.timestampMs,
      outcome: 'dropped',
      reason: quality.reason,
      lumaMean: Number.isFinite(quality.lumaMean) ? Math.round(quality.lumaMean * 10) / 10 : null,
      blurScore: Number.isFinite(quality.blurScore) ? Math.round(quality.blurScore * 10) / 10 : null,
      phashDistance: null,
      detections: null,
      inferenceMs: null,
      imageFile: null,
    };
    recorder.recordFrame(row);
    if (quality.reason === null) {
      const { distance, duplicate } = await recorder.time('dedup', () => dedup.check({ ...fitted, video: frame.video }));
      row.phashDistance = distance;
      if (duplicate) {
        row.reason = 'duplicate';
      } else {
        row.outcome = 'kept';
        batch.push({ frame: { ...frame, fitted }, row });
        if (batch.length >= job.detector.batchSize) {
          await detectAndWrite(job, batch);
          batch = [];
        }
      }
    }
    job.progress?.tick();
    waitStart = performance.now();
  }
  if (batch.length > 0) await detectAndWrite(job, batch);
  return log;
}
