/**
 * Class-aware non-maximum suppression: greedy by score, per class, then a cap on detections per
 * image. The order is fully determined by the boxes (score desc, then class, then coordinates), so
 * equal inputs give equal outputs whatever order the candidates arrive in.
 */
import type { Box } from '../domain/detection.js';
import type { Candidate } from './decode-output.js';

export interface NmsOptions {
  /** A box is suppressed when its IoU with a kept box of the same class is above this. */
  iouThreshold: number;
  /** Boxes kept per image, best first. */
  maxDetections: number;
  /** Candidates considered, best first (bounds the work on a noisy frame); 30000 as in Ultralytics. */
  maxCandidates?: number;
}

/** Intersection over union of two top-left boxes; 0 when either is empty. */
export function iou(a: Box, b: Box): number {
  const left = Math.max(a.x, b.x);
  const top = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  if (right <= left || bottom <= top) return 0;
  const intersection = (right - left) * (bottom - top);
  const union = a.width * a.height + b.width * b.height - intersection;
  return union > 0 ? intersection / union : 0;
}

/** Score descending, then class, x, y, width, height ascending. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.classIndex - b.classIndex || a.x - b.x || a.y - b.y || a.width - b.width || a.height - b.height;
}

export function nms(candidates: readonly Candidate[], options: NmsOptions): Candidate[] {
  const { iouThreshold, maxDetections, maxCandidates = 30000 } = options;
  const sorted = [...candidates].sort(compareCandidates);
  if (sorted.length > maxCandidates) sorted.length = maxCandidates;
  const keptByClass = new Map<number, Candidate[]>();
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    if (kept.length >= maxDetections) break;
    let sameClass = keptByClass.get(candidate.classIndex);
    if (!sameClass) {
      sameClass = [];
      keptByClass.set(candidate.classIndex, sameClass);
    }
    if (sameClass.some((other) => iou(candidate, other) > iouThreshold)) continue;
    sameClass.push(candidate);
    kept.push(candidate);
  }
  return kept;
}
