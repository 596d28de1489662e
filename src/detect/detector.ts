/**
 * The detector: one onnxruntime-node session for a YOLO model, validated at load, that turns RGB
 * frames into detections in source pixels (letterbox → run, batched when the model allows →
 * decode → class-aware NMS → map back and clip).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';

import type { Box, Detection } from '../domain/detection.js';
import type { InferenceInput } from '../domain/frame-record.js';
import type { RgbImage } from '../domain/frame.js';
import type { WorkerCount } from '../domain/run-options.js';
import { firstLineOf, ModelError } from '../errors.js';
import type { ExecutionProvider, ModelConfig } from '../model/config.js';
import { EXPORT_HINT } from '../model/resolve-model.js';
import { resolveClassFilter } from './class-filter.js';
import { decodeOutput, type Candidate } from './decode-output.js';
import type { RuntimeOutput } from './inference-worker.js';
import { InputRuntimes, specialiseFile, type InputRuntime } from './input-runtimes.js';
import { DEFAULT_STRIDE, squareInput, type ModelShape } from './input-shape.js';
import { boxToSource, letterbox, type LetterboxGeometry } from './letterbox.js';
import { checkModelIo, resolveClassNames, type ModelIo } from './model-io.js';
import { nms } from './nms.js';
import { readOnnxMetadata } from './onnx-metadata.js';
import { startRuntimePool, type RuntimePool } from './worker-pool.js';

/** Boxes narrower or shorter than this (source pixels, after clipping) are dropped. */
export const MIN_BOX_SIDE = 1;

export interface DetectorOptions {
  modelPath: string;
  config: ModelConfig;
  /** Non-fatal problems, e.g. CUDA asked for but unavailable. */
  onWarning?: (message: string) => void;
  /** Worth a log line: e.g. a video's shape the model cannot take (it then runs square). */
  onInfo?: (message: string) => void;
  /** Class names to keep; all classes when absent or empty. Unknown names are a ConfigError. */
  classFilter?: readonly string[];
  /** Inference workers (sessions working on different batches at once); `auto` by default, see worker-layout.ts. */
  workers?: WorkerCount;
  /**
   * The model input the first video asks for (input-shape.ts `requestedInput`, given the model's
   * shape): the model is loaded at it from the start rather than at its square and then again.
   */
  firstInput?: (shape: ModelShape) => Promise<InferenceInput>;
}

export interface DetectResult {
  /** One list per input frame, in input order, best score first. */
  detections: Detection[][];
  /** Time the model's `run` took for all frames of the call, measured in the worker (excludes letterbox, decode and waiting). */
  inferenceMs: number;
}

/**
 * Creates the session with the configured providers, falling back to CPU when CUDA cannot be used;
 * `source` is the model file or a graph specialised from it.
 */
async function openSession(
  modelPath: string,
  source: string | Uint8Array,
  requested: readonly ExecutionProvider[],
  workers: WorkerCount,
  onWarning: (message: string) => void,
): Promise<{ session: RuntimePool; providers: ExecutionProvider[] }> {
  const unique = [...new Set(requested)];
  const loadError = (error: unknown) => {
    const why = firstLineOf(error);
    // A .pt checkpoint, a text file, an HTML error page saved as .onnx: not an ONNX protobuf at all.
    if (/protobuf parsing failed/i.test(why)) {
      return new ModelError(
        `Model ${modelPath} is not an ONNX model (onnxruntime: Protobuf parsing failed); pass an .onnx file, ${EXPORT_HINT}, or give no model to use the bundled yolov8n.onnx`,
        { cause: error },
      );
    }
    return new ModelError(`Model ${modelPath}: onnxruntime cannot load it: ${why}`, { cause: error });
  };
  try {
    return { session: await startRuntimePool(source, unique, workers), providers: unique };
  } catch (error) {
    if (!unique.includes('cuda')) throw loadError(error);
    let session: RuntimePool;
    try {
      session = await startRuntimePool(source, ['cpu'], workers);
    } catch (cpuError) {
      throw loadError(cpuError);
    }
    onWarning(`CUDA execution provider unavailable (${firstLineOf(error)}); running model ${modelPath} on CPU`);
    return { session, providers: ['cpu'] };
  }
}

