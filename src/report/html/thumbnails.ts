/**
 * report.html's thumbnail sections: the contact sheet of kept frames, and the frames selected for
 * labelling (`--select`) with how they were chosen. Each thumbnail links to its full image; the
 * thumbnails themselves are made beforehand (contact-sheet.ts).
 */
import { DATASET_FILES, EXPORT_FILES } from '../../domain/dataset-files.js';
import type { RunMetrics } from '../../observe/metrics-contract.js';
import type { ContactSheet, Thumbnail } from '../contact-sheet.js';
import { clock, int } from '../format.js';
import { relativeHref, userText } from '../html-escape.js';
import { selectionCounts } from '../selection-text.js';
import { count, panel } from './blocks.js';

/** Thumbnail figures; `note` adds a line of its own under a caption (the reason a frame was picked). */
function figures(thumbnails: readonly Thumbnail[], note: (t: Thumbnail) => string | undefined = () => undefined): string[] {
  return thumbnails.map((t) => {
    const extra = note(t);
    const classes = t.classes
      .slice(0, 4)
      .map((c) => `${int(c.count)} ${userText(c.name, 30)}`)
      .join(', ');
    const more = t.classes.length > 4 ? ', …' : '';
    const alt = `${t.image}: ${t.detections} detections`;
    return (
      `<figure><a href="${relativeHref(t.image)}"><img src="${relativeHref(t.thumb)}" width="${t.width}" height="${t.height}" alt="${userText(alt, 200)}"></a>` +
      `<figcaption>${userText(t.video, 40)} · ${clock(t.timestampMs)} · ${count(t.detections, 'detection')}${classes ? `: ${classes}${more}` : ''}` +
      `${extra === undefined ? '' : `<br><em>${userText(extra, 200)}</em>`}</figcaption></figure>`
    );
  });
}

function failedNote(sheet: ContactSheet): string {
  return sheet.failed.length > 0 ? `<p class="note">${count(sheet.failed.length, 'thumbnail')} could not be made (image missing or unreadable).</p>` : '';
}

/** The contact sheet of kept frames; nothing when no sheet was made. */
export function contactSheetSection(sheet: ContactSheet | null): string {
  if (!sheet) return '';
  const { thumbnails } = sheet;
  const failed = failedNote(sheet);
  if (thumbnails.length === 0) return panel('Contact sheet', `<p class="note">No kept images.</p>${failed}`, true);
  const intro = `<p class="note">${int(thumbnails.length)} of ${int(sheet.keptImages)} kept images, spread evenly over the run, with the detections drawn in. Select one for the full image.</p>`;
  return panel('Contact sheet', `${intro}<div class="sheet">${figures(thumbnails).join('')}</div>${failed}`, true);
}

/** The frames selected for labelling and why; nothing without `--select`. */
export function selectionSection(metrics: RunMetrics, sheet: ContactSheet | null): string {
  const selection = metrics.selection;
  if (!selection) return '';
  const intro =
    `<p class="note">${int(selection.selected)} of ${int(selection.requested)} requested frames chosen for labelling ` +
    `(also in <a href="${EXPORT_FILES.selection}">${EXPORT_FILES.selection}</a>), each with its reason: ${selectionCounts(selection)}` +
    `${sheet && sheet.thumbnails.length < selection.selected ? ` The first ${int(sheet.thumbnails.length)} in run order are shown.` : ''}</p>`;
  const why = new Map(selection.picks.map((p) => [`${DATASET_FILES.images}/${p.file}`, p.why]));
  const body =
    sheet && sheet.thumbnails.length > 0 ? `<div class="sheet">${figures(sheet.thumbnails, (t) => why.get(t.image)).join('')}</div>${failedNote(sheet)}` : '';
  return panel('Selected for labelling', intro + body, true);
}
