/**
 * Checks, at load time, that a model's inputs and outputs are what the detector can drive, and
 * resolves its class names. Every failure is a `ModelError` with one line naming the model file and
 * what was found against what was expected.
 */
import type { InferenceSession } from 'onnxruntime-node';

import { ModelError } from '../errors.js';
import type { ModelConfig } from '../model/config.js';
import { checkOutputShape, formatShape, isDynamicDim, LAYOUT_SHAPES, matchingLayouts, type Dim } from './decode-output.js';

type ValueMetadata = InferenceSession.ValueMetadata;

export interface ModelIo {
  inputName: string;
  outputName: string;
  outputShape: readonly Dim[];
  /** Frames per run: config.batchSize when the batch dimension is dynamic, else the fixed size. */
  batchSize: number;
  /** The batch dimension is fixed; short batches are padded up to `batchSize`. */
  fixedBatch: boolean;
  /** The input's height and width are dynamic. */
  dynamicSize: boolean;
}

const NO_LAYOUT = `expected ${LAYOUT_SHAPES.yolov8} (yolov8) or ${LAYOUT_SHAPES.yolov5} (yolov5)`;

function fail(modelPath: string, message: string): ModelError {
  return new ModelError(`Model ${modelPath}: ${message}`);
}

interface InputCheck {
  inputName: string;
  batchDim: Dim;
  fixedBatch: boolean;
  dynamicSize: boolean;
}

function checkInput(modelPath: string, input: ValueMetadata, inputSize: number, takes: { width: number; height: number } | null): InputCheck {
  const name = input.name;
  if (!input.isTensor) {
    throw fail(modelPath, `input "${name}" is not a tensor; expected an image tensor [batch, 3, S, S]`);
  }
  if (input.type !== 'float32') {
    throw fail(modelPath, `input "${name}" has type ${input.type}; expected float32 (RGB scaled to 0..1)`);
  }
  const shape = input.shape;
  const channels = shape[1];
  if (shape.length !== 4 || channels === undefined || (!isDynamicDim(channels) && channels !== 3)) {
    const expected = `[batch, 3, ${inputSize}, ${inputSize}] (NCHW RGB)`;
    throw fail(modelPath, `input "${name}" has shape ${formatShape(shape)}; expected ${expected}`);
  }
  const [batchDim, height, width] = [shape[0]!, shape[2]!, shape[3]!];
  const described = `input "${name}" takes ${width}x${height} images (shape ${formatShape(shape)})`;
  if (takes !== null) {
    // A graph specialised for a video's shape (input-runtimes.ts): it must take exactly that shape.
    if (height !== takes.height || width !== takes.width) throw fail(modelPath, `${described}; the graph was specialised for ${takes.width}x${takes.height}`);
  } else if (!isDynamicDim(height) && !isDynamicDim(width)) {
    if (height !== width) throw fail(modelPath, `${described}; only square inputs are supported`);
    if (height !== inputSize) {
      throw fail(modelPath, `${described} but the model config has inputSize ${inputSize}; set inputSize to ${width}`);
    }
  } else if (!isDynamicDim(height) || !isDynamicDim(width)) {
    const fixed = isDynamicDim(height) ? width : height;
    if (fixed !== inputSize) {
      const cannot = `cannot take ${inputSize}x${inputSize} images`;
      throw fail(modelPath, `input "${name}" has shape ${formatShape(shape)}, which ${cannot}`);
    }
  }
  return {
    inputName: name,
    batchDim,
    fixedBatch: typeof batchDim === 'number' && batchDim > 0,
    dynamicSize: isDynamicDim(height) || isDynamicDim(width),
  };
}

/**
 * Validates the model's single image input and its (first) output against the config; `takes`, for a
 * graph specialised for another input shape, is the shape its input must have instead of the square.
 */
export function checkModelIo(
  modelPath: string,
  inputs: readonly ValueMetadata[],
  outputs: readonly ValueMetadata[],
  config: Pick<ModelConfig, 'inputSize' | 'layout' | 'batchSize'>,
  takes: { width: number; height: number } | null = null,
): ModelIo {
  if (inputs.length !== 1) {
    const names = inputs.map((input) => input.name).join(', ');
    throw fail(modelPath, `has ${inputs.length} inputs (${names}); expected exactly one image input [batch, 3, S, S]`);
  }
  const input = checkInput(modelPath, inputs[0]!, config.inputSize, takes);
  const output = outputs[0];
  if (!output) throw fail(modelPath, 'has no outputs; expected one detection output');
  if (!output.isTensor) throw fail(modelPath, `output "${output.name}" is not a tensor`);
  if (output.type !== 'float32') {
    throw fail(modelPath, `output "${output.name}" has type ${output.type}; expected float32`);
  }
  const shape = output.shape;
  if (!checkOutputShape(shape, config.layout).ok) {
    const others = matchingLayouts(shape);
    const found = `output shape ${formatShape(shape)}`;
    if (others.length === 0) throw fail(modelPath, `${found} matches no known YOLO layout; ${NO_LAYOUT}`);
    const fits = `it fits ${others.join(' or ')}: set "layout" in the model config`;
    throw fail(modelPath, `${found} does not fit layout ${config.layout} (${LAYOUT_SHAPES[config.layout]}); ${fits}`);
  }
  const outputBatch = shape[0]!;
  if (!isDynamicDim(outputBatch) && !isDynamicDim(input.batchDim) && outputBatch !== input.batchDim) {
    throw fail(modelPath, `output batch dimension ${outputBatch} differs from the input's (${input.batchDim})`);
  }
  return {
    inputName: input.inputName,
    outputName: output.name,
    outputShape: shape,
    batchSize: input.fixedBatch ? Number(input.batchDim) : config.batchSize,
    fixedBatch: input.fixedBatch,
    dynamicSize: input.dynamicSize,
  };
}

/**
 * The class names to use: the config's, else the model's `names` metadata; their count must equal
 * the class scores in the output.
 */
export function resolveClassNames(
  modelPath: string,
  io: Pick<ModelIo, 'outputShape'>,
  layout: ModelConfig['layout'],
  configNames: readonly string[] | undefined,
  metadataNames: readonly string[] | null,
  /** Why the metadata's names were not used (a control character in one), when that is so. */
  metadataRefused: string | null = null,
): string[] {
  const names = configNames ?? metadataNames;
  const source = configNames ? 'the model config' : "the model's metadata";
  const shape = io.outputShape;
  if (!names) {
    const classes = checkOutputShape(shape, layout);
    const count = classes.ok && classes.numClasses !== null ? `${classes.numClasses} ` : '';
    const how = `list the ${count}class names in "classNames" of the model config`;
    if (metadataRefused !== null) throw fail(modelPath, `has unusable class names: ${metadataRefused}; ${how}`);
    throw fail(modelPath, `has no class names in its metadata ("names"); ${how}`);
  }
  const check = checkOutputShape(shape, layout, names.length);
  if (!check.ok) {
    const fits = matchingLayouts(shape, names.length).filter((other) => other !== layout);
    const hint = fits.length > 0 ? `; it fits layout ${fits[0]}: set "layout" in the model config` : '';
    throw fail(modelPath, `${check.reason} (names from ${source})${hint}`);
  }
  return [...names];
}
