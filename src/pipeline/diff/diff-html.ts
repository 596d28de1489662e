/**
 * The diff as one self-contained HTML page (`dataset-gen diff --html-out`): the verdict, the counts,
 * and the frames that changed most side by side, the baseline's image with its boxes and this run's
 * with its own, each box coloured by what happened to it; then frames kept on one side only. Images
 * are inline JPEG data URIs; the page loads nothing and runs no script.
 */
import type { Detection } from '../../domain/detection.js';
import type { KeptImage } from '../../domain/frame-record.js';
import { int } from '../../report/format.js';
import { escapeHtml, userText } from '../../report/html-escape.js';
import { panel } from '../../report/html/blocks.js';
import { htmlPage } from '../../report/html/page.js';
import type { DiffPair } from './diff-datasets.js';
import type { DatasetDiff, FrameMove } from './diff-model.js';
import { BOX_FATES, diffThumbnail, type BoxFate } from './diff-thumbnails.js';
import { MOVED_IOU, pairFrame } from './frame-changes.js';

/** Frame pairs shown by default, and at most. */
export const DEFAULT_HTML_FRAMES = 12;
export const MAX_HTML_FRAMES = 100;

export interface DiffHtmlOptions {
  /** Changed frames shown side by side (the most changed first); half as many of each side's own frames. */
  frames?: number;
}

/** What happened to each detection of a frame kept on both sides (either side's detections). */
function fates(base: KeptImage, head: KeptImage): (d: Detection) => BoxFate {
  const pairing = pairFrame(base.detections, head.detections);
  const fate = new Map<Detection, BoxFate>();
  for (const pair of pairing.same) {
    const what = pair.iou < MOVED_IOU ? 'moved' : 'same';
    fate.set(pair.reference, what).set(pair.candidate, what);
  }
  for (const pair of pairing.relabelled) fate.set(pair.reference, 'relabelled').set(pair.candidate, 'relabelled');
  for (const d of pairing.added) fate.set(d, 'added');
  for (const d of pairing.removed) fate.set(d, 'removed');
  return (d) => fate.get(d) ?? 'same';
}

async function figure(dir: string, image: KeptImage, fateOf: (d: Detection) => BoxFate, caption: string): Promise<string> {
  const text = `<figcaption>${caption}</figcaption>`;
  try {
    const thumb = await diffThumbnail(dir, image, fateOf);
    return `<figure><img src="${thumb.uri}" width="${thumb.width}" height="${thumb.height}" alt="${userText(image.file, 200)}">${text}</figure>`;
  } catch (error) {
    return `<figure><p class="note">${userText(image.file)} could not be read: ${userText((error as Error).message, 200)}</p>${text}</figure>`;
  }
}

function byFile(kept: readonly KeptImage[]): Map<string, KeptImage> {
  return new Map(kept.map((image) => [image.file, image]));
}

async function changedFrames(pair: DiffPair, diff: DatasetDiff, count: number): Promise<string> {
  const [baseImages, headImages] = [byFile(pair.base.kept), byFile(pair.head.kept)];
  const rows: string[] = [];
  for (const change of diff.frameChanges.changed.slice(0, count)) {
    const base = baseImages.get(change.baseFile)!;
    const head = headImages.get(change.file)!;
    const fate = fates(base, head);
    const what = `${change.added.length} added, ${change.removed.length} removed, ${change.relabelled.length} relabelled, ${change.moved.length} moved`;
    rows.push(
      `<div class="sheet pair">${await figure(pair.base.dir, base, fate, `baseline · ${userText(base.file, 60)} · ${int(base.detections.length)} boxes`)}` +
        `${await figure(pair.head.dir, head, fate, `this run · ${userText(head.file, 60)} · ${int(head.detections.length)} boxes: ${what}`)}</div>`,
    );
  }
  const shown = Math.min(count, diff.frameChanges.changed.length);
  const intro = `<p class="note">${int(shown)} of ${int(diff.frameChanges.changed.length)} frames kept in both with other boxes, the most changed first: the baseline on the left, this run on the right.</p>`;
  return panel('Frames that changed most', rows.length === 0 ? '<p class="note">No frame kept in both has other boxes.</p>' : intro + rows.join(''), true);
}

