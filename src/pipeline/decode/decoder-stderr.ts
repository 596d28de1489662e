/**
 * Reads ffmpeg's stderr during a decode: the two `showinfo` filters around `select` give each sampled
 * frame its source frame index and timestamp, and decoder errors mark the frames after them corrupt,
 * up to the next keyframe. It also counts the frames decoded and the decoder's errors, and notes a
 * demuxer that reports a partial file (truncation.ts judges it).
 */
import { inRange, type TimeRange } from '../../domain/time-range.js';

/** What ffmpeg reported about the whole decode, filled in as frames stream. */
export interface DecodeStats {
  framesDecoded: number;
  decodeErrors: number;
  /** The demuxer reported missing data (a truncated file). */
  truncated: boolean;
  /** Presentation time of the last decoded frame, in ms from the first. */
  lastTimestampMs: number;
}

/** Totals before anything is decoded. */
export function noDecodeStats(): DecodeStats {
  return { framesDecoded: 0, decodeErrors: 0, truncated: false, lastTimestampMs: 0 };
}

/** Most decoder error lines kept: the last one names why a failed decode failed. */
export const KEPT_ERRORS = 20;

/** One frame as showinfo reported it. */
export interface FrameInfo {
  frameIndex: number;
  pts: number;
  ptsTime: number;
  corrupt: boolean;
  size: string;
}

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

const SHOWINFO = /\[Parsed_showinfo_(\d+) @ [^\]]+\] (?:\[info\] )?n:\s*(\d+) pts:\s*(-?\d+) pts_time:(\S+).*? s:(\d+x\d+)(?:.*? iskey:(\d))?/;
const LOG_SOURCE = /^\[([^\s@\]]+) @ [^\]]+\] \[(error|fatal|panic)\]/;
const PARTIAL = /partial file|Invalid NAL unit size|Packet corrupt|truncat/i;
/** Errors about metadata riding in the stream (SEI messages: camera timestamps, encoder settings), which leave the picture whole: not counted. */
const METADATA_ONLY = /\bSEI\b/;
/** Errors about a packet that yields no frame at all (unreadable, or missing what it refers to), as opposed to a frame decoded with damage. */
const NO_FRAME = /no frame!|decode_slice_header error|non-existing [PS]PS|missing picture|Error splitting the input into NAL units|Invalid NAL unit size/i;

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
export class DecoderStderr {
  readonly stats: DecodeStats = noDecodeStats();
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
    if (this.errors.length < KEPT_ERRORS) this.errors.push(text.replace(/^\[[^\]]+\] \[\w+\]\s*/, '').trim());
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
