/**
 * The timeline chart of report.html: for each video, its sampled frames over video time. A lower lane
 * shows each mark's outcome (kept, or dropped and why) as a coloured column, split in proportion when
 * a mark stands for several frames; an upper lane shows detections per kept frame as bars. All
 * videos share the detection scale, and each has its own time axis (0 … its duration).
 *
 * Marks of one colour are drawn as a single `<path>` (`M x y h w v h h -w z` per mark), which keeps
 * the markup to about 25 bytes per mark; the caller bounds the number of marks (see report-model.ts).
 */
import { clock, int, num } from './format.js';
import { escapeHtml } from './html-escape.js';
import { svgOpen, svgText, textWidth } from './svg-charts.js';

export interface TimelineCategory {
  label: string;
  color: string;
}

export interface TimelineMark {
  /** Start and end of the mark on the video's time axis, in ms. */
  startMs: number;
  endMs: number;
  /** Frames per category, in the order of `TimelineOptions.categories`. */
  counts: readonly number[];
  /** Mean detections per kept frame of the mark; null when it has no kept frame. */
  detections: number | null;
}

export interface TimelineTrack {
  label: string;
  /** Length of the time axis in ms. */
  durationMs: number;
  marks: readonly TimelineMark[];
  /** Shown after the label, e.g. "16 frames, one mark each". */
  note?: string;
}

export interface TimelineOptions {
  label: string;
  categories: readonly TimelineCategory[];
  /** viewBox width. Default 720. */
  width?: number;
  fontSize?: number;
  detectionColor?: string;
}

const LEFT = 74;
const RIGHT = 12;
const LEGEND_HEIGHT = 26;
const TRACK_HEIGHT = 104;
const DETECTION_LANE = 34;
const OUTCOME_LANE = 16;
const AXIS = '#8a94a3';
const MUTED = '#5d6673';

/** Steps for the time axis, in seconds. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];

/** A tick step (ms) giving at most `maxTicks` intervals over `durationMs`. */
export function timeStep(durationMs: number, maxTicks: number): number {
  const seconds = Math.max(0, durationMs) / 1000;
  for (const step of TIME_STEPS) if (seconds / step <= maxTicks) return step * 1000;
  return Math.ceil(seconds / maxTicks / 86400) * 86400 * 1000;
}

/** Path commands for one rectangle. */
function box(x: number, y: number, w: number, h: number): string {
  return `M${num(x)} ${num(y)}h${num(w)}v${num(h)}h${num(-w)}z`;
}

