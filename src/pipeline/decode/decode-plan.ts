/**
 * How one video is decoded (`--decode`): settles `auto` from the video's keyframe spacing and, for
 * keyframes, plans the frames to decode. The packet list is read only when the mode is not `all`.
 */
import { cliName, type DecodeMode, type DecodeOption, type NameOf } from '../../domain/run-options.js';
import type { Sampling } from '../../domain/sampling.js';
import type { VideoInfo } from '../../domain/video.js';
import { VideoInputError } from '../../errors.js';
import { scanPackets } from '../../media/ffprobe.js';
import type { PacketScan } from '../../media/packet-scan.js';
import { type ProbeTools } from '../../media/tools.js';
import type { PlannedDecode } from './extract-planned.js';
import { originFromTimeline, placementOf, timelineFromPackets, type TimelineOrigin } from './frame-timeline.js';
import { chooseDecodeMode, chooseTargets, intervalMs, slotTimes, TOLERANCE_SHARE } from './keyframe-choice.js';
import type { RangePlan } from './range-plan.js';

export interface VideoDecodePlan {
  mode: DecodeMode;
  /** Why this mode, for the log and the manifest. */
  reason: string;
  /** The frames to decode with `keyframes`; null with `all`. */
  planned: Omit<PlannedDecode, 'priority' | 'hwaccel'> | null;
  /** Frames decoded for each sampled frame (keyframes, with `keyframes`). */
  decodedPerSample: number;
  /**
   * With `all`, where each decoded frame sits in the video, from its packet list when it was read
   * (`auto`); null when it was not (`all` asked for: frames are counted as they decode).
   */
  origin: TimelineOrigin | null;
  /**
   * The packet list places no frame in time (AVI with reordered frames, timestamps that jump;
   * frame-timeline.ts `placementOf`): frames are counted as they decode, and the sampling grid starts
   * at the first decoded frame (its own time, not the file's 0), as the timestamps recorded for the
   * frames do.
   */
  untimed?: boolean;
}

/** Frames a decode of every frame reads for each sample. */
function everyFramePerSample(video: VideoInfo, sampling: Sampling): number {
  return Math.max(1, sampling.mode === 'fps' ? video.fps / sampling.fps : sampling.n);
}

export async function planDecode(
  tools: ProbeTools,
  video: VideoInfo,
  requested: DecodeOption,
  sampling: Sampling,
  range: RangePlan | null,
  /** The video's packets when already listed (its probe listed them). */
  packets: PacketScan | null = null,
  /** How messages name the options (the door's spelling). */
  name: NameOf = cliName,
): Promise<VideoDecodePlan> {
  if (requested === 'all') return { mode: 'all', reason: 'asked for', planned: null, decodedPerSample: everyFramePerSample(video, sampling), origin: null };
  const scan = packets ?? (await scanPackets(tools, video.path));
  const placement = placementOf(video, scan);
  if (placement.by === 'count') {
    // Frames are counted as they decode, every one of them, with the timestamps ffmpeg gives them.
    const why = `${placement.why}, so its frames cannot be placed in time`;
    if (requested === 'keyframes') throw new VideoInputError(`Video ${video.path}: ${why}; pass ${name('decode')} all to decode every frame`);
    return {
      mode: 'all',
      reason: `auto: ${why}; every frame is decoded and counted`,
      planned: null,
      decodedPerSample: everyFramePerSample(video, sampling),
      origin: null,
      untimed: true,
    };
  }
  const placed = placement.by === 'dts' ? `; ${placement.note}` : '';
  const timeline = timelineFromPackets(video, scan);
  const interval = intervalMs(sampling, video.fps);
  const choice = requested === 'auto' ? chooseDecodeMode(interval, timeline.ms, timeline.keyframes) : null;
  if (choice?.mode === 'all') {
    return {
      mode: 'all',
      reason: `auto: ${choice.reason}${placed}`,
      planned: null,
      decodedPerSample: everyFramePerSample(video, sampling),
      origin: originFromTimeline(timeline),
    };
  }
  const all = chooseTargets(slotTimes(sampling, timeline.ms), timeline.ms, timeline.keyframes, interval * TOLERANCE_SHARE);
  // A range decodes from its dedup checkpoint (replayed, not recorded) to its end; the choice itself
  // is made over the whole video, so it is the same as a whole run's.
  const targets =
    range === null
      ? all
      : all.filter((t) => {
          const ms = Math.round(timeline.ms[t.frame]!);
          return ms >= range.replayFromMs && (range.range.endMs === null || ms < range.range.endMs);
        });
  const exact = targets.filter((t) => t.kind === 'exact').length;
  const why = choice === null ? 'asked for' : `auto: ${choice.reason}`;
  return {
    mode: 'keyframes',
    reason: `${why}; ${targets.length - exact} keyframes, ${exact} decoded exactly${placed}`,
    planned: { timeline, targets, window: range?.range ?? null },
    decodedPerSample: timeline.keyframes.length / Math.max(1, all.length),
    origin: null,
  };
}
