/** The ffmpeg `select` expression that samples frames. */
import type { Sampling } from '../domain/sampling.js';

/**
 * The select filter for a sampling. For a rate, the first frame of every 1/fps slot of the time grid
 * is kept, so the rate does not drift however the source's frame times fall; for every-n-frames,
 * frames 0, n, 2n, … are kept.
 */
export function selectFilter(sampling: Sampling): string {
  if (sampling.mode === 'every-n-frames') return `select='not(mod(n,${sampling.n}))'`;
  const f = sampling.fps;
  return `select='isnan(prev_selected_t)+gte(floor(t*${f}+1e-6)-floor(prev_selected_t*${f}+1e-6),1)'`;
}
