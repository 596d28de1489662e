/** The ffmpeg `select` expression that samples frames. */
import type { Sampling } from '../../domain/sampling.js';

/**
 * The select filter for a sampling. For a rate, the first frame of every 1/fps slot of the time grid
 * is kept, so the rate does not drift however the source's frame times fall; for every-n-frames,
 * frames 0, n, 2n, … are kept.
 *
 * The grid starts at time 0 of the decode's timestamps; with `firstPts` (the video's first frame's
 * pts, in the stream's time base, for a decode that keeps the file's own timestamps: `-copyts`) it
 * starts at that frame, computed from integer pts so that no rounding moves a slot's edge; with
 * `fromFirstFrame` (a container that places no frame in time, AVI, decoded from its start) it starts
 * at the first decoded frame's time (`start_t`), where the frames' recorded timestamps start too.
 */
export function selectFilter(sampling: Sampling, firstPts = 0, fromFirstFrame = false): string {
  if (sampling.mode === 'every-n-frames') return `select='not(mod(n,${sampling.n}))'`;
  const f = sampling.fps;
  if (fromFirstFrame) return `select='isnan(prev_selected_t)+gte(floor((t-start_t)*${f}+1e-6)-floor((prev_selected_t-start_t)*${f}+1e-6),1)'`;
  if (firstPts === 0) return `select='isnan(prev_selected_t)+gte(floor(t*${f}+1e-6)-floor(prev_selected_t*${f}+1e-6),1)'`;
  const slot = (pts: string): string => `floor((${pts}-${firstPts})*TB*${f}+1e-6)`;
  return `select='isnan(prev_selected_pts)+gte(${slot('pts')}-${slot('prev_selected_pts')},1)'`;
}
