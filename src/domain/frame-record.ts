/**
 * What a run records: one row per sampled frame, one record per video and per kept image. The
 * pipeline writes them into the run's recorder (observe/recorder.ts); metrics, reports and the dataset
 * writers read them.
 */
import type { Detection } from './detection.js';
import type { DropReason } from './drop-reason.js';
import type { FrameDecode } from './frame.js';
import type { DecodeMode } from './run-options.js';
import type { VideoInfo } from './video.js';

interface FrameRecordBase {
  /** The video's stem. */
  video: string;
  frameIndex: number;
  timestampMs: number;
  /** Null only for a corrupt frame whose pixels could not be measured. */
  lumaMean: number | null;
  blurScore: number | null;
  /** Hamming distance of the frame's pHash to the last kept frame (null for the first frame of a video, or when not hashed). */
  phashDistance: number | null;
  /** Dedup's local change against the last kept frame, luma levels (null whenever `phashDistance` is). */
  localChange: number | null;
}

export interface KeptFrameRecord extends FrameRecordBase {
  outcome: 'kept';
  detections: number;
  /** The model's time for this frame (its share of the batch), measured in the inference worker. */
  inferenceMs: number;
  imageFile: string;
}

export interface DroppedFrameRecord extends FrameRecordBase {
  outcome: 'dropped';
  reason: DropReason;
}

/** One row per sampled frame, in the order frames were sampled. A dropped frame always has its reason. */
export type FrameRecord = KeptFrameRecord | DroppedFrameRecord;

/** The model input a video's frames were letterboxed into (`--inference-shape`), and why that shape. */
export interface InferenceInput {
  width: number;
  height: number;
  /** E.g. "auto: 1920x1080 fits 640x384", "square: asked for", or why the video's shape could not be used. */
  reason: string;
}

export interface VideoRecord {
  info: VideoInfo;
  sha256: string;
  /** How its frames were decoded (`--decode`, `auto` settled), and why. */
  decode: { mode: DecodeMode; reason: string };
  /** Frames ffmpeg decoded (before sampling). */
  framesDecoded: number;
  /** Decoder error messages ffmpeg printed while decoding this video. */
  decodeErrors: number;
  /** Where decoding stopped in a truncated file (its frames up to there are used); absent when it decoded to the end. */
  truncatedAtMs?: number;
  /** The model input its frames were letterboxed into; absent in records of parts made before it was recorded. */
  inference?: InferenceInput;
}

export interface KeptImage {
  file: string;
  /** The video's stem. */
  video: string;
  frameIndex: number;
  /** The decoded frame's own presentation time (ms from the first frame). */
  timestampMs: number;
  /** How the frame was decoded. */
  decode: FrameDecode;
  width: number;
  height: number;
  detections: Detection[];
}
