/**
 * Which model input a video's frames are letterboxed into (`--inference-shape`): with `auto`, the
 * smallest multiples of the model's stride that hold the video's aspect at the model's size, the image
 * kept where it sits on the stride grid in the square (a 4:3 camera into 640x512, a 16:9 one into
 * 640x384: most of the model's work on grey padding is not done; letterbox.ts `rectInputShape`); with
 * `square`, the model's square, as Ultralytics' exported ONNX models run. Whether the model can take
 * the shape asked for is settled when its runtime loads (input-runtimes.ts).
 */
import type { InferenceInput } from '../domain/frame-record.js';
import type { InferenceShapeOption } from '../domain/run-options.js';
import { rectInputShape } from './letterbox.js';

/** YOLO's largest stride, for a model whose metadata gives none: an input side must be a multiple of it. */
export const DEFAULT_STRIDE = 32;

/** What the shape depends on in the model: its size (the longer side) and its stride. */
export interface ModelShape {
  inputSize: number;
  stride: number;
}

/** The square input of the model, with why it is used. */
export function squareInput(model: Pick<ModelShape, 'inputSize'>, reason: string): InferenceInput {
  return { width: model.inputSize, height: model.inputSize, reason };
}

/** The input asked for a `width` x `height` video (display size) with `option`. */
export function requestedInput(video: { width: number; height: number }, option: InferenceShapeOption, model: ModelShape): InferenceInput {
  if (option === 'square') return squareInput(model, 'square: as asked');
  const shape = rectInputShape(video.width, video.height, model.inputSize, model.stride);
  const size = `${video.width}x${video.height}`;
  if (shape.width === model.inputSize && shape.height === model.inputSize) return squareInput(model, `auto: ${size} needs the whole square`);
  return { ...shape, reason: `auto: ${size} fits ${shape.width}x${shape.height}` };
}

/** A key naming an input shape, e.g. "640x384". */
export function shapeKey(input: { width: number; height: number }): string {
  return `${input.width}x${input.height}`;
}
