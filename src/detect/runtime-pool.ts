/**
 * Several model runtimes behind one `run`: each call goes straight to the member with the fewest runs
 * outstanding (the first of them on a tie), where it waits in that worker's own message queue. A
 * worker that finishes a run starts its next one at once, without waiting for the main thread to
 * notice and hand it over (measured: 35-50 ms lost per frame when the main thread was busy decoding
 * or filtering). On a CPU, two single-threaded sessions working on different frames get more frames
 * through than one session splitting every operator over both cores (docs/performance.md).
 */
import type { ModelRuntime, RuntimeOutput, ValueMetadata } from './runtime.js';

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
