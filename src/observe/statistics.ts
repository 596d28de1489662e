/**
 * General statistics for the run's metrics: rounding that keeps JSON clean, the median, inclusive
 * integer histograms and a min / median / mean / max summary. Nothing here knows about frames or videos.
 */

/** One bucket of a histogram: values `min..max` inclusive; `max` null for an open-ended last bucket. */
export interface HistogramBucket {
  label: string;
  min: number;
  max: number | null;
  count: number;
}

/** Summary of a list of numbers. All zeros (never NaN) when `count` is 0. */
export interface DistributionSummary {
  count: number;
  min: number;
  median: number;
  mean: number;
  max: number;
  histogram: HistogramBucket[];
}

/** Inclusive integer bounds of histogram buckets, in order; `null` as the last upper bound leaves it open. */
export type BucketBounds = readonly (readonly [number, number | null])[];

/** Rounds to `digits` decimals; non-finite input gives 0 and -0 becomes 0, so JSON stays clean. */
export function round(value: number, digits = 0): number {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

function bucketLabel(min: number, max: number | null): string {
  if (max === null) return `${min}+`;
  return min === max ? String(min) : `${min}-${max}`;
}

/** Counts `values` into the given inclusive integer buckets (values are floored first). */
export function histogram(values: readonly number[], buckets: BucketBounds): HistogramBucket[] {
  const result = buckets.map(([min, max]) => ({ label: bucketLabel(min, max), min, max, count: 0 }));
  for (const raw of values) {
    const value = Math.floor(raw);
    const bucket = result.find((b) => value >= b.min && (b.max === null || value <= b.max));
    if (bucket) bucket.count += 1;
  }
  return result;
}

/** The median of numbers sorted ascending; 0 when there are none. */
export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? 0;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** min / median / mean / max and histogram of `values`; zeros when empty. */
export function summarize(values: readonly number[], buckets: BucketBounds): DistributionSummary {
  const finite = values.filter((v) => Number.isFinite(v));
  const sorted = [...finite].sort((a, b) => a - b);
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  return {
    count: sorted.length,
    min: round(sorted[0] ?? 0, 3),
    median: round(median(sorted), 3),
    mean: round(sorted.length === 0 ? 0 : sum / sorted.length, 3),
    max: round(sorted[sorted.length - 1] ?? 0, 3),
    histogram: histogram(sorted, buckets),
  };
}
