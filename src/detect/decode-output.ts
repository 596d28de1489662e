/**
 * Decoding of raw YOLO output tensors into candidate boxes (before NMS), for the two output layouts:
 *
 * - `yolov8`: `[B, 4+C, N]`: per anchor cx, cy, w, h, then C class scores (no objectness).
 * - `yolov5`: `[B, N, 5+C]`: per anchor cx, cy, w, h, objectness, then C class scores;
 *   a class's score is objectness × class score.
 *
 * Boxes stay in letterbox (model input) pixels; each anchor yields at most one candidate, for its
 * best-scoring class (as Ultralytics does when not multi-label).
 */

export type OutputLayout = 'yolov8' | 'yolov5';

/** A tensor dimension as ONNX metadata reports it: a size, or a symbolic name / -1 when dynamic. */
export type Dim = number | string;

/** A box before NMS, in letterbox pixels, top-left x/y. */
export interface Candidate {
  classIndex: number;
  score: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const LAYOUT_SHAPES: Readonly<Record<OutputLayout, string>> = {
  yolov8: '[1, 4+C, N]',
  yolov5: '[1, N, 5+C]',
};

/** Columns before the class scores in each layout. */
const BOX_FIELDS: Readonly<Record<OutputLayout, number>> = { yolov8: 4, yolov5: 5 };

export type ShapeCheck = { ok: true; numClasses: number | null; numAnchors: number | null } | { ok: false; reason: string };

export function isDynamicDim(dim: Dim): boolean {
  return typeof dim === 'string' || dim < 0;
}

export function formatShape(shape: readonly Dim[]): string {
  return `[${shape.join(',')}]`;
}

/**
 * Checks an output shape against a layout and, when known, the class count. Dynamic dimensions
 * pass. On a mismatch, `reason` says what was found against what the layout needs.
 */
export function checkOutputShape(shape: readonly Dim[], layout: OutputLayout, numClasses?: number): ShapeCheck {
  const expected = `${LAYOUT_SHAPES[layout]} (${layout})`;
  if (shape.length !== 3) {
    return { ok: false, reason: `output shape ${formatShape(shape)} has rank ${shape.length}; expected ${expected}` };
  }
  const fields = BOX_FIELDS[layout];
  const classAxis = layout === 'yolov8' ? 1 : 2;
  const classDim = shape[classAxis]!;
  const anchorDim = shape[layout === 'yolov8' ? 2 : 1]!;
  const numAnchors = isDynamicDim(anchorDim) ? null : Number(anchorDim);
  if (numAnchors === 0) {
    return { ok: false, reason: `output shape ${formatShape(shape)} has no anchors; expected ${expected}` };
  }
  if (isDynamicDim(classDim)) return { ok: true, numClasses: numClasses ?? null, numAnchors };
  const found = Number(classDim) - fields;
  if (found < 1) {
    const none = `output shape ${formatShape(shape)} leaves no class scores (dimension ${classAxis} is ${classDim})`;
    return { ok: false, reason: `${none}; expected ${expected} with C ≥ 1` };
  }
  if (numClasses !== undefined && found !== numClasses) {
    const holds = `output shape ${formatShape(shape)} holds ${found} class scores per anchor for layout ${layout}`;
    const wanted = LAYOUT_SHAPES[layout].replace('C', String(numClasses));
    return { ok: false, reason: `${holds}, but there are ${numClasses} class names; expected ${wanted}` };
  }
  return { ok: true, numClasses: found, numAnchors };
}

/** The layouts a shape is consistent with (given the class count when known). */
export function matchingLayouts(shape: readonly Dim[], numClasses?: number): OutputLayout[] {
  return (['yolov8', 'yolov5'] as const).filter((layout) => checkOutputShape(shape, layout, numClasses).ok);
}

export interface DecodeOptions {
  layout: OutputLayout;
  numClasses: number;
  /** Keep candidates scoring at or above this. */
  confidence: number;
  /** Class indices to keep; all when absent. Applied after picking each anchor's best class. */
  classFilter?: ReadonlySet<number>;
}

function pushCandidate(out: Candidate[], classIndex: number, score: number, cx: number, cy: number, w: number, h: number): void {
  if (!(w > 0 && h > 0) || !Number.isFinite(cx) || !Number.isFinite(cy) || !Number.isFinite(w + h)) return;
  out.push({ classIndex, score, x: cx - w / 2, y: cy - h / 2, width: w, height: h });
}

/** `[4+C, N]` for one image starting at `base`; classes outer, anchors inner, so reads are sequential. */
function decodeYolov8(data: Float32Array, base: number, numAnchors: number, options: DecodeOptions): Candidate[] {
  const { numClasses, confidence, classFilter } = options;
  const best = new Float32Array(numAnchors).fill(-Infinity);
  const bestClass = new Int32Array(numAnchors);
  for (let c = 0; c < numClasses; c++) {
    const row = base + (4 + c) * numAnchors;
    for (let a = 0; a < numAnchors; a++) {
      const score = data[row + a]!;
      if (score > best[a]!) {
        best[a] = score;
        bestClass[a] = c;
      }
    }
  }
  const out: Candidate[] = [];
  for (let a = 0; a < numAnchors; a++) {
    const score = best[a]!;
    if (!(score >= confidence)) continue;
    const classIndex = bestClass[a]!;
    if (classFilter && !classFilter.has(classIndex)) continue;
    pushCandidate(out, classIndex, score, data[base + a]!, data[base + numAnchors + a]!, data[base + 2 * numAnchors + a]!, data[base + 3 * numAnchors + a]!);
  }
  return out;
}

/** `[N, 5+C]` for one image starting at `base`: one row per anchor. */
function decodeYolov5(data: Float32Array, base: number, numAnchors: number, options: DecodeOptions): Candidate[] {
  const { numClasses, confidence, classFilter } = options;
  const stride = 5 + numClasses;
  const out: Candidate[] = [];
  for (let a = 0; a < numAnchors; a++) {
    const row = base + a * stride;
    const objectness = data[row + 4]!;
    // score = objectness × class score ≤ objectness (scores are probabilities), so this only skips losers.
    if (!(objectness >= confidence)) continue;
    let bestScore = -Infinity;
    let classIndex = 0;
    for (let c = 0; c < numClasses; c++) {
      const score = data[row + 5 + c]!;
      if (score > bestScore) {
        bestScore = score;
        classIndex = c;
      }
    }
    const score = objectness * bestScore;
    if (!(score >= confidence)) continue;
    if (classFilter && !classFilter.has(classIndex)) continue;
    pushCandidate(out, classIndex, score, data[row]!, data[row + 1]!, data[row + 2]!, data[row + 3]!);
  }
  return out;
}

/**
 * Decodes a whole output tensor (`dims` as the runtime reports them) into candidates per batch
 * item. Throws when the dims do not fit the layout and class count (see `checkOutputShape`).
 */
export function decodeOutput(data: Float32Array, dims: readonly number[], options: DecodeOptions): Candidate[][] {
  const check = checkOutputShape(dims, options.layout, options.numClasses);
  if (!check.ok) throw new RangeError(check.reason);
  const [batch, d1, d2] = dims as [number, number, number];
  if (data.length !== batch * d1 * d2) {
    throw new RangeError(`output holds ${data.length} values; shape ${formatShape(dims)} needs ${batch * d1 * d2}`);
  }
  const decodeOne = options.layout === 'yolov8' ? decodeYolov8 : decodeYolov5;
  const numAnchors = options.layout === 'yolov8' ? d2 : d1;
  const results: Candidate[][] = [];
  for (let b = 0; b < batch; b++) results.push(decodeOne(data, b * d1 * d2, numAnchors, options));
  return results;
}
