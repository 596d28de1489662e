import { describe, expect, test } from '@jest/globals';

import type { Detection } from '../../../src/domain/detection.js';
import type { DropReason } from '../../../src/domain/drop-reason.js';
import type { VideoInfo } from '../../../src/domain/video.js';
import { computeMetrics } from '../../../src/observe/compute-metrics.js';
import type { RunMetrics } from '../../../src/observe/metrics-contract.js';
import { RunRecorder } from '../../../src/observe/recorder.js';
import { textBar } from '../../../src/observe/text-bar.js';
import { escapeMarkdown, MAX_REPORT_BYTES, renderMarkdownReport } from '../../../src/report/markdown.js';
import { barChart } from '../../../src/report/text-bars.js';
import { frameRow } from '../../support/frame-rows.js';
import { testVideo } from '../../support/raw-frames.js';

/** A probed MP4 of this stem and place among the inputs. */
function videoInfo(stem: string, index: number): VideoInfo {
  return testVideo({
    path: `/videos/${stem}.mp4`,
    stem,
    index,
    container: 'mov,mp4',
    durationSeconds: 90,
    fps: 30,
    width: 1280,
    height: 720,
    frameCount: 2700,
    sizeBytes: 5_000_000,
  });
}

function det(className: string, score = 0.5): Detection {
  return { classIndex: 0, className, score, box: { x: 0, y: 0, width: 1, height: 1 } };
}

/** 40 sampled frames from one video: 25 kept, 5 blurred, 2 black, 8 duplicates; 100 detections. */
function smallMetrics(site = 'north-gate'): RunMetrics {
  const r = new RunRecorder();
  r.recordVideo({
    info: videoInfo('cam_1', 0),
    sha256: 'c'.repeat(64),
    decode: { mode: 'all', reason: 'asked for' },
    framesDecoded: 2700,
    decodeErrors: 0,
    inference: { width: 640, height: 384, reason: 'auto: 1280x720 fits 640x384' },
  });
  const reasons: (DropReason | null)[] = [
    ...Array<null>(25).fill(null),
    ...Array<DropReason>(5).fill('blurred'),
    ...Array<DropReason>(2).fill('black'),
    ...Array<DropReason>(8).fill('duplicate'),
  ];
  reasons.forEach((reason, i) => r.recordFrame(frameRow({ video: 'cam_1', frameIndex: i, blurScore: 100, phashDistance: i === 0 ? null : i % 16 }, reason)));
  for (let i = 0; i < 25; i += 1) {
    r.recordKept({
      file: `img_${i}.jpg`,
      video: 'cam_1',
      frameIndex: i,
      timestampMs: i * 1000,
      decode: 'sequential',
      width: 1280,
      height: 720,
      detections: [det('person', 0.8), det('person', 0.6), det('truck', 0.9), det('excavator_<big>', 0.7)],
    });
  }
  r.addStageTime('detect', 750);
  r.addStageTime('extract', 250);
  r.finish();
  return computeMetrics(r, { site, classNames: ['person', 'truck', 'excavator_<big>', 'crane'] });
}

describe('text bars', () => {
  test('draws eighth-cell blocks', () => {
    expect(textBar(10, 10, 4)).toBe('████');
    expect(textBar(5.5, 10, 4)).toBe('██▎');
    expect(textBar(5, 10, 4)).toBe('██');
    expect(textBar(0, 10, 4)).toBe('');
    expect(textBar(0.0001, 10, 4)).toBe('▏');
    expect(textBar(20, 10, 4)).toBe('████');
    expect(textBar(1, 0, 4)).toBe('');
  });

  test('aligns labels in a chart', () => {
    expect(
      barChart(
        [
          { label: 'a', value: 2 },
          { label: 'long', value: 1 },
        ],
        { width: 4 },
      ),
    ).toEqual(['a    ████ 2', 'long ██ 1']);
  });
});

describe('escapeMarkdown', () => {
  test('escapes markup characters and HTML', () => {
    expect(escapeMarkdown('a|b*c')).toBe('a\\|b\\*c');
    expect(escapeMarkdown('`x`_y_<z>&')).toBe('\\`x\\`\\_y\\_&lt;z&gt;&amp;');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });
});

