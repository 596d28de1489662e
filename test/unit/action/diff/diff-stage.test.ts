/**
 * The Action's comparison stage on datasets made here (test/support/made-dataset.ts): the baseline
 * folder compared with the new dataset, named as the user knows them; the job summary keeps the run's
 * report first and the diff under it, together within GitHub's 1 MiB even when both are huge; an
 * unreadable baseline is one error line, kept for after the summary and outputs.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import type { DiffContext } from '../../../../src/action/diff/diff-context.js';
import { compareWithBaseline, summaryWithDiff, type DiffOutcome } from '../../../../src/action/diff/diff-stage.js';
import { STEP_SUMMARY_LIMIT_BYTES } from '../../../../src/action/summary.js';
import { UsageError } from '../../../../src/errors.js';
import { writeMadeDataset, type MadeBox, type MadeFrame } from '../../../support/made-dataset.js';
import { withStdout } from '../../../support/stdout.js';

let ws: string;
const SHA = '1'.repeat(64);
const person = (x: number): MadeBox => ({ className: 'person', score: 0.8, box: [x, 100, 40, 100] });
const car = (x: number): MadeBox => ({ className: 'car', score: 0.7, box: [x, 300, 120, 60] });

/** `count` frames of video "cam", every one with a person (moved by `shift`) and a car; the last 10 % shifted in index too. */
function frames(count: number, shift: number): MadeFrame[] {
  return Array.from({ length: count }, (_, i) => ({
    video: 'cam',
    frameIndex: i + (i >= count * 0.9 ? shift : 0),
    boxes: [person(10 + shift * 200), car(300)],
  }));
}

function context(dir: string, given: string): DiffContext {
  return { baseline: { kind: 'folder', dir, given }, prComment: null, token: '', gates: { maxImageDrop: null, failOnClassLoss: false } };
}

const quietly = withStdout;

let compared: { value: DiffOutcome; stdout: string };
let huge: DiffOutcome;

beforeAll(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-diff-stage-'));
  await writeMadeDataset(path.join(ws, 'base'), { videos: [{ stem: 'cam', sha256: SHA }], frames: frames(10_000, 0) });
  await writeMadeDataset(path.join(ws, 'out', 'head'), { videos: [{ stem: 'cam', sha256: SHA }], frames: frames(10_000, 1_000_000) });
  compared = await quietly(() => compareWithBaseline(context(path.join(ws, 'base'), 'base'), 'made-site', path.join(ws, 'out', 'head'), ws));
  huge = compared.value;
});

afterAll(async () => {
  await rm(ws, { recursive: true, force: true });
  if (huge.filesDir !== undefined) await rm(huge.filesDir, { recursive: true, force: true });
});

describe('compareWithBaseline', () => {
  test('reads both folders, names them as the user gave them, and logs the verdict', async () => {
    const { value, stdout } = compared;
    expect(value.error).toBeUndefined();
    expect(value.diff?.verdict).toBe('changed');
    expect(value.diff?.base.given).toBe('base');
    expect(value.diff?.head.given).toBe('out/head');
    expect(value.baseline).toBe('folder base');
    expect(stdout).toContain('Baseline: folder base\n');
    expect(stdout).toContain(`Compared with the baseline (diff-verdict changed): ${value.diff?.headline}\n`);
  });

  test('writes diff.html, diff.md and diff.json into a folder of its own, never into the dataset', async () => {
    const dir = compared.value.filesDir!;
    expect(path.relative(ws, dir).startsWith('..')).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['diff.html', 'diff.json', 'diff.md']);
    expect(JSON.parse(await readFile(path.join(dir, 'diff.json'), 'utf8'))).toMatchObject({ verdict: 'changed', base: { given: 'base' } });
    expect(await readFile(path.join(dir, 'diff.html'), 'utf8')).toContain('12 of 9,000 frames kept in both with other boxes');
    expect((await readdir(path.join(ws, 'out', 'head'))).sort()).toEqual(['annotations', 'manifest.json', 'metrics.csv', 'metrics.json']);
  });

  test('no baseline asked: nothing compared, nothing in the summary', async () => {
    const { value } = await quietly(() => compareWithBaseline({ ...context('', ''), baseline: null }, 'made-site', path.join(ws, 'out', 'head'), ws));
    expect(value).toEqual({ asked: false, diff: null, baseline: 'no baseline given' });
    expect(summaryWithDiff(value, 1000, () => 'report')).toBe('report');
  });

  test('a baseline that is not a dataset: one error line, kept in the outcome (thrown after the summary), the summary says why', async () => {
    const { value, stdout } = await quietly(() => compareWithBaseline(context(path.join(ws, 'out'), 'out'), 'made-site', path.join(ws, 'out', 'head'), ws));
    expect(value.error).toBeInstanceOf(UsageError);
    expect(value.diff).toBeNull();
    expect(stdout.split('\n').filter((l) => l.startsWith('::error::'))).toHaveLength(1);
    expect(summaryWithDiff(value, 10_000, () => 'report')).toMatch(
      /^report\n\n## Changes against the baseline\n\n_Baseline: the baseline could not be compared: .*out/,
    );
  });
});

describe('summaryWithDiff: the report, then the diff, within the limit', () => {
  test.each([
    ['the whole 1 MiB', STEP_SUMMARY_LIMIT_BYTES],
    ['what is left after an earlier step wrote 900 KB', STEP_SUMMARY_LIMIT_BYTES - 900_000],
  ])('a 10 000-frame diff under a report that takes all it is given: %s', (_label, limit) => {
    expect(huge.diff?.frameChanges.changed).toHaveLength(9_000);
    let reportBudget = -1;
    const text = summaryWithDiff(huge, limit, (bytes) => {
      reportBudget = bytes;
      return 'R'.repeat(bytes);
    });
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(limit);
    expect(reportBudget).toBeGreaterThanOrEqual(limit / 2);
    const diff = text.slice(reportBudget);
    expect(text.slice(0, reportBudget)).toBe('R'.repeat(reportBudget));
    expect(diff.startsWith('\n\n## Changes against the baseline\n\n_Baseline: folder base._\n\n**Changed**: ')).toBe(true);
    expect(diff).toContain('every row is in the JSON diff');
  });

  test('a small diff leaves the report all the rest', () => {
    const small: DiffOutcome = { ...huge, diff: null, baseline: 'no baseline: none found' };
    let reportBudget = -1;
    const text = summaryWithDiff(small, 100_000, (bytes) => {
      reportBudget = bytes;
      return 'report';
    });
    expect(text).toBe('report\n\n## Changes against the baseline\n\n_Baseline: no baseline: none found._\n\n');
    expect(reportBudget).toBe(100_000 - Buffer.byteLength(text) + 'report'.length);
  });
});
