/**
 * Stage 2 with `--decode keyframes`: decodes only the frames a plan names (keyframe-choice.ts) and
 * yields them in order, each with its whole-video frame index and real timestamp from the timeline.
 *
 * Consecutive keyframe targets share one ffmpeg process that decodes keyframes only (`-skip_frame
 * nokey`); consecutive exact targets after the same keyframe share one that decodes every frame from
 * that keyframe (a seek, `-ss` before `-i`). Each process keeps exactly its targets' pts (`select`),
 * so only the chosen frames are converted to RGB and piped. A keyframe the decoder does not produce
 * (a container flag the codec does not honour) is decoded exactly instead. Each process is read as a
 * sequential decode is: its frames through frame-pipe.ts, its stderr by decoder-stderr.ts.
 */
import type { Frame } from '../../domain/frame.js';
import type { TimeRange } from '../../domain/time-range.js';
import type { VideoInfo } from '../../domain/video.js';
import { VideoInputError } from '../../errors.js';
import type { PriorityControl } from '../../media/ffmpeg.js';
import type { FfmpegTools } from '../../media/tools.js';
import { DecoderStderr, KEPT_ERRORS, noDecodeStats, type DecodeStats } from './decoder-stderr.js';
import { pipedFrames } from './frame-pipe.js';
import { frameAt, type FrameTimeline } from './frame-timeline.js';
import { lowerBound, ptsSelectExpression, type DecodeTarget } from './keyframe-choice.js';

export interface PlannedDecode {
  timeline: FrameTimeline;
  /** In order; only those the run needs (a range's are cut to it). */
  targets: readonly DecodeTarget[];
  /** Frames inside it count as decoded (a range's decode also reads frames outside it). */
  window: TimeRange | null;
  priority?: PriorityControl;
  hwaccel?: 'cuda';
}

interface Group {
  kind: DecodeTarget['kind'];
  targets: DecodeTarget[];
}

/** The index of the keyframe at or before `frame` in the timeline (0 when none: decoding starts there). */
function keyframeBefore(timeline: FrameTimeline, frame: number): number {
  const { keyframes } = timeline;
  // Frame indices are integers: the keyframes at or before `frame` are those below frame + 1.
  const atOrBefore = lowerBound(keyframes, frame + 1);
  return atOrBefore === 0 ? 0 : keyframes[atOrBefore - 1]!;
}

/**
 * Most targets one decode selects: its `select` expression stays well under the 128 KiB a single
 * argument may hold even when no two targets are evenly spaced (about 30 characters each).
 */
export const MAX_GROUP_TARGETS = 1000;

/** Targets grouped into decodes: runs of keyframes; runs of exact frames after the same keyframe. */
export function groupTargets(timeline: FrameTimeline, targets: readonly DecodeTarget[]): Group[] {
  const groups: Group[] = [];
  let lastKey = -1;
  for (const target of targets) {
    const current = groups.at(-1);
    const key = target.kind === 'exact' ? keyframeBefore(timeline, target.frame) : -1;
    const joins = current !== undefined && current.kind === target.kind && current.targets.length < MAX_GROUP_TARGETS;
    if (current && joins && (target.kind === 'keyframe' || key === lastKey)) current.targets.push(target);
    else groups.push({ kind: target.kind, targets: [target] });
    lastKey = key;
  }
  return groups;
}

/** Seconds to seek to so that decoding starts at the keyframe at or before `frame` (undefined: from the start). */
function seekFor(timeline: FrameTimeline, frame: number): number | undefined {
  if (frame === 0) return undefined;
  // Floored to the ms: `-ss` lands on the keyframe at or before it, never after the frame.
  const seconds = Math.floor((timeline.firstPtsTime + timeline.ms[frame]! / 1000) * 1000) / 1000;
  return seconds > 0 ? seconds : undefined;
}

