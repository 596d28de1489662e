import { describe, expect, test } from '@jest/globals';

import { createLogger, formatClock, silentLogger, type LogFormat, type LogLevel } from '../../../src/observe/log.js';
import { formatEta, formatProgressLine, Progress } from '../../../src/observe/progress.js';

class Capture {
  chunks: string[] = [];
  isTTY?: boolean;
  columns?: number;
  constructor(tty?: boolean, columns?: number) {
    this.isTTY = tty;
    this.columns = columns;
  }
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
  get lines(): string[] {
    return this.text.split('\n').filter((l) => l !== '');
  }
}

const FIXED = new Date(2024, 0, 2, 3, 4, 5, 678); // local time

function logger(format: LogFormat, level?: LogLevel) {
  const stream = new Capture();
  return { stream, log: createLogger({ format, level, stream, clock: () => FIXED }) };
}

describe('text logger', () => {
  test('writes HH:MM:SS level message key=value', () => {
    const { stream, log } = logger('text');
    log.info('extracting frames', { video: 'cam-a.mp4', frames: 120, exact: true });
    expect(stream.lines).toEqual(['03:04:05 info  extracting frames video=cam-a.mp4 frames=120 exact=true']);
  });

  test('quotes values with spaces or quotes and keeps one line per entry', () => {
    const { stream, log } = logger('text');
    log.warn('bad\nframe', { path: '/my videos/a.mp4', empty: '', err: new Error('boom "x"'), obj: { a: 1 }, skip: undefined });
    expect(stream.lines).toEqual(['03:04:05 warn  bad\\nframe path="/my videos/a.mp4" empty="" err="boom \\"x\\"" obj={"a":1}']);
  });

  test('adds child fields to every line, own fields winning', () => {
    const { stream, log } = logger('text');
    const child = log.child({ runId: 'r1', stage: 'extract' }).child({ video: 'v1' });
    child.error('failed', { stage: 'detect' });
    expect(stream.lines).toEqual(['03:04:05 error failed runId=r1 stage=detect video=v1']);
  });
});

describe('json logger', () => {
  test('writes one JSON object per line with time, level, msg and fields', () => {
    const { stream, log } = logger('json');
    const child = log.child({ runId: 'r1', site: 'north' });
    child.info('kept frame', { video: 'a.mp4', n: 3 });
    child.warn('slow', { err: new Error('x'), big: 10n, time: 'field clash' });
    expect(stream.text.endsWith('\n')).toBe(true);
    const [first, second] = stream.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toEqual({ time: FIXED.toISOString(), level: 'info', msg: 'kept frame', runId: 'r1', site: 'north', video: 'a.mp4', n: 3 });
    expect(Object.keys(first ?? {}).slice(0, 3)).toEqual(['time', 'level', 'msg']);
    expect(second).toMatchObject({
      level: 'warn',
      time: FIXED.toISOString(),
      err: { name: 'Error', message: 'x' },
      big: '10',
      'field.time': 'field clash',
    });
  });

  test('survives circular fields', () => {
    const { stream, log } = logger('json');
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    const shared = { b: 2 };
    log.info('loop', { loop, twice: [shared, shared] });
    expect(JSON.parse(stream.lines[0] ?? '')).toMatchObject({ loop: { a: 1, self: '[Circular]' }, twice: [{ b: 2 }, { b: 2 }] });
  });
});

describe('level filtering', () => {
  test.each<[LogFormat]>([['text'], ['json']])('%s: debug is off by default', (format) => {
    const { stream, log } = logger(format);
    log.debug('hidden');
    log.info('shown');
    expect(stream.lines).toHaveLength(1);
    expect(log.isEnabled('debug')).toBe(false);
    expect(log.child({ a: 1 }).isEnabled('debug')).toBe(false);
  });

  test('writes debug when enabled and only errors at level error', () => {
    const dbg = logger('text', 'debug');
    dbg.log.debug('detail');
    expect(dbg.stream.lines).toEqual(['03:04:05 debug detail']);
    const err = logger('text', 'error');
    err.log.info('a');
    err.log.warn('b');
    err.log.error('c');
    expect(err.stream.lines).toEqual(['03:04:05 error c']);
  });

  test('has helpers', () => {
    expect(formatClock(FIXED)).toBe('03:04:05');
    expect(() => silentLogger().error('nothing')).not.toThrow();
  });
});

