/**
 * report.html: one self-contained page (inline CSS, inline SVG charts, no script, no external
 * resource) that shows whether a site's dataset is good at a glance, on a laptop or a phone.
 *
 *   header   site, videos, model (name + sha256 prefix), run date, quality-gate verdict
 *   cards    images kept, frames sampled, frame-drop ratio, detections, mean detections per image
 *   charts   class distribution, detections per image, timeline per video, stage times, pHash distances
 *   sheet    thumbnails of kept frames with boxes and labels (contact-sheet.ts), linking to the images
 *   labelling the exports written (`--export`) and the frames selected for labelling (`--select`),
 *            as their own contact sheet
 *   tables   drops by reason, videos, classes
 *   files    links to the COCO file, metrics, manifest
 *
 * `renderHtmlReport` is pure: counts come from `RunMetrics`, the timeline from the recorder's frame
 * rows, the thumbnails from a `ContactSheet` made beforehand; the same input gives the same bytes.
 * `writeHtmlReport` makes the contact sheet and writes the page into a dataset folder.
 *
 * Size is bounded whatever the run: tables show at most `maxTableRows` rows, the class chart at most
 * `maxChartClasses` bars (the rest summed in one), the timeline at most `maxMarks` marks over at most
 * `maxTracks` videos, the contact sheet at most `MAX_THUMBNAILS` images, the header at most 5 video
 * names, and every user string is cut to 120 characters.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATASET_FILES } from '../domain/dataset-files.js';
import { DROP_REASONS } from '../domain/drop-reason.js';
import type { QualityGateVerdict } from '../domain/quality-gates.js';
import { describeSampling } from '../domain/sampling.js';
import { STAGES, type Stage } from '../domain/stages.js';
import type { HistogramBucket, RunMetrics } from '../observe/metrics.js';
import { buildContactSheet, MAX_THUMBNAILS, SELECTED_THUMBS_DIR, type ContactSheet, type ContactSheetOptions, type Thumbnail } from './contact-sheet.js';
import { bytes, clock, describeClassFilter, describeUndetected, duration, fixed, int, percent, plain, runDate } from './format.js';
import { escapeHtml, relativeHref, userText } from './html-escape.js';
import { buildTimeline, classColors, OUTCOMES, type HtmlReportData, type HtmlReportInput, type TimelineLimits } from './report-model.js';
import { histogramChart, horizontalBarChart, stackedBar, type BarDatum, type HistogramDatum } from './svg-charts.js';
import { timelineChart } from './svg-timeline.js';
import { describeDataLoss } from '../observe/data-loss-message.js';
import type { NameOf } from '../domain/run-options.js';

export const DEFAULT_HTML_TABLE_ROWS = 50;
export const DEFAULT_CHART_CLASSES = 15;
/** Video names listed in the header; the rest are counted. */
const HEADER_VIDEOS = 5;

/** The dataset's files the report links to, relative to the dataset folder (see pipeline/run-pipeline.ts). */
export const REPORT_LINKS: readonly { href: string; label: string; what: string }[] = [
  { href: DATASET_FILES.coco, label: DATASET_FILES.coco, what: 'COCO annotations (pre-tags)' },
  { href: 'images/', label: 'images/', what: 'the dataset images' },
  { href: 'metrics.csv', label: 'metrics.csv', what: 'one row per sampled frame' },
  { href: 'metrics.json', label: 'metrics.json', what: 'the numbers of this report' },
  { href: 'metrics.prom', label: 'metrics.prom', what: 'the same numbers for Prometheus' },
  { href: 'manifest.json', label: 'manifest.json', what: 'inputs, versions and settings, to reproduce the run' },
  { href: 'report.md', label: 'report.md', what: 'the same figures as Markdown' },
];

export interface HtmlReportOptions extends TimelineLimits {
  /** Heading before the site name. Default "Dataset report". */
  title?: string;
  /** Rows per table (videos, classes). Default 50. */
  maxTableRows?: number;
  /** Bars in the class chart; further classes are summed into one bar. Default 15. */
  maxChartClasses?: number;
}

