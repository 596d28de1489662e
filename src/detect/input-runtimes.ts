/**
 * The detector's runtime for the model input a video asks for. The model's own square runs the
 * original model; so does any shape when the model's height and width are dynamic. For another shape,
 * a model exported with a fixed square input is specialised (model/specialise-yolo.ts) and loaded in a
 * pool of its own, which must run a grey frame to the expected output before a video uses it. A shape
 * the model cannot take falls back to the square, with the reason logged once and recorded per video.
 *
 * One pool is loaded at a time, so memory stays that of one model whatever the videos' shapes: videos
 * are detected one after another, and a video asking for another shape than the one before it
 * releases that pool and loads its own (a few hundred ms, once per change of shape). The specialised
 * graph is kept in memory for the run, one per shape (the weights are the detector's own, so the shape
 * is the key): specialising YOLOv8n takes 50-120 ms, less than reading a cached file back and checking
 * it would, and nothing is read back from disk.
 */
import { readFile } from 'node:fs/promises';

import type { InferenceInput } from '../domain/frame-record.js';
import type { WorkerCount } from '../domain/run-options.js';
import { firstLineOf } from '../errors.js';
import type { ExecutionProvider } from '../model/config.js';
import { specialiseYolo } from '../model/specialise-yolo.js';
import { anchorGrid } from '../model/yolo-grid.js';
import { isDynamicDim } from './decode-output.js';
import { shapeKey, squareInput } from './input-shape.js';
import { PAD_VALUE } from './letterbox.js';
import { startRuntimePool, type RuntimePool } from './worker-pool.js';

/** A pool and the input it takes. */
export interface InputRuntime {
  pool: RuntimePool;
  input: InferenceInput;
}

export interface InputRuntimesOptions {
  modelPath: string;
  providers: readonly ExecutionProvider[];
  workers: WorkerCount;
  inputSize: number;
  inputName: string;
  outputName: string;
  /** Told once per shape that falls back to the square, with why. */
  onFallback: (message: string) => void;
}

/** The loaded pool: the original model's (`square`), or a graph specialised for `key`. */
interface Loaded {
  key: string;
  pool: RuntimePool;
  square: boolean;
  /** Why the shape asked for runs square instead; null when it runs as asked. */
  fallback: string | null;
}

const SQUARE = 'square';

/** The model file's graph specialised for `input`, or why it cannot be. */
export async function specialiseFile(modelPath: string, input: { width: number; height: number }): Promise<Uint8Array | string> {
  const result = specialiseYolo(await readFile(modelPath), input);
  return 'refused' in result ? result.refused : result.model;
}

/** Height and width of the pool's input are both dynamic: it takes any shape as it is. */
function takesAnyShape(pool: RuntimePool): boolean {
  const input = pool.inputMetadata[0];
  const shape = input?.isTensor ? input.shape : [];
  return shape.length === 4 && isDynamicDim(shape[2]!) && isDynamicDim(shape[3]!);
}

export class InputRuntimes {
  /** The pool loaded, or being loaded, for `currentKey`. */
  private current: Promise<Loaded>;
  private currentKey: string;
  private readonly anyShape: boolean;
  /** Per shape: the specialised graph, or why the model cannot take the shape. */
  private readonly graphs = new Map<string, Promise<Uint8Array | string>>();
  /** Shapes whose fallback to the square was told. */
  private readonly told = new Set<string>();

  /**
   * `base` is the pool loaded at start: the original model's, or (`first`) the graph specialised for
   * the first video's shape; `first.graph` is that graph, or why the model cannot take the shape.
   */
  constructor(
    base: RuntimePool,
    private readonly options: InputRuntimesOptions,
    first: { input: InferenceInput; graph: Uint8Array | string } | null = null,
  ) {
    const specialised = first !== null && first.graph instanceof Uint8Array;
    this.currentKey = specialised ? shapeKey(first.input) : SQUARE;
    this.current = Promise.resolve({ key: this.currentKey, pool: base, square: !specialised, fallback: null });
    if (first !== null) this.graphs.set(shapeKey(first.input), Promise.resolve(first.graph));
    this.anyShape = !specialised && takesAnyShape(base);
  }

