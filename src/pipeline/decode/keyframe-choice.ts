/**
 * Which frames a keyframe-aware decode takes (`--decode keyframes`), and when `auto` chooses it. Pure
 * functions over a video's frame times and keyframe positions, read from ffprobe's packet list
 * (media/ffprobe.ts `scanPackets`, no decoding).
 *
 * A sampling slot is the time a sample stands for: k / sample-fps for a rate, the time of frame k·n
 * for every-n-frames. Each slot, in order, takes the keyframe nearest its time (the earlier one on a
 * tie) among those after the frame the previous slot took, when it lies within the tolerance (half the
 * sampling interval). A slot with no keyframe that close is decoded exactly: the first frame at or
 * after its time, as a decode of every frame would sample it; when that frame lies in the next slot
 * (a gap in a variable-rate video), the slot samples nothing, as in a decode of every frame.
 */

/** What `--decode` asks for; `auto` is settled per video by `chooseDecodeMode`. */
export type DecodeMode = 'all' | 'keyframes';

/** A frame the decode must produce: its position among the video's frames (in presentation order). */
export interface DecodeTarget {
  /** The slot's time (ms from the first frame). */
  slotMs: number;
  /** Index of the frame in presentation order (the whole video's frame index). */
  frame: number;
  /** `keyframe`: taken from the keyframes-only decode; `exact`: decoded from the keyframe before it. */
  kind: 'keyframe' | 'exact';
}

/** Frames per keyframe below which decoding only keyframes skips too little to be worth it. */
export const MIN_FRAMES_PER_KEYFRAME = 4;

/** The slot tolerance as a share of the sampling interval. */
export const TOLERANCE_SHARE = 0.5;

/** The first index from `from` in ascending `values` whose value is >= `x` (values.length when none): how many are below `x`. */
export function lowerBound(values: ArrayLike<number>, x: number, from = 0): number {
  let low = from;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! < x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Chooses the frame for every slot. `frameMs`: every frame's time, ascending; `keyframes`: indices
 * into `frameMs` of the keyframes, ascending; `slotsMs`: ascending slot times.
 */
export function chooseTargets(slotsMs: readonly number[], frameMs: readonly number[], keyframes: readonly number[], toleranceMs: number): DecodeTarget[] {
  const keyMs = keyframes.map((i) => frameMs[i]!);
  const targets: DecodeTarget[] = [];
  let last = -1;
  for (const [s, slotMs] of slotsMs.entries()) {
    // Keyframes after the last frame taken.
    const firstFree = lowerBound(keyframes, last + 1);
    const after = lowerBound(keyMs, slotMs, firstFree);
    const before = after - 1 >= firstFree ? after - 1 : -1;
    const candidates = [before, after].filter((k) => k >= 0 && k < keyMs.length);
    let best = -1;
    for (const k of candidates) {
      if (best === -1 || Math.abs(keyMs[k]! - slotMs) < Math.abs(keyMs[best]! - slotMs)) best = k;
    }
    if (best !== -1 && Math.abs(keyMs[best]! - slotMs) <= toleranceMs) {
      last = keyframes[best]!;
      targets.push({ slotMs, frame: last, kind: 'keyframe' });
      continue;
    }
    // Times come from seconds in decimal; a microsecond of slack keeps a frame on its slot's start.
    const frame = lowerBound(frameMs, slotMs - 1e-3, last + 1);
    const nextSlot = slotsMs[s + 1];
    if (frame >= frameMs.length || (nextSlot !== undefined && frameMs[frame]! >= nextSlot - 1e-3)) continue;
    last = frame;
    targets.push({ slotMs, frame, kind: 'exact' });
  }
  return targets;
}

/** The sampling interval in ms. */
export function intervalMs(sampling: { mode: 'fps'; fps: number } | { mode: 'every-n-frames'; n: number }, fps: number): number {
  return sampling.mode === 'fps' ? 1000 / sampling.fps : (sampling.n * 1000) / fps;
}

/** The slot times of a sampling over frames at `frameMs` (ascending, from 0). */
export function slotTimes(sampling: { mode: 'fps'; fps: number } | { mode: 'every-n-frames'; n: number }, frameMs: readonly number[]): number[] {
  const slots: number[] = [];
  if (sampling.mode === 'every-n-frames') {
    for (let i = 0; i < frameMs.length; i += sampling.n) slots.push(frameMs[i]!);
    return slots;
  }
  const lastMs = frameMs.at(-1);
  if (lastMs === undefined) return slots;
  for (let k = 0; ; k += 1) {
    const slotMs = (k * 1000) / sampling.fps;
    if (slotMs > lastMs + 1e-6) return slots;
    slots.push(slotMs);
  }
}

export interface ModeChoice {
  mode: DecodeMode;
  /** Why, in words for the log. */
  reason: string;
  /** The longest time between keyframes (and from the last keyframe to the last frame), ms; null with no keyframe. */
  longestGapMs: number | null;
}

/**
 * `--decode auto`: decode only keyframes when (1) every slot has a keyframe within the tolerance —
 * the longest gap between keyframes, counting the stretch before the first and after the last, is at
 * most the sampling interval — and (2) there is something to skip: at least MIN_FRAMES_PER_KEYFRAME
 * frames per keyframe. Otherwise decode every frame.
 */
export function chooseDecodeMode(interval: number, frameMs: readonly number[], keyframes: readonly number[]): ModeChoice {
  const keyMs = keyframes.map((i) => frameMs[i]!);
  if (keyMs.length === 0 || frameMs.length === 0) return { mode: 'all', reason: 'no keyframe listed', longestGapMs: null };
  let longest = Math.max(keyMs[0]! - frameMs[0]!, frameMs.at(-1)! - keyMs.at(-1)!);
  for (let i = 1; i < keyMs.length; i += 1) longest = Math.max(longest, keyMs[i]! - keyMs[i - 1]!);
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  if (longest > interval) {
    return { mode: 'all', reason: `keyframes up to ${seconds(longest)} apart, longer than the sampling interval ${seconds(interval)}`, longestGapMs: longest };
  }
  const perKeyframe = frameMs.length / keyMs.length;
  if (perKeyframe < MIN_FRAMES_PER_KEYFRAME) {
    return { mode: 'all', reason: `a keyframe every ${perKeyframe.toFixed(1)} frames leaves too little to skip`, longestGapMs: longest };
  }
  return { mode: 'keyframes', reason: `keyframes at most ${seconds(longest)} apart, within the sampling interval ${seconds(interval)}`, longestGapMs: longest };
}

/**
 * An ffmpeg `select` expression keeping exactly the frames with these pts (ascending integers, in
 * the stream's time base): arithmetic runs of three or more become one `between`·`mod` term, the
 * rest one `eq` each, so a regular camera's choice stays a few terms however long the video.
 */
export function ptsSelectExpression(pts: readonly number[]): string {
  const terms: string[] = [];
  let i = 0;
  while (i < pts.length) {
    const start = pts[i]!;
    const step = i + 1 < pts.length ? pts[i + 1]! - start : 0;
    let end = i;
    while (step > 0 && end + 1 < pts.length && pts[end + 1]! - pts[end]! === step) end += 1;
    if (end - i >= 2) {
      terms.push(`between(pts,${start},${pts[end]!})*not(mod(pts-${start},${step}))`);
      i = end + 1;
    } else {
      terms.push(`eq(pts,${start})`);
      i += 1;
    }
  }
  return terms.length === 0 ? '0' : terms.join('+');
}
