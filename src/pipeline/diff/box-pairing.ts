/**
 * Pairs the boxes of one frame seen twice (a baseline and a new run, or two input shapes): greedily,
 * highest IoU first, each box at most once, at IoU ≥ 0.5 by default; either boxes of the same class
 * (the same object found again) or of different classes (the same object relabelled).
 */
import { iou } from '../../detect/nms.js';
import type { Box } from '../../domain/detection.js';

/** What pairing needs of a box: its class and where it is. */
interface ClassedBox {
  className: string;
  box: Box;
}

export interface Pair<T> {
  reference: T;
  candidate: T;
  iou: number;
}

export interface Agreement<T> {
  pairs: Pair<T>[];
  /** Reference boxes no candidate box was paired with, and the other way round, in their given order. */
  unmatchedReference: T[];
  unmatchedCandidate: T[];
}

/** The IoU at which two boxes are taken for the same object (COCO's AP50, the rule). */
export const PAIR_MIN_IOU = 0.5;

/**
 * Pairs `reference` boxes with `candidate` boxes of the same class (`classes: 'same'`, the default)
 * or of another class (`'different'`). Ties in IoU keep the given order, so the result is
 * deterministic.
 */
export function pairBoxes<T extends ClassedBox>(
  reference: readonly T[],
  candidate: readonly T[],
  { minIou = PAIR_MIN_IOU, classes = 'same' }: { minIou?: number; classes?: 'same' | 'different' } = {},
): Agreement<T> {
  const scored: Pair<T>[] = [];
  for (const r of reference) {
    for (const c of candidate) {
      if ((r.className === c.className) !== (classes === 'same')) continue;
      const overlap = iou(r.box, c.box);
      if (overlap >= minIou) scored.push({ reference: r, candidate: c, iou: overlap });
    }
  }
  scored.sort((a, b) => b.iou - a.iou);
  const usedReference = new Set<T>();
  const usedCandidate = new Set<T>();
  const pairs: Pair<T>[] = [];
  for (const pair of scored) {
    if (usedReference.has(pair.reference) || usedCandidate.has(pair.candidate)) continue;
    usedReference.add(pair.reference);
    usedCandidate.add(pair.candidate);
    pairs.push(pair);
  }
  return {
    pairs,
    unmatchedReference: reference.filter((r) => !usedReference.has(r)),
    unmatchedCandidate: candidate.filter((c) => !usedCandidate.has(c)),
  };
}
