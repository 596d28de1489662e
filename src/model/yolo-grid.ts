/**
 * The anchor grid of a YOLOv8/YOLO11 detect head: one anchor per cell of each stride's feature map,
 * at the cell's centre in grid units, rows top to bottom, strides 8, 16 and 32 in that order, as
 * Ultralytics' `make_anchors` builds it and its ONNX export bakes it into the graph.
 */

/** The detect head's strides, in output order. */
export const YOLO_STRIDES = [8, 16, 32] as const;

/** The largest stride: an input side must be a multiple of it. */
export const MAX_STRIDE = 32;

export interface AnchorGrid {
  /** Anchors in output order. */
  count: number;
  /** x then y of each anchor (grid units, cell centres), as the export's [1, 2, N] constant holds them. */
  points: Float32Array;
  /** The stride of each anchor, as the export's [1, N] constant. */
  strides: Float32Array;
}

/** Anchors of an input `width` x `height` (both multiples of `MAX_STRIDE`). */
export function anchorGrid(width: number, height: number): AnchorGrid {
  if (width % MAX_STRIDE !== 0 || height % MAX_STRIDE !== 0 || width <= 0 || height <= 0) {
    throw new RangeError(`an input of ${width}x${height} is not a positive multiple of ${MAX_STRIDE} on both sides`);
  }
  const count = YOLO_STRIDES.reduce((sum, s) => sum + (width / s) * (height / s), 0);
  const points = new Float32Array(2 * count);
  const strides = new Float32Array(count);
  let i = 0;
  for (const s of YOLO_STRIDES) {
    for (let y = 0; y < height / s; y++) {
      for (let x = 0; x < width / s; x++) {
        points[i] = x + 0.5;
        points[count + i] = y + 0.5;
        strides[i] = s;
        i++;
      }
    }
  }
  return { count, points, strides };
}