const STAGE_COLORS: Record<Stage, string> = {
  probe: '#9aa5b8',
  extract: '#4c6ef5',
  quality: '#15aabf',
  dedup: '#845ef7',
  detect: '#f08c00',
  write: '#2f9e44',
};
const DUPLICATE_COLOR = OUTCOMES.find((o) => o.key === 'duplicate')?.color ?? '#a3acb9';

const CSS = `
:root{--fg:#1d2430;--muted:#5d6673;--line:#e1e5ea;--bg:#f4f6f9;--card:#fff;--ok:#1e7a4a;--bad:#b3261e}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1240px;margin:0 auto;padding:16px 20px}
header.top{background:var(--card);border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:0 0 .6rem;line-height:1.2;overflow-wrap:anywhere}
h1 small{display:block;font-size:.8rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;margin-bottom:.2rem}
h2{font-size:1.1rem;margin:0 0 .6rem}
section{margin:18px 0}
.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.15rem 1rem;margin:0 0 .8rem}
.meta dt{color:var(--muted)}
.meta dd{margin:0;overflow-wrap:anywhere}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef1f5;padding:0 .25em;border-radius:3px}
.verdict{margin:0;padding:.6rem .8rem;border-radius:6px;border:1px solid}
.verdict strong{margin-right:.4rem}
.verdict ul{margin:.3rem 0 0;padding-left:1.2rem}
.verdict.pass{background:#e7f6ed;border-color:#b5e0c5;color:var(--ok)}
.verdict.fail{background:#fdecea;border-color:#f3b9b4;color:var(--bad)}
.verdict.none{background:#eef1f5;border-color:var(--line);color:var(--muted)}
.verdict.loss{margin-top:.5rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;min-width:0}
.card .label{color:var(--muted);font-size:.78rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.card .value{font-size:2rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.card .sub{color:var(--muted);font-size:.85rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:16px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;min-width:0}
.panel.wide{grid-column:1/-1}
.note{color:var(--muted);font-size:.85rem;margin:.4rem 0 0}
svg.chart{display:block;width:100%;height:auto;font-family:inherit}
.scroll{overflow-x:auto}
.scroll svg.chart{min-width:720px}
.sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,230px),1fr));gap:12px}
.sheet figure{margin:0;min-width:0}
.sheet img{display:block;width:100%;height:auto;border-radius:4px;background:#d9dee5}
.sheet figcaption{font-size:.8rem;color:var(--muted);margin-top:.25rem;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;font-size:.9rem}
th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600;white-space:nowrap}
.n{text-align:right;white-space:nowrap}
tfoot td{font-weight:600}
.nowrap{white-space:nowrap}
.swatch{display:inline-block;width:.7em;height:.7em;border-radius:2px;margin-right:.4em;vertical-align:baseline}
.files{margin:0;padding-left:1.2rem}
.files li{margin:.15rem 0}
footer{color:var(--muted);font-size:.8rem;padding-bottom:24px}
@media (max-width:640px){
body{font-size:14px}
.wrap{padding:12px}
h1{font-size:1.3rem}
.cards{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
.card{padding:10px}
.card .value{font-size:1.45rem}
.panel{padding:12px}
.meta{grid-template-columns:minmax(0,1fr)}
.meta dt{font-size:.8rem;margin-top:.3rem}
.cards .card:first-child{grid-column:1/-1}
.sheet{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
.sheet figcaption{font-size:.72rem}
th,td{padding:.3rem .35rem}
th{white-space:normal}
}
`
  .trim()
  .replace(/\n/g, '');

/** A colour swatch and a label that stay on one line. `label` must be escaped already. */
function swatched(color: string, label: string): string {
  return `<span class="nowrap"><span class="swatch" style="background:${color}"></span>${label}</span>`;
}

