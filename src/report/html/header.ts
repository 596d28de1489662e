/**
 * The top of report.html: the header (site, videos, model, run, settings), the quality-gate verdict
 * and any data-loss warning under it, then the cards with the key figures.
 */
import type { QualityGateVerdict } from '../../domain/quality-gates.js';
import type { NameOf } from '../../domain/run-options.js';
import { describeSampling } from '../../domain/sampling.js';
import { describeDataLoss } from '../../observe/data-loss-message.js';
import type { RunMetrics } from '../../observe/metrics-contract.js';
import { describeClassFilter, duration, fixed, int, percent, plain, runDate } from '../format.js';
import { escapeHtml, userText } from '../html-escape.js';
import type { HtmlReportData } from '../report-model.js';
import { count } from './blocks.js';

/** Video names listed in the header; the rest are counted. */
const HEADER_VIDEOS = 5;

function verdict(gates: readonly QualityGateVerdict[] | undefined): string {
  if (!gates || gates.length === 0) return '<p class="verdict none"><strong>No quality gates set.</strong>The dataset was not checked against thresholds.</p>';
  const failed = gates.filter((g) => !g.passed);
  const items = gates
    .map((g) => `<li>${g.passed ? 'passed' : '<b>failed</b>'}: ${userText(g.name)} = ${plain(g.actual)} (threshold ${plain(g.threshold)})</li>`)
    .join('');
  const headline =
    failed.length === 0
      ? `<strong>Quality gates passed</strong>${int(gates.length)} of ${int(gates.length)} gates met.`
      : `<strong>Quality gates failed</strong>${int(failed.length)} of ${int(gates.length)} gates missed.`;
  return `<div class="verdict ${failed.length === 0 ? 'pass' : 'fail'}" role="status">${headline}<ul>${items}</ul></div>`;
}

/** The data-loss warnings, highlighted under the verdict; nothing when no data was lost. */
function dataLoss(metrics: RunMetrics, nameOf: NameOf | undefined): string {
  if (metrics.dataLoss.length === 0) return '';
  const items = metrics.dataLoss.map((w) => `<li>${userText(describeDataLoss(w, nameOf), 400)}</li>`).join('');
  return `<div class="verdict fail loss" role="alert"><strong>Data was lost</strong><ul>${items}</ul></div>`;
}

/** The header's "Videos" line: the first names, how many more, and their total length. */
function videoList(metrics: RunMetrics): string {
  if (metrics.videos.length === 0) return 'none';
  const names = metrics.videos.slice(0, HEADER_VIDEOS).map((v) => userText(v.name));
  const more = metrics.videos.length - names.length;
  const total = duration(metrics.videos.reduce((acc, v) => acc + v.durationSeconds * 1000, 0));
  return `${names.join(', ')}${more > 0 ? `, and ${int(more)} more` : ''} (${int(metrics.videos.length)}, ${total} in all)`;
}

/** The header's "Settings" line: sampling, the near-duplicate rule and the class filter. */
function settings(data: HtmlReportData): string {
  const { config } = data.manifest;
  const sampling = config.sampling ? `${escapeHtml(describeSampling(config.sampling))} sampled; ` : '';
  const { dedupThreshold, dedupLocalThreshold } = config;
  const local = dedupLocalThreshold === undefined ? '' : ` and local change ≤ ${fixed(dedupLocalThreshold, 1)}`;
  const dedup = dedupThreshold < 0 ? 'off' : `pHash distance ≤ ${int(dedupThreshold)}${local}`;
  const filter = userText(describeClassFilter(data.metrics.detections.classFilter) ?? 'none', 400);
  return `${sampling}near-duplicates: ${dedup}; class filter: ${filter}`;
}

/** The page header: title and site, the run's particulars, the verdict and any data loss. */
export function header(data: HtmlReportData, title: string): string {
  const { metrics, manifest } = data;
  const rows: [string, string][] = [
    ['Videos', videoList(metrics)],
    ['Model', `${userText(manifest.config.model.name)} <code title="sha256">${escapeHtml(manifest.model.sha256.slice(0, 12))}</code>`],
    ['Run', `${escapeHtml(runDate(manifest.run.startedAt))} · id <code>${userText(manifest.run.id, 40)}</code>`],
    ['Settings', settings(data)],
  ];
  return (
    `<header class="top"><div class="wrap"><h1><small>${userText(title)}</small>${userText(metrics.site)}</h1>` +
    `<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `${verdict(data.gates)}${dataLoss(metrics, data.nameOf)}</div></header>`
  );
}

/** The key figures: images kept, frames sampled, drop ratio, detections, detections per image. */
export function cards(metrics: RunMetrics): string {
  const { frames, detections } = metrics;
  const card = (label: string, value: string, sub: string): string =>
    `<div class="card"><div class="label">${label}</div><div class="value">${value}</div><div class="sub">${sub}</div></div>`;
  return (
    '<section class="cards" aria-label="Key figures">' +
    card(
      'Images kept',
      int(metrics.images),
      `of ${int(frames.sampled)} sampled frames${frames.labelled > 0 ? `; ${int(frames.labelled)} already labelled` : ''}`,
    ) +
    card('Frames sampled', int(frames.sampled), `from ${int(frames.decoded)} decoded`) +
    card('Frame-drop ratio', percent(metrics.frameDropRatio), `${int(frames.bad)} bad, ${count(frames.duplicates, 'duplicate')}`) +
    card('Detections', int(detections.total), count(detections.byClass.length, 'class', 'classes')) +
    card('Detections / image', fixed(detections.perImage.mean, 2), `mean; min ${int(detections.perImage.min)}, max ${int(detections.perImage.max)}`) +
    '</section>'
  );
}
