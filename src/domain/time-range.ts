/**
 * A part of each video to process (`--start` / `--end`), in milliseconds of the whole video's
 * timeline. A sampled frame belongs to the range when `startMs <= timestampMs < endMs`, so ranges that
 * meet end to start split a video's sampled frames between them with none lost or repeated.
 */
export interface TimeRange {
  startMs: number;
  /** Null: to the end of the video. */
  endMs: number | null;
}

export function inRange(range: TimeRange | null, timestampMs: number): boolean {
  if (range === null) return true;
  return timestampMs >= range.startMs && (range.endMs === null || timestampMs < range.endMs);
}

/** `hh:mm:ss.fff` of a time in ms, for messages and reports. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = (total % 60_000) / 1000;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(h)}:${pad(m)}:${s < 10 ? '0' : ''}${s.toFixed(3)}`;
}

/** Seconds of a video of `durationSeconds` that a run over `range` processes. */
export function processedSeconds(durationSeconds: number, range: TimeRange | null): number {
  if (range === null) return durationSeconds;
  const end = range.endMs === null ? durationSeconds : Math.min(durationSeconds, range.endMs / 1000);
  return Math.max(0, end - range.startMs / 1000);
}

export function describeRange(range: TimeRange): string {
  return `${formatClock(range.startMs)}–${range.endMs === null ? 'end' : formatClock(range.endMs)}`;
}
