/** The unit that flows through the pipeline's stages: a frame and its pixels. */
import type { VideoInfo } from './video.js';

/** A packed RGB image: 3 bytes per pixel, rows top to bottom, no padding. */
export interface RgbImage {
  rgb: Buffer;
  width: number;
  height: number;
}

/**
 * How a sampled frame was decoded: `sequential`, every frame decoded and this one sampled on the
 * time grid (`--decode all`); `keyframe`, the keyframe nearest its sampling slot (`--decode
 * keyframes`); `exact`, the slot's own frame decoded from the keyframe before it (a slot with no
 * keyframe near enough).
 */
export type FrameDecode = 'sequential' | 'keyframe' | 'exact';

/** A decoded, sampled frame: packed RGB, 3 bytes per pixel, rows top to bottom. */
export interface Frame extends RgbImage {
  video: VideoInfo;
  /** Index of the frame in the source video's decode order (0-based). */
  frameIndex: number;
  /** Presentation time in ms from the start of the video. */
  timestampMs: number;
  /** ffmpeg reported a decoding error for this frame. */
  corrupt: boolean;
  /** How it was decoded (see FrameDecode). */
  decode: FrameDecode;
  /** The frame resized to fit the analysis size (pipeline/filter/analysis.ts), once it has been made. */
  fitted?: RgbImage;
}
