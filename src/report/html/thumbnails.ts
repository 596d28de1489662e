/**
 * report.html's thumbnail sections: the contact sheet of kept frames, and the frames selected for
 * labelling (`--select`) with how they were chosen. Each thumbnail links to its full image; the
 * thumbnails themselves are made beforehand (contact-sheet.ts).
 */
import { EXPORT_FILES } from '../../domain/dataset-files.js';
import type { RunMetrics } from '../../observe/metrics-contract.js';
import type { ContactSheet, Thumbnail } from '../contact-sheet.js';
import { clock, int } from '../format.js';
import { relativeHref, userText } from '../html-escape.js';
import { count, panel } from './blocks.js';

function figures(thumbnails: readonly Thumbnail[]): string[] {
  return thumbnails.map((t) => {
    const classes = t.classes
      .slice(0, 4)
      .map((c) => `${int(c.count)} ${userText(c.name, 30)}`)
      .join(', ');
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
    `(<a href="${EXPORT_FILES.selection}">${EXPORT_FILES.selection}</a> gives the reason for each): ${int(selection.byReason.class)} to show every class seen ` +
    `(${int(selection.classesCovered)} of ${int(selection.classes)} classes covered), ${int(selection.byReason.spread)} for being least like the others.` +
    `${selection.exportsOnlySelected ? ' The exports hold only these frames.' : ''}` +
    `${sheet && sheet.thumbnails.length < selection.selected ? ` The first ${int(sheet.thumbnails.length)} in run order are shown.` : ''}</p>`;
  const body = sheet && sheet.thumbnails.length > 0 ? `<div class="sheet">${figures(sheet.thumbnails).join('')}</div>${failedNote(sheet)}` : '';
  return panel('Selected for labelling', intro + body, true);
}
