/** The unit that flows through the pipeline's stages. */
import type { RgbImage } from './image.js';
import type { VideoInfo } from './video.js';

/** A decoded, sampled frame: packed RGB, 3 bytes per pixel, rows top to bottom. */
export interface Frame extends RgbImage {
  video: VideoInfo;
  /** Index of the frame in the source video's decode order (0-based). */
  frameIndex: number;
  /** Presentation time in ms from the start of the video. */
  timestampMs: number;
  /** ffmpeg reported a decoding error for this frame. */
  corrupt: boolean;
  /** The frame resized to fit the analysis size (pipeline/analysis.ts), once it has been made. */
  fitted?: RgbImage;
}