  /**
   * The trial run of a pool loaded at start for a specialised graph; when it fails, the original model
   * takes its place, and the shape runs square.
   */
  async verifyLoaded(requested: InferenceInput): Promise<void> {
    const loaded = await this.current;
    if (loaded.square) return;
    const problem = await this.trialRun(loaded.pool, requested).catch((error: unknown) => `its trial run failed: ${firstLineOf(error)}`);
    if (problem === null) return;
    this.graphs.set(loaded.key, Promise.resolve(problem));
    await loaded.pool.release();
    this.current = this.squareFor(loaded.key, problem, null);
    await this.current;
  }

  /** The runtime for `requested` (loading it when the pool loaded is another shape's), or the square with why. */
  async get(requested: InferenceInput): Promise<InputRuntime> {
    const { inputSize } = this.options;
    const key = this.anyShape || (requested.width === inputSize && requested.height === inputSize) ? SQUARE : shapeKey(requested);
    // Decided at once, so calls that overlap a switch wait for the same pool instead of switching again.
    if (key !== this.currentKey) {
      this.currentKey = key;
      this.current = this.current.then((previous) => this.switchTo(key, requested, previous));
    }
    const loaded = await this.current;
    if (loaded.fallback === null) return { pool: loaded.pool, input: requested };
    return { pool: loaded.pool, input: squareInput(this.options, loaded.fallback) };
  }

  async release(): Promise<void> {
    const loaded = await this.current.catch(() => null);
    await loaded?.pool.release();
  }

  private async switchTo(key: string, requested: InferenceInput, previous: Loaded): Promise<Loaded> {
    const graph = key === SQUARE ? null : await this.graph(key, requested);
    if (typeof graph === 'string') return this.squareFor(key, graph, previous);
    if (graph === null && previous.square) return { key, pool: previous.pool, square: true, fallback: null };
    await previous.pool.release();
    if (graph === null) return { key, pool: await this.startPool(this.options.modelPath), square: true, fallback: null };
    let pool: RuntimePool;
    try {
      pool = await this.startPool(graph);
    } catch (error) {
      return this.squareFor(key, `onnxruntime cannot load the specialised graph: ${firstLineOf(error)}`, null);
    }
    const problem = await this.trialRun(pool, requested).catch((error: unknown) => `its trial run failed: ${firstLineOf(error)}`);
    if (problem === null) return { key, pool, square: false, fallback: null };
    await pool.release();
    this.graphs.set(key, Promise.resolve(problem));
    return this.squareFor(key, problem, null);
  }

  /** The square model standing in for shape `key`, reusing `previous` when it is the square's; says why once. */
  private async squareFor(key: string, why: string, previous: Loaded | null): Promise<Loaded> {
    const { inputSize, modelPath } = this.options;
    if (!this.told.has(key)) {
      this.told.add(key);
      this.options.onFallback(`model ${modelPath} runs ${key} videos at its square ${inputSize}x${inputSize}: it cannot take ${key} (${why})`);
    }
    const fallback = `square: the model cannot take ${key} (${why})`;
    if (previous?.square) return { key, pool: previous.pool, square: true, fallback };
    if (previous) await previous.pool.release();
    return { key, pool: await this.startPool(modelPath), square: true, fallback };
  }

  /** The graph specialised for `key`, or why the model cannot take it; specialised once per shape. */
  private graph(key: string, requested: InferenceInput): Promise<Uint8Array | string> {
    let graph = this.graphs.get(key);
    if (graph === undefined) {
      graph = specialiseFile(this.options.modelPath, requested);
      this.graphs.set(key, graph);
    }
    return graph;
  }

  private startPool(model: string | Uint8Array): Promise<RuntimePool> {
    return startRuntimePool(model, this.options.providers, this.options.workers);
  }

  /** Runs a grey frame through a specialised pool: null when its output holds the shape's anchors. */
  private async trialRun(pool: RuntimePool, input: InferenceInput): Promise<string | null> {
    const { width, height } = input;
    const data = new Float32Array(3 * width * height).fill(PAD_VALUE / 255);
    const output = await pool.run(this.options.inputName, data, [1, 3, height, width], this.options.outputName);
    const anchors = anchorGrid(width, height).count;
    const dims = [...output.dims];
    if (dims.length === 3 && dims[0] === 1 && dims[2] === anchors) return null;
    return `its trial run gave an output of [${dims.join(', ')}], not [1, classes + 4, ${anchors}]`;
  }
}
