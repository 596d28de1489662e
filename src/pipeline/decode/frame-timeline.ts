/**
 * A video's frames in presentation order, from its packet list (no decoding): each frame's pts and
 * time from the first frame, and which are keyframes. Keyframe-aware decoding plans on it
 * (keyframe-choice.ts) and places the frames it decodes with it (frame index, timestamp).
 */
import type { VideoInfo } from '../../domain/video.js';
import { VideoInputError } from '../../errors.js';
import { DISCARD, KEYFRAME, type PacketScan } from '../../media/packet-scan.js';
import type { DecodeOrigin } from './decoder-stderr.js';
import { lowerBound } from './keyframe-choice.js';

export interface FrameTimeline {
  /** Each shown frame's pts (stream time base), ascending. */
  pts: Float64Array;
  /** Each frame's time in ms from the first frame (unrounded). */
  ms: number[];
  /** Indices into `pts` / `ms` of the keyframes, ascending. */
  keyframes: number[];
  /** The first frame's time on the file's own timeline (s). */
  firstPtsTime: number;
}

/** A packet that is shown (not flagged D, discard); every stored packet has a time (its pts, or its dts standing in). */
function isShown(scan: PacketScan, i: number): boolean {
  return (scan.flags[i]! & DISCARD) === 0;
}

/** Containers whose timestamps may jump (discontinuities), which ffmpeg closes up when it decodes (`AVFMT_TS_DISCONT`). */
const DISCONTINUOUS = new Set(['mpegts', 'mpeg']);

/**
 * How the packet list places a video's frames in time: by their presentation timestamps; by their
 * decode timestamps, where the container stores no pts (AVI) and the stream reorders no frames, so
 * decode order is presentation order; or not at all (`count`: the frames are counted as they decode,
 * timestamps as ffmpeg gives them), where a packet has no time, or the stream reorders frames and
 * some carry no pts, or the timestamps jump. `why` says which (a clause: "…, so …" follows it), for
 * the log and any refusal.
 */
export type Placement = { by: 'pts' } | { by: 'dts'; note: string } | { by: 'count'; why: string };

export function placementOf(video: Pick<VideoInfo, 'container' | 'reordersFrames'>, scan: PacketScan): Placement {
  if (scan.untimed > 0) return { by: 'count', why: `${scan.untimed} packets carry no timestamp at all` };
  if (scan.fromDts > 0 && video.reordersFrames) {
    return {
      by: 'count',
      why: 'not every packet carries a presentation timestamp (AVI stores decode order only) and the stream reorders frames',
    };
  }
  if (scan.backJumps > 0) return { by: 'count', why: `its timestamps jump back ${scan.backJumps} times (a clock reset, or files joined end to end)` };
  if (scan.gaps > 0 && video.container.split(',').some((name) => DISCONTINUOUS.has(name))) {
    return { by: 'count', why: `its timestamps jump ahead ${scan.gaps} times (discontinuities, which ffmpeg closes up)` };
  }
  if (scan.fromDts > 0) {
    return { by: 'dts', note: 'frames placed by their decode timestamps: the container stores no presentation timestamps and the stream reorders no frames' };
  }
  for (let i = 0; i < scan.count; i += 1) if (isShown(scan, i)) return { by: 'pts' };
  return { by: 'count', why: 'ffprobe listed no video packets' };
}

/** Sorts the scanned packets into presentation order, leaving out those never shown (flag D). */
export function timelineFromPackets(video: VideoInfo, scan: PacketScan): FrameTimeline {
  const order: number[] = [];
  for (let i = 0; i < scan.count; i += 1) {
    if (isShown(scan, i)) order.push(i);
  }
  order.sort((a, b) => scan.pts[a]! - scan.pts[b]!);
  const first = order[0];
  if (first === undefined) throw new VideoInputError(`Video ${video.path}: ffprobe listed no video packets; its keyframes cannot be found`);
  const firstPtsTime = scan.ptsTime[first]!;
  const pts = new Float64Array(order.length);
  const ms: number[] = new Array<number>(order.length);
  const keyframes: number[] = [];
  for (const [i, packet] of order.entries()) {
    pts[i] = scan.pts[packet]!;
    ms[i] = (scan.ptsTime[packet]! - firstPtsTime) * 1000;
    if ((scan.flags[packet]! & KEYFRAME) !== 0) keyframes.push(i);
  }
  return { pts, ms, keyframes, firstPtsTime };
}

/** The index of the frame with this pts, or -1. */
export function frameAt(timeline: FrameTimeline, pts: number): number {
  const index = lowerBound(timeline.pts, pts);
  return timeline.pts[index] === pts ? index : -1;
}

/** A decode placed on the whole timeline (`originFromTimeline`). */
export interface TimelineOrigin extends DecodeOrigin {
  everyFrame: true;
  /** The first frame's pts (stream time base): such a decode keeps the file's own timestamps (`-copyts`), and its sampling grid starts here. */
  firstPts: number;
}

/**
 * A decode of every frame placed on the timeline: each decoded frame's index is its place among the
 * listed frames, so frames the decoder loses (damaged data) do not shift those after them. The decode
 * must keep the file's own timestamps (`-copyts`), as the packet list has them. Holds only the pts (8
 * bytes a frame).
 */
export function originFromTimeline(timeline: Pick<FrameTimeline, 'pts' | 'firstPtsTime'>): TimelineOrigin {
  const { pts, firstPtsTime } = timeline;
  return { firstPtsTime, firstPts: pts[0] ?? 0, framesBefore: (value) => lowerBound(pts, value), everyFrame: true };
}
