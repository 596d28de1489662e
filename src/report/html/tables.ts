/**
 * report.html's tables: the exports written, dropped frames by reason, classes and videos. Long
 * tables are capped at `maxRows` rows, with a note saying how many were left out.
 */
import { DROP_REASONS } from '../../domain/drop-reason.js';
import type { RunMetrics } from '../../observe/metrics-contract.js';
import { bytes, describeClassFilter, duration, fixed, inputSize, int, percent } from '../format.js';
import { escapeHtml, relativeHref, userText } from '../html-escape.js';
import { OUTCOMES } from '../report-model.js';
import { capped, panel, swatched, table } from './blocks.js';

/** The exports written (`--export`), with links to their files; nothing when none was asked for. */
export function exportsSection(metrics: RunMetrics): string {
  if (metrics.exports.length === 0) return '';
  const rows = metrics.exports.map((e) => [
    escapeHtml(e.format),
    e.files.map((f) => `<a href="${relativeHref(f)}${f.endsWith('/') ? '/' : ''}">${escapeHtml(f)}</a>`).join('<br>'),
    int(e.images),
    int(e.boxes),
  ]);
  return panel('Exports', table(['Format', 'Files', ['Images', 'n'], ['Boxes', 'n']], rows), true);
}

export function dropsTable(metrics: RunMetrics): string {
  const { frames } = metrics;
  const share = (n: number, of: number): string => percent(of > 0 ? n / of : 0);
  const rows = DROP_REASONS.map((reason) => {
    const n = frames.droppedByReason[reason];
    const color = OUTCOMES.find((o) => o.key === reason)?.color ?? '#999';
    return [swatched(color, reason), int(n), share(n, frames.sampled), share(n, frames.dropped)];
  });
  return table(['Reason', ['Frames', 'n'], ['Of sampled', 'n'], ['Of dropped', 'n']], rows, [
    'All drops',
    int(frames.dropped),
    share(frames.dropped, frames.sampled),
    frames.dropped > 0 ? '100.0%' : '0.0%',
  ]);
}

export function videosTable(metrics: RunMetrics, maxRows: number): string {
  if (metrics.videos.length === 0) return '<p class="note">No videos.</p>';
  const { shown, note } = capped(metrics.videos, maxRows, 'videos');
  const rows = shown.map((v) => [
    int(v.index + 1),
    `${userText(v.name)}<br><code title="sha256">${escapeHtml(v.sha256.slice(0, 12))}</code>`,
    duration(v.durationSeconds * 1000),
    `${int(v.width)}×${int(v.height)} @ ${fixed(v.fps, 2)}`,
    bytes(v.sizeBytes),
    inputSize(v.inference),
    int(v.sampled),
    int(v.kept),
    `${int(v.bad)} / ${int(v.duplicates)}`,
    int(v.detections),
  ]);
  const head: Parameters<typeof table>[0] = ['#', 'Video', ['Length', 'n'], ['Size × fps', 'n'], ['File', 'n'], ['Model input', 'n']];
  return table([...head, ['Sampled', 'n'], ['Kept', 'n'], ['Bad / dup.', 'n'], ['Detections', 'n']], rows) + note;
}

export function classesTable(metrics: RunMetrics, colorOf: (name: string) => string, maxRows: number): string {
  const { byClass, total, classFilter } = metrics.detections;
  const filter = describeClassFilter(classFilter);
  const filterNote = filter === null ? '' : `<p class="note">Class filter: ${userText(filter, 400)}.</p>`;
  if (byClass.length === 0) return `${filterNote}<p class="note">No detections.</p>`;
  const { shown, note } = capped(byClass, maxRows, 'classes');
  const rows = shown.map((c) => [swatched(colorOf(c.name), userText(c.name)), int(c.count), percent(total > 0 ? c.count / total : 0), fixed(c.meanScore, 3)]);
  return filterNote + table(['Class', ['Detections', 'n'], ['Share', 'n'], ['Mean score', 'n']], rows) + note;
}