describe('renderMarkdownReport', () => {
  const report = renderMarkdownReport(smallMetrics());

  test('has a heading with the site and a summary with the key numbers', () => {
    expect(report.startsWith('# Dataset report: north-gate\n')).toBe(true);
    expect(report).toContain('| Images kept | 25 |');
    expect(report).toContain('| Frames sampled | 40 |');
    expect(report).toContain('| Frame drop ratio | 37.5% |');
    expect(report).toContain('| Detections | 100 |');
    expect(report).toContain('| Mean detections per image | 4.00 |');
    expect(report).not.toContain('Already labelled');
  });

  test('frames already labelled (--exclude): a summary row and a drop-table row, not in the drop ratio', () => {
    const m = smallMetrics();
    const labelled = renderMarkdownReport({
      ...m,
      frames: { ...m.frames, sampled: 50, dropped: 25, labelled: 10, droppedByReason: { ...m.frames.droppedByReason, labelled: 10 } },
    });
    expect(labelled).toContain('| Already labelled (left out) | 10 |');
    expect(labelled).toContain('| labelled | 10 | 20.0% |');
    expect(labelled).toContain('| Frame drop ratio | 37.5% |');
  });

  test('shows drops by reason as a table and bars', () => {
    expect(report).toContain('| blurred | 5 | 12.5% |');
    expect(report).toContain('| duplicate | 8 | 20.0% |');
    expect(report).toContain('| corrupt | 0 | 0.0% |');
    expect(report).toMatch(/duplicate\s+█+ 8/);
  });

  test('shows classes sorted, escaped, with bars', () => {
    expect(report).toMatch(/\| person \| 50 \| 0\.700 \| █+ \|/);
    expect(report).toContain('| excavator\\_&lt;big&gt; | 25 | 0.700 |');
    expect(report.indexOf('| person |')).toBeLessThan(report.indexOf('| truck |'));
    expect(report).toContain('1 model class had no detections.');
    expect(report).toContain('| Class filter | none: every model class is detected |');
  });

  test('shows a class filter as a filter (summary and classes), never as model classes with no detections', () => {
    const metrics = smallMetrics();
    const filtered = renderMarkdownReport({
      ...metrics,
      detections: { ...metrics.detections, classFilter: { kept: ['person', 'crane'], modelClasses: 80 }, classesWithoutDetections: ['crane'] },
    });
    expect(filtered).toContain('| Class filter | only person, crane (2 of 80 model classes; the other 78 are filtered out, not detected) |');
    expect(filtered).toContain('Class filter: only person, crane (2 of 80 model classes; the other 78 are filtered out, not detected).');
    expect(filtered).toContain('1 of the 2 classes in the class filter had no detections: crane.');
    expect(filtered).not.toMatch(/model class(es)? had no detections/);
  });

  test('shows the detections-per-image histogram, stage timings and videos', () => {
    expect(report).toMatch(/```text\n0\s+0\n/);
    expect(report).toMatch(/\n4\s+█+ 25\n/);
    expect(report).toContain('| detect | 750.0 | 75.0% |');
    expect(report).toContain('| 1 | cam\\_1.mp4 | cccccccccccc | 90.0 s | 30.00 | 1,280×720, 5.0 MB | 640×384 | 2,700 | 40 | 25 | 15 | 100 |');
  });

  test('escapes the site name and title', () => {
    const md = renderMarkdownReport(smallMetrics('a|b*c'), { title: 'Run <1>' });
    expect(md.split('\n')[0]).toBe('# Run &lt;1&gt;: a\\|b\\*c');
    expect(md).not.toContain('a|b*c');
  });

  test('truncates long tables and says how many rows were left out', () => {
    const metrics = smallMetrics();
    metrics.detections.byClass = Array.from({ length: 30 }, (_, i) => ({ name: `class${i}`, count: 30 - i, meanScore: 0.5 }));
    const md = renderMarkdownReport(metrics, { maxTableRows: 10 });
    expect(md).toContain('| class9 |');
    expect(md).not.toContain('| class10 |');
    expect(md).toContain('_20 more classes not shown._');
  });

  test('links sample images with escaped labels and encoded targets', () => {
    const md = renderMarkdownReport(smallMetrics(), {
      imageLinks: [{ href: 'images/a b(1).jpg', label: 'frame *1*' }, { href: 'images/c.jpg' }],
    });
    expect(md).toContain('- [frame \\*1\\*](images/a%20b%281%29.jpg)');
    expect(md).toContain('- [images/c.jpg](images/c.jpg)');
  });

  test('stays under 1 MiB with 5000 classes and 5000 videos with long names', () => {
    const metrics = smallMetrics();
    const long = 'x|'.repeat(5000);
    metrics.detections.byClass = Array.from({ length: 5000 }, (_, i) => ({ name: `${long}${i}`, count: 5000 - i, meanScore: 0.5 }));
    metrics.videos = Array.from({ length: 5000 }, (_, i) => ({ ...metrics.videos[0]!, name: `${long}${i}.mp4`, index: i }));
    for (const maxTableRows of [undefined, 5000, 100000]) {
      const md = renderMarkdownReport(metrics, { maxTableRows, imageLinks: Array.from({ length: 5000 }, () => ({ href: long })) });
      expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(MAX_REPORT_BYTES);
      expect(md).toContain('## Videos');
      expect(md).toMatch(/more classes not shown/);
    }
  });

  test('renders an empty run without NaN', () => {
    const empty = computeMetrics(new RunRecorder(), { site: 'empty', classNames: [] });
    const md = renderMarkdownReport(empty);
    expect(md).not.toMatch(/NaN|undefined|Infinity/);
    expect(md).toContain('| Frame drop ratio | 0.0% |');
    expect(md).toContain('No detections.');
    expect(md).toContain('No videos.');
  });
});
