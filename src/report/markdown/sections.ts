/**
 * report.md's sections, in page order: the heading with any data-loss warning, the summary, the
 * exports, the frames selected for labelling, dropped frames, classes, detections per image, pHash
 * distances, stage timings, videos and sample images. Each returns its lines; optional sections return
 * none when there is nothing to show. Long lists are cut to `maxRows` rows.
 */
import { EXPORT_FILES } from '../../domain/dataset-files.js';
import { DROP_REASONS } from '../../domain/drop-reason.js';
import type { NameOf } from '../../domain/run-options.js';
import { STAGES } from '../../domain/stages.js';
import { describeDataLoss } from '../../observe/data-loss-message.js';
import type { RunMetrics } from '../../observe/metrics-contract.js';
import { textBar } from '../../observe/text-bar.js';
import { bytes, describeClassFilter, describeUndetected, fixed, inputSize, int, percent } from '../format.js';
import { selectionCounts } from '../selection-text.js';
import { barChart } from '../text-bars.js';
import { chart, encodeHref, escapeMarkdown, histogramChart, seconds, section, table, truncated, userText } from './blocks.js';

export interface ImageLink {
  /** Relative path or URL of the image. */
  href: string;
  /** Link text; defaults to the href. */
  label?: string;
}

/** The title line and, when data was lost, a warning callout; ends with a blank line. */
export function headingSection(metrics: RunMetrics, title: string, nameOf: NameOf | undefined): string[] {
  const out = [`# ${userText(title)}: ${userText(metrics.site)}`, ''];
  if (metrics.dataLoss.length > 0) {
    out.push('> [!WARNING]', '> **Data was lost:**');
    for (const warning of metrics.dataLoss) out.push(`> - ${escapeMarkdown(describeDataLoss(warning, nameOf))}`);
    out.push('');
  }
  return out;
}

/** The key figures, and the cost when a price per hour was given. */
export function summarySection(metrics: RunMetrics): string[] {
  const { frames, detections, timings, compute } = metrics;
  const cost =
    compute.pricePerHour === null
      ? []
      : [
          [`Cost at $${fixed(compute.pricePerHour, 3)}/h`, `$${fixed(compute.cost ?? 0, 4)}`],
          ['Cost per video-hour', `$${fixed(compute.costPerVideoHour ?? 0, 4)}`],
        ];
  const rows = [
    ['Images kept', int(metrics.images)],
    ['Frames sampled', int(frames.sampled)],
    ['Frame drop ratio', percent(metrics.frameDropRatio)],
    ...(frames.labelled > 0 ? [['Already labelled (left out)', int(frames.labelled)]] : []),
    ['Detections', int(detections.total)],
    ['Class filter', userText(describeClassFilter(detections.classFilter) ?? 'none: every model class is detected')],
    ['Mean detections per image', fixed(detections.perImage.mean, 2)],
    ['Frames decoded', int(frames.decoded)],
    ['Videos', int(metrics.videos.length)],
    ['Wall time', seconds(timings.wallMs)],
    ['Video processed', seconds(compute.videoSeconds * 1000)],
    ['Execution providers', compute.executionProviders.length > 0 ? userText(compute.executionProviders.join(', ')) : '—'],
    ['Compute per video-hour', seconds(compute.computeSecondsPerVideoHour * 1000)],
    ...cost,
  ];
  return ['## Summary', '', ...table(['Metric', 'Value'], ['l', 'r'], rows)];
}

/** The exports written (`--export`) and their files; nothing when none was asked for. */
export function exportsSection(metrics: RunMetrics): string[] {
  if (metrics.exports.length === 0) return [];
  const rows = metrics.exports.map((e) => [e.format, e.files.map((f) => `\`${f}\``).join(', '), int(e.images), int(e.boxes)]);
  return section('Exports', table(['Format', 'Files', 'Images', 'Boxes'], ['l', 'l', 'r', 'r'], rows));
}

/** The frames selected for labelling (`--select`), why, and their files; nothing without a selection. */
export function selectionSection(metrics: RunMetrics, maxRows: number): string[] {
  const selection = metrics.selection;
  if (!selection) return [];
  const intro = `${int(selection.selected)} of ${int(selection.requested)} requested frames (also in \`${EXPORT_FILES.selection}\`): ${selectionCounts(selection)}`;
  const { shown, note } = truncated(selection.picks, maxRows, 'frames');
  return section('Selected for labelling', [intro, '', ...shown.map((p) => `- ${userText(p.file)}: ${userText(p.why)}`), ...note]);
}