/** Frames kept on one side only; their boxes drawn as added (this run's) or removed (the baseline's). */
async function ownFrames(
  title: string,
  moves: readonly FrameMove[],
  dir: string,
  kept: readonly KeptImage[],
  count: number,
  side: 'head' | 'base',
): Promise<string> {
  if (moves.length === 0) return '';
  const images = byFile(kept);
  const figures: string[] = [];
  for (const move of moves.slice(0, count)) {
    const fate: BoxFate = side === 'head' ? 'added' : 'removed';
    const other = side === 'head' ? 'in the baseline' : 'in this run';
    figures.push(await figure(dir, images.get(move.file)!, () => fate, `${userText(move.file, 60)} · ${other}: ${escapeHtml(move.other)}`));
  }
  const intro = `<p class="note">${int(figures.length)} of ${int(moves.length)}.</p>`;
  return panel(title, `${intro}<div class="sheet">${figures.join('')}</div>`, true);
}

function legend(): string {
  const items = (Object.keys(BOX_FATES) as BoxFate[]).map(
    (fate) => `<span class="swatch" style="background:${BOX_FATES[fate].color}"></span>${escapeHtml(BOX_FATES[fate].label)}`,
  );
  return `<p class="note">Boxes: ${items.join(' · ')} (paired by class at IoU ≥ 0.5; moved: IoU below ${MOVED_IOU}).</p>`;
}

function countsTable(diff: DatasetDiff): string {
  const row = (label: string, change: { before: number; after: number }): string =>
    `<tr><td>${label}</td><td class="n">${int(change.before)}</td><td class="n">${int(change.after)}</td></tr>`;
  return (
    '<table><thead><tr><th></th><th class="n">Baseline</th><th class="n">This run</th></tr></thead><tbody>' +
    row('Images kept', diff.frames.kept) +
    row('Frames sampled', diff.frames.sampled) +
    row('Frames dropped', diff.frames.dropped) +
    row('Detections', diff.detections.total) +
    '</tbody></table>'
  );
}

export async function renderDiffHtml(pair: DiffPair, diff: DatasetDiff, options: DiffHtmlOptions = {}): Promise<string> {
  const count = Math.min(MAX_HTML_FRAMES, Math.max(0, Math.floor(options.frames ?? DEFAULT_HTML_FRAMES)));
  const half = Math.ceil(count / 2);
  const title = `Dataset diff: ${userText(diff.head.site)}`;
  const body = [
    `<header class="wrap"><h1>${title}</h1><p><strong>${diff.verdict === 'no-change' ? 'No change' : 'Changed'}</strong>: ${userText(diff.headline.replace(/^(No change|Changed): /, ''), 400)}</p>`,
    `<p class="note">Baseline ${userText(diff.base.given)} (run ${userText(diff.base.runId, 40)}) · this run ${userText(diff.head.given)} (run ${userText(diff.head.runId, 40)})</p></header>`,
    '<main class="wrap"><div class="grid">',
    panel('Counts', countsTable(diff) + legend(), true),
    await changedFrames(pair, diff, count),
    await ownFrames('Frames kept only in this run', diff.frameChanges.added, pair.head.dir, pair.head.kept, half, 'head'),
    await ownFrames('Frames kept only in the baseline', diff.frameChanges.removed, pair.base.dir, pair.base.kept, half, 'base'),
    '</div></main>',
  ];
  // Only this page's style and its inline images; no script, nothing fetched.
  return htmlPage({ title, imgSrc: 'data:', extraCss: '.pair{grid-template-columns:repeat(2,minmax(0,1fr));margin-bottom:12px}', body });
}
