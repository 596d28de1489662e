/** How frames are sampled from a video. */
export type Sampling = { mode: 'fps'; fps: number } | { mode: 'every-n-frames'; n: number };

export const DEFAULT_SAMPLING: Sampling = { mode: 'fps', fps: 1 };

export function describeSampling(sampling: Sampling): string {
  return sampling.mode === 'fps' ? `${sampling.fps} frame(s)/s` : `every ${sampling.n} frame(s)`;
}
