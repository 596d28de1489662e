import { describe, expect, test } from '@jest/globals';

import type { ModelRuntime, RuntimeOutput } from '../../../src/detect/inference-worker.js';
import { runtimeLayout } from '../../../src/detect/worker-layout.js';
import { RuntimePool } from '../../../src/detect/worker-pool.js';

/** A runtime whose runs finish when the test says so; it records which inputs it was given. */
class HeldRuntime implements ModelRuntime {
  readonly inputMetadata = [];
  readonly outputMetadata = [];
  readonly seen: number[] = [];
  readonly waiting: (() => void)[] = [];
  released = false;

  constructor(readonly name: string) {}

  run(_input: string, data: Float32Array): Promise<RuntimeOutput> {
    this.seen.push(data[0]!);
    return new Promise((resolve) => this.waiting.push(() => resolve({ data: new Float32Array([data[0]!]), dims: [1], type: 'float32', runMs: 1 })));
  }

  finishOne(): void {
    this.waiting.shift()!();
  }

  async release(): Promise<void> {
    this.released = true;
  }
}

const input = (value: number): Float32Array => new Float32Array([value]);
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('RuntimePool', () => {
  test('sends each run at once to the member with the fewest runs outstanding, the first on a tie', async () => {
    const a = new HeldRuntime('a');
    const b = new HeldRuntime('b');
    const pool = new RuntimePool([a, b]);
    expect(pool.size).toBe(2);
    const first = [1, 2, 3].map((v) => pool.run('x', input(v), [1], 'y'));
    await settle();
    expect([a.seen, b.seen]).toEqual([[1, 3], [2]]);
    b.finishOne();
    await settle();
    const fourth = pool.run('x', input(4), [1], 'y');
    await settle();
    expect(b.seen).toEqual([2, 4]);
    a.finishOne();
    a.finishOne();
    b.finishOne();
    const outputs = await Promise.all([...first, fourth]);
    expect(outputs.map((o) => o.data[0])).toEqual([1, 2, 3, 4]);
  });

  test('a failed run no longer counts as outstanding', async () => {
    const failing: ModelRuntime = {
      inputMetadata: [],
      outputMetadata: [],
      run: () => Promise.reject(new Error('boom')),
      release: async () => undefined,
    };
    const held = new HeldRuntime('held');
    const pool = new RuntimePool([failing, held]);
    await expect(pool.run('x', input(1), [1], 'y')).rejects.toThrow('boom');
    // Had the failure stayed outstanding, this run would go to the idle second member.
    await expect(pool.run('x', input(2), [1], 'y')).rejects.toThrow('boom');
    expect(held.seen).toEqual([]);
  });

  test('release releases every member; an empty pool is refused', async () => {
    const members = [new HeldRuntime('a'), new HeldRuntime('b')];
    await new RuntimePool(members).release();
    expect(members.map((m) => m.released)).toEqual([true, true]);
    expect(() => new RuntimePool([])).toThrow(RangeError);
  });
});

describe('runtimeLayout', () => {
  test.each([
    ['2-core CPU, auto', ['cpu'], 'auto', 2, { workers: 2, threadsPerWorker: 1 }],
    ['1-core CPU, auto', ['cpu'], 'auto', 1, { workers: 1, threadsPerWorker: 1 }],
    ['16-core CPU, auto', ['cpu'], 'auto', 16, { workers: 2, threadsPerWorker: 8 }],
    ['2-core CPU, 1 worker', ['cpu'], 1, 2, { workers: 1, threadsPerWorker: 2 }],
    ['2-core CPU, 3 workers', ['cpu'], 3, 2, { workers: 3, threadsPerWorker: 1 }],
    ['CUDA, auto', ['cuda', 'cpu'], 'auto', 8, { workers: 1, threadsPerWorker: 0 }],
    ['CUDA, 2 workers', ['cuda'], 2, 8, { workers: 2, threadsPerWorker: 0 }],
  ] as const)('%s', (_name, providers, requested, cores, expected) => {
    expect(runtimeLayout(providers, requested, cores)).toEqual(expected);
  });
});
