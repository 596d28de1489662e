/**
 * What report.html is drawn from, and the pure data preparation it needs beyond `RunMetrics`: the
 * per-video timeline marks (from the recorder's frame rows) and the colours of outcomes and classes.
 *
 * Counts come from `RunMetrics` (the one report model); the frame rows are only used for the
 * timeline, and the kept images only for the contact sheet.
 */
import type { DropReason } from '../domain/drop-reason.js';
import type { FrameRecord, KeptImage } from '../domain/frame-record.js';
import type { QualityGateVerdict } from '../domain/quality-gates.js';
import type { NameOf } from '../domain/run-options.js';
import type { Sampling } from '../domain/sampling.js';
import type { RunMetrics, VideoMetrics } from '../observe/metrics-contract.js';
import { median } from '../observe/statistics.js';
import { int } from './format.js';
import { cut } from './html-escape.js';
import type { TimelineCategory, TimelineMark, TimelineTrack } from './svg-timeline.js';

/**
 * The parts of `RunManifest` the report shows. `RunManifest` is assignable to it; tests can build a
 * small one by hand.
 */
export interface ReportManifest {
  tool: { version: string; gitCommit: string | null };
  run: { id: string; startedAt: string };
  /** `classNames` (model output order) fixes each class's colour. */
  model: { path: string; sha256: string; classNames?: readonly string[] };
  config: { model: { name: string }; dedupThreshold: number; dedupLocalThreshold?: number; sampling?: Sampling };
}

export interface HtmlReportData {
  metrics: RunMetrics;
  manifest: ReportManifest;
  /** The recorder's frame rows (one per sampled frame), for the timeline. */
  frames: readonly FrameRecord[];
  /** Quality gates with their verdicts; absent or empty: "no quality gates set". */
  gates?: readonly QualityGateVerdict[];
  /** How data-loss warnings name the options (default: the CLI's flags). */
  nameOf?: NameOf;
}

export interface HtmlReportInput extends HtmlReportData {
  /** The recorder's kept images, for the contact sheet. */
  kept: readonly KeptImage[];
  /** The frames selected for labelling (`--select`), for their own contact sheet. */
  selected?: readonly KeptImage[];
}

export type Outcome = 'kept' | DropReason;

/** Frame outcomes in display order, with their colours (also used by the drops table). */
export const OUTCOMES: readonly { key: Outcome; label: string; color: string }[] = [
  { key: 'kept', label: 'kept', color: '#2f9e63' },
  { key: 'duplicate', label: 'duplicate', color: '#a3acb9' },
  { key: 'labelled', label: 'already labelled', color: '#7b6fd0' },
  { key: 'blurred', label: 'blurred', color: '#e69a2e' },
  { key: 'black', label: 'black', color: '#3d4756' },
  { key: 'overexposed', label: 'overexposed', color: '#f0cf3c' },
  { key: 'corrupt', label: 'corrupt', color: '#d64541' },
];

export function outcomeOf(frame: FrameRecord): Outcome {
  return frame.outcome === 'kept' ? 'kept' : frame.reason;
}

/** Colours for classes, picked to stay apart from each other and readable under white text. */
export const CLASS_PALETTE: readonly string[] = [
  '#1f77d0',
  '#e8590c',
  '#2b9348',
  '#c2255c',
  '#7048e8',
  '#0c8599',
  '#b8860b',
  '#d6336c',
  '#5c940d',
  '#1864ab',
  '#862e9c',
  '#a61e4d',
];

/**
 * A class → colour function. The classes seen in the run get the palette's colours in the model's
 * class order (so a report's classes differ in colour as long as there are at most 12 of them, and
 * the same classes get the same colours in every report of a model); names the model does not list
 * come after, by name.
 */
export function classColors(modelClasses: readonly string[], seen: readonly string[]): (name: string) => string {
  const modelIndex = new Map<string, number>();
  modelClasses.forEach((name, i) => {
    if (!modelIndex.has(name)) modelIndex.set(name, i);
  });
  const rank = (name: string): number => modelIndex.get(name) ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...new Set(seen)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(ordered.map((name, i) => [name, i]));
  return (name) => CLASS_PALETTE[(index.get(name) ?? modelIndex.get(name) ?? 0) % CLASS_PALETTE.length] ?? '#1f77d0';
}

export interface TimelineLimits {
  /** Marks drawn over all tracks (a mark covers one frame, or a time bin of several). Default 1500. */
  maxMarks?: number;
  /** Videos drawn; the rest are only in the table. Default 12. */
  maxTracks?: number;
}

export interface TimelineModel {
  tracks: TimelineTrack[];
  categories: TimelineCategory[];
  /** Videos with frames that were not drawn (beyond `maxTracks`). */
  hiddenVideos: number;
}

export const DEFAULT_MAX_TIMELINE_MARKS = 1500;
export const DEFAULT_MAX_TIMELINE_TRACKS = 12;
/** Each drawn track gets at least this many marks, however many tracks share the budget. */
const MIN_MARKS_PER_TRACK = 60;

function emptyCounts(): number[] {
  return OUTCOMES.map(() => 0);
}

