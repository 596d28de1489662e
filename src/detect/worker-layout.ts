/**
 * How many inference workers to run and how many threads each gets. On a CPU, two sessions of one
 * thread each, working on different frames, get more frames through than one session splitting every
 * operator over both cores: a split operator waits for its slowest share, so anything else running
 * (decoding, filtering, JPEG encoding) stalls the whole session, while a single-threaded session only
 * slows by the share it loses (docs/performance.md). A GPU session runs alone.
 */
import os from 'node:os';

import type { WorkerCount } from '../domain/run-options.js';
import type { ExecutionProvider } from '../model/config.js';

/** `auto`, or a fixed number of workers. */

export interface RuntimeLayout {
  /** Sessions, each in its own worker thread, each working on a different batch. */
  workers: number;
  /** onnxruntime intra-op threads per session; 0 lets onnxruntime choose. */
  threadsPerWorker: number;
}

/** Workers chosen by `auto` on a CPU with at least this many cores. */
const AUTO_CPU_WORKERS = 2;

export function runtimeLayout(providers: readonly ExecutionProvider[], requested: WorkerCount, cores = os.availableParallelism()): RuntimeLayout {
  if (providers.includes('cuda')) return { workers: requested === 'auto' ? 1 : requested, threadsPerWorker: 0 };
  const workers = requested === 'auto' ? Math.max(1, Math.min(AUTO_CPU_WORKERS, cores)) : requested;
  return { workers, threadsPerWorker: Math.max(1, Math.floor(cores / workers)) };
}
