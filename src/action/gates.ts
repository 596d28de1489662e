/**
 * Quality gates: `min-images` and `max-drop-ratio` (and, from diff-gates.ts, the gates on the
 * comparison with a baseline). They are checked after the dataset was written (and uploaded, so it can
 * be inspected); a missed gate fails the step with QualityGateError (exit 8).
 */
import { QualityGateError } from '../errors.js';
import type { RunMetrics } from '../index.js';
import { inputName } from './inputs.js';

export interface QualityGates {
  /** Fewest images the dataset may have; 0 turns the gate off. */
  minImages: number;
  /** Largest share (0–1) of sampled frames that may be dropped; 1 turns the gate off. */
  maxDropRatio: number;
}

export interface GateResult {
  input: 'min-images' | 'max-drop-ratio' | 'max-image-drop' | 'fail-on-class-loss';
  threshold: number;
  measured: number;
  passed: boolean;
  /** One line saying what was measured against what, e.g. for the job summary. */
  description: string;
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

/** The gates that are on, each with its verdict. */
export function evaluateGates(metrics: RunMetrics, gates: QualityGates): GateResult[] {
  const results: GateResult[] = [];
  if (gates.minImages > 0) {
    const passed = metrics.images >= gates.minImages;
    results.push({
      input: 'min-images',
      threshold: gates.minImages,
      measured: metrics.images,
      passed,
      description: `the dataset has ${metrics.images} images; ${inputName('min-images')} asks for at least ${gates.minImages}`,
    });
  }
  if (gates.maxDropRatio < 1) {
    const ratio = metrics.frameDropRatio;
    const passed = ratio <= gates.maxDropRatio;
    results.push({
      input: 'max-drop-ratio',
      threshold: gates.maxDropRatio,
      measured: ratio,
      passed,
      description:
        `${percent(ratio)} of the sampled frames were dropped (drop ratio ${ratio}); ` +
        `${inputName('max-drop-ratio')} allows at most ${gates.maxDropRatio} (${percent(gates.maxDropRatio)})`,
    });
  }
  return results;
}

/**
 * Throws QualityGateError naming every missed gate. `hint` says where to look at the dataset (e.g.
 * the artifact), and is appended to the message.
 */
export function enforceGates(results: readonly GateResult[], hint = ''): void {
  const missed = results.filter((r) => !r.passed);
  if (missed.length === 0) return;
  const what = missed.map((r) => r.description).join('; and ');
  throw new QualityGateError(`Quality gate missed: ${what}${hint ? `; ${hint}` : ''}`);
}
