/**
 * The labelling budget (`--select N`): which N kept frames a person should label. Three rules, in turn:
 *
 * 1. Every class the detector saw with confidence (a detection scoring at least `confidence`,
 *    `--select-confidence`) is shown at least once, rarest first: for each class (by the number of kept
 *    frames showing it, then name) that no pick shows yet, the frame showing it that is least like the
 *    picks so far (for the first pick: the one with the class's best score). A class seen only below
 *    the confidence is not a reason to pick a frame: such a frame is uncertain (rule 2).
 * 2. A share of the budget (UNCERTAIN_SHARE, when there are such frames) goes to frames whose
 *    detections are mostly uncertain (more below the confidence than at or above it): where the model
 *    is unsure, a label teaches it most. The least like the picks so far first.
 * 3. Then greedy farthest-point: the frame least like its nearest pick, until N are chosen. With
 *    nothing picked yet (no detections at all), it starts from the frame with the most detections.
 *
 * "Unlike" is `frameDistance`: half the pHash Hamming distance over 64 bits, half the mean absolute
 * difference of the tile colours over 255, so 0 (same) to 1. Ties go to more detections, then to the
 * earlier frame in run order, so the same run gives the same choice. Each pick says why in words.
 */
import type { KeptImage } from '../../domain/frame-record.js';
import { DEFAULT_SELECT_CONFIDENCE, UNCERTAIN_SHARE, type FrameFeatures, type SelectedFrame, type Selection } from '../../domain/selection.js';
import { hammingDistance } from '../filter/dedup.js';

/** Appearance distance of two frames, 0 (same) to 1. */
export function frameDistance(a: FrameFeatures, b: FrameFeatures): number {
  const bits = hammingDistance(a.phash, b.phash) / a.phash.length;
  let diff = 0;
  const n = Math.min(a.tiles.length, b.tiles.length);
  for (let i = 0; i < n; i++) diff += Math.abs(a.tiles[i]! - b.tiles[i]!);
  const colour = n > 0 ? diff / n / 255 : 0;
  return 0.5 * bits + 0.5 * colour;
}

interface Candidate {
  image: KeptImage;
  features: FrameFeatures;
  /** Classes with a detection at or above the confidence. */
  classes: Set<string>;
  /** Detections below the confidence. */
  uncertain: number;
  /** More of its detections are below the confidence than at or above it. */
  mostlyUncertain: boolean;
  /** Distance to the nearest pick so far (Infinity before the first). */
  nearest: number;
  picked: boolean;
}

const round4 = (n: number): number => Math.round(n * 10000) / 10000;

function sortedNames(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The better of two candidates by `key` (larger wins), then more detections, then earlier. */
function best(candidates: readonly Candidate[], key: (c: Candidate) => number): Candidate | null {
  let winner: Candidate | null = null;
  let winnerKey = -Infinity;
  for (const c of candidates) {
    if (c.picked) continue;
    const k = key(c);
    if (winner === null || k > winnerKey || (k === winnerKey && c.image.detections.length > winner.image.detections.length)) {
      winner = c;
      winnerKey = k;
    }
  }
  return winner;
}

function candidateOf(image: KeptImage, features: FrameFeatures | undefined, confidence: number): Candidate {
  if (!features) throw new Error(`no appearance features recorded for ${image.file}`);
  const sure = image.detections.filter((d) => d.score >= confidence);
  const uncertain = image.detections.length - sure.length;
  return {
    image,
    features,
    classes: new Set(sure.map((d) => d.className)),
    uncertain,
    mostlyUncertain: uncertain > sure.length,
    nearest: Infinity,
    picked: false,
  };
}

/** Classes shown with confidence, rarest first (frames showing them, then name). */
function rarestFirst(candidates: readonly Candidate[]): { name: string; frames: number }[] {
  const frameCount = new Map<string, number>();
  for (const c of candidates) for (const name of c.classes) frameCount.set(name, (frameCount.get(name) ?? 0) + 1);
  return sortedNames(frameCount.keys())
    .map((name) => ({ name, frames: frameCount.get(name) ?? 0 }))
    .sort((a, b) => a.frames - b.frames);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 'es'}`;

/**
 * Chooses up to `n` of `kept` (in run order) using their `features` (every kept image must have
 * them); a class counts as shown in a frame when one of its detections scores at least `confidence`.
 * Deterministic.
 */
export function selectFrames(
  kept: readonly KeptImage[],
  features: ReadonlyMap<string, FrameFeatures>,
  n: number,
  confidence = DEFAULT_SELECT_CONFIDENCE,
): Selection {
  const candidates = kept.map((image) => candidateOf(image, features.get(image.file), confidence));
  const classes = rarestFirst(candidates);
  const unsure = candidates.filter((c) => c.mostlyUncertain);
  const selected: SelectedFrame[] = [];
  const covered = new Set<string>();
  const target = Math.min(n, candidates.length);
  const uncertainBudget = Math.min(unsure.length, Math.round(target * UNCERTAIN_SHARE));
  const pick = (c: Candidate, reason: SelectedFrame['reason'], why: string): void => {
    const distance = selected.length === 0 ? null : round4(c.nearest);
    c.picked = true;
    for (const name of c.classes) covered.add(name);
    for (const other of candidates) if (!other.picked) other.nearest = Math.min(other.nearest, frameDistance(other.features, c.features));
    selected.push({
      rank: selected.length + 1,
      file: c.image.file,
      video: c.image.video,
      frameIndex: c.image.frameIndex,
      timestampMs: c.image.timestampMs,
      detections: c.image.detections.length,
      classes: sortedNames(c.classes),
      uncertain: c.uncertain,
      reason,
      why,
      distance,
    });
  };

  for (const { name, frames } of classes) {
    if (selected.length >= target - uncertainBudget) break;
    if (covered.has(name)) continue;
    const showing = candidates.filter((c) => c.classes.has(name));
    const topScore = (c: Candidate): number => Math.max(...c.image.detections.filter((d) => d.className === name).map((d) => d.score));
    const chosen = best(showing, selected.length === 0 ? topScore : (c) => c.nearest);
    if (chosen) pick(chosen, 'class', `first pick with ${name} scored at least ${confidence} (in ${frames} of ${candidates.length} kept frames)`);
  }
  for (let i = 0; i < uncertainBudget; i += 1) {
    const chosen = best(unsure, selected.length === 0 ? (c) => c.uncertain : (c) => c.nearest);
    if (!chosen) break;
    pick(chosen, 'uncertain', `uncertain: the model is unsure of ${plural(chosen.uncertain, 'box')} here (scored below ${confidence})`);
  }
  while (selected.length < target) {
    const chosen = selected.length === 0 ? best(candidates, (c) => c.image.detections.length) : best(candidates, (c) => c.nearest);
    if (!chosen) break;
    pick(
      chosen,
      'spread',
      selected.length === 0
        ? 'the frame with the most detections, to start from'
        : `least like the earlier picks (distance ${round4(chosen.nearest)} to the nearest)`,
    );
  }
  return { requested: n, confidence, candidates: candidates.length, classes, uncertainFrames: unsure.length, selected };
}
