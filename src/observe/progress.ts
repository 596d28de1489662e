/**
 * Progress for the frame loop. On a terminal: one line redrawn in place (`\r`) with a bar, frames
 * done / expected, frames per second and ETA. Elsewhere (CI logs, pipes, or JSON log format): a
 * log line at most every `intervalMs` with the same numbers. The clock is injectable for tests.
 */
import type { LogFormat, Logger } from './log.js';
import { textBar } from './text-bar.js';

/** Where the progress goes; `isTTY` and `columns` are read as process.stderr exposes them. */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** Expected number of items (frames); 0 or less when unknown. */
  total: number;
  /** Shown before the numbers, e.g. the video name. */
  label?: string;
  /** Default process.stderr. */
  stream?: ProgressStream;
  /** Overrides `stream.isTTY`. */
  tty?: boolean;
  /** 'json' always uses log lines, even on a terminal. */
  format?: LogFormat;
  /** When set, log lines go through it (as `info`, numbers as fields); else plain lines to `stream`. */
  logger?: Logger;
  /** Minimum time between log lines. Default 5000 ms. */
  intervalMs?: number;
  /** Minimum time between terminal redraws. Default 100 ms. */
  redrawMs?: number;
  /** Milliseconds from any fixed origin. Default performance.now. */
  clock?: () => number;
  /** Bar cells. Default 20. */
  barWidth?: number;
  /** Name of the items. Default "frames". */
  unit?: string;
}

export interface ProgressSnapshot {
  done: number;
  /** 0 when unknown. */
  total: number;
  /** 0..100, null when the total is unknown. */
  percent: number | null;
  /** Items per second since start. */
  rate: number;
  /** Seconds left at the current rate; null when unknown. */
  etaSeconds: number | null;
  elapsedMs: number;
}

/** `M:SS`, or `H:MM:SS` from one hour; `--:--` for null. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export interface ProgressLineOptions {
  label?: string;
  unit?: string;
  /** 0 for no bar. */
  barWidth?: number;
}

/** `label [████▌     ] 120/500 frames 24% 12.3 frames/s ETA 0:31` (bar and percent need a total). */
export function formatProgressLine(snapshot: ProgressSnapshot, options: ProgressLineOptions = {}): string {
  const unit = options.unit ?? 'frames';
  const width = options.barWidth ?? 20;
  const parts: string[] = [];
  if (options.label) parts.push(options.label);
  if (snapshot.total > 0 && width > 0) {
    const bar = textBar(snapshot.done, snapshot.total, width);
    parts.push(`[${bar}${' '.repeat(Math.max(0, width - [...bar].length))}]`);
  }
  parts.push(snapshot.total > 0 ? `${snapshot.done}/${snapshot.total} ${unit}` : `${snapshot.done} ${unit}`);
  if (snapshot.percent !== null) parts.push(`${Math.floor(snapshot.percent)}%`);
  parts.push(`${snapshot.rate.toFixed(1)} ${unit}/s`);
  parts.push(`ETA ${formatEta(snapshot.etaSeconds)}`);
  return parts.join(' ');
}

const CLEAR_LINE = '\r\x1b[K';

export class Progress {
  /** 'tty': redrawn line; 'log': periodic lines. */
  readonly mode: 'tty' | 'log';
  private readonly stream: ProgressStream;
  private readonly clock: () => number;
  private readonly startedAt: number;
  private readonly intervalMs: number;
  private readonly redrawMs: number;
  private total: number;
  private done = 0;
  private lastEmit: number;
  private drawn = false;
  private finished = false;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.clock = options.clock ?? (() => performance.now());
    const tty = options.tty ?? this.stream.isTTY === true;
    this.mode = tty && options.format !== 'json' ? 'tty' : 'log';
    this.intervalMs = options.intervalMs ?? 5000;
    this.redrawMs = options.redrawMs ?? 100;
    this.total = Math.max(0, options.total);
    this.startedAt = this.clock();
    this.lastEmit = this.startedAt;
  }

  /** Sets the number of items done (and the total, when it became known or changed). */
  update(done: number, total?: number): void {
    if (this.finished) return;
    this.done = Math.max(0, done);
    if (total !== undefined) this.total = Math.max(0, total);
    const now = this.clock();
    if (this.mode === 'tty') {
      if (!this.drawn || now - this.lastEmit >= this.redrawMs) this.draw(now);
    } else if (now - this.lastEmit >= this.intervalMs) {
      this.logLine(now);
    }
  }

  /** Adds `n` items done. */
  tick(n = 1): void {
    this.update(this.done + n);
  }

  snapshot(now = this.clock()): ProgressSnapshot {
    const elapsedMs = Math.max(0, now - this.startedAt);
    const rate = elapsedMs > 0 ? (this.done * 1000) / elapsedMs : 0;
    const total = this.total;
    const percent = total > 0 ? Math.min(100, (this.done / total) * 100) : null;
    const etaSeconds = total > 0 && rate > 0 ? Math.max(0, total - this.done) / rate : null;
    return { done: this.done, total, percent, rate, etaSeconds, elapsedMs };
  }

  /** On a terminal, erases the progress line (e.g. before a log line); the next update redraws it. */
  clear(): void {
    if (this.mode === 'tty' && this.drawn) {
      this.stream.write(CLEAR_LINE);
      this.drawn = false;
    }
  }

  /** Writes the final state: the terminal line is redrawn and ended, or a last log line is written. */
  finish(): void {
    if (this.finished) return;
    const now = this.clock();
    if (this.mode === 'tty') {
      this.draw(now);
      this.stream.write('\n');
    } else {
      this.logLine(now);
    }
    this.finished = true;
  }

  private line(now: number, barWidth: number): string {
    return formatProgressLine(this.snapshot(now), {
      label: this.options.label,
      unit: this.options.unit,
      barWidth,
    });
  }

  private draw(now: number): void {
    let text = this.line(now, this.options.barWidth ?? 20);
    const columns = this.stream.columns;
    if (columns !== undefined && columns > 1) {
      const chars = [...text];
      if (chars.length > columns - 1) text = chars.slice(0, columns - 1).join('');
    }
    this.stream.write(CLEAR_LINE + text);
    this.drawn = true;
    this.lastEmit = now;
  }

  private logLine(now: number): void {
    this.lastEmit = now;
    const logger = this.options.logger;
    if (!logger) {
      this.stream.write(this.line(now, 0) + '\n');
      return;
    }
    const s = this.snapshot(now);
    logger.info(this.options.label ? `progress ${this.options.label}` : 'progress', {
      done: s.done,
      total: s.total,
      percent: s.percent === null ? null : Math.floor(s.percent),
      fps: Math.round(s.rate * 10) / 10,
      eta: formatEta(s.etaSeconds),
    });
  }
}

export function createProgress(options: ProgressOptions): Progress {
  return new Progress(options);
}
