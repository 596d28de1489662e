/**
 * At which priority ffmpeg decodes, chosen from how the work splits between decoding and inference
 * (docs/performance.md, "Decoder threads"). ffmpeg always decodes with its own thread count (one
 * per core and one more): the scheduler then gives it whichever cores the inference workers leave.
 * With the model on the CPU, the workers fill the cores while frames are detected, and at the lowest
 * priority the decoder takes only their gaps; when most frames are dropped before detection (a
 * static timelapse) the workers idle and the decoder gets every core. When decoding is most of the
 * work (many decoded pixels per sampled frame: sparse sampling of every frame, or keyframes far
 * apart), inference is rare: ffmpeg runs at normal priority, so nothing else on the machine starves
 * it. With a GPU, the CPU is left to the decoder anyway; it stays at the lowest priority.
 */

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