describe('progress', () => {
  function fakeClock(start = 0) {
    let now = start;
    return { clock: () => now, set: (ms: number) => (now = ms) };
  }

  test('formats ETA and lines', () => {
    expect(formatEta(null)).toBe('--:--');
    expect(formatEta(31)).toBe('0:31');
    expect(formatEta(3725)).toBe('1:02:05');
    expect(formatProgressLine({ done: 50, total: 200, percent: 25, rate: 12.34, etaSeconds: 12.2, elapsedMs: 4000 }, { label: 'a.mp4', barWidth: 8 })).toBe(
      'a.mp4 [██      ] 50/200 frames 25% 12.3 frames/s ETA 0:12',
    );
    expect(formatProgressLine({ done: 5, total: 0, percent: null, rate: 1, etaSeconds: null, elapsedMs: 5000 })).toBe('5 frames 1.0 frames/s ETA --:--');
  });

  test('computes rate and ETA from the clock', () => {
    const t = fakeClock(1000);
    const p = new Progress({ total: 100, clock: t.clock, stream: new Capture(false) });
    t.set(11_000);
    p.update(25);
    expect(p.snapshot()).toEqual({ done: 25, total: 100, percent: 25, rate: 2.5, etaSeconds: 30, elapsedMs: 10_000 });
  });

  test('writes a plain line at most every intervalMs when not a TTY', () => {
    const t = fakeClock();
    const stream = new Capture(false);
    const p = new Progress({ total: 100, clock: t.clock, stream, intervalMs: 5000 });
    expect(p.mode).toBe('log');
    for (let ms = 1000; ms <= 12_000; ms += 1000) {
      t.set(ms);
      p.update(ms / 1000);
    }
    expect(stream.lines).toEqual(['5/100 frames 5% 1.0 frames/s ETA 1:35', '10/100 frames 10% 1.0 frames/s ETA 1:30']);
    expect(stream.text).not.toContain('\r');
    t.set(12_500);
    p.update(100);
    p.finish();
    p.finish();
    p.update(3);
    expect(stream.lines).toHaveLength(3);
    expect(stream.lines[2]).toMatch(/^100\/100 frames 100% .* ETA 0:00$/);
  });

  test('redraws one line on a TTY, throttled, and ends it on finish', () => {
    const t = fakeClock();
    const stream = new Capture(true, 200);
    const p = new Progress({ total: 10, clock: t.clock, stream, redrawMs: 100, barWidth: 10, label: 'cam' });
    expect(p.mode).toBe('tty');
    t.set(10);
    p.update(1); // first update draws at once
    t.set(50);
    p.update(2); // within 100 ms: skipped
    t.set(150);
    p.update(3);
    expect(stream.chunks).toHaveLength(2);
    expect(stream.chunks.every((c) => c.startsWith('\r\x1b[K'))).toBe(true);
    expect(stream.text).not.toContain('\n');
    expect(stream.chunks[1]).toContain('cam [███       ] 3/10 frames 30%');
    t.set(200);
    p.update(10);
    p.finish();
    expect(stream.text.endsWith('\n')).toBe(true);
    expect(stream.chunks.at(-2)).toContain('10/10 frames 100%');
  });

  test('fits the terminal width and can clear the line', () => {
    const t = fakeClock();
    const stream = new Capture(true, 20);
    const p = new Progress({ total: 10, clock: t.clock, stream });
    p.update(1);
    expect([...(stream.chunks[0] ?? '').replace('\r\x1b[K', '')]).toHaveLength(19);
    p.clear();
    expect(stream.chunks.at(-1)).toBe('\r\x1b[K');
  });

  test('uses log lines through the logger on a TTY when the log format is json', () => {
    const t = fakeClock();
    const stream = new Capture(true);
    const log = createLogger({ format: 'json', stream, clock: () => FIXED });
    const p = new Progress({ total: 100, clock: t.clock, stream, format: 'json', logger: log, label: 'a.mp4' });
    expect(p.mode).toBe('log');
    t.set(4999);
    p.update(10);
    expect(stream.chunks).toHaveLength(0);
    t.set(5000);
    p.update(20);
    p.finish();
    const lines = stream.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'progress a.mp4', done: 20, total: 100, percent: 20, fps: 4, eta: '0:20' });
  });
});