/** Table rows capped at `max`, with a note saying how many were left out. */
function capped<T>(items: readonly T[], max: number, noun: string): { shown: readonly T[]; note: string } {
  if (items.length <= max) return { shown: items, note: '' };
  return { shown: items.slice(0, max), note: `<p class="note">${int(items.length - max)} more ${noun} not shown (see metrics.json).</p>` };
}

function table(head: readonly (string | [string, 'n'])[], rows: readonly string[][], foot?: string[]): string {
  const th = head.map((h) => (Array.isArray(h) ? `<th class="n">${h[0]}</th>` : `<th>${h}</th>`)).join('');
  const numeric = head.map((h) => Array.isArray(h));
  const tr = (cells: readonly string[], tag = 'td'): string =>
    `<tr>${cells.map((c, i) => `<${tag}${numeric[i] ? ' class="n"' : ''}>${c}</${tag}>`).join('')}</tr>`;
  return (
    `<div class="table-wrap"><table><thead><tr>${th}</tr></thead><tbody>${rows.map((r) => tr(r)).join('')}</tbody>` +
    (foot ? `<tfoot>${tr(foot)}</tfoot>` : '') +
    '</table></div>'
  );
}

function panel(title: string, body: string, wide = false): string {
  return `<section class="panel${wide ? ' wide' : ''}"><h2>${title}</h2>${body}</section>`;
}

