/**
 * The truncation policy: whether a decode shows its video ends early, and the refusal of such a video
 * under `--strict` (otherwise the run warns and records where decoding stopped).
 */
import type { TimeRange } from '../../domain/time-range.js';
import type { VideoInfo } from '../../domain/video.js';
import { VideoInputError } from '../../errors.js';
import type { DecodeStats } from './decoder-stderr.js';

/**
 * Why a whole-video decode counts as truncated, or null: the demuxer reported a partial file, or the
 * last decoded frame is well short of the container's duration. Frame counts are not a measure:
 * containers with empty or repeated chunks declare more frames than they store, and are valid. A
 * range (`window`) ends early by design and is not judged.
 */
export function truncation(video: VideoInfo, stats: DecodeStats, window: TimeRange | null): string | null {
  if (stats.truncated) return 'ffmpeg: partial file';
  if (window !== null || stats.framesDecoded === 0) return null;
  const toleranceMs = Math.max(1000, (3 * 1000) / Math.max(video.fps, 1));
  return stats.lastTimestampMs < video.durationSeconds * 1000 - toleranceMs ? 'the last frames do not decode' : null;
}

/** The refusal of a truncated video (`--strict`). */
export function truncatedError(video: VideoInfo, stats: DecodeStats, reason: string): VideoInputError {
  const seconds = (stats.lastTimestampMs / 1000).toFixed(1);
  return new VideoInputError(
    `Video ${video.path} is truncated: decoding stopped at ${seconds} s of ${video.durationSeconds.toFixed(1)} s (${reason}); re-copy or re-export the file`,
  );
}