/** The timeline of every track, stacked vertically, with one legend on top. */
export function timelineChart(tracks: readonly TimelineTrack[], options: TimelineOptions): string {
  const width = options.width ?? 720;
  const fontSize = options.fontSize ?? 11;
  const detectionColor = options.detectionColor ?? '#3b7dd8';
  const plotWidth = width - LEFT - RIGHT;
  const height = LEGEND_HEIGHT + Math.max(1, tracks.length) * TRACK_HEIGHT;
  const out = [svgOpen(width, height, options.label, fontSize)];

  // Legend: detections, then the outcome categories, wrapping onto a second line if needed.
  const legend: { label: string; color: string }[] = [{ label: 'detections per kept frame', color: detectionColor }, ...options.categories];
  let lx = 0;
  for (const item of legend) {
    const w = 14 + textWidth(item.label, fontSize) + 12;
    if (lx + w > width) break;
    out.push(`<rect x="${num(lx)}" y="4" width="10" height="10" fill="${item.color}"/>`, svgText(lx + 14, 9, item.label, { baseline: 'middle', fill: MUTED }));
    lx += w;
  }

  if (tracks.length === 0) {
    out.push(svgText(width / 2, LEGEND_HEIGHT + TRACK_HEIGHT / 2, 'No sampled frames', { anchor: 'middle', fill: MUTED }));
    out.push('</svg>');
    return out.join('');
  }

  const maxDetections = Math.max(1, ...tracks.flatMap((t) => t.marks.map((m) => (m.detections !== null && Number.isFinite(m.detections) ? m.detections : 0))));

  tracks.forEach((track, ti) => {
    const top = LEGEND_HEIGHT + ti * TRACK_HEIGHT;
    const duration = track.durationMs > 0 ? track.durationMs : 1;
    const x = (ms: number): number => LEFT + (Math.min(Math.max(ms, 0), duration) / duration) * plotWidth;
    const detTop = top + 20;
    const detBase = detTop + DETECTION_LANE;
    const outTop = detBase + 4;
    const axisY = outTop + OUTCOME_LANE + 2;

    out.push('<g>');
    out.push(
      `<text x="0" y="${num(top + 12)}" fill="#2b3340" font-weight="bold">${escapeHtml(track.label)}` +
        (track.note ? `<tspan font-weight="normal" fill="${MUTED}"> ${escapeHtml(track.note)}</tspan>` : '') +
        '</text>',
    );
    out.push(svgText(LEFT - 6, detTop + DETECTION_LANE / 2, 'detections', { anchor: 'end', baseline: 'middle', fill: MUTED }));
    out.push(svgText(LEFT - 6, outTop + OUTCOME_LANE / 2, 'frames', { anchor: 'end', baseline: 'middle', fill: MUTED }));
    out.push(svgText(LEFT + plotWidth, detTop - 2, `max ${int(maxDetections)}`, { anchor: 'end', fill: MUTED, size: fontSize - 1 }));
    out.push(`<line x1="${LEFT}" y1="${num(detBase)}" x2="${num(LEFT + plotWidth)}" y2="${num(detBase)}" stroke="${AXIS}"/>`);
    out.push(`<rect x="${LEFT}" y="${num(outTop)}" width="${num(plotWidth)}" height="${OUTCOME_LANE}" fill="#f1f3f6"/>`);

    const detectionPath: string[] = [];
    const categoryPaths: string[][] = options.categories.map(() => []);
    for (const mark of track.marks) {
      const x0 = x(mark.startMs);
      const span = Math.max(0, x(mark.endMs) - x0);
      // A small gap between wide marks keeps neighbours apart; narrow ones stay at least 0.8 wide.
      const w = span > 3 ? span - 0.6 : Math.max(0.8, span);
      const total = mark.counts.reduce((acc, c) => acc + (c > 0 ? c : 0), 0);
      let y = outTop;
      mark.counts.forEach((count, ci) => {
        if (!(count > 0) || total === 0) return;
        const h = (count / total) * OUTCOME_LANE;
        categoryPaths[ci]?.push(box(x0, y, w, h));
        y += h;
      });
      if (mark.detections !== null && mark.detections > 0) {
        const h = Math.max(1, (mark.detections / maxDetections) * DETECTION_LANE);
        detectionPath.push(box(x0, detBase - h, w, h));
      }
    }
    if (detectionPath.length > 0) out.push(`<path fill="${detectionColor}" d="${detectionPath.join('')}"/>`);
    categoryPaths.forEach((parts, ci) => {
      const color = options.categories[ci]?.color;
      if (parts.length > 0 && color) out.push(`<path fill="${color}" d="${parts.join('')}"/>`);
    });

    // Time axis.
    const step = timeStep(duration, Math.max(2, Math.floor(plotWidth / 70)));
    const seconds = duration < 60_000;
    const ticks: string[] = [];
    for (let t = 0; t <= duration + 1e-6; t += step) {
      const tx = x(t);
      ticks.push(`M${num(tx)} ${num(axisY)}v4`);
      const label = clock(t, seconds);
      const anchor = tx + textWidth(label, fontSize) / 2 > width ? 'end' : 'middle';
      out.push(svgText(tx, axisY + 5 + fontSize, label, { anchor, fill: MUTED }));
    }
    out.push(`<path stroke="${AXIS}" d="M${LEFT} ${num(axisY)}h${num(plotWidth)}${ticks.join('')}"/>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}
