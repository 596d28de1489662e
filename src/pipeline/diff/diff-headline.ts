/** The diff's verdict and its one line: "no change", or the changes a reviewer looks at first. */
import { cut } from '../../report/text-cut.js';
import type { DatasetDiff } from './diff-model.js';

type Body = Omit<DatasetDiff, 'verdict' | 'headline'>;

/** Whether the datasets hold the same frames, images and boxes (settings may still differ). */
export function verdictOf(diff: Body): DatasetDiff['verdict'] {
  const { videos, frames, detections, frameChanges } = diff;
  const countsEqual = [frames.sampled, frames.kept, frames.dropped, ...Object.values(frames.droppedByReason), detections.total, ...detections.byClass].every(
    (change) => change.before === change.after,
  );
  const same =
    countsEqual &&
    videos.added.length === 0 &&
    videos.removed.length === 0 &&
    frameChanges.added.length === 0 &&
    frameChanges.removed.length === 0 &&
    frameChanges.changed.length === 0;
  return same ? 'no-change' : 'changed';
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "20 → 18 (−2, −10.0 %)"; "20 (same)" when equal. */
export function beforeAfter(change: { before: number; after: number }): string {
  const delta = change.after - change.before;
  if (delta === 0) return `${change.before} (same)`;
  const sign = delta > 0 ? '+' : '−';
  const share = change.before > 0 ? `, ${sign}${((Math.abs(delta) / change.before) * 100).toFixed(1)} %` : '';
  return `${change.before} → ${change.after} (${sign}${Math.abs(delta)}${share})`;
}

/** At most five names, each at most 40 characters: the line stays one line. */
function names(list: readonly string[]): string {
  const shown = list.slice(0, 5).map((name) => cut(name, 40));
  return list.length > 5 ? `${shown.join(', ')} and ${list.length - 5} more` : shown.join(', ');
}

export function headlineOf(diff: Body, verdict: DatasetDiff['verdict']): string {
  const settings = diff.settings.length > 0 ? `; ${plural(diff.settings.length, 'setting')} differ${diff.settings.length === 1 ? 's' : ''}` : '';
  if (verdict === 'no-change') {
    return `No change: ${plural(diff.frames.kept.after, 'image')}, ${plural(diff.detections.total.after, 'detection')}, the same frames and boxes${settings}`;
  }
  const { frameChanges, detections, videos } = diff;
  const parts = [`images ${beforeAfter(diff.frames.kept)}`, `detections ${beforeAfter(detections.total)}`];
  const frames = [
    frameChanges.added.length > 0 ? `${frameChanges.added.length} added` : '',
    frameChanges.removed.length > 0 ? `${frameChanges.removed.length} removed` : '',
    frameChanges.changed.length > 0 ? `${frameChanges.changed.length} with other boxes` : '',
  ].filter((part) => part !== '');
  if (frames.length > 0) parts.push(`frames: ${frames.join(', ')}`);
  if (videos.added.length + videos.removed.length > 0) parts.push(`videos: ${videos.added.length} added, ${videos.removed.length} removed`);
  if (detections.lost.length > 0) parts.push(`classes lost: ${names(detections.lost)}`);
  if (detections.gained.length > 0) parts.push(`classes new: ${names(detections.gained)}`);
  return `Changed: ${parts.join('; ')}${settings}`;
}