function verdict(gates: readonly QualityGateVerdict[] | undefined): string {
  if (!gates || gates.length === 0) return '<p class="verdict none"><strong>No quality gates set.</strong>The dataset was not checked against thresholds.</p>';
  const failed = gates.filter((g) => !g.passed);
  const items = gates
    .map((g) => `<li>${g.passed ? 'passed' : '<b>failed</b>'}: ${userText(g.name)} = ${plain(g.actual)} (threshold ${plain(g.threshold)})</li>`)
    .join('');
  const headline = failed.length === 0
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

function header(data: HtmlReportData, title: string): string {
  const { metrics, manifest } = data;
  const names = metrics.videos.slice(0, HEADER_VIDEOS).map((v) => userText(v.name));
  const more = metrics.videos.length - names.length;
  const videos = metrics.videos.length === 0
    ? 'none'
    : `${names.join(', ')}${more > 0 ? `, and ${int(more)} more` : ''} (${int(metrics.videos.length)}, ${duration(metrics.videos.reduce((acc, v) => acc + v.durationSeconds * 1000, 0))} in all)`;
  const sampling = manifest.config.sampling ? `${escapeHtml(describeSampling(manifest.config.sampling))} sampled; ` : '';
  const { dedupThreshold, dedupLocalThreshold } = manifest.config;
  const local = dedupLocalThreshold === undefined ? '' : ` and local change ≤ ${fixed(dedupLocalThreshold, 1)}`;
  const dedup = dedupThreshold < 0 ? 'off' : `pHash distance ≤ ${int(dedupThreshold)}${local}`;
  const rows: [string, string][] = [
    ['Videos', videos],
    ['Model', `${userText(manifest.config.model.name)} <code title="sha256">${escapeHtml(manifest.model.sha256.slice(0, 12))}</code>`],
    ['Run', `${escapeHtml(runDate(manifest.run.startedAt))} · id <code>${userText(manifest.run.id, 40)}</code>`],
    ['Settings', `${sampling}near-duplicates: ${dedup}; class filter: ${userText(describeClassFilter(metrics.detections.classFilter) ?? 'none', 400)}`],
  ];
  return (
    `<header class="top"><div class="wrap"><h1><small>${userText(title)}</small>${userText(metrics.site)}</h1>` +
    `<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `${verdict(data.gates)}${dataLoss(metrics, data.nameOf)}</div></header>`
  );
}

/** `3 duplicates`, `1 duplicate`. */
function count(n: number, one: string, many = `${one}s`): string {
  return `${int(n)} ${n === 1 ? one : many}`;
}

function cards(metrics: RunMetrics): string {
  const { frames, detections } = metrics;
  const card = (label: string, value: string, sub: string): string =>
    `<div class="card"><div class="label">${label}</div><div class="value">${value}</div><div class="sub">${sub}</div></div>`;
  return (
    '<section class="cards" aria-label="Key figures">' +
    card('Images kept', int(metrics.images), `of ${int(frames.sampled)} sampled frames`) +
    card('Frames sampled', int(frames.sampled), `from ${int(frames.decoded)} decoded`) +
    card('Frame-drop ratio', percent(metrics.frameDropRatio), `${int(frames.bad)} bad, ${count(frames.duplicates, 'duplicate')}`) +
    card('Detections', int(detections.total), count(detections.byClass.length, 'class', 'classes')) +
    card('Detections / image', fixed(detections.perImage.mean, 2), `mean; min ${int(detections.perImage.min)}, max ${int(detections.perImage.max)}`) +
    '</section>'
  );
}

function classChart(metrics: RunMetrics, colorOf: (name: string) => string, maxBars: number): string {
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

function perImageChart(metrics: RunMetrics): string {
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

function phashChart(metrics: RunMetrics, threshold: number, localThreshold: number | undefined): string {
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
    `<p class="note">${int(ph.count)} distances; median ${fixed(ph.median, 1)}. ` +
    (on
      ? localThreshold === undefined
        ? 'Frames at or left of the dashed line were dropped as near-duplicates.'
        : `Frames at or left of the dashed line were dropped as near-duplicates unless part of the frame changed (local change above ${fixed(localThreshold, 1)} luma levels, the <code>local_change</code> column of metrics.csv).`
      : 'Deduplication was off.') +
    '</p>'
  );
}

function stageChart(metrics: RunMetrics): string {
  const t = metrics.timings;
  const segments = STAGES.map((stage) => ({ label: stage, value: t.stages[stage].ms, color: STAGE_COLORS[stage] }));
  return (
    stackedBar(segments, { label: 'Time per stage', formatValue: duration, empty: 'No time recorded' }) +
    `<p class="note">Stages sum to ${duration(t.stageTotalMs)}; wall time ${duration(t.wallMs)}.</p>`
  );
}

function timelinePanel(data: HtmlReportData, options: HtmlReportOptions): string {
  const timeline = buildTimeline(data.metrics, data.frames, options);
  const chart = timelineChart(timeline.tracks, { label: 'Sampled frames over video time', categories: timeline.categories, width: 960, fontSize: 12 });
  const hidden = timeline.hiddenVideos > 0 ? ` ${int(timeline.hiddenVideos)} more videos are not drawn; see the videos table.` : '';
  return panel(
    'Timeline',
    `<div class="scroll">${chart}</div><p class="note">One column per sampled frame (or per time bin on long videos), coloured by what happened to it; bars above show detections in kept frames.${hidden}</p>`,
    true,
  );
}

function figures(thumbnails: readonly Thumbnail[]): string[] {
  return thumbnails.map((t) => {
    const classes = t.classes.slice(0, 4).map((c) => `${int(c.count)} ${userText(c.name, 30)}`).join(', ');
    const more = t.classes.length > 4 ? ', …' : '';
    const alt = `${t.image}: ${t.detections} detections`;
    return (
      `<figure><a href="${relativeHref(t.image)}"><img src="${relativeHref(t.thumb)}" width="${t.width}" height="${t.height}" alt="${userText(alt, 200)}"></a>` +
      `<figcaption>${userText(t.video, 40)} · ${clock(t.timestampMs)} · ${count(t.detections, 'detection')}${classes ? `: ${classes}${more}` : ''}</figcaption></figure>`
    );
  });
}

function failedNote(sheet: ContactSheet): string {
  return sheet.failed.length > 0 ? `<p class="note">${count(sheet.failed.length, 'thumbnail')} could not be made (image missing or unreadable).</p>` : '';
}

function contactSheetSection(sheet: ContactSheet | null): string {
  if (!sheet) return '';
  const { thumbnails } = sheet;
  const failed = failedNote(sheet);
  if (thumbnails.length === 0) return panel('Contact sheet', `<p class="note">No kept images.</p>${failed}`, true);
  const intro = `<p class="note">${int(thumbnails.length)} of ${int(sheet.keptImages)} kept images, spread evenly over the run, with the detections drawn in. Select one for the full image.</p>`;
  return panel('Contact sheet', `${intro}<div class="sheet">${figures(thumbnails).join('')}</div>${failed}`, true);
}

function exportsSection(metrics: RunMetrics): string {
  if (metrics.exports.length === 0) return '';
  const rows = metrics.exports.map((e) => [
    escapeHtml(e.format),
    e.files.map((f) => `<a href="${relativeHref(f)}${f.endsWith('/') ? '/' : ''}">${escapeHtml(f)}</a>`).join('<br>'),
    int(e.images),
    int(e.boxes),
  ]);
  return panel('Exports', table(['Format', 'Files', ['Images', 'n'], ['Boxes', 'n']], rows), true);
}

function selectionSection(metrics: RunMetrics, sheet: ContactSheet | null): string {
  const selection = metrics.selection;
  if (!selection) return '';
  const intro =
    `<p class="note">${int(selection.selected)} of ${int(selection.requested)} requested frames chosen for labelling ` +
    `(<a href="selection.json">selection.json</a> gives the reason for each): ${int(selection.byReason.class)} to show every class seen ` +
    `(${int(selection.classesCovered)} of ${int(selection.classes)} classes covered), ${int(selection.byReason.spread)} for being least like the others.` +
    `${selection.exportsOnlySelected ? ' The exports hold only these frames.' : ''}` +
    `${sheet && sheet.thumbnails.length < selection.selected ? ` The first ${int(sheet.thumbnails.length)} in run order are shown.` : ''}</p>`;
  const body = sheet && sheet.thumbnails.length > 0 ? `<div class="sheet">${figures(sheet.thumbnails).join('')}</div>${failedNote(sheet)}` : '';
  return panel('Selected for labelling', intro + body, true);
}

function dropsTable(metrics: RunMetrics): string {
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

function videosTable(metrics: RunMetrics, maxRows: number): string {
  if (metrics.videos.length === 0) return '<p class="note">No videos.</p>';
  const { shown, note } = capped(metrics.videos, maxRows, 'videos');
  const rows = shown.map((v) => [
    int(v.index + 1),
    `${userText(v.name)}<br><code title="sha256">${escapeHtml(v.sha256.slice(0, 12))}</code>`,
    duration(v.durationSeconds * 1000),
    `${int(v.width)}×${int(v.height)} @ ${fixed(v.fps, 2)}`,
    bytes(v.sizeBytes),
    int(v.sampled),
    int(v.kept),
    `${int(v.bad)} / ${int(v.duplicates)}`,
    int(v.detections),
  ]);
  return (
    table(['#', 'Video', ['Length', 'n'], ['Size × fps', 'n'], ['File', 'n'], ['Sampled', 'n'], ['Kept', 'n'], ['Bad / dup.', 'n'], ['Detections', 'n']], rows) +
    note
  );
}

function classesTable(metrics: RunMetrics, colorOf: (name: string) => string, maxRows: number): string {
  const { byClass, total, classFilter } = metrics.detections;
  const filter = describeClassFilter(classFilter);
  const filterNote = filter === null ? '' : `<p class="note">Class filter: ${userText(filter, 400)}.</p>`;
  if (byClass.length === 0) return `${filterNote}<p class="note">No detections.</p>`;
  const { shown, note } = capped(byClass, maxRows, 'classes');
  const rows = shown.map((c) => [swatched(colorOf(c.name), userText(c.name)), int(c.count), percent(total > 0 ? c.count / total : 0), fixed(c.meanScore, 3)]);
  return filterNote + table(['Class', ['Detections', 'n'], ['Share', 'n'], ['Mean score', 'n']], rows) + note;
}

function filesSection(): string {
  const items = REPORT_LINKS.map((l) => `<li><a href="${relativeHref(l.href)}${l.href.endsWith('/') ? '/' : ''}">${escapeHtml(l.label)}</a> — ${escapeHtml(l.what)}</li>`);
  return panel('Files', `<ul class="files">${items.join('')}</ul>`, true);
}

/** Class colours: by position in the model's class list, so charts, tables and thumbnails agree. */
function colorsOf(data: HtmlReportData): (name: string) => string {
  return classColors(data.manifest.model.classNames ?? [], data.metrics.detections.byClass.map((c) => c.name));
}

/** Renders report.html. Pure and deterministic; see the module comment for what bounds its size. */
export function renderHtmlReport(
  data: HtmlReportData,
  contactSheet: ContactSheet | null,
  options: HtmlReportOptions = {},
  selectedSheet: ContactSheet | null = null,
): string {
  const { metrics, manifest } = data;
  const title = options.title ?? 'Dataset report';
  const maxRows = Math.max(1, Math.floor(options.maxTableRows ?? DEFAULT_HTML_TABLE_ROWS));
  const maxBars = Math.max(1, Math.floor(options.maxChartClasses ?? DEFAULT_CHART_CLASSES));
  const colorOf = colorsOf(data);
  const body = [
    header(data, title),
    '<main class="wrap">',
    cards(metrics),
    '<div class="grid">',
    panel('Class distribution', classChart(metrics, colorOf, maxBars)),
    panel('Detections per image', perImageChart(metrics)),
    timelinePanel(data, options),
    panel('Time per stage', stageChart(metrics)),
    panel('Near-duplicates (pHash distance)', phashChart(metrics, manifest.config.dedupThreshold, manifest.config.dedupLocalThreshold)),
    contactSheetSection(contactSheet),
    exportsSection(metrics),
    selectionSection(metrics, selectedSheet),
    panel('Dropped frames', dropsTable(metrics)),
    panel('Classes', classesTable(metrics, colorOf, maxRows)),
    panel('Videos', videosTable(metrics, maxRows), true),
    filesSection(),
    '</div>',
    `<footer><p>Made by dataset-gen ${userText(manifest.tool.version, 40)}${manifest.tool.gitCommit ? ` (commit ${escapeHtml(manifest.tool.gitCommit.slice(0, 12))})` : ''}. ` +
      'Self-contained: no scripts, no external resources.</p></footer>',
    '</main>',
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing but this page's own style and images from its folder may load; no script at all.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">`,
    '<meta name="color-scheme" content="light">',
    `<title>${userText(title)}: ${userText(metrics.site)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export interface WriteHtmlReportOptions extends HtmlReportOptions, Omit<ContactSheetOptions, 'colorOf'> {}

export interface WrittenHtmlReport {
  /** Absolute path of report.html. */
  file: string;
  html: string;
  contactSheet: ContactSheet;
  /** The selected frames' sheet; null without `--select`. */
  selectedSheet: ContactSheet | null;
}

/**
 * Makes the contact sheet (`report/thumbs/`) and writes `report.html` into the dataset folder
 * `datasetDir` (which must already hold `images/`).
 */
export async function writeHtmlReport(datasetDir: string, input: HtmlReportInput, options: WriteHtmlReportOptions = {}): Promise<WrittenHtmlReport> {
  const contactSheet = await buildContactSheet(datasetDir, input.kept, { ...options, colorOf: colorsOf(input) });
  const selectedSheet = input.selected
    ? await buildContactSheet(datasetDir, input.selected, { ...options, maxThumbnails: MAX_THUMBNAILS, dir: SELECTED_THUMBS_DIR, colorOf: colorsOf(input) })
    : null;
  const html = renderHtmlReport(input, contactSheet, options, selectedSheet);
  const file = path.join(datasetDir, DATASET_FILES.reportHtml);
  await writeFile(file, html);
  return { file, html, contactSheet, selectedSheet };
}
