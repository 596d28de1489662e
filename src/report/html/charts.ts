/**
 * report.html's charts, each with its note: detections per class, detections per image, the timeline
 * of sampled frames, time per stage and the pHash distances with the dedup threshold marked.
 */
import { DATASET_FILES } from '../../domain/dataset-files.js';
import { STAGES, type Stage } from '../../domain/stages.js';
import type { RunMetrics } from '../../observe/metrics-contract.js';
import type { HistogramBucket } from '../../observe/statistics.js';
import { describeUndetected, duration, fixed, int } from '../format.js';
import { userText } from '../html-escape.js';
import { buildTimeline, OUTCOMES, type HtmlReportData, type TimelineLimits } from '../report-model.js';
import { histogramChart, horizontalBarChart, stackedBar, type BarDatum, type HistogramDatum } from '../svg-charts.js';
import { timelineChart } from '../svg-timeline.js';
import { panel } from './blocks.js';

const STAGE_COLORS: Record<Stage, string> = {
  probe: '#9aa5b8',
  extract: '#4c6ef5',
  quality: '#15aabf',
  dedup: '#845ef7',
  detect: '#f08c00',
  write: '#2f9e44',
};
const DUPLICATE_COLOR = OUTCOMES.find((o) => o.key === 'duplicate')?.color ?? '#a3acb9';

/** Detections per class, at most `maxBars` bars (the rest summed in one), and the classes never detected. */
export function classChart(metrics: RunMetrics, colorOf: (name: string) => string, maxBars: number): string {
  const classes = metrics.detections.byClass;
  const shown = classes.slice(0, maxBars);
  const rest = classes.slice(maxBars);
  const rows: BarDatum[] = shown.map((c) => ({
    label: c.name,
    value: c.count,
    color: colorOf(c.name),
    title: `${c.name}: ${int(c.count)} detections, mean score ${fixed(c.meanScore, 3)}`,
  }));
  if (rest.length > 0) {
    const count = rest.reduce((acc, c) => acc + c.count, 0);
    rows.push({ label: `${int(rest.length)} other classes`, value: count, color: '#a3acb9' });
  }
  const chart = horizontalBarChart(rows, { label: 'Detections per class', empty: 'No detections' });
  const undetected = describeUndetected(metrics.detections);
  return chart + (undetected !== null ? `<p class="note">${userText(undetected, 2000)}</p>` : '');
}

export function perImageChart(metrics: RunMetrics): string {
  const per = metrics.detections.perImage;
  const buckets: HistogramDatum[] = per.histogram.map((b) => ({ label: b.label, count: b.count, title: `${b.label} detections: ${int(b.count)} images` }));
  return (
    histogramChart(buckets, { label: 'Kept images by number of detections', xTitle: 'detections in the image' }) +
    `<p class="note">Images per number of detections; mean ${fixed(per.mean, 2)}.</p>`
  );
}

/** Where a threshold `t` (values ≤ t are duplicates) falls on the histogram's bucket axis. */
export function thresholdPosition(buckets: readonly Pick<HistogramBucket, 'min' | 'max'>[], t: number): number {
  for (const [i, b] of buckets.entries()) {
    if (t < b.min) return i;
    if (b.max === null) return i + 0.5;
    if (t <= b.max) return i + (t - b.min + 1) / (b.max - b.min + 1);
  }
  return buckets.length;
}

/** What the dashed line of the pHash chart means, for the dedup settings. */
function dedupRule(threshold: number, localThreshold: number | undefined): string {
  if (threshold < 0) return 'Deduplication was off.';
  if (localThreshold === undefined) return 'Frames at or left of the dashed line were dropped as near-duplicates.';
  return (
    'Frames at or left of the dashed line were dropped as near-duplicates unless part of the frame changed ' +
    `(local change above ${fixed(localThreshold, 1)} luma levels, the <code>local_change</code> column of ${DATASET_FILES.metricsCsv}).`
  );
}

export function phashChart(metrics: RunMetrics, threshold: number, localThreshold: number | undefined): string {
  const ph = metrics.phashDistance;
  if (ph.count === 0) return '<p class="note">No distances recorded (each video had at most one frame reach deduplication).</p>';
  const on = threshold >= 0;
  const buckets: HistogramDatum[] = ph.histogram.map((b) => ({
    label: b.label,
    count: b.count,
    color: on && b.max !== null && b.max <= threshold ? DUPLICATE_COLOR : undefined,
    title: `distance ${b.label}: ${int(b.count)} frames`,
  }));
  const marker = on ? { at: thresholdPosition(ph.histogram, threshold), label: `dedup ≤ ${int(threshold)}` } : undefined;
  return (
    histogramChart(buckets, { label: 'pHash distance to the last kept frame', xTitle: 'Hamming distance (bits of 64)', marker }) +
    `<p class="note">${int(ph.count)} distances; median ${fixed(ph.median, 1)}. ${dedupRule(threshold, localThreshold)}</p>`
  );
}

export function stageChart(metrics: RunMetrics): string {
  const t = metrics.timings;
  const segments = STAGES.map((stage) => ({ label: stage, value: t.stages[stage].ms, color: STAGE_COLORS[stage] }));
  return (
    stackedBar(segments, { label: 'Time per stage', formatValue: duration, empty: 'No time recorded' }) +
    `<p class="note">Stages sum to ${duration(t.stageTotalMs)}; wall time ${duration(t.wallMs)}.</p>`
  );
}

/** The timeline panel (full width): one track per video, at most `limits.maxTracks` of them. */
export function timelinePanel(data: HtmlReportData, limits: TimelineLimits): string {
  const timeline = buildTimeline(data.metrics, data.frames, limits);
  const chart = timelineChart(timeline.tracks, { label: 'Sampled frames over video time', categories: timeline.categories, width: 960, fontSize: 12 });
  const hidden = timeline.hiddenVideos > 0 ? ` ${int(timeline.hiddenVideos)} more videos are not drawn; see the videos table.` : '';
  return panel(
    'Timeline',
    `<div class="scroll">${chart}</div><p class="note">One column per sampled frame (or per time bin on long videos), coloured by what happened to it; bars above show detections in kept frames.${hidden}</p>`,
    true,
  );
}
