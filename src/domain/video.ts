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
  /** The stream may show frames in another order than it decodes them (B-frames: ffprobe's `has_b_frames` > 0). */
  reordersFrames: boolean;
  sizeBytes: number;
}
