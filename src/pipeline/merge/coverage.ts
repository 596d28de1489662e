/**
 * What the merged parts cover of each video: each part's time range (the whole video when it has none)
 * clipped to the video's duration, joined per video. A stretch no part covers is a gap (a lost artifact
 * in a matrix job looks otherwise like a complete dataset): merge refuses it unless `--allow-gaps`,
 * which records the covered ranges in the manifest and shows the gaps at the top of every report. Two
 * parts covering the same stretch are refused always: one run over the video would hold each frame once.
 */
import type { UncoveredRange } from '../../domain/data-loss.js';
import { UsageError } from '../../errors.js';
import type { RunManifest } from '../write/manifest.js';
import type { DatasetPart } from './dataset-part.js';

/** A stretch of a video in ms from its start, end excluded. */
interface Span {
  startMs: number;
  endMs: number;
}

/** One video's coverage, as the merged manifest records it (seconds, rounded to ms). */
type VideoCoverage = NonNullable<RunManifest['coverage']>[number];

export interface Coverage {
  videos: VideoCoverage[];
  gaps: UncoveredRange[];
}

/** Less than this between two stretches is rounding, not a gap (ranges are given to the ms). */
const EPSILON_MS = 1;

const seconds = (ms: number): number => Math.round(ms) / 1000;

/** Each part's stretch of each video it holds, by video stem, in the order given. */
function spansByVideo(parts: readonly DatasetPart[]): Map<string, { durationMs: number; spans: (Span & { part: string })[] }> {
  const byVideo = new Map<string, { durationMs: number; spans: (Span & { part: string })[] }>();
  for (const part of parts) {
    const range = part.manifest.config.timeRange ?? null;
    for (const video of part.manifest.videos) {
      const durationMs = video.durationSeconds * 1000;
      const startMs = Math.min(range?.startMs ?? 0, durationMs);
      const endMs = Math.min(range?.endMs ?? durationMs, durationMs);
      const entry = byVideo.get(video.stem) ?? { durationMs, spans: [] };
      entry.spans.push({ startMs, endMs, part: part.given });
      byVideo.set(video.stem, entry);
    }
  }
  return byVideo;
}

/** The parts' coverage of every video; throws on an overlap, and on a gap unless `allowGaps`. */
export function coverageOf(parts: readonly DatasetPart[], allowGaps: boolean): Coverage {
  const videos: VideoCoverage[] = [];
  const gaps: UncoveredRange[] = [];
  for (const [video, { durationMs, spans }] of spansByVideo(parts)) {
    const sorted = spans.filter((s) => s.endMs > s.startMs).sort((a, b) => a.startMs - b.startMs);
    const covered: Span[] = [];
    let reached = 0;
    for (const [i, span] of sorted.entries()) {
      const before = sorted[i - 1];
      if (before !== undefined && span.startMs < reached - EPSILON_MS) {
        throw new UsageError(
          `Cannot merge: ${before.part} and ${span.part} both cover video ${video} from ${seconds(span.startMs)} s to ${seconds(Math.min(reached, span.endMs))} s; their time ranges overlap`,
        );
      }
      if (span.startMs > reached + EPSILON_MS) gaps.push({ kind: 'uncovered', video, fromSeconds: seconds(reached), toSeconds: seconds(span.startMs) });
      const last = covered.at(-1);
      if (last !== undefined && span.startMs <= last.endMs + EPSILON_MS) last.endMs = Math.max(last.endMs, span.endMs);
      else covered.push({ startMs: span.startMs, endMs: span.endMs });
      reached = Math.max(reached, span.endMs);
    }
    if (durationMs > reached + EPSILON_MS) gaps.push({ kind: 'uncovered', video, fromSeconds: seconds(reached), toSeconds: seconds(durationMs) });
    videos.push({ video, durationSeconds: seconds(durationMs), covered: covered.map((s) => [seconds(s.startMs), seconds(s.endMs)]) });
  }
  const first = gaps[0];
  if (first !== undefined && !allowGaps) {
    const more = gaps.length > 1 ? ` (and ${gaps.length - 1} more gap${gaps.length > 2 ? 's' : ''})` : '';
    throw new UsageError(
      `Cannot merge: no part covers video ${first.video} from ${first.fromSeconds} s to ${first.toSeconds} s${more}; merge the missing part too, or pass --allow-gaps to merge what there is (the gaps are then recorded and reported)`,
    );
  }
  return { videos, gaps };
}
