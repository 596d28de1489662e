/** The unit that flows through the pipeline's stages. */

/** One input video, as probed. */
export interface VideoInfo {
  /** Absolute path. */
  path: string;
  /** File name without extension; used in image names. */
  stem: string;
  /** Position of the video among the run's inputs (0-based). */
  index: number;
  container: string;
  codec: string;
  durationSeconds: number;
  /** Average frame rate of the video stream. */
  fps: number;
  /** Display size, after rotation. */
  width: number;
  height: number;
  /** Rotation of the display matrix in degrees as ffprobe reports it (0, 90, 180, 270); applied on decode. */
  rotation: number;
  /** Frame count from the container, or estimated from duration × fps when the container has none. */
  frameCount: number;
  frameCountExact: boolean;
  sizeBytes: number;
}

/** A decoded, sampled frame: packed RGB, 3 bytes per pixel, rows top to bottom. */
export interface Frame {
  video: VideoInfo;
  /** Index of the frame in the source video's decode order (0-based). */
  frameIndex: number;
  /** Presentation time in ms from the start of the video. */
  timestampMs: number;
  width: number;
  height: number;
  rgb: Buffer;
  /** ffmpeg reported a decoding error for this frame. */
  corrupt: boolean;
  /** The frame resized to fit the analysis size (see analysis.ts), once it has been made. */
  fitted?: { rgb: Buffer; width: number; height: number };
}

export type QualityDropReason = 'corrupt' | 'black' | 'overexposed' | 'blurred';
export type DropReason = QualityDropReason | 'duplicate';
export const DROP_REASONS: readonly DropReason[] = ['corrupt', 'black', 'overexposed', 'blurred', 'duplicate'];

/** A detection box in source-image pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Detection {
  /** 0-based class index in the model's output. */
  classIndex: number;
  className: string;
  score: number;
  box: Box;
}
