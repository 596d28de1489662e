/**
 * The contact-sheet overlay: the pixel font's rectangles, where boxes and labels go on a thumbnail,
 * and painting them into raw pixels (clipped, any channel count from 3).
 */
import { describe, expect, test } from '@jest/globals';

import type { KeptImage } from '../../../src/domain/frame-record.js';
import { pixelTextRects, pixelTextWidth } from '../../../src/report/pixel-font.js';
import { overlayRects, paintRects, parseColor, type OverlayRect } from '../../../src/report/thumbnail-overlay.js';

const BLUE = [0x1f, 0x77, 0xd0];

describe('pixel font', () => {
  test('glyphs are merged pixel runs; unknown characters draw as ?, lower case as capitals', () => {
    expect(pixelTextWidth('ab', 2)).toBe(22);
    expect(pixelTextWidth('', 2)).toBe(0);
    // "I": top bar of 3, five single stems, bottom bar of 3.
    expect(pixelTextRects('I', 0, 0, 1)).toEqual([
      { x: 1, y: 0, w: 3, h: 1 },
      ...[1, 2, 3, 4, 5].map((y) => ({ x: 2, y, w: 1, h: 1 })),
      { x: 1, y: 6, w: 3, h: 1 },
    ]);
    expect(pixelTextRects('ü', 0, 0, 1)).toEqual(pixelTextRects('?', 0, 0, 1));
    expect(pixelTextRects('a', 0, 0, 1)).toEqual(pixelTextRects('A', 0, 0, 1));
    // The second glyph starts 6 columns on, everything scaled.
    expect(pixelTextRects('II', 10, 20, 2)[7]).toEqual({ x: 10 + 12 + 2, y: 20, w: 6, h: 2 });
  });
});

describe('colours', () => {
  test.each([
    ['#1f77d0', BLUE],
    ['#FFF', [255, 255, 255]],
    ['#a0b', [0xaa, 0x00, 0xbb]],
    ['red;stroke:url(#x)', BLUE],
    ['#12345', BLUE],
    ['', BLUE],
  ])('%s → %j', (color, rgb) => {
    expect(parseColor(color)).toEqual(rgb);
  });
});

const image: KeptImage = {
  file: 'v_000001.jpg',
  video: 'v',
  frameIndex: 1,
  timestampMs: 100,
  decode: 'sequential',
  width: 960,
  height: 720,
  detections: [
    { classIndex: 0, className: 'person', score: 0.9, box: { x: 100, y: 200, width: 50, height: 120 } },
    { classIndex: 0, className: 'person', score: 0.8, box: { x: 105, y: 205, width: 50, height: 120 } },
    { classIndex: 2, className: '<car>', score: 0.7, box: { x: 0, y: 0, width: 2000, height: 40 } },
  ],
};

const colorOf = (name: string): string => (name === 'person' ? '#ffdd00' : 'red;stroke:url(#x)');
const sameColor = (a: readonly number[], b: readonly number[]): boolean => a.every((v, i) => v === b[i]);

