/**
 * The building blocks of report.html: escaping and links, number formatting, the SVG chart helpers,
 * the timeline marks and the contact sheet's choice of frames (the overlay: thumbnail-overlay.test.ts).
 */
import { describe, expect, test } from '@jest/globals';

import type { DropReason } from '../../../src/domain/drop-reason.js';
import type { FrameRecord, KeptImage } from '../../../src/domain/frame-record.js';
import { orderKept, spreadSample } from '../../../src/report/contact-sheet.js';
import { bytes, clock, duration, fixed, int, num, percent, plain, runDate } from '../../../src/report/format.js';
import { cut, escapeHtml, relativeHref, userText } from '../../../src/report/html-escape.js';
import { thresholdPosition } from '../../../src/report/html/charts.js';
import { CLASS_PALETTE, classColors, OUTCOMES, timelineMarks } from '../../../src/report/report-model.js';
import { histogramChart, horizontalBarChart, niceStep, stackedBar } from '../../../src/report/svg-charts.js';
import { timelineChart, timeStep } from '../../../src/report/svg-timeline.js';
import { frameRow } from '../../support/frame-rows.js';

/** Values of `attr` on every `<tag …>` in `svg`, as numbers. */
function attrs(svg: string, tag: string, attr: string): number[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b[^>]*?\\s${attr}="([^"]*)"`, 'g'))].map((m) => Number(m[1]));
}

function frame(timestampMs: number, outcome: FrameRecord['outcome'], reason: DropReason | null = null, detections: number | null = null): FrameRecord {
  const fields = { video: 'v', frameIndex: timestampMs / 100, timestampMs, blurScore: 300, phashDistance: 10, detections: detections ?? 0 };
  if (outcome === 'dropped' && reason === null) throw new Error('a dropped frame needs its reason');
  return frameRow(fields, outcome === 'kept' ? null : reason);
}

describe('escaping and links', () => {
  test('escapeHtml makes text inert in element content and quoted attributes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&amp;`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;amp;');
    expect(escapeHtml('a\u0000b\u001bc\u2028d\te\nf')).toBe('a b c d\te\nf');
    expect(escapeHtml('x\uD800y')).toBe('x\uFFFDy');
    expect(escapeHtml('😀 ünïcödé')).toBe('😀 ünïcödé');
  });

  test('cut and userText cap long names by code point', () => {
    expect(cut('abcdef', 4)).toBe('abc…');
    expect(cut('abcd', 4)).toBe('abcd');
    expect(cut('😀😀😀😀😀', 3)).toBe('😀😀…');
    expect(userText('<'.repeat(500))).toBe('&lt;'.repeat(119) + '…');
  });

  test('relativeHref percent-encodes each segment and stays inside the folder', () => {
    expect(relativeHref('images/site a_000001.jpg')).toBe('images/site%20a_000001.jpg');
    expect(relativeHref('images/x#1?.jpg')).toBe('images/x%231%3F.jpg');
    expect(relativeHref('images/javascript:alert(1).jpg')).toBe('images/javascript%3Aalert(1).jpg');
    expect(relativeHref('../../etc/passwd')).toBe('etc/passwd');
    expect(relativeHref('/abs/"q"&.jpg')).toBe('abs/%22q%22%26.jpg');
    expect(relativeHref('report/thumbs/\uD800.jpg')).toBe('report/thumbs/%EF%BF%BD.jpg');
  });
});

describe('formatting', () => {
  test('numbers, durations and dates have a fixed form', () => {
    expect([int(1234.6), int(NaN), fixed(1234.5, 2), fixed(-0.0001, 2), percent(0.1234), plain(0.12345), plain(50)]).toEqual([
      '1,235',
      '0',
      '1,234.50',
      '0.00',
      '12.3%',
      '0.1235',
      '50',
    ]);
    expect([bytes(999), bytes(1234567), duration(850), duration(12345), duration(754_000), duration(7_500_000)]).toEqual([
      '999 B',
      '1.2 MB',
      '850 ms',
      '12.3 s',
      '12 min 34 s',
      '2 h 5 min',
    ]);
    expect([clock(65_000), clock(3_723_000), clock(30_000, true), num(1 / 3), num(-0.001), num(Infinity)]).toEqual([
      '1:05',
      '1:02:03',
      '30 s',
      '0.33',
      '0',
      '0',
    ]);
    expect(runDate('2025-05-01T10:22:33.123Z')).toBe('2025-05-01 10:22 UTC');
    expect(runDate('not a date')).toBe('not a date');
  });

  test('niceStep and timeStep give round steps', () => {
    expect([niceStep(97, 4), niceStep(8, 4), niceStep(0, 4), niceStep(1234, 5)]).toEqual([50, 2, 1, 500]);
    expect([timeStep(80_000, 8), timeStep(3_600_000, 8), timeStep(5_000, 8)]).toEqual([10_000, 600_000, 1_000]);
  });
});

