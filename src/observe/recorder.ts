/**
 * The run's recorder: every stage reports what it did here, and nothing else keeps counts. Metrics,
 * CSV and reports are computed from it once, at the end of the run.
 */
import type { Detection, DropReason, VideoInfo } from '../pipeline/frame.js';

export const STAGES = ['probe', 'extract', 'quality', 'dedup', 'detect', 'write'] as const;
export type Stage = (typeof STAGES)[number];

/** One row per sampled frame, in the order frames were sampled. */
export interface FrameRecord {
  video: string;
  frameIndex: number;
  timestampMs: number;
  outcome: 'kept' | 'dropped';
  reason: DropReason | null;
  lumaMean: number | null;
  blurScore: number | null;
  /** Hamming distance of the frame's pHash to the last kept frame (null for the first frame of a video). */
  phashDistance: number | null;
  /** Set for kept frames only. */
  detections: number | null;
  inferenceMs: number | null;
  imageFile: string | null;
}

export interface VideoRecord {
  info: VideoInfo;
  sha256: string;
  /** Frames ffmpeg decoded (before sampling). */
  framesDecoded: number;
  /** Decoder error messages ffmpeg printed while decoding this video. */
  decodeErrors: number;
}

export interface KeptImage {
  file: string;
  video: string;
  frameIndex: number;
  timestampMs: number;
  width: number;
  height: number;
  detections: Detection[];
}

export class RunRecorder {
  readonly stageMs: Record<Stage, number> = { probe: 0, extract: 0, quality: 0, dedup: 0, detect: 0, write: 0 };
  readonly frames: FrameRecord[] = [];
  readonly videos: VideoRecord[] = [];
  readonly kept: KeptImage[] = [];
  private readonly startedAt = performance.now();
  private finishedAt: number | null = null;

  /** Runs `work`, adding its wall time to `stage`. */
  async time<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.stageMs[stage] += performance.now() - start;
    }
  }

  addStageTime(stage: Stage, ms: number): void {
    this.stageMs[stage] += ms;
  }

  recordVideo(video: VideoRecord): void {
    this.videos.push(video);
  }

  recordFrame(frame: FrameRecord): void {
    this.frames.push(frame);
  }

  recordKept(image: KeptImage): void {
    this.kept.push(image);
  }

  finish(): void {
    this.finishedAt ??= performance.now();
  }

  get wallMs(): number {
    return (this.finishedAt ?? performance.now()) - this.startedAt;
  }
}