describe('overlay layout', () => {
  const rects = overlayRects(image, 480, 360, colorOf);
  const outlines = rects.slice(0, 12);

  test('a 2-pixel outline per detection, scaled and clipped to the thumbnail', () => {
    // The outer bounds of each box's four sides.
    const bounds = [0, 4, 8].map((i) => {
      const sides = outlines.slice(i, i + 4);
      const x0 = Math.min(...sides.map((r) => r.x));
      const y0 = Math.min(...sides.map((r) => r.y));
      return [x0, y0, Math.max(...sides.map((r) => r.x + r.w)) - x0, Math.max(...sides.map((r) => r.y + r.h)) - y0];
    });
    expect(bounds).toEqual([
      [50, 100, 25, 60],
      [53, 103, 25, 60],
      [0, 0, 480, 20],
    ]);
    expect(outlines.slice(0, 4).map((r) => Math.min(r.w, r.h))).toEqual([2, 2, 2, 2]);
    // A colour that is not #rgb/#rrggbb becomes the default blue.
    expect(outlines[8]!.color).toEqual(BLUE);
  });

  test('one label per detection unless it would cover an earlier one; text in black or white', () => {
    const labels = rects.slice(12).filter((r) => r.h === 7 * 2 + 2 * 2 + 2);
    // The first person's label sits above its box; the second person's would cover it; the car's box
    // touches the top, so its label goes inside.
    expect(labels.map((r) => [r.x, r.y])).toEqual([
      [50, 80],
      [0, 0],
    ]);
    const glyphs = rects.slice(12).filter((r) => !labels.includes(r));
    expect(glyphs.length).toBeGreaterThan(10);
    expect(new Set(glyphs.map((r) => r.color.join(',')))).toEqual(new Set(['0,0,0', '255,255,255']));
  });

  test('a small thumbnail: 1-pixel outlines and 1× glyphs; a box thinner than two strokes is filled', () => {
    const small = overlayRects({ ...image, detections: [image.detections[0]!] }, 240, 180, colorOf);
    expect(small.slice(0, 4).map((r) => Math.min(r.w, r.h))).toEqual([1, 1, 1, 1]);
    const tiny = { ...image, detections: [{ ...image.detections[0]!, box: { x: 100, y: 200, width: 6, height: 30 } }] };
    // 6 px at half scale is 3 px wide: not more than two 2-px strokes, so one solid rectangle.
    expect(overlayRects(tiny, 480, 360, colorOf)[0]).toEqual({ x: 50, y: 100, w: 3, h: 15, color: [0xff, 0xdd, 0x00] });
  });

  test('the same input gives the same rectangles', () => {
    expect(overlayRects(image, 480, 360, colorOf)).toEqual(rects);
  });
});

describe('paintRects', () => {
  test('fills each rectangle with its colour, clipped to the image, leaving the rest', () => {
    const width = 8;
    const height = 6;
    const pixels = new Uint8Array(width * height * 3).fill(7);
    const red: OverlayRect = { x: -2, y: 4, w: 4, h: 5, color: [255, 0, 0] };
    const green: OverlayRect = { x: 6, y: 0, w: 10, h: 1, color: [0, 255, 0] };
    paintRects(pixels, width, height, 3, [red, green]);
    const at = (x: number, y: number): number[] => [...pixels.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];
    expect([at(0, 4), at(1, 5), at(6, 0), at(7, 0)]).toEqual([
      [255, 0, 0],
      [255, 0, 0],
      [0, 255, 0],
      [0, 255, 0],
    ]);
    expect([at(2, 4), at(0, 3), at(5, 0), at(6, 1)]).toEqual([
      [7, 7, 7],
      [7, 7, 7],
      [7, 7, 7],
      [7, 7, 7],
    ]);
    const painted = [...Array(width * height).keys()].filter((i) => !sameColor(at(i % width, Math.floor(i / width)), [7, 7, 7]));
    expect(painted).toHaveLength(2 * 2 + 2);
  });

  test('RGBA keeps its alpha; fewer than 3 channels is refused', () => {
    const pixels = new Uint8Array(2 * 1 * 4).fill(9);
    paintRects(pixels, 2, 1, 4, [{ x: 1, y: 0, w: 1, h: 1, color: [1, 2, 3] }]);
    expect([...pixels]).toEqual([9, 9, 9, 9, 1, 2, 3, 9]);
    expect(() => paintRects(new Uint8Array(4), 2, 2, 1, [])).toThrow(RangeError);
  });

  test('a thumbnail painted from the layout shows the box edge, not its inside', () => {
    const width = 480;
    const height = 360;
    const pixels = new Uint8Array(width * height * 3);
    paintRects(pixels, width, height, 3, overlayRects(image, width, height, colorOf));
    const at = (x: number, y: number): number[] => [...pixels.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];
    expect(at(50, 130)).toEqual([0xff, 0xdd, 0x00]);
    expect(at(51, 130)).toEqual([0xff, 0xdd, 0x00]);
    expect(at(60, 130)).toEqual([0, 0, 0]);
    expect(at(300, 300)).toEqual([0, 0, 0]);
  });
});
