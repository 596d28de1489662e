/**
 * Stage 2: decode a video once with ffmpeg and stream the sampled frames into the process as packed
 * RGB through a pipe. Two `showinfo` filters around `select` give each sampled frame its source frame
 * index and timestamp; decoder errors on stderr mark the frames after them corrupt, up to the next
 * keyframe (DecodeLog). Only one frame is assembled at a time; the pipe's backpressure holds ffmpeg
 * back while stages work.
 */
import type { Frame } from '../../domain/frame.js';
import type { Sampling } from '../../domain/sampling.js';
import { inRange, type TimeRange } from '../../domain/time-range.js';
import type { VideoInfo } from '../../domain/video.js';
import { VideoInputError } from '../../errors.js';
import { startDecode, type DecodeRequest, type PriorityControl } from '../../media/ffmpeg.js';
import { type FfmpegTools } from '../../media/tools.js';
import { selectFilter } from './select-filter.js';

/** What ffmpeg reported about the whole decode, filled in as frames stream. */
export interface DecodeStats {
  framesDecoded: number;
  decodeErrors: number;
  /** The demuxer reported missing data (a truncated file). */
  truncated: boolean;
  /** Presentation time of the last decoded frame, in ms from the first. */
  lastTimestampMs: number;
}

/** One frame as showinfo reported it. */
export interface FrameInfo {
  frameIndex: number;
  pts: number;
  ptsTime: number;
  corrupt: boolean;
  size: string;
}

const SHOWINFO = /\[Parsed_showinfo_(\d+) @ [^\]]+\] (?:\[info\] )?n:\s*(\d+) pts:\s*(-?\d+) pts_time:(\S+).*? s:(\d+x\d+)(?:.*? iskey:(\d))?/;
const LOG_SOURCE = /^\[([^\s@\]]+) @ [^\]]+\] \[(error|fatal|panic)\]/;
const PARTIAL = /partial file|Invalid NAL unit size|Packet corrupt|truncat/i;
/** Errors about metadata riding in the stream (SEI messages: camera timestamps, encoder settings), which leave the picture whole: not counted. */
const METADATA_ONLY = /\bSEI\b/;
/** Errors about a packet that yields no frame at all (unreadable, or missing what it refers to), as opposed to a frame decoded with damage. */
const NO_FRAME = /no frame!|decode_slice_header error|non-existing [PS]PS|missing picture|Error splitting the input into NAL units|Invalid NAL unit size/i;

/**
 * Where a decode that starts after a seek sits in the whole video: the first frame's time and how many
 * frames come before a given pts, so frame indices and timestamps stay those of the whole video.
 */
export interface DecodeOrigin {
  /** The first frame's time on the file's own timeline (s): timestamps count from it. */
  firstPtsTime: number;
  framesBefore(pts: number): number;
  /**
   * It knows every frame of the video (its packet list), so each decoded frame is placed by its own
   * pts: frames the decoder loses to damaged data do not shift the indices of those after them. Else
   * only the first frame is placed, and the rest are counted from it.
   */
  everyFrame?: boolean;
}

/**
 * Parses ffmpeg's stderr lines into per-frame info and error counts. With a `window`, only frames
 * inside it count as decoded (a range's decode also reads frames before and after it).
 *
 * A decoder error marks the next decoded frame corrupt, and every frame after it up to the next
 * keyframe: the decoder conceals what it could not read, and later frames predicted from the damaged
 * one carry the smear until a keyframe starts afresh. An error about a packet that yields no frame
 * (unreadable, or missing its parameter sets) marks the frames after it up to the next keyframe, but
 * not that keyframe: a stream cut mid-GOP, or a lost packet right before a keyframe, leaves the
 * keyframe whole.
 */
export class DecodeLog {
  readonly stats: DecodeStats = { framesDecoded: 0, decodeErrors: 0, truncated: false, lastTimestampMs: 0 };
  readonly errors: string[] = [];
  private readonly selected: FrameInfo[] = [];
  private lastDecoded: FrameInfo | null = null;
  private firstPtsTime: number | null = null;
  private corruptPending = false;
  /** A decoder error was seen since the last keyframe: the frames decoded now are predicted from damaged ones. */
  private damaged = false;
  private wake: (() => void) | null = null;
  private indexOffset: number | null = null;

  constructor(
    private readonly origin: DecodeOrigin | null = null,
    readonly window: TimeRange | null = null,
  ) {
    if (origin) this.firstPtsTime = origin.firstPtsTime;
  }

  line(text: string): void {
    const info = SHOWINFO.exec(text);
    if (info) {
      this.frameLine(info);
    } else {
      this.errorLine(text);
    }
    this.wake?.();
  }

  private frameLine(match: RegExpExecArray): void {
    const [, instance, n, pts, ptsTime, size, key] = match;
    if (instance !== '0') {
      // The selected frames' showinfo: the frame just decoded passed the select filter.
      if (this.lastDecoded && this.lastDecoded.pts === Number(pts)) this.selected.push({ ...this.lastDecoded, size: size ?? '' });
      return;
    }
    // An ffmpeg whose showinfo does not say `iskey` marks only the frame after the error.
    if (this.corruptPending) this.damaged = true;
    else if (key === '1' || key === undefined) this.damaged = false;
    this.corruptPending = false;
    const frame: FrameInfo = {
      frameIndex: this.indexOf(Number(n), Number(pts)),
      pts: Number(pts),
      ptsTime: Number(ptsTime),
      corrupt: this.damaged,
      size: size ?? '',
    };
    this.firstPtsTime ??= frame.ptsTime;
    this.stats.lastTimestampMs = this.timestampMs(frame.ptsTime);
    if (inRange(this.window, this.stats.lastTimestampMs)) this.stats.framesDecoded += 1;
    this.lastDecoded = frame;
  }

