/**
 * A video's frames in presentation order, from its packet list (no decoding): each frame's pts and
 * time from the first frame, and which are keyframes. Keyframe-aware decoding plans on it
 * (keyframe-choice.ts) and places the frames it decodes with it (frame index, timestamp).
 */
import type { VideoInfo } from '../../domain/video.js';
import { VideoInputError } from '../../errors.js';
import type { PacketScan } from '../../media/ffprobe.js';
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

/** A packet that is shown (not flagged D, discard) and carries a presentation timestamp. */
function isPresented(scan: PacketScan, i: number): boolean {
  return (scan.flags[i]! & 2) === 0 && Number.isFinite(scan.pts[i]!);
}

/**
 * Whether the packet list places every frame in time: false when a shown packet carries no
 * presentation timestamp, as in AVI, which stores decode order only (MPEG-4 ASP in AVI gives some of
 * its packets a pts and others none). Frames are then counted as they decode instead.
 */
export function hasPresentationTimes(scan: PacketScan): boolean {
  if (scan.untimed > 0) return false;
  for (let i = 0; i < scan.count; i += 1) if ((scan.flags[i]! & 2) === 0) return true;
  return false;
}

/** Sorts the scanned packets into presentation order, leaving out those never shown (flag D). */
export function timelineFromPackets(video: VideoInfo, scan: PacketScan): FrameTimeline {
  const order: number[] = [];
  for (let i = 0; i < scan.count; i += 1) {
    if (isPresented(scan, i)) order.push(i);
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
    if ((scan.flags[packet]! & 1) === 1) keyframes.push(i);
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