/** The first video's input and, when it is not the model's square, the graph specialised for it (or why there is none). */
async function firstGraph(
  modelPath: string,
  shape: ModelShape,
  firstInput: DetectorOptions['firstInput'],
): Promise<{ input: InferenceInput; graph: Uint8Array | string } | null> {
  if (firstInput === undefined) return null;
  const input = await firstInput(shape);
  if (input.width === shape.inputSize && input.height === shape.inputSize) return null;
  return { input, graph: await specialiseFile(modelPath, input) };
}

/** Checked before onnxruntime sees the path, so a missing file is not mistaken for a CUDA failure. */
async function checkModelFile(modelPath: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(modelPath)).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : firstLineOf(error);
    throw new ModelError(`Model ${modelPath}: cannot read the model file: ${why}`, { cause: error });
  }
  if (!isFile) throw new ModelError(`Model ${modelPath}: cannot read the model file: not a file`);
}

export class Detector {
  private released = false;
  /** Input buffers the workers handed back, at most one per worker. */
  private readonly spareInputs: Float32Array[] = [];
  /** Output buffers already decoded, at most one per worker. */
  private readonly spareOutputs: Float32Array[] = [];

  private constructor(
    /** Batches that can be detected at once (one per inference worker); `detect` calls beyond it wait their turn. */
    readonly concurrency: number,
    private readonly runtimes: InputRuntimes,
    /** The model's square side and stride, which the input shape of a video is chosen from. */
    readonly shape: ModelShape,
    private readonly io: ModelIo,
    private readonly config: ModelConfig,
    readonly modelPath: string,
    readonly classNames: readonly string[],
    readonly providers: readonly ExecutionProvider[],
    private readonly keep: ReadonlySet<number> | undefined,
  ) {}

  /** Loads and validates the model; throws ModelError (model problems) or ConfigError (bad class filter). */
  static async create(options: DetectorOptions): Promise<Detector> {
    const { config } = options;
    const onWarning = options.onWarning ?? (() => undefined);
    const modelPath = path.resolve(options.modelPath);
    await checkModelFile(modelPath);
    const metadata = await readOnnxMetadata(modelPath);
    const shape = { inputSize: config.inputSize, stride: metadata.stride ?? DEFAULT_STRIDE };
    const workers = options.workers ?? 'auto';
    const first = await firstGraph(modelPath, shape, options.firstInput);
    let opened: Awaited<ReturnType<typeof openSession>>;
    try {
      opened = await openSession(modelPath, first?.graph instanceof Uint8Array ? first.graph : modelPath, config.executionProviders, workers, onWarning);
    } catch (error) {
      if (!(first?.graph instanceof Uint8Array)) throw error;
      // The specialised graph does not load: the original does, or says why not; the shape runs square.
      first.graph = `onnxruntime cannot load the specialised graph: ${firstLineOf(error)}`;
      opened = await openSession(modelPath, modelPath, config.executionProviders, workers, onWarning);
    }
    const { session, providers } = opened;
    try {
      const takes = first?.graph instanceof Uint8Array ? first.input : null;
      const io = checkModelIo(modelPath, session.inputMetadata, session.outputMetadata, config, takes);
      const classNames = resolveClassNames(modelPath, io, config.layout, config.classNames, metadata.names, metadata.namesRefused);
      const exported = metadata.imgsz?.[0];
      if (io.dynamicSize && exported !== undefined && exported !== config.inputSize) {
        const running = `running it at inputSize ${config.inputSize}`;
        onWarning(`Model ${modelPath} was exported at image size ${exported}; ${running}`);
      }
      const keep = resolveClassFilter(options.classFilter, classNames);
      const runtimes = new InputRuntimes(
        session,
        {
          modelPath,
          providers,
          workers,
          inputSize: config.inputSize,
          inputName: io.inputName,
          outputName: io.outputName,
          onFallback: options.onInfo ?? (() => undefined),
        },
        first,
      );
      if (first !== null) await runtimes.verifyLoaded(first.input);
      return new Detector(session.size, runtimes, shape, io, config, modelPath, classNames, providers, keep);
    } catch (error) {
      await session.release();
      throw error;
    }
  }

  /** Frames per `run`: config.batchSize when the model's batch dimension is dynamic, else its fixed size. */
  get batchSize(): number {
    return this.io.batchSize;
  }

  /**
   * The input `requested` (input-shape.ts `requestedInput`) settled: itself when the model can take
   * it, else the square with why. Loads the shape's runtime the first time, so a video can ask for it
   * before its first frames are decoded.
   */
  async input(requested: InferenceInput): Promise<InferenceInput> {
    return (await this.runtimes.get(requested)).input;
  }

