/** The labelling budget's picks by reason, in one sentence for the Markdown and HTML reports. */
import type { SelectionMetrics } from '../observe/metrics-contract.js';
import { int, num } from './format.js';

/** How the labelling budget's picks divide by reason, in one sentence (no user text in it). */
export function selectionCounts(selection: SelectionMetrics): string {
  const { byReason } = selection;
  return (
    `${int(byReason.class)} to show every class seen with a score of at least ${num(selection.confidence)} (${int(selection.classesCovered)} of ${int(selection.classes)} covered), ` +
    `${int(byReason.uncertain)} where the model is unsure of most boxes, ${int(byReason.spread)} for being least like the others.` +
    `${selection.exportsOnlySelected ? ' The exports hold only these frames.' : ''}`
  );
}