/**
 * The marks of one video: one per frame when there are at most `cap` frames; otherwise the video's
 * time is cut into `cap` equal bins and each non-empty bin is a mark with the outcome counts of its
 * frames and the mean detections of its kept frames.
 */
export function timelineMarks(frames: readonly FrameRecord[], durationMs: number, cap: number): { marks: TimelineMark[]; durationMs: number; perMark: number } {
  const rows = [...frames].filter((f) => Number.isFinite(f.timestampMs)).sort((a, b) => a.timestampMs - b.timestampMs || a.frameIndex - b.frameIndex);
  if (rows.length === 0) return { marks: [], durationMs: Math.max(0, durationMs), perMark: 0 };
  const gaps = rows
    .slice(1)
    .map((f, i) => f.timestampMs - (rows[i]?.timestampMs ?? 0))
    .filter((g) => g > 0);
  const last = rows[rows.length - 1]?.timestampMs ?? 0;
  const step = median([...gaps].sort((a, b) => a - b)) || (durationMs > last ? durationMs - last : 1000);
  const axis = Math.max(durationMs > 0 ? durationMs : 0, last + Math.min(step, 1000));
  const index = new Map(OUTCOMES.map((o, i) => [o.key, i]));

  if (rows.length <= cap) {
    const marks = rows.map((frame): TimelineMark => {
      const counts = emptyCounts();
      counts[index.get(outcomeOf(frame)) ?? 0] = 1;
      const kept = frame.outcome === 'kept';
      return {
        startMs: frame.timestampMs,
        endMs: Math.min(axis, frame.timestampMs + step),
        counts,
        detections: kept ? frame.detections : null,
      };
    });
    return { marks, durationMs: axis, perMark: 1 };
  }

  const bins = Math.max(1, Math.floor(cap));
  const binMs = axis / bins;
  const acc = Array.from({ length: bins }, () => ({ counts: emptyCounts(), frames: 0, kept: 0, detections: 0 }));
  for (const frame of rows) {
    const bin = acc[Math.min(bins - 1, Math.max(0, Math.floor(frame.timestampMs / binMs)))];
    if (!bin) continue;
    const i = index.get(outcomeOf(frame)) ?? 0;
    bin.counts[i] = (bin.counts[i] ?? 0) + 1;
    bin.frames += 1;
    if (frame.outcome === 'kept') {
      bin.kept += 1;
      bin.detections += frame.detections ?? 0;
    }
  }
  const marks: TimelineMark[] = [];
  let perMark = 0;
  acc.forEach((bin, i) => {
    if (bin.frames === 0) return;
    perMark = Math.max(perMark, bin.frames);
    marks.push({
      startMs: i * binMs,
      endMs: (i + 1) * binMs,
      counts: bin.counts,
      detections: bin.kept > 0 ? bin.detections / bin.kept : null,
    });
  });
  return { marks, durationMs: axis, perMark };
}

/** Maps a frame row's `video` (stem, file name or path) to its video in the metrics. */
function videoLookup(videos: readonly VideoMetrics[]): (name: string) => VideoMetrics | undefined {
  const byKey = new Map<string, VideoMetrics>();
  for (const video of videos) {
    if (!byKey.has(video.stem)) byKey.set(video.stem, video);
    if (!byKey.has(video.name)) byKey.set(video.name, video);
  }
  return (name) => byKey.get(name) ?? byKey.get(name.split(/[\\/]/).pop() ?? name);
}

/** The timeline tracks, one per video with sampled frames (videos in run order), within the limits. */
export function buildTimeline(metrics: RunMetrics, frames: readonly FrameRecord[], limits: TimelineLimits = {}): TimelineModel {
  const maxMarks = Math.max(1, Math.floor(limits.maxMarks ?? DEFAULT_MAX_TIMELINE_MARKS));
  const maxTracks = Math.max(1, Math.floor(limits.maxTracks ?? DEFAULT_MAX_TIMELINE_TRACKS));
  const lookup = videoLookup(metrics.videos);
  const byVideo = new Map<VideoMetrics, FrameRecord[]>();
  for (const frame of frames) {
    const video = lookup(frame.video);
    if (!video) continue;
    const list = byVideo.get(video);
    if (list) list.push(frame);
    else byVideo.set(video, [frame]);
  }
  const withFrames = metrics.videos.filter((v) => byVideo.has(v));
  const shown = withFrames.slice(0, maxTracks);
  const cap = Math.max(MIN_MARKS_PER_TRACK, Math.floor(maxMarks / Math.max(1, shown.length)));
  const tracks = shown.map((video): TimelineTrack => {
    const rows = byVideo.get(video) ?? [];
    const { marks, durationMs, perMark } = timelineMarks(rows, video.durationSeconds * 1000, cap);
    const note = perMark <= 1 ? `${int(rows.length)} sampled frames, one mark each` : `${int(rows.length)} sampled frames, up to ${int(perMark)} per mark`;
    return { label: cut(video.name, 60), durationMs, marks, note };
  });
  return {
    tracks,
    categories: OUTCOMES.map((o) => ({ label: o.label, color: o.color })),
    hiddenVideos: withFrames.length - shown.length,
  };
}
