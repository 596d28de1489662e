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
 * This module lays the page out; each part is made in `html/`: header.ts (header, verdict, cards),
 * charts.ts, thumbnails.ts (contact sheet, selection), tables.ts, files.ts, from the pieces of
 * blocks.ts, styled by style.ts.
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
import { buildContactSheet, MAX_THUMBNAILS, SELECTED_THUMBS_DIR, type ContactSheet, type ContactSheetOptions } from './contact-sheet.js';
import { escapeHtml, userText } from './html-escape.js';
import { panel } from './html/blocks.js';
import { classChart, perImageChart, phashChart, stageChart, timelinePanel } from './html/charts.js';
import { filesSection } from './html/files.js';
import { cards, header } from './html/header.js';
import { htmlPage } from './html/page.js';
import { classesTable, dropsTable, exportsSection, videosTable } from './html/tables.js';
import { contactSheetSection, selectionSection } from './html/thumbnails.js';
import { classColors, type HtmlReportData, type HtmlReportInput, type TimelineLimits } from './report-model.js';

export const DEFAULT_HTML_TABLE_ROWS = 50;
export const DEFAULT_CHART_CLASSES = 15;

export interface HtmlReportOptions extends TimelineLimits {
  /** Heading before the site name. Default "Dataset report". */
  title?: string;
  /** Rows per table (videos, classes). Default 50. */
  maxTableRows?: number;
  /** Bars in the class chart; further classes are summed into one bar. Default 15. */
  maxChartClasses?: number;
}

/** Class colours: by position in the model's class list, so charts, tables and thumbnails agree. */
function colorsOf(data: HtmlReportData): (name: string) => string {
  return classColors(
    data.manifest.model.classNames ?? [],
    data.metrics.detections.byClass.map((c) => c.name),
  );
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
  // Nothing but this page's own style and images from its folder may load; no script at all.
  return htmlPage({ title: `${userText(title)}: ${userText(metrics.site)}`, imgSrc: "'self'", body });
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
