/**
 * At which priority ffmpeg decodes (docs/performance.md, "Decoder threads and priority"). ffmpeg
 * always decodes with its own thread count (one per core and one more), so the scheduler can give it
 * whichever cores the inference workers leave. Its priority starts from how the work splits between
 * decoding and inference (`chooseDecoderSetting`): the lowest when inference is most of the work
 * (the workers fill the cores and the decoder takes their gaps), normal when decoding is (many
 * decoded pixels per sampled frame: sparse sampling of every frame, or keyframes far apart), so that
 * nothing else on the machine starves it. Then it follows the workers (`DecoderPriority`): the lowest
 * while all of them are busy, normal while one is idle (a static timelapse, where most frames are
 * dropped before detection). With a GPU, the CPU is left to the decoder anyway; it stays the lowest.
 */
import type { PriorityControl } from '../../media/ffmpeg.js';

/** A keyframe costs about this many average frames to decode (H.264, measured: 300 keyframes in 2.3-2.9 s of CPU, 15 000 frames in 13-14.6 s). */
export const KEYFRAME_COST = 9;

/** Decoded megapixels (in average-frame equivalents) per sampled frame from which decoding is the larger share of a run's CPU. */
export const DECODE_BOUND_MEGAPIXELS = 16;

export interface DecoderWork {
  /** The model runs on a GPU. */
  gpu: boolean;
  /** Frames decoded for each sampled frame. */
  decodedPerSample: number;
  /** They are keyframes (`--decode keyframes`). */
  keyframes: boolean;
  width: number;
  height: number;
}

export interface DecoderSetting {
  /** Run ffmpeg at the lowest CPU priority. */
  lowPriority: boolean;
  /** Why, for the log. */
  reason: string;
}

export function chooseDecoderSetting(work: DecoderWork): DecoderSetting {
  if (work.gpu) return { lowPriority: true, reason: 'the model runs on the GPU' };
  const perFrame = (work.width * work.height) / 1e6;
  const megapixels = work.decodedPerSample * (work.keyframes ? KEYFRAME_COST : 1) * perFrame;
  const amount = `${megapixels.toFixed(1)} decoded megapixels per sampled frame`;
  if (megapixels >= DECODE_BOUND_MEGAPIXELS) {
    return { lowPriority: false, reason: `${amount}: decoding is most of the work` };
  }
  return { lowPriority: true, reason: `${amount}: inference is most of the work` };
}

/**
 * The decoder's priority while a video is decoded, following the inference workers: the lowest
 * while every worker is busy (the decoder takes only their gaps), normal as soon as one is idle (the
 * decoder gets the core it leaves). It starts from `chooseDecoderSetting`'s choice. Raising it back
 * needs the right to (not in a container without CAP_SYS_NICE): once refused, it stays the lowest.
 */
export class DecoderPriority implements PriorityControl {
  private set: ((low: boolean) => boolean) | null = null;
  private mayRaise = true;
  /** Changes made, for the log. */
  changes = 0;

  constructor(private current: boolean) {}

  get low(): boolean {
    return this.current;
  }

  attach(set: (low: boolean) => boolean): void {
    this.set = set;
  }

  /** Every inference worker busy (true) or one idle (false). */
  follow(allBusy: boolean): void {
    if (allBusy === this.current || (!allBusy && !this.mayRaise)) return;
    const applied = this.set === null || this.set(allBusy);
    if (!applied && !allBusy) {
      this.mayRaise = false;
      return;
    }
    this.current = allBusy;
    this.changes += 1;
  }
}