  /** Detects `frames` letterboxed into `requested` (settled as `input` says); the model's square when absent. */
  async detect(frames: readonly RgbImage[], requested?: InferenceInput): Promise<DetectResult> {
    if (this.released) throw new Error(`Detector for ${this.modelPath} was released`);
    const runtime = await this.runtimes.get(requested ?? squareInput(this.shape, 'square'));
    const detections: Detection[][] = [];
    let inferenceMs = 0;
    for (let start = 0; start < frames.length; start += this.batchSize) {
      const result = await this.detectBatch(frames.slice(start, start + this.batchSize), runtime);
      detections.push(...result.detections);
      inferenceMs += result.inferenceMs;
    }
    return { detections, inferenceMs };
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.runtimes.release();
  }

  private async detectBatch(frames: readonly RgbImage[], { pool, input }: InputRuntime): Promise<DetectResult> {
    const { width, height } = input;
    const slot = 3 * width * height;
    const batch = this.io.fixedBatch ? this.io.batchSize : frames.length;
    const data = this.inputBuffer(batch * slot);
    // Slots past the frames (a short batch padded to a fixed batch size) are zeros, as a fresh buffer's.
    data.fill(0, frames.length * slot);
    const geometries = await Promise.all(frames.map(async (frame, i) => (await letterbox(frame, input, { data, offset: i * slot })).geometry));
    let output: RuntimeOutput;
    try {
      output = await pool.run(this.io.inputName, data, [batch, 3, height, width], this.io.outputName, this.spareOutputs.pop());
    } catch (error) {
      throw new ModelError(`Model ${this.modelPath}: inference failed: ${firstLineOf(error)}`, { cause: error });
    }
    const inferenceMs = output.runMs;
    // `data` itself was transferred to the worker (now empty); the worker hands the buffer back.
    if (output.input?.length === batch * slot && this.spareInputs.length < this.concurrency) this.spareInputs.push(output.input);
    const perImage = this.decode(output, frames.length);
    // Candidates hold numbers, not views: the output buffer can be reused by the next run.
    if (this.spareOutputs.length < this.concurrency) this.spareOutputs.push(output.data);
    const detections = frames.map((frame, i) => this.toDetections(perImage[i]!, geometries[i]!, frame));
    return { detections, inferenceMs };
  }

  /** A reused input buffer of `length` floats when one is spare (contents stale: every slot is rewritten), else a new one. */
  private inputBuffer(length: number): Float32Array {
    const index = this.spareInputs.findIndex((buffer) => buffer.length === length);
    return index >= 0 ? this.spareInputs.splice(index, 1)[0]! : new Float32Array(length);
  }

  private decode(output: RuntimeOutput, frames: number): Candidate[][] {
    if (output.type !== 'float32') {
      throw new ModelError(`Model ${this.modelPath}: output "${this.io.outputName}" is not a float32 tensor`);
    }
    let perImage: Candidate[][];
    try {
      perImage = decodeOutput(output.data, output.dims, {
        layout: this.config.layout,
        numClasses: this.classNames.length,
        confidence: this.config.confidence,
        classFilter: this.keep,
      });
    } catch (error) {
      throw new ModelError(`Model ${this.modelPath}: ${firstLineOf(error)}`, { cause: error });
    }
    if (perImage.length < frames) {
      throw new ModelError(`Model ${this.modelPath}: output has ${perImage.length} images for a batch of ${frames}`);
    }
    return perImage;
  }

  private toDetections(candidates: readonly Candidate[], geometry: LetterboxGeometry, frame: RgbImage): Detection[] {
    // Drop boxes that are degenerate in the source (e.g. lying in the padding) before NMS, so they
    // neither suppress real boxes nor take places under maxDetections.
    const boxes = new Map<Candidate, Box>();
    for (const candidate of candidates) {
      const box = boxToSource(candidate, geometry, frame.width, frame.height);
      if (box.width >= MIN_BOX_SIDE && box.height >= MIN_BOX_SIDE) boxes.set(candidate, box);
    }
    const kept = nms([...boxes.keys()], { iouThreshold: this.config.iou, maxDetections: this.config.maxDetections });
    return kept.map((candidate) => ({
      classIndex: candidate.classIndex,
      className: this.classNames[candidate.classIndex]!,
      score: candidate.score,
      box: boxes.get(candidate)!,
    }));
  }
}
