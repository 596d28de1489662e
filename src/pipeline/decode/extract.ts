/**
 * Stage 2: decode a video once with ffmpeg and stream its sampled frames into the process as packed
 * RGB (frame-pipe.ts). Two `showinfo` filters around `select` give each sampled frame its source frame
 * index and timestamp, and decoder errors mark frames corrupt (decoder-stderr.ts); a file that ends
 * early is judged by truncation.ts.
 */
import type { Frame } from '../../domain/frame.js';
import type { Sampling } from '../../domain/sampling.js';
import type { VideoInfo } from '../../domain/video.js';
import { VideoInputError } from '../../errors.js';
import type { PriorityControl } from '../../media/ffmpeg.js';
import type { FfmpegTools } from '../../media/tools.js';
import { DecoderStderr, type DecodeStats } from './decoder-stderr.js';
import { pipedFrames } from './frame-pipe.js';
import { selectFilter } from './select-filter.js';

/** One sequential decode: which video, which frames of it, and how ffmpeg runs. */
interface ExtractOptions {
  tools: FfmpegTools;
  video: VideoInfo;
  sampling: Sampling;
  /**
   * Reads the decoder's stderr and holds the decode's totals when the generator finishes; pass one to
   * place a decode that starts after a seek, or to count only a range. Default: the whole video.
   */
  stderr?: DecoderStderr;
  /** Seconds to seek to before decoding (`-ss` before `-i`); from the start when absent. */
  seekSeconds?: number;
  /** Decode on the GPU; the CPU when absent. */
  hwaccel?: 'cuda';
  /** Lowers and raises ffmpeg's CPU priority while it runs. */
  priority?: PriorityControl;
  /**
   * The video's first frame's pts, when the decode is placed on its packet list (`originFromTimeline`):
   * the file's own timestamps are kept (`-copyts`), as the list has them, and the sampling grid
   * starts at that frame.
   */
  firstPts?: number;
  /** The sampling grid starts at the first decoded frame (a container that places no frame in time; see selectFilter). */
  gridFromFirstFrame?: boolean;
}

/**
 * Decodes `video` and yields its sampled frames in order. When the generator finishes, `stderr.stats`
 * (also its return value) holds the decode totals (see `truncation` for a file that ends early); an
 * undecodable file throws VideoInputError at the end.
 */
export async function* extractFrames(options: ExtractOptions): AsyncGenerator<Frame, DecodeStats> {
  const { tools, video, sampling, stderr = new DecoderStderr(), firstPts } = options;
  const request = {
    priority: options.priority,
    // showinfo's per-plane checksums cost ffmpeg ~40 % more CPU over the whole decode; only the
    // frame numbers and times are read.
    filter: `showinfo=checksum=0,${selectFilter(sampling, firstPts, options.gridFromFirstFrame === true && options.seekSeconds === undefined)},showinfo=checksum=0`,
    seekSeconds: options.seekSeconds,
    hwaccel: options.hwaccel,
    copyts: firstPts !== undefined,
  };
  for await (const { info, rgb } of pipedFrames(tools, video, request, stderr)) {
    yield {
      video,
      frameIndex: info.frameIndex,
      timestampMs: stderr.timestampMs(info.ptsTime),
      width: video.width,
      height: video.height,
      rgb,
      corrupt: info.corrupt,
      decode: 'sequential',
    };
  }
  const stats = stderr.stats;
  if (stats.framesDecoded === 0) throw new VideoInputError(`Video ${video.path}: ffmpeg decoded no frames`);
  return stats;
}
