/**
 * The classes a dataset's exports declare (`--labels`): by default those it holds, a detection of
 * each in at least one kept image, in the model's output order (or the `--classes` asked for, in
 * their order), so annotators pick from the few classes that matter; `all`, the model's full list,
 * whose order keeps class numbers the model's own. A dataset without any detection declares the
 * model's list: its annotators label from scratch.
 */
import type { KeptImage } from '../domain/frame-record.js';
import type { LabelsOption } from '../domain/run-options.js';

export interface CategoryChoice {
  labels: LabelsOption;
  /** `--classes`: the only classes detected; null for all. */
  classes: readonly string[] | null;
}

export function datasetCategories(kept: readonly KeptImage[], modelClasses: readonly string[], choice: CategoryChoice): string[] {
  if (choice.labels === 'all') return [...modelClasses];
  if (choice.classes !== null) return [...choice.classes];
  const held = new Set(kept.flatMap((image) => image.detections.map((d) => d.className)));
  if (held.size === 0) return [...modelClasses];
  const known = modelClasses.filter((name) => held.has(name));
  const others = [...held].filter((name) => !modelClasses.includes(name)).sort();
  return [...known, ...others];
}
