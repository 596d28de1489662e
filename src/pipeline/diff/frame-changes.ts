/**
 * Frames compared across two datasets. A frame is the same frame when it comes from the same video
 * content (sha256) at the same frame index, whatever the file was called; a frame kept on one side
 * only is listed with what became of it on the other (a drop reason, or not sampled). The boxes of a
 * frame kept on both sides are paired by class at IoU ≥ 0.5; what is left pairs across classes
 * (relabelled), and the rest was added or removed.
 */
import type { Detection } from '../../domain/detection.js';
import type { KeptImage } from '../../domain/frame-record.js';
import type { DatasetPart } from '../merge/dataset-part.js';
import { pairBoxes, type Pair } from './box-pairing.js';
import type { DiffBox, FrameBoxChange, FrameChanges, FrameFate, FrameMove } from './diff-model.js';

/** Below this IoU a box paired with one of its class counts as moved. */
export const MOVED_IOU = 0.9;

interface SideFrames {
  fates: Map<string, FrameFate>;
  kept: Map<string, { image: KeptImage; sha256: string }>;
}

const keyOf = (sha256: string, frameIndex: number): string => `${sha256}#${frameIndex}`;

function indexSide(part: DatasetPart): SideFrames {
  const shaOf = new Map(part.manifest.videos.map((video) => [video.stem, video.sha256]));
  const fates = new Map<string, FrameFate>();
  for (const row of part.frames) {
    const key = keyOf(shaOf.get(row.video)!, row.frameIndex);
    if (!fates.has(key)) fates.set(key, row.outcome === 'kept' ? 'kept' : row.reason);
  }
  const kept = new Map<string, { image: KeptImage; sha256: string }>();
  for (const image of part.kept) {
    const sha256 = shaOf.get(image.video)!;
    const key = keyOf(sha256, image.frameIndex);
    if (!kept.has(key)) kept.set(key, { image, sha256 });
  }
  return { fates, kept };
}

const diffBox = (d: Detection): DiffBox => ({ className: d.className, score: d.score, box: { ...d.box } });

/** One frame's boxes on both sides: paired by class (the baseline's box is `reference`), relabelled, added, removed. */
export interface FramePairing {
  same: Pair<Detection>[];
  relabelled: Pair<Detection>[];
  added: Detection[];
  removed: Detection[];
}

export function pairFrame(base: readonly Detection[], head: readonly Detection[]): FramePairing {
  const same = pairBoxes(base, head);
  const relabel = pairBoxes(same.unmatchedReference, same.unmatchedCandidate, { classes: 'different' });
  return { same: same.pairs, relabelled: relabel.pairs, added: relabel.unmatchedCandidate, removed: relabel.unmatchedReference };
}

/** The boxes of one frame kept on both sides; null when they are the same. */
function boxChange(sha256: string, base: KeptImage, head: KeptImage): FrameBoxChange | null {
  const pairing = pairFrame(base.detections, head.detections);
  const change: FrameBoxChange = {
    sha256,
    frameIndex: head.frameIndex,
    file: head.file,
    baseFile: base.file,
    paired: pairing.same.length,
    added: pairing.added.map(diffBox),
    removed: pairing.removed.map(diffBox),
    relabelled: pairing.relabelled.map((pair) => ({ before: diffBox(pair.reference), after: diffBox(pair.candidate) })),
    moved: pairing.same
      .filter((pair) => pair.iou < MOVED_IOU)
      .map((pair) => ({ before: diffBox(pair.reference), after: diffBox(pair.candidate), iou: pair.iou })),
  };
  return weight(change) === 0 ? null : change;
}

/** How much a frame's boxes changed: each box added, removed, relabelled or moved counts one. */
export function weight(change: FrameBoxChange): number {
  return change.added.length + change.removed.length + change.relabelled.length + change.moved.length;
}

function moves(from: SideFrames, other: SideFrames): FrameMove[] {
  const found: FrameMove[] = [];
  for (const [key, { image, sha256 }] of from.kept) {
    if (other.kept.has(key)) continue;
    found.push({ sha256, frameIndex: image.frameIndex, file: image.file, other: other.fates.get(key) ?? 'not sampled' });
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export function frameChanges(basePart: DatasetPart, headPart: DatasetPart): FrameChanges {
  const base = indexSide(basePart);
  const head = indexSide(headPart);
  const changed: FrameBoxChange[] = [];
  let unchanged = 0;
  for (const [key, { image, sha256 }] of head.kept) {
    const before = base.kept.get(key);
    if (before === undefined) continue;
    const change = boxChange(sha256, before.image, image);
    if (change === null) unchanged++;
    else changed.push(change);
  }
  changed.sort((a, b) => weight(b) - weight(a) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const total = (pick: (c: FrameBoxChange) => readonly unknown[]): number => changed.reduce((sum, c) => sum + pick(c).length, 0);
  return {
    added: moves(head, base),
    removed: moves(base, head),
    unchanged,
    changed,
    boxes: { added: total((c) => c.added), removed: total((c) => c.removed), relabelled: total((c) => c.relabelled), moved: total((c) => c.moved) },
  };
}
