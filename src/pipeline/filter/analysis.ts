/**
 * The analysis image: each sampled frame is resized once (sharp, linear) to fit 640 x 640. Quality
 * and dedup measure it, and the detector letterboxes from it when the model's input is 640, so the
 * frame is resized once instead of three times. Frames that already fit are used as they are.
 */
import { letterboxGeometry, resizeToFit } from '../../detect/letterbox.js';
import type { RgbImage } from '../../domain/frame.js';

/** Longer side of the analysis image; the blur threshold is calibrated at this size (docs/thresholds.md). */
export const ANALYSIS_SIZE = 640;

export async function fitForAnalysis(frame: RgbImage): Promise<RgbImage> {
  if (Math.max(frame.width, frame.height) <= ANALYSIS_SIZE) return frame;
  return resizeToFit(frame, letterboxGeometry(frame.width, frame.height, ANALYSIS_SIZE));
}
