/**
 * The boxes and class labels burned into a contact-sheet thumbnail, painted straight into its raw
 * pixels: a box per detection (its outline, `stroke` pixels wide) and a label with the class name
 * above the box (inside it when there is no room above). A label that would cover an earlier one is
 * left out; the box stays. Higher-scoring detections are drawn first, so they keep theirs.
 *
 * Everything is an axis-aligned rectangle of one colour, so no renderer is needed: composing an SVG
 * overlay with librsvg took as long as decoding, resizing and encoding the thumbnail together
 * (docs/performance.md). Same image and detections → same pixels.
 */
import type { KeptImage } from '../domain/frame-record.js';
import { GLYPH_ROWS, pixelTextRects, pixelTextWidth, type PixelRect } from './pixel-font.js';

export type Rgb = readonly [number, number, number];

export interface OverlayRect extends PixelRect {
  color: Rgb;
}

/** The colour boxes take when a class's colour is not `#rgb` or `#rrggbb`. */
const DEFAULT_COLOR = '#1f77d0';

/** Labels show at most this many characters. */
const LABEL_CHARS = 14;

/** `#rgb` or `#rrggbb` as numbers; anything else is the default blue. */
export function parseColor(color: string): Rgb {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  const hex = short ? `#${short[1]!.repeat(2)}${short[2]!.repeat(2)}${short[3]!.repeat(2)}` : color;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return parseColor(DEFAULT_COLOR);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** Black or white, whichever reads better on `rgb`. */
function textColorOn([r, g, b]: Rgb): Rgb {
  return 0.2126 * (r / 255) + 0.7152 * (g / 255) + 0.0722 * (b / 255) > 0.6 ? [0, 0, 0] : [255, 255, 255];
}

function overlaps(a: PixelRect, b: PixelRect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The four sides of a `stroke`-wide outline on the inside of (x, y, w, h). */
function outline(x: number, y: number, w: number, h: number, stroke: number, color: Rgb): OverlayRect[] {
  if (w <= 2 * stroke || h <= 2 * stroke) return [{ x, y, w, h, color }];
  return [
    { x, y, w, h: stroke, color },
    { x, y: y + h - stroke, w, h: stroke, color },
    { x, y: y + stroke, w: stroke, h: h - 2 * stroke, color },
    { x: x + w - stroke, y: y + stroke, w: stroke, h: h - 2 * stroke, color },
  ];
}

/**
 * The rectangles to paint on a `width`×`height` thumbnail of `image`, in painting order: every box,
 * then every label (its background, then its text).
 */
export function overlayRects(image: KeptImage, width: number, height: number, colorOf: (name: string) => string): OverlayRect[] {
  const sx = width / Math.max(1, image.width);
  const sy = height / Math.max(1, image.height);
  const scale = width >= 360 ? 2 : 1;
  const stroke = width >= 360 ? 2 : 1;
  const labelHeight = GLYPH_ROWS * scale + 2 * scale + 2;
  const detections = [...image.detections]
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.score - a.d.score || a.i - b.i)
    .map(({ d }) => d);
  const boxes: OverlayRect[] = [];
  const labels: OverlayRect[] = [];
  const placed: PixelRect[] = [];
  for (const det of detections) {
    const color = parseColor(colorOf(det.className));
    const x = Math.round(Math.max(0, det.box.x * sx));
    const y = Math.round(Math.max(0, det.box.y * sy));
    const w = Math.max(1, Math.round(Math.min(width, (det.box.x + det.box.width) * sx)) - x);
    const h = Math.max(1, Math.round(Math.min(height, (det.box.y + det.box.height) * sy)) - y);
    boxes.push(...outline(x, y, w, h, stroke, color));

    const text = [...det.className].slice(0, LABEL_CHARS).join('');
    const labelWidth = pixelTextWidth(text, scale) + 2 * scale + 2;
    const lx = Math.max(0, Math.min(x, width - labelWidth));
    const ly = y >= labelHeight ? y - labelHeight : Math.min(y, height - labelHeight);
    const area = { x: lx, y: ly, w: labelWidth, h: labelHeight };
    if (text === '' || placed.some((p) => overlaps(p, area))) continue;
    placed.push(area);
    const ink = textColorOn(color);
    labels.push({ ...area, color }, ...pixelTextRects(text, lx + scale + 1, ly + scale + 1, scale).map((r) => ({ ...r, color: ink })));
  }
  return [...boxes, ...labels];
}

/** Paints `rects` into interleaved 8-bit RGB(A…) `pixels` of `width`×`height`, clipped to the image. */
export function paintRects(pixels: Uint8Array, width: number, height: number, channels: number, rects: readonly OverlayRect[]): void {
  if (channels < 3) throw new RangeError(`paintRects needs RGB pixels, got ${channels} channel(s)`);
  for (const { x, y, w, h, color } of rects) {
    const x0 = Math.max(0, Math.floor(x));
    const x1 = Math.min(width, Math.floor(x + w));
    const y0 = Math.max(0, Math.floor(y));
    const y1 = Math.min(height, Math.floor(y + h));
    for (let row = y0; row < y1; row++) {
      for (let col = x0, at = (row * width + x0) * channels; col < x1; col++, at += channels) {
        pixels[at] = color[0];
        pixels[at + 1] = color[1];
        pixels[at + 2] = color[2];
      }
    }
  }
}
