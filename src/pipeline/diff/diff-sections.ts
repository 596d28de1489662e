/**
 * The diff's Markdown sections, each a `<details>` block with a table whose rows are capped at
 * `rows` (the note under a capped table says how many more; the JSON file holds them all). Every
 * string read from a dataset is cut and escaped (userText), so a file or class name cannot break the
 * table or inject HTML into a pull-request comment.
 */
import { DROP_REASONS } from '../../domain/drop-reason.js';
import type { QualityGateVerdict } from '../../domain/quality-gates.js';
import { int } from '../../report/format.js';
import { table, truncated, userText } from '../../report/markdown/blocks.js';
import { cut } from '../../report/text-cut.js';
import { beforeAfter } from './diff-headline.js';
import type { DatasetDiff, DetectionDistribution, DiffBox, FrameBoxChange, FrameMove } from './diff-model.js';

const MAX_VALUE_CHARS = 80;

/** A collapsed block; empty when it has nothing to show. */
export function details(summary: string, body: readonly string[]): string[] {
  return ['', `<details><summary>${summary}</summary>`, '', ...body, '', '</details>'];
}

const shortSha = (sha256: string): string => sha256.slice(0, 12);

function shown(value: unknown): string {
  return userText(cut(JSON.stringify(value) ?? 'null', MAX_VALUE_CHARS));
}

export function settingsSection(diff: DatasetDiff, rows: number): string[] {
  if (diff.settings.length === 0) return [];
  const { shown: list, note } = truncated(diff.settings, rows, 'settings');
  return details(`Settings that differ (${diff.settings.length})`, [
    ...table(
      ['Setting', 'Baseline', 'This run'],
      ['l', 'l', 'l'],
      list.map((s) => [userText(s.path), shown(s.before), shown(s.after)]),
    ),
    ...note,
  ]);
}

export function videosSection(diff: DatasetDiff, rows: number): string[] {
  const { added, removed, same } = diff.videos;
  if (added.length + removed.length === 0) return [];
  const all = [...added.map((v) => ({ v, what: 'added' })), ...removed.map((v) => ({ v, what: 'removed' }))];
  const { shown: list, note } = truncated(all, rows, 'videos');
  return details(`Videos: ${added.length} added, ${removed.length} removed, ${same} the same`, [
    ...table(
      ['Video', 'sha256', 'Duration', ''],
      ['l', 'l', 'r', 'l'],
      list.map(({ v, what }) => [userText(v.stem), `\`${shortSha(v.sha256)}\``, `${v.durationSeconds.toFixed(1)} s`, what]),
    ),
    ...note,
  ]);
}

export function dropsSection(diff: DatasetDiff): string[] {
  const { frames } = diff;
  const reasons = DROP_REASONS.filter((r) => frames.droppedByReason[r].before + frames.droppedByReason[r].after > 0);
  if (reasons.length === 0) return ['', 'No frame dropped in either dataset.'];
  return details(`Frames dropped by reason: ${beforeAfter(frames.dropped)}`, [
    ...table(
      ['Reason', 'Baseline', 'This run', 'Change'],
      ['l', 'r', 'r', 'r'],
      reasons.map((r) => {
        const { before, after } = frames.droppedByReason[r];
        return [r, int(before), int(after), signed(after - before)];
      }),
    ),
  ]);
}