/** Dropped frames by reason: a table and a bar chart. */
export function dropsSection(metrics: RunMetrics): string[] {
  const { frames } = metrics;
  const rows = DROP_REASONS.map((reason) => {
    const n = frames.droppedByReason[reason];
    return [reason, int(n), percent(frames.sampled > 0 ? n / frames.sampled : 0)];
  });
  const bars = barChart(
    DROP_REASONS.map((reason) => ({ label: reason, value: frames.droppedByReason[reason] })),
    { formatValue: int },
  );
  return section('Dropped frames', [...table(['Reason', 'Frames', 'Share of sampled'], ['l', 'r', 'r'], rows), ...chart(bars)]);
}

/** Detections per class with bars, the class filter, and the classes never detected. */
export function classesSection(metrics: RunMetrics, maxRows: number): string[] {
  const { detections } = metrics;
  const out: string[] = [];
  const filter = describeClassFilter(detections.classFilter);
  if (filter !== null) out.push(`Class filter: ${userText(filter)}.`, '');
  if (detections.byClass.length === 0) {
    out.push('No detections.');
  } else {
    const maxCount = detections.byClass[0]?.count ?? 0;
    const { shown, note } = truncated(detections.byClass, maxRows, 'classes');
    out.push(
      ...table(
        ['Class', 'Count', 'Mean score', ''],
        ['l', 'r', 'r', 'l'],
        shown.map((c) => [userText(c.name), int(c.count), fixed(c.meanScore, 3), textBar(c.count, maxCount, 20)]),
      ),
      ...note,
    );
  }
  const undetected = describeUndetected(detections);
  if (undetected !== null) out.push('', userText(undetected));
  return section('Classes', out);
}

export function perImageSection(metrics: RunMetrics): string[] {
  const per = metrics.detections.perImage;
  return section('Detections per image', [`Min ${int(per.min)}, mean ${fixed(per.mean, 2)}, max ${int(per.max)}.`, ...histogramChart(per.histogram)]);
}

export function phashSection(metrics: RunMetrics): string[] {
  const ph = metrics.phashDistance;
  if (ph.count === 0) return section('Near-duplicate distance (pHash)', ['No distances recorded.']);
  return section('Near-duplicate distance (pHash)', [
    `${int(ph.count)} distances to the previous kept frame: min ${fixed(ph.min, 0)}, ` + `median ${fixed(ph.median, 1)}, max ${fixed(ph.max, 0)}.`,
    ...histogramChart(ph.histogram),
  ]);
}

export function timingsSection(metrics: RunMetrics): string[] {
  const { timings } = metrics;
  const rows = [
    ...STAGES.map((stage) => [stage, fixed(timings.stages[stage].ms, 1), percent(timings.stages[stage].share)]),
    ['**total**', fixed(timings.stageTotalMs, 1), percent(timings.stageTotalMs > 0 ? 1 : 0)],
  ];
  return section('Stage timings', table(['Stage', 'ms', 'Share'], ['l', 'r', 'r'], rows));
}

export function videosSection(metrics: RunMetrics, maxRows: number): string[] {
  if (metrics.videos.length === 0) return section('Videos', ['No videos.']);
  const { shown, note } = truncated(metrics.videos, maxRows, 'videos');
  const rows = shown.map((v) => [
    String(v.index + 1),
    userText(v.name),
    escapeMarkdown(v.sha256.slice(0, 12)),
    `${fixed(v.durationSeconds, 1)} s`,
    fixed(v.fps, 2),
    `${int(v.width)}×${int(v.height)}, ${bytes(v.sizeBytes)}`,
    inputSize(v.inference),
    int(v.decoded),
    int(v.sampled),
    int(v.kept),
    int(v.dropped),
    int(v.detections),
  ]);
  const head = ['#', 'Video', 'SHA-256', 'Duration', 'fps', 'Size', 'Model input', 'Decoded', 'Sampled', 'Kept', 'Dropped', 'Detections'];
  const align: ('l' | 'r')[] = ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];
  return section('Videos', [...table(head, align, rows), ...note]);
}

/** Links to sample images; nothing when none were given. */
export function imagesSection(links: readonly ImageLink[], maxRows: number): string[] {
  if (links.length === 0) return [];
  const { shown, note } = truncated(links, maxRows, 'images');
  return section('Sample images', [...shown.map((l) => `- [${userText(l.label ?? l.href)}](${encodeHref(l.href)})`), ...note]);
}
