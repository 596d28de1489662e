/**
 * Several model runtimes behind one `run`: each call goes to an idle member, or waits in order for
 * the first one to become idle. On a CPU, two single-threaded sessions working on different frames
 * get more frames through than one session splitting every operator over both cores, because a
 * split operator waits for its slowest share (docs/performance.md).
 */
import type { ModelRuntime, RuntimeOutput, ValueMetadata } from './runtime.js';

export class RuntimePool implements ModelRuntime {
  private readonly idle: ModelRuntime[];
  private readonly waiting: ((member: ModelRuntime) => void)[] = [];

  constructor(private readonly members: readonly ModelRuntime[]) {
    if (members.length === 0) throw new RangeError('a runtime pool needs at least one runtime');
    this.idle = [...members];
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

  async run(inputName: string, data: Float32Array, dims: readonly number[], outputName: string): Promise<RuntimeOutput> {
    const member = await this.acquire();
    try {
      return await member.run(inputName, data, dims, outputName);
    } finally {
      this.handBack(member);
    }
  }

  async release(): Promise<void> {
    await Promise.all(this.members.map((member) => member.release()));
  }

  private acquire(): Promise<ModelRuntime> {
    const member = this.idle.shift();
    if (member) return Promise.resolve(member);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private handBack(member: ModelRuntime): void {
    const next = this.waiting.shift();
    if (next) next(member);
    else this.idle.push(member);
  }
}
