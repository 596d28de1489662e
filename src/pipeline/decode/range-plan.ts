/**
 * How a run over a time range decodes each video so that it decides exactly as a run over the whole
 * video: seek to the key frame before the dedup checkpoint at or before the range's start, replay
 * quality and dedup from that checkpoint (nothing recorded, nothing detected), then record the frames
 * inside the range. Frame indices come from counting the packets before the first decoded frame
 * (ffprobe, no decoding), timestamps from the file's own (`-copyts`), so both stay the whole video's.
 *
 * Why the first decoded frame must come before the checkpoint: the sampling grid keeps the first
 * frame of every 1/fps slot, and the decoder always keeps its very first frame. A first frame before
 * the checkpoint (here: at least SEEK_MARGIN_S before it) leaves every slot after it sampled as in the
 * whole run.
 */
import { DEDUP_CHECKPOINT_MS } from '../../domain/thresholds.js';
import type { TimeRange } from '../../domain/time-range.js';
import type { VideoInfo } from '../../domain/video.js';
import { VideoInputError } from '../../errors.js';
import { scanPackets } from '../../media/ffprobe.js';
import type { PacketScan } from '../../media/packet-scan.js';
import { type ProbeTools } from '../../media/tools.js';
import type { DecodeOrigin } from './decoder-stderr.js';
import { placementOf, timelineFromPackets } from './frame-timeline.js';
import { lowerBound } from './keyframe-choice.js';

/** Seconds before the checkpoint to seek to (the key frame at or before it is where decoding starts). */
export const SEEK_MARGIN_S = 1;
/** Packets listed past the seek point, so that the key frame decoding starts at is among them. */
const LIST_PAST_SEEK_S = 10;

export interface RangePlan {
  range: TimeRange;
  /** Sampled frames from here (ms) on go through quality and dedup; those before the range are not recorded. */
  replayFromMs: number;
  /** Where ffmpeg starts decoding (s from the file's start); undefined: from the first frame. */
  seekSeconds: number | undefined;
  /** How the decode's frames map to the whole video; null when it starts at the first frame. */
  origin: DecodeOrigin | null;
}

/** The dedup checkpoint at or before `ms`. */
export function checkpointBefore(ms: number): number {
  return Math.floor(ms / DEDUP_CHECKPOINT_MS) * DEDUP_CHECKPOINT_MS;
}

/**
 * Counts frames before a pts from the listed packets (sorted by pts; discarded ones never become
 * frames), placed as the whole video's decode places them (frame-timeline.ts `placementOf`); a video
 * whose packets do not place its frames cannot be cut.
 */
export function originFromPackets(video: VideoInfo, scan: PacketScan): DecodeOrigin {
  const placement = placementOf(video, scan);
  if (placement.by === 'count')
    throw new VideoInputError(`Video ${video.path}: ${placement.why}, so it cannot be cut into time ranges; process the whole video`);
  const { pts, firstPtsTime } = timelineFromPackets(video, scan);
  const lastPts = pts[pts.length - 1]!;
  return {
    firstPtsTime,
    framesBefore(at) {
      if (at > lastPts) {
        throw new VideoInputError(
          `Video ${video.path}: decoding after the seek started past the listed packets (pts ${at}); the range's frame indices cannot be placed`,
        );
      }
      return lowerBound(pts, at);
    },
  };
}

export async function planRange(tools: ProbeTools, video: VideoInfo, range: TimeRange): Promise<RangePlan> {
  if (range.startMs >= video.durationSeconds * 1000) {
    throw new VideoInputError(
      `Video ${video.path} is ${video.durationSeconds.toFixed(3)} s long; the range starts at ${range.startMs / 1000} s, after its end`,
    );
  }
  const replayFromMs = checkpointBefore(range.startMs);
  const seek = replayFromMs / 1000 - SEEK_MARGIN_S;
  if (seek <= 0) return { range, replayFromMs, seekSeconds: undefined, origin: null };
  const packets = await scanPackets(tools, video.path, seek + LIST_PAST_SEEK_S);
  return { range, replayFromMs, seekSeconds: seek, origin: originFromPackets(video, packets) };
}
