/**
 * How far one set of detections agrees with a reference set of the same frames (issue 29: the
 * detections at the video's shape against the square run's): boxes paired by class and IoU, and the
 * instance-weighted AP50 of the detections scored against the reference taken as ground truth.
 */
import { iou } from '../../src/detect/nms.js';
import type { Detection } from '../../src/domain/detection.js';

/**
 * AP at IoU 0.5 of `candidate` against `reference` as ground truth, per class (all-point
 * interpolation, as VOC and COCO's per-class PR curve), averaged weighted by the reference's boxes of
 * each class. `frames` holds, per frame, both lists. 1 when they are identical.
 */
export function weightedAp50(frames: readonly { reference: readonly Detection[]; candidate: readonly Detection[] }[]): number {
  const classes = new Set(frames.flatMap((f) => f.reference.map((d) => d.className)));
  let weighted = 0;
  let instances = 0;
  for (const name of classes) {
    const truths = frames.map((f) => f.reference.filter((d) => d.className === name));
    const total = truths.reduce((sum, t) => sum + t.length, 0);
    const ranked = frames
      .flatMap((f, frame) => f.candidate.filter((d) => d.className === name).map((d) => ({ frame, d })))
      .sort((a, b) => b.d.score - a.d.score);
    const taken = truths.map(() => new Set<Detection>());
    const precision: number[] = [];
    const recall: number[] = [];
    let hits = 0;
    ranked.forEach(({ frame, d }, i) => {
      let best: Detection | null = null;
      let bestIou = 0.5;
      for (const truth of truths[frame]!) {
        const overlap = iou(truth.box, d.box);
        if (!taken[frame]!.has(truth) && overlap >= bestIou) [best, bestIou] = [truth, overlap];
      }
      if (best !== null) {
        taken[frame]!.add(best);
        hits++;
      }
      precision.push(hits / (i + 1));
      recall.push(hits / total);
    });
    // All-point interpolation: precision made non-increasing from the right, summed over recall steps.
    for (let i = precision.length - 2; i >= 0; i--) precision[i] = Math.max(precision[i]!, precision[i + 1]!);
    let ap = 0;
    let lastRecall = 0;
    precision.forEach((p, i) => {
      ap += (recall[i]! - lastRecall) * p;
      lastRecall = recall[i]!;
    });
    weighted += ap * total;
    instances += total;
  }
  return instances === 0 ? 1 : weighted / instances;
}