describe('horizontalBarChart', () => {
  const svg = horizontalBarChart(
    [
      { label: 'person', value: 100 },
      { label: 'car', value: 25, color: '#ff0000' },
      { label: '<b>evil</b>', value: 0 },
    ],
    { label: 'Classes' },
  );

  test('bars are proportional to the values, labels escaped, colours kept', () => {
    const widths = attrs(svg, 'rect', 'width');
    expect(widths).toHaveLength(3);
    expect(widths[1]! / widths[0]!).toBeCloseTo(0.25, 2);
    expect(widths[2]).toBe(0);
    expect(svg).toContain('fill="#ff0000"');
    expect(svg).toContain('&lt;b&gt;evil&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toMatch(/^<svg class="chart" viewBox="0 0 420 \d+" width="420" height="\d+" role="img" aria-label="Classes"/);
    expect(svg).toContain('<title>person: 100</title>');
  });

  test('is deterministic and says so when empty', () => {
    expect(horizontalBarChart([{ label: 'a', value: 1 / 3 }], { label: 'x' })).toBe(horizontalBarChart([{ label: 'a', value: 1 / 3 }], { label: 'x' }));
    expect(horizontalBarChart([], { label: 'x', empty: 'No detections' })).toContain('>No detections</text>');
  });
});

describe('histogramChart', () => {
  const buckets = [
    { label: '0', count: 0 },
    { label: '1', count: 4 },
    { label: '2', count: 8 },
    { label: '3+', count: 2 },
  ];

  test('one bar per non-empty bucket, heights proportional, counts printed', () => {
    const svg = histogramChart(buckets, { label: 'H' });
    const heights = attrs(svg, 'rect', 'height');
    expect(heights).toHaveLength(3);
    expect(heights[0]! / heights[1]!).toBeCloseTo(0.5, 2);
    expect(heights[2]! / heights[1]!).toBeCloseTo(0.25, 2);
    for (const label of ['>0<', '>1<', '>2<', '>3+<', '>4<', '>8<']) expect(svg).toContain(label);
  });

  test('the marker line sits at its bucket position', () => {
    const svg = histogramChart(buckets, { label: 'H', marker: { at: 2, label: 'dedup ≤ 1' } });
    const line = /<line x1="([\d.]+)"[^>]*stroke-dasharray/.exec(svg);
    expect(line).not.toBeNull();
    const bars = [...svg.matchAll(/<rect x="([\d.]+)"[^>]*width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    // Between the bar of bucket "1" (index 1) and the bar of bucket "2" (index 2).
    const x = Number(line![1]);
    expect(x).toBeGreaterThan(bars[0]![0] + bars[0]![1]);
    expect(x).toBeLessThan(bars[1]![0]);
    expect(svg).toContain('dedup ≤ 1');
  });

  test('thresholdPosition maps a distance threshold onto the buckets', () => {
    const phash = [
      { min: 0, max: 0 },
      { min: 1, max: 1 },
      { min: 2, max: 2 },
      { min: 10, max: 11 },
      { min: 12, max: 15 },
      { min: 32, max: null },
    ];
    expect(thresholdPosition(phash, 2)).toBe(3);
    expect(thresholdPosition(phash, 0)).toBe(1);
    expect(thresholdPosition(phash, 13)).toBe(4.5);
    expect(thresholdPosition(phash, 5)).toBe(3);
    expect(thresholdPosition(phash, 40)).toBe(5.5);
  });
});

describe('stackedBar', () => {
  test('segments fill the width in proportion, the legend gives shares', () => {
    const svg = stackedBar(
      [
        { label: 'extract', value: 300, color: '#111111' },
        { label: 'detect', value: 100, color: '#222222' },
        { label: 'write', value: 0, color: '#333333' },
      ],
      { label: 'Stages', width: 400 },
    );
    const widths = attrs(svg, 'rect', 'width');
    expect(widths.slice(0, 2)).toEqual([300, 100]);
    expect(svg).toContain('extract 300 (75.0%)');
    expect(svg).toContain('write 0 (0.0%)');
    expect(stackedBar([{ label: 'a', value: 0, color: '#000000' }], { label: 'S', empty: 'No time recorded' })).toContain('No time recorded');
  });
});

describe('timeline', () => {
  test('one mark per frame while under the cap, with outcome and detections', () => {
    const frames = [frame(0, 'kept', null, 3), frame(1000, 'dropped', 'duplicate'), frame(2000, 'dropped', 'blurred'), frame(3000, 'kept', null, 0)];
    const { marks, durationMs, perMark } = timelineMarks(frames, 4000, 100);
    expect(perMark).toBe(1);
    expect(durationMs).toBe(4000);
    expect(marks.map((m) => [m.startMs, m.endMs, m.detections])).toEqual([
      [0, 1000, 3],
      [1000, 2000, null],
      [2000, 3000, null],
      [3000, 4000, 0],
    ]);
    const index = (key: string): number => OUTCOMES.findIndex((o) => o.key === key);
    expect(marks[1]!.counts[index('duplicate')]).toBe(1);
    expect(marks[2]!.counts[index('blurred')]).toBe(1);
  });

  test('bins frames when over the cap: counts add up, detections are means of kept frames', () => {
    const frames = Array.from({ length: 1000 }, (_, i) => (i % 4 === 3 ? frame(i * 100, 'dropped', 'duplicate') : frame(i * 100, 'kept', null, i % 3)));
    const { marks, perMark } = timelineMarks(frames, 100_000, 50);
    expect(marks).toHaveLength(50);
    expect(perMark).toBe(20);
    const total = marks.reduce((acc, m) => acc + m.counts.reduce((a, c) => a + c, 0), 0);
    expect(total).toBe(1000);
    const first = frames.slice(0, 20).filter((f) => f.outcome === 'kept');
    expect(marks[0]!.detections).toBeCloseTo(first.reduce((a, f) => a + (f.detections ?? 0), 0) / first.length, 10);
  });

  test('the chart draws one path per colour in use and escapes track labels', () => {
    const frames = [frame(0, 'kept', null, 2), frame(1000, 'dropped', 'duplicate'), frame(2000, 'kept', null, 4)];
    const { marks, durationMs } = timelineMarks(frames, 3000, 100);
    const svg = timelineChart([{ label: 'a<b>.mp4', durationMs, marks, note: '3 frames' }], {
      label: 'T',
      categories: OUTCOMES.map((o) => ({ label: o.label, color: o.color })),
    });
    expect(svg).toContain('a&lt;b&gt;.mp4');
    const paths = [...svg.matchAll(/<path fill="(#[0-9a-f]{6})" d="([^"]*)"/g)];
    expect(paths.map((p) => p[1])).toEqual(['#3b7dd8', OUTCOMES[0]!.color, OUTCOMES[1]!.color]);
    expect(paths[0]![2]!.match(/M/g)).toHaveLength(2); // two kept frames with detections
    expect(paths[1]![2]!.match(/M/g)).toHaveLength(2); // two kept
    expect(paths[2]![2]!.match(/M/g)).toHaveLength(1); // one duplicate
    expect(svg).toContain('>0 s<');
  });

  test('no tracks: says so', () => {
    expect(timelineChart([], { label: 'T', categories: [] })).toContain('No sampled frames');
  });
});

describe('class colours', () => {
  test('classes seen get distinct colours in model order; the same input, the same colours', () => {
    const model = ['person', 'bicycle', 'car', ...Array.from({ length: 30 }, (_, i) => `c${i}`)];
    const colorOf = classColors(model, ['c29', 'person', 'car', 'unknown']);
    expect([colorOf('person'), colorOf('car'), colorOf('c29'), colorOf('unknown')]).toEqual(CLASS_PALETTE.slice(0, 4));
  });
});

describe('contact sheet choice', () => {
  /** Only the video, time and frame index matter to the order. */
  const image: KeptImage = { file: 'v_000001.jpg', video: 'v', frameIndex: 1, timestampMs: 100, decode: 'sequential', width: 8, height: 6, detections: [] };

  test('spreadSample and orderKept pick an even spread in run order', () => {
    expect(spreadSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 8]);
    expect(spreadSample([1, 2], 5)).toEqual([1, 2]);
    expect(spreadSample([1, 2], 0)).toEqual([]);
    const kept = [
      { ...image, video: 'b', timestampMs: 5 },
      { ...image, video: 'a', timestampMs: 9 },
      { ...image, video: 'b', timestampMs: 1 },
    ];
    expect(orderKept(kept).map((k) => `${k.video}${k.timestampMs}`)).toEqual(['b1', 'b5', 'a9']);
  });
});
