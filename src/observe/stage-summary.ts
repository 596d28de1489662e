/**
 * The end-of-run log summary: one line per stage with what went in, what came out and the time spent,
 * as fields (`stage`, `unit`, `countIn`, `count`, `durationMs`, `share`) so JSON log lines can be
 * filtered and charted. Run id and site come from the logger's child fields.
 */
import { STAGES, type Stage } from '../domain/stages.js';
import type { LogFields, Logger } from './log.js';
import type { RunMetrics } from './metrics-contract.js';

export interface StageSummary {
  stage: Stage;
  /** What the counts count. */
  unit: 'videos' | 'frames' | 'images';
  /** Items that reached the stage. */
  countIn: number;
  /** Items the stage passed on (what it kept or produced). */
  count: number;
  durationMs: number;
  /** Fraction (0..1) of the summed stage time. */
  share: number;
  /** Extra fields of one stage (detections for detect). */
  extra?: LogFields;
}

/** The stages in pipeline order, with counts derived from `metrics` (nothing is recounted). */
export function stageSummaries(metrics: RunMetrics): StageSummary[] {
  const { frames } = metrics;
  const afterQuality = frames.sampled - frames.bad;
  const counts: Record<Stage, Pick<StageSummary, 'unit' | 'countIn' | 'count' | 'extra'>> = {
    probe: { unit: 'videos', countIn: metrics.videos.length, count: metrics.videos.length },
    extract: { unit: 'frames', countIn: frames.decoded, count: frames.sampled },
    quality: { unit: 'frames', countIn: frames.sampled, count: afterQuality },
    // Frames already labelled (--exclude) are told apart in the dedup stage, after the near-duplicates.
    dedup: {
      unit: 'frames',
      countIn: afterQuality,
      count: afterQuality - frames.duplicates - frames.labelled,
      ...(frames.labelled > 0 ? { extra: { labelled: frames.labelled } } : {}),
    },
    detect: { unit: 'frames', countIn: frames.kept, count: frames.kept, extra: { detections: metrics.detections.total } },
    write: { unit: 'images', countIn: frames.kept, count: metrics.images },
  };
  return STAGES.map((stage) => ({
    stage,
    ...counts[stage],
    durationMs: Math.round(metrics.timings.stages[stage].ms),
    share: metrics.timings.stages[stage].share,
  }));
}

/** Logs one info line per stage, e.g. `stage quality: 120 → 112 frames in 850 ms (12 %)`. */
export function logStageSummary(logger: Logger, metrics: RunMetrics): void {
  for (const s of stageSummaries(metrics)) {
    logger.info(`stage ${s.stage}: ${s.countIn} → ${s.count} ${s.unit} in ${s.durationMs} ms (${Math.round(s.share * 100)} %)`, {
      stage: s.stage,
      unit: s.unit,
      countIn: s.countIn,
      count: s.count,
      durationMs: s.durationMs,
      share: s.share,
      ...s.extra,
    });
  }
}