  /** The frame's index in the whole video: placed by its pts when the origin knows every frame, else counted. */
  private indexOf(n: number, pts: number): number {
    if (this.origin?.everyFrame === true) return this.origin.framesBefore(pts);
    this.indexOffset ??= this.origin ? this.origin.framesBefore(pts) : 0;
    return n + this.indexOffset;
  }

  private errorLine(text: string): void {
    const match = LOG_SOURCE.exec(text);
    if (!match) return;
    const source = match[1] ?? '';
    if (this.errors.length < 20) this.errors.push(text.replace(/^\[[^\]]+\] \[\w+\]\s*/, '').trim());
    if (PARTIAL.test(text) && /^(mov|matroska|avi|flv|mpegts|mpeg)/.test(source)) {
      this.stats.truncated = true;
    } else if (!source.startsWith('Parsed_') && !METADATA_ONLY.test(text)) {
      this.stats.decodeErrors += 1;
      // A lost packet smears the frames predicted from it, not the next keyframe (which needs
      // nothing before it); an error inside a frame marks the next frame out, keyframe or not.
      if (NO_FRAME.test(text)) this.damaged = true;
      else this.corruptPending = true;
    }
  }

  timestampMs(ptsTime: number): number {
    return Math.round((ptsTime - (this.firstPtsTime ?? 0)) * 1000);
  }

  /** The info line of the next selected frame, waiting for stderr to catch up when needed. */
  async nextSelected(exited: () => boolean): Promise<FrameInfo | null> {
    while (this.selected.length === 0) {
      if (exited()) return null;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 50);
      });
      this.wake = null;
    }
    return this.selected.shift() ?? null;
  }
}

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

/** A frame read from ffmpeg's pipe, with what showinfo said about it. */
export interface DecodedFrame {
  info: FrameInfo;
  rgb: Buffer;
}

/**
 * Runs one ffmpeg decode of `video` (the request's filter must end in the selected frames' showinfo)
 * and yields each frame on the pipe with its info. A decode that fails throws VideoInputError at the
 * end; ffmpeg is killed when the caller stops early.
 */
export async function* decodeRaw(
  tools: FfmpegTools,
  video: VideoInfo,
  request: Omit<DecodeRequest, 'input' | 'onStderrLine'>,
  log: DecodeLog,
): AsyncGenerator<DecodedFrame, void> {
  const frameBytes = video.width * video.height * 3;
  const decoder = startDecode(tools, { ...request, input: video.path, onStderrLine: (line) => log.line(line) });
  let exited = false;
  let failure: Error | null = null;
  const finished = decoder.done.then(
    () => void (exited = true),
    (error: Error) => {
      exited = true;
      failure = error;
    },
  );
  let buffer = Buffer.allocUnsafe(frameBytes);
  let filled = 0;
  try {
    for await (const chunk of decoder.frames as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        chunk.copy(buffer, filled, offset, offset + n);
        filled += n;
        offset += n;
        if (filled < frameBytes) continue;
        const info = await log.nextSelected(() => exited);
        if (!info) throw new VideoInputError(`Video ${video.path}: ffmpeg sent a frame it did not report; cannot place it in time`);
        if (info.size !== `${video.width}x${video.height}`) {
          throw new VideoInputError(
            `Video ${video.path}: frame ${info.frameIndex} decodes at ${info.size}, not the probed ${video.width}x${video.height}; frame size changes mid-stream are not supported`,
          );
        }
        yield { info, rgb: buffer };
        buffer = Buffer.allocUnsafe(frameBytes);
        filled = 0;
      }
    }
    await finished;
  } finally {
    if (!exited) decoder.kill();
  }
  if (failure !== null) {
    if ((failure as Error) instanceof VideoInputError) throw failure; // stalled: the message names the option
    const reason = log.errors.at(-1) ?? (failure as Error).message.split('\n')[0];
    throw new VideoInputError(`Video ${video.path} could not be decoded: ${reason}`);
  }
}

/**
 * Decodes `video` and yields its sampled frames in order. When the generator finishes, `stats` holds
 * the decode totals (see `truncation` for a file that ends early); an undecodable file throws
 * VideoInputError at the end.
 */
export async function* extractFrames(
  tools: FfmpegTools,
  video: VideoInfo,
  sampling: Sampling,
  log: DecodeLog = new DecodeLog(),
  seekSeconds?: number,
  hwaccel?: 'cuda',
  priority?: PriorityControl,
  /**
   * The video's first frame's pts, when the decode is placed on its packet list (`originFromTimeline`):
   * the file's own timestamps are kept (`-copyts`), as the list has them, and the sampling grid
   * starts at that frame.
   */
  firstPts?: number,
): AsyncGenerator<Frame, DecodeStats> {
  const request = {
    priority,
    // showinfo's per-plane checksums cost ffmpeg ~40 % more CPU over the whole decode; only the
    // frame numbers and times are read.
    filter: `showinfo=checksum=0,${selectFilter(sampling, firstPts)},showinfo=checksum=0`,
    seekSeconds,
    hwaccel,
    copyts: firstPts !== undefined,
  };
  for await (const { info, rgb } of decodeRaw(tools, video, request, log)) {
    yield {
      video,
      frameIndex: info.frameIndex,
      timestampMs: log.timestampMs(info.ptsTime),
      width: video.width,
      height: video.height,
      rgb,
      corrupt: info.corrupt,
      decode: 'sequential',
    };
  }
  const stats = log.stats;
  if (stats.framesDecoded === 0) throw new VideoInputError(`Video ${video.path}: ffmpeg decoded no frames`);
  return stats;
}
