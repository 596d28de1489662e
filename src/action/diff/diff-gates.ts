/**
 * Gates on the comparison with the baseline: `max-image-drop` (how far, in percent, kept images may
 * fall) and `fail-on-class-loss` (a class detected in the baseline and not now). They are checked
 * with the quality gates, after the upload, and shown in the same table of the job summary.
 */
import type { DatasetDiff } from '../../index.js';
import type { GateResult } from '../gates.js';
import { inputName } from '../inputs.js';
import type { DiffGates } from './diff-context.js';

/** How far kept images fell against the baseline, in percent (0 when they rose or the baseline had none). */
export function imageDropPercent(diff: Pick<DatasetDiff, 'frames'>): number {
  const { before, after } = diff.frames.kept;
  if (before <= 0 || after >= before) return 0;
  return Math.round(((before - after) / before) * 10_000) / 100;
}

/** The diff gates that are on, each with its verdict; none without a diff. */
export function evaluateDiffGates(diff: Pick<DatasetDiff, 'frames' | 'detections'> | null, gates: DiffGates): GateResult[] {
  if (!diff) return [];
  const results: GateResult[] = [];
  if (gates.maxImageDrop !== null) {
    const drop = imageDropPercent(diff);
    const { before, after } = diff.frames.kept;
    results.push({
      input: 'max-image-drop',
      threshold: gates.maxImageDrop,
      measured: drop,
      passed: drop <= gates.maxImageDrop,
      description: `kept images went from ${before} in the baseline to ${after} (a drop of ${drop} %); ${inputName('max-image-drop')} allows at most ${gates.maxImageDrop} %`,
    });
  }
  if (gates.failOnClassLoss) {
    const lost = diff.detections.lost;
    const names = lost.map((name) => JSON.stringify(name)).join(', ');
    results.push({
      input: 'fail-on-class-loss',
      threshold: 0,
      measured: lost.length,
      passed: lost.length === 0,
      description:
        lost.length === 0
          ? `every class detected in the baseline is still detected; ${inputName('fail-on-class-loss')} is true`
          : `${lost.length} ${lost.length === 1 ? 'class' : 'classes'} detected in the baseline ${lost.length === 1 ? 'has' : 'have'} no detections now (${names}); ${inputName('fail-on-class-loss')} allows 0`,
    });
  }
  return results;
}
