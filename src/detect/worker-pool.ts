/**
 * Several model runtimes behind one `run`: each call goes straight to the member with the fewest runs
 * outstanding (the first of them on a tie), where it waits in that worker's own message queue. A
 * worker that finishes a run starts its next one at once, without waiting for the main thread to
 * notice and hand it over (measured: 35-50 ms lost per frame when the main thread was busy decoding
 * or filtering). On a CPU, two single-threaded sessions working on different frames get more frames
 * through than one session splitting every operator over both cores (docs/performance.md).
 */
import type { WorkerCount } from '../domain/run-options.js';
import type { ExecutionProvider } from '../model/config.js';
import { startRuntime, type ModelRuntime, type ModelSource, type RuntimeOutput, type ValueMetadata } from './inference-worker.js';
import { runtimeLayout } from './worker-layout.js';

export class RuntimePool implements ModelRuntime {
  private readonly outstanding: number[];

  constructor(private readonly members: readonly ModelRuntime[]) {
    if (members.length === 0) throw new RangeError('a runtime pool needs at least one runtime');
    this.outstanding = members.map(() => 0);
  }

  /** How many runs can be in progress at once. */
  get size(): number {
    return this.members.length;
  }

  get inputMetadata(): readonly ValueMetadata[] {
    return this.members[0]!.inputMetadata;
  }

  get outputMetadata(): readonly ValueMetadata[] {
    return this.members[0]!.outputMetadata;
  }

  async run(inputName: string, data: Float32Array, dims: readonly number[], outputName: string, outputBuffer?: Float32Array): Promise<RuntimeOutput> {
    const index = this.outstanding.indexOf(Math.min(...this.outstanding));
    this.outstanding[index]!++;
    try {
      return await this.members[index]!.run(inputName, data, dims, outputName, outputBuffer);
    } finally {
      this.outstanding[index]!--;
    }
  }

  async release(): Promise<void> {
    await Promise.all(this.members.map((member) => member.release()));
  }
}

/**
 * The inference workers for a model: one session per worker of the layout (worker-layout.ts). When
 * one cannot load, the others are released and its error is thrown.
 */
export async function startRuntimePool(model: ModelSource, providers: readonly ExecutionProvider[], workers: WorkerCount): Promise<RuntimePool> {
  const layout = runtimeLayout(providers, workers);
  const started = await Promise.allSettled(Array.from({ length: layout.workers }, () => createSession(model, providers, layout.threadsPerWorker)));
  const failed = started.find((result) => result.status === 'rejected');
  const loaded = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  if (failed) {
    await Promise.all(loaded.map((runtime) => runtime.release()));
    throw failed.reason;
  }
  return new RuntimePool(loaded);
}

async function createSession(model: ModelSource, providers: readonly ExecutionProvider[], threads: number): Promise<ModelRuntime> {
  return startRuntime(model, {
    executionProviders: [...providers],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: threads,
    // The session's own log: errors only. (A provider library that fails to load is also printed by
    // onnxruntime's process-wide logger, set once by `ort.env.logLevel`, which is left to the app.)
    logSeverityLevel: 3,
    // onnxruntime's pool threads spin while waiting for work by default; in this pipeline decoding,
    // filtering and JPEG encoding share the cores with inference, and spinning starves them
    // (measured: ~20 % less CPU and faster runs on 2 cores with spinning off; see the benchmark).
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
}