function signed(delta: number): string {
  return delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${int(Math.abs(delta))}`;
}

export function classesSection(diff: DatasetDiff, rows: number): string[] {
  const { byClass } = diff.detections;
  if (byClass.length === 0) return [];
  const { shown: list, note } = truncated(byClass, rows, 'classes');
  return details(`Detections per class (${byClass.length} classes)`, [
    ...table(
      ['Class', 'Baseline', 'This run', 'Change'],
      ['l', 'r', 'r', 'r'],
      list.map((c) => [
        userText(c.name) + (c.after === 0 ? ' **(lost)**' : c.before === 0 ? ' **(new)**' : ''),
        int(c.before),
        int(c.after),
        signed(c.after - c.before),
      ]),
    ),
    ...note,
  ]);
}

function scoreLine(d: DetectionDistribution): string {
  return d.scoreBuckets.map((count) => int(count)).join(' · ');
}

export function distributionSection(diff: DatasetDiff): string[] {
  const { before, after } = diff.detections;
  const perImage = (d: DetectionDistribution): string => `${d.perImage.min} / ${d.perImage.mean} / ${d.perImage.max}`;
  return details('Detections per image and scores', [
    ...table(
      ['', 'Baseline', 'This run'],
      ['l', 'r', 'r'],
      [
        ['Detections per image (min / mean / max)', perImage(before), perImage(after)],
        ['Mean score', before.meanScore.toFixed(3), after.meanScore.toFixed(3)],
        ['Scores in tenths (0–0.1 · … · 0.9–1)', scoreLine(before), scoreLine(after)],
      ],
    ),
  ]);
}

function movesSection(title: string, moves: readonly FrameMove[], rows: number, otherSide: string): string[] {
  if (moves.length === 0) return [];
  const { shown: list, note } = truncated(moves, rows, 'frames');
  return details(`${title} (${moves.length})`, [
    ...table(
      ['Image', 'Video sha256', 'Frame', otherSide],
      ['l', 'l', 'r', 'l'],
      list.map((m) => [userText(m.file), `\`${shortSha(m.sha256)}\``, int(m.frameIndex), m.other]),
    ),
    ...note,
  ]);
}

export function framesAddedSection(diff: DatasetDiff, rows: number): string[] {
  return movesSection('Frames kept only in this run', diff.frameChanges.added, rows, 'In the baseline');
}

export function framesRemovedSection(diff: DatasetDiff, rows: number): string[] {
  return movesSection('Frames kept only in the baseline', diff.frameChanges.removed, rows, 'In this run');
}

const boxText = (b: DiffBox): string => `${userText(b.className)} ${b.score.toFixed(2)}`;

/** "+person 0.81, −car 0.40, car → truck, person moved (IoU 0.72)", at most a few of each. */
function boxChanges(change: FrameBoxChange): string {
  const few = <T>(items: readonly T[], text: (item: T) => string): string[] =>
    items.length <= 3 ? items.map(text) : [...items.slice(0, 3).map(text), `… ${items.length - 3} more`];
  return [
    ...few(change.added, (b) => `+${boxText(b)}`),
    ...few(change.removed, (b) => `−${boxText(b)}`),
    ...few(change.relabelled, (r) => `${userText(r.before.className)} → ${userText(r.after.className)}`),
    ...few(change.moved, (m) => `${userText(m.after.className)} moved (IoU ${m.iou.toFixed(2)})`),
  ].join(', ');
}

export function boxesSection(diff: DatasetDiff, rows: number): string[] {
  const { changed, boxes, unchanged } = diff.frameChanges;
  if (changed.length === 0) return [];
  const { shown: list, note } = truncated(changed, rows, 'frames');
  return details(
    `Frames in both with other boxes (${changed.length}; ${unchanged} the same): ${boxes.added} boxes added, ${boxes.removed} removed, ${boxes.relabelled} relabelled, ${boxes.moved} moved`,
    [
      ...table(
        ['Image', 'Frame', 'Paired', 'Changes'],
        ['l', 'r', 'r', 'l'],
        list.map((c) => [userText(c.file), int(c.frameIndex), int(c.paired), boxChanges(c)]),
      ),
      ...note,
    ],
  );
}

function gateCell(gates: readonly QualityGateVerdict[] | null): string {
  if (gates === null) return 'not recorded';
  if (gates.length === 0) return 'none set';
  const missed = gates.filter((g) => !g.passed).length;
  return missed === 0 ? `${gates.length} passed` : `**${missed} missed** of ${gates.length}`;
}

/** The gates row of the small table. */
export function gatesRow(diff: DatasetDiff): string[] {
  return ['Quality gates', gateCell(diff.gates.before), gateCell(diff.gates.after), ''];
}

export function gatesSection(diff: DatasetDiff): string[] {
  const rows = [...(diff.gates.before ?? []).map((g) => ['baseline', g]), ...(diff.gates.after ?? []).map((g) => ['this run', g])] as [
    string,
    QualityGateVerdict,
  ][];
  if (rows.length === 0) return [];
  return details('Quality gates', [
    ...table(
      ['Dataset', 'Gate', 'Threshold', 'Measured', 'Result'],
      ['l', 'l', 'r', 'r', 'l'],
      rows.map(([who, g]) => [who, userText(g.name), String(g.threshold), String(g.actual), g.passed ? 'passed' : '**missed**']),
    ),
  ]);
}