/** The totals of a planned decode's ffmpeg processes, each read by its own DecoderStderr. */
export class PlannedDecodeTotals {
  constructor(readonly window: TimeRange | null = null) {}
  readonly stats: DecodeStats = noDecodeStats();
  readonly errors: string[] = [];
  keyframes = 0;
  exact = 0;

  add(stderr: DecoderStderr): void {
    this.stats.framesDecoded += stderr.stats.framesDecoded;
    this.stats.decodeErrors += stderr.stats.decodeErrors;
    this.stats.truncated ||= stderr.stats.truncated;
    this.errors.push(...stderr.errors.slice(0, Math.max(0, KEPT_ERRORS - this.errors.length)));
  }
}

/** One planned decode: the video, its plan, and where the totals of its ffmpeg processes add up. */
interface PlannedExtract {
  tools: FfmpegTools;
  video: VideoInfo;
  plan: PlannedDecode;
  totals: PlannedDecodeTotals;
}

async function* decodeGroup(job: PlannedExtract, group: Group): AsyncGenerator<Frame, void> {
  const { video, plan, totals } = job;
  const { timeline } = plan;
  const first = group.targets[0]!;
  const start = group.kind === 'exact' ? keyframeBefore(timeline, first.frame) : first.frame;
  const stderr = new DecoderStderr({ firstPtsTime: timeline.firstPtsTime, framesBefore: () => 0 }, plan.window);
  const pending = [...group.targets];
  const request = {
    filter: `showinfo=checksum=0,select='${ptsSelectExpression(pending.map((t) => timeline.pts[t.frame]!))}',showinfo=checksum=0`,
    priority: plan.priority,
    hwaccel: plan.hwaccel,
    keyframesOnly: group.kind === 'keyframe',
    copyts: true,
    seekSeconds: seekFor(timeline, start),
  };
  const frameOf = (target: DecodeTarget, rgb: Buffer, corrupt: boolean): Frame => {
    if (target.kind === 'keyframe') totals.keyframes += 1;
    else totals.exact += 1;
    return {
      video,
      frameIndex: target.frame,
      timestampMs: Math.round(timeline.ms[target.frame]!),
      width: video.width,
      height: video.height,
      rgb,
      corrupt,
      decode: target.kind,
    };
  };
  const missed = async function* (upTo: number): AsyncGenerator<Frame, void> {
    // Targets before `upTo` the decoder skipped: decoded exactly, in order.
    const skipped: DecodeTarget[] = [];
    while (pending.length > 0 && pending[0]!.frame < upTo) skipped.push({ ...pending.shift()!, kind: 'exact' });
    if (skipped.length === 0) return;
    if (group.kind === 'exact') {
      throw new VideoInputError(`Video ${video.path}: ffmpeg did not produce frame ${skipped[0]!.frame}; it cannot be decoded exactly`);
    }
    for (const regroup of groupTargets(timeline, skipped)) yield* decodeGroup(job, regroup);
  };
  try {
    for await (const { info, rgb } of pipedFrames(job.tools, video, request, stderr)) {
      const frame = frameAt(timeline, info.pts);
      yield* missed(frame);
      const target = pending[0];
      if (target === undefined || target.frame !== frame) continue;
      pending.shift();
      yield frameOf(target, rgb, info.corrupt);
      if (pending.length === 0) break;
    }
  } finally {
    totals.add(stderr);
  }
  yield* missed(Infinity);
}

/**
 * Decodes the plan's targets and yields them in order. When it finishes, `totals` holds the decode
 * totals; the last timestamp is the packet list's last frame, which the demuxer read (only the chosen
 * frames are decoded, so a file that ends early shows as a short packet list).
 */
export async function* extractPlanned(job: PlannedExtract): AsyncGenerator<Frame, DecodeStats> {
  const { plan, totals } = job;
  for (const group of groupTargets(plan.timeline, plan.targets)) yield* decodeGroup(job, group);
  totals.stats.lastTimestampMs = Math.round(plan.timeline.ms.at(-1) ?? 0);
  return totals.stats;
}
