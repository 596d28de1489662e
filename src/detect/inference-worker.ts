/**
 * Where inference runs. onnxruntime-node executes `session.run` synchronously on the thread that
 * calls it, so on the main thread it blocks decoding, filtering and JPEG encoding for the whole
 * inference. The session therefore lives in a worker thread: the main thread prepares the next
 * frames while the worker infers. Tensors cross by transfer, not copy.
 *
 * The worker is a small CommonJS script given as source (so it works the same from TypeScript under
 * jest, from build/, and from the ncc bundle) that loads onnxruntime-node from the resolved path.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { InferenceSession } from 'onnxruntime-node';

export type ValueMetadata = InferenceSession.ValueMetadata;

export interface RuntimeOutput {
  data: Float32Array;
  dims: readonly number[];
  type: string;
  /** Time `session.run` took, measured where it ran. */
  runMs: number;
  /** The input buffer given to `run`, handed back for reuse. */
  input?: Float32Array;
}

export interface ModelRuntime {
  readonly inputMetadata: readonly ValueMetadata[];
  readonly outputMetadata: readonly ValueMetadata[];
  /**
   * Runs the model on one float32 input; `data` is transferred (unusable afterwards) and handed back
   * as `input`. `outputBuffer`, when given, is transferred too and filled with the output when its
   * length fits (an earlier output's buffer, to spare a fresh allocation per run).
   */
  run(inputName: string, data: Float32Array, dims: readonly number[], outputName: string, outputBuffer?: Float32Array): Promise<RuntimeOutput>;
  release(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.ortPath);
// onnxruntime prints its own error line (in colour, with a C++ source path) before a failed CUDA load
// rejects; the rejection is reported in our words (one warning, then CPU), so only fatal lines print.
// Set before the first session: the global level is fixed when onnxruntime's environment is created.
ort.env.logLevel = 'fatal';
let session = null;
const describe = (error) => String((error && error.message) || error);
ort.InferenceSession.create(workerData.model, workerData.options).then(
  (created) => {
    session = created;
    parentPort.postMessage({ type: 'ready', inputMetadata: created.inputMetadata, outputMetadata: created.outputMetadata });
  },
  (error) => parentPort.postMessage({ type: 'failed', message: describe(error) }),
);
parentPort.on('message', async (message) => {
  if (message.type === 'release') {
    if (session) await session.release();
    session = null;
    parentPort.postMessage({ type: 'released' });
    return;
  }
  try {
    const input = new ort.Tensor('float32', message.data, message.dims);
    const started = performance.now();
    const output = (await session.run({ [message.inputName]: input }, [message.outputName]))[message.outputName];
    const runMs = performance.now() - started;
    if (!output) throw new Error('the model returned no output "' + message.outputName + '"');
    const size = output.type === 'float32' ? output.data.length : 0;
    const reused = message.outputBuffer && message.outputBuffer.length === size;
    const data = reused ? message.outputBuffer : new Float32Array(size);
    if (size > 0) data.set(output.data);
    // The input buffer goes back too, for the next run: reusing it spares allocating and
    // page-faulting a fresh tensor (4.9 MB at 640) for every frame.
    const handedBack = message.data;
    parentPort.postMessage({ type: 'result', id: message.id, data, dims: output.dims, dataType: output.type, runMs, input: handedBack }, [data.buffer, handedBack.buffer]);
  } catch (error) {
    parentPort.postMessage({ type: 'result', id: message.id, error: describe(error) });
  }
});
`;

interface Pending {
  resolve: (output: RuntimeOutput) => void;
  reject: (error: Error) => void;
}

type WorkerMessage =
  | { type: 'ready'; inputMetadata: ValueMetadata[]; outputMetadata: ValueMetadata[] }
  | { type: 'failed'; message: string }
  | { type: 'released' }
  | { type: 'result'; id: number; data?: Float32Array; dims?: number[]; dataType?: string; runMs?: number; input?: Float32Array; error?: string };

class WorkerRuntime implements ModelRuntime {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;

  constructor(
    private readonly worker: Worker,
    readonly inputMetadata: readonly ValueMetadata[],
    readonly outputMetadata: readonly ValueMetadata[],
  ) {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type !== 'result') return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if (message.error !== undefined) waiting.reject(new Error(message.error));
      else waiting.resolve({ data: message.data!, dims: message.dims!, type: message.dataType ?? 'float32', runMs: message.runMs ?? 0, input: message.input });
    });
    const fail = (error: Error): void => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the inference worker exited (code ${code})`)));
  }

  run(inputName: string, data: Float32Array, dims: readonly number[], outputName: string, outputBuffer?: Float32Array): Promise<RuntimeOutput> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const transfer = [data.buffer as ArrayBuffer];
    if (outputBuffer && outputBuffer.buffer !== data.buffer) transfer.push(outputBuffer.buffer as ArrayBuffer);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'run', id, inputName, outputName, data, dims: [...dims], outputBuffer }, transfer);
    });
  }

  async release(): Promise<void> {
    if (this.failure) return;
    const released = new Promise<void>((resolve) => {
      const onMessage = (message: WorkerMessage): void => {
        if (message.type === 'released') resolve();
      };
      this.worker.on('message', onMessage);
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage({ type: 'release' });
    await released;
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * onnxruntime's telemetry off. When its environment is created (with the first session) onnxruntime
 * otherwise writes an empty `mat-debug-<pid>.log` and a `.ses` file into the temp folder and keeps a
 * device id and a usage database in `~/.cache/Microsoft/DeveloperTools/.onnxruntime`; with
 * ORT_DISABLE_TELEMETRY=1 it writes none of them (README "What it writes, and what it sends"). The
 * variable is read from the process environment, which the worker threads share, so it is set here,
 * before any session exists, for every door and every library user.
 */
function disableRuntimeTelemetry(): NodeJS.ProcessEnv {
  process.env.ORT_DISABLE_TELEMETRY = '1';
  return process.env;
}

/** A model to load: its file's path, or its bytes (a graph specialised in memory, model/specialise-yolo.ts). */
export type ModelSource = string | Uint8Array;

/** Starts a worker holding one onnxruntime session; rejects with onnxruntime's message when it cannot load. */
export function startRuntime(model: ModelSource, options: InferenceSession.SessionOptions): Promise<ModelRuntime> {
  const env = disableRuntimeTelemetry();
  const ortPath = createRequire(import.meta.url).resolve('onnxruntime-node');
  // Bytes are copied into each worker (structured clone): a few MB per session, once.
  const worker = new Worker(WORKER_SOURCE, { eval: true, env, workerData: { ortPath, model, options } });
  return new Promise((resolve, reject) => {
    const onExit = (code: number): void => reject(new Error(`the inference worker exited (code ${code}) while loading the model`));
    worker.once('exit', onExit);
    worker.once('error', reject);
    worker.once('message', (message: WorkerMessage) => {
      worker.off('exit', onExit);
      worker.off('error', reject);
      if (message.type === 'ready') {
        resolve(new WorkerRuntime(worker, message.inputMetadata, message.outputMetadata));
      } else {
        void worker.terminate();
        reject(new Error(message.type === 'failed' ? message.message : `unexpected message ${message.type}`));
      }
    });
  });
}
