/**
 * The numbers of two datasets side by side, each counted from the dataset's own rows: frames sampled,
 * kept and dropped by reason (metrics.csv), detections per class, per image and by score (the COCO
 * file), and the videos by content (manifest.json).
 */
import { DROP_REASONS, type DropReason } from '../../domain/drop-reason.js';
import type { FrameRecord, KeptImage } from '../../domain/frame-record.js';
import type { DatasetPart } from '../merge/dataset-part.js';
import type { ClassChange, DetectionChanges, DetectionDistribution, DiffVideo, FrameCountChanges, VideoChanges } from './diff-model.js';

const SCORE_BUCKETS = 10;

function frameCounts(frames: readonly FrameRecord[]): { sampled: number; kept: number; byReason: Record<DropReason, number> } {
  const byReason = Object.fromEntries(DROP_REASONS.map((reason) => [reason, 0])) as Record<DropReason, number>;
  let kept = 0;
  for (const frame of frames) {
    if (frame.outcome === 'kept') kept++;
    else byReason[frame.reason]++;
  }
  return { sampled: frames.length, kept, byReason };
}

export function frameCountChanges(base: DatasetPart, head: DatasetPart): FrameCountChanges {
  const before = frameCounts(base.frames);
  const after = frameCounts(head.frames);
  return {
    sampled: { before: before.sampled, after: after.sampled },
    kept: { before: before.kept, after: after.kept },
    dropped: { before: before.sampled - before.kept, after: after.sampled - after.kept },
    droppedByReason: Object.fromEntries(DROP_REASONS.map((reason) => [reason, { before: before.byReason[reason], after: after.byReason[reason] }])) as Record<
      DropReason,
      { before: number; after: number }
    >,
  };
}

const round = (n: number, digits: number): number => Number(n.toFixed(digits));

function distribution(kept: readonly KeptImage[]): DetectionDistribution {
  const perImage = kept.map((image) => image.detections.length);
  const scores = kept.flatMap((image) => image.detections.map((d) => d.score));
  const buckets = new Array<number>(SCORE_BUCKETS).fill(0);
  for (const score of scores) buckets[Math.min(SCORE_BUCKETS - 1, Math.floor(score * SCORE_BUCKETS))]!++;
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  return {
    perImage: {
      // A loop, not Math.min(...perImage): spreading a few hundred thousand images overflows the stack.
      min: perImage.length === 0 ? 0 : perImage.reduce((a, b) => Math.min(a, b)),
      mean: perImage.length === 0 ? 0 : round(sum(perImage) / perImage.length, 3),
      max: perImage.length === 0 ? 0 : perImage.reduce((a, b) => Math.max(a, b)),
    },
    scoreBuckets: buckets,
    meanScore: scores.length === 0 ? 0 : round(sum(scores) / scores.length, 4),
  };
}

function perClass(kept: readonly KeptImage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const image of kept) for (const d of image.detections) counts.set(d.className, (counts.get(d.className) ?? 0) + 1);
  return counts;
}

export function detectionChanges(base: DatasetPart, head: DatasetPart): DetectionChanges {
  const before = perClass(base.kept);
  const after = perClass(head.kept);
  const byClass: ClassChange[] = [...new Set([...before.keys(), ...after.keys()])]
    .map((name) => ({ name, before: before.get(name) ?? 0, after: after.get(name) ?? 0 }))
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || b.before - a.before || (a.name < b.name ? -1 : 1));
  const total = (counts: Map<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    total: { before: total(before), after: total(after) },
    byClass,
    lost: byClass.filter((c) => c.after === 0).map((c) => c.name),
    gained: byClass.filter((c) => c.before === 0).map((c) => c.name),
    before: distribution(base.kept),
    after: distribution(head.kept),
  };
}

const diffVideo = (video: { stem: string; sha256: string; durationSeconds: number }): DiffVideo => ({
  stem: video.stem,
  sha256: video.sha256,
  durationSeconds: video.durationSeconds,
});

export function videoChanges(base: DatasetPart, head: DatasetPart): VideoChanges {
  const baseSha = new Set(base.manifest.videos.map((v) => v.sha256));
  const headSha = new Set(head.manifest.videos.map((v) => v.sha256));
  const added = head.manifest.videos.filter((v) => !baseSha.has(v.sha256)).map(diffVideo);
  const removed = base.manifest.videos.filter((v) => !headSha.has(v.sha256)).map(diffVideo);
  const removedStems = new Set(removed.map((v) => v.stem));
  return {
    added,
    removed,
    same: head.manifest.videos.filter((v) => baseSha.has(v.sha256)).length,
    replacedStems: added.filter((v) => removedStems.has(v.stem)).map((v) => v.stem),
  };
}
