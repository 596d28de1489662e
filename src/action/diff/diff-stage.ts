/**
 * The comparison with the baseline, after the dataset is built: the baseline resolved (baseline.ts),
 * `diffDatasets`, then its section of the job summary, its outputs and the pull-request comment. The
 * diff is never written into the dataset folder (the dataset stays the same for the same inputs).
 */
import * as core from '@actions/core';

import { messageOf } from '../../errors.js';
import { compareDatasets, escapeMarkdown, readDiffPair, renderDiffMarkdown, type DatasetDiff } from '../../index.js';
import type { UploadedArtifact } from '../artifact.js';
import { workspacePath } from '../outputs.js';
import { artifactDownload, resolveBaseline, type ArtifactDownload } from './baseline.js';
import type { DiffContext } from './diff-context.js';
import { writeDiffFiles } from './diff-page.js';
import { createRestClient, type RestClient } from './github-rest.js';
import { postDiffComment } from './pr-comment.js';

export interface DiffOutcome {
  /** Whether a baseline was asked for (`baseline` or `baseline-workflow`). */
  asked: boolean;
  diff: DatasetDiff | null;
  /** Where the baseline came from, or why there is none (one line, plain text). */
  baseline: string;
  /** Resolving or reading the baseline failed: thrown after the summary and outputs are written. */
  error?: unknown;
  /** The folder holding diff.html, diff.md and diff.json, to upload (diff-page.ts). */
  filesDir?: string;
  /** The diff artifact, once uploaded: the summary and the comment link to it. */
  page?: Pick<UploadedArtifact, 'name' | 'url'>;
}

/** How the stage reaches GitHub; tests pass their own. */
export interface DiffServices {
  rest?: RestClient;
  download?: ArtifactDownload;
}

/** Resolves the baseline and compares the new dataset (`headDir`) with it. Never throws: a failure is in `error`. */
export async function compareWithBaseline(
  diffContext: DiffContext,
  site: string,
  headDir: string,
  workspace: string,
  services: DiffServices = {},
): Promise<DiffOutcome> {
  const source = diffContext.baseline;
  if (!source) {
    core.info('No baseline to compare with (inputs "baseline" and "baseline-workflow" are empty)');
    return { asked: false, diff: null, baseline: 'no baseline given' };
  }
  try {
    const rest = services.rest ?? createRestClient(diffContext.token);
    const download = services.download ?? (source.kind === 'workflow' ? artifactDownload(source, diffContext.token) : async () => ({ digestMismatch: false }));
    const baseline = await resolveBaseline(source, site, rest, download);
    if (baseline.dir === null) {
      core.warning(`No baseline to compare with: ${baseline.reason}; the dataset is not compared`);
      return { asked: true, diff: null, baseline: `no baseline: ${baseline.reason}` };
    }
    core.info(`Baseline: ${baseline.description}`);
    try {
      const pair = await readDiffPair({ base: baseline.dir, head: headDir, cwd: workspace });
      const read = compareDatasets(pair);
      // Named as the user knows them, not by the download folder under RUNNER_TEMP.
      const diff = { ...read, base: { ...read.base, given: baseline.name }, head: { ...read.head, given: workspacePath(headDir, workspace) } };
      core.info(`Compared with the baseline (diff-verdict ${diff.verdict}): ${diff.headline}`);
      // The page reads the baseline's images: written before a downloaded baseline is removed.
      const filesDir = await writeDiffFiles(pair, diff);
      return { asked: true, diff, baseline: baseline.description, filesDir };
    } finally {
      await baseline.dispose();
    }
  } catch (error) {
    core.error(messageOf(error));
    return { asked: true, diff: null, baseline: `the baseline could not be compared: ${messageOf(error)}`, error };
  }
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The diff's Markdown under a heading naming the baseline, at most `limitBytes`. */
function diffMarkdown(heading: string, outcome: DiffOutcome, limitBytes: number, footer = ''): string {
  const page = outcome.page
    ? ` The frames that changed most, side by side: diff.html in artifact ${outcome.page.url ? `[${escapeMarkdown(outcome.page.name)}](${encodeURI(outcome.page.url)})` : `**${escapeMarkdown(outcome.page.name)}**`}.`
    : '';
  const head = `${heading}\n\n_Baseline: ${escapeMarkdown(outcome.baseline)}._${page}\n\n`;
  if (!outcome.diff) return head;
  return head + renderDiffMarkdown(outcome.diff, { limitBytes: Math.max(0, limitBytes - bytes(head) - bytes(footer)) }) + footer;
}

/** The job summary's section under the run's report: the diff, or why there is none; '' when no baseline was asked for. */
export function diffSummarySection(outcome: DiffOutcome, limitBytes: number): string {
  if (!outcome.asked) return '';
  return diffMarkdown('\n\n## Changes against the baseline', outcome, limitBytes);
}

/**
 * The run's own summary (`renderReport`, which fits the bytes it is given), then the diff under it,
 * together within `limitBytes`: the diff may take half, the report the rest.
 */
export function summaryWithDiff(outcome: DiffOutcome, limitBytes: number, renderReport: (limitBytes: number) => string): string {
  const diff = diffSummarySection(outcome, Math.floor(limitBytes / 2));
  return renderReport(limitBytes - bytes(diff)) + diff;
}

/** The run's page, for the comment's last line; '' outside a workflow run. */
function runLink(env: NodeJS.ProcessEnv): string {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return '';
  return `\n\n_From [run ${env.GITHUB_RUN_ID}](${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}); details in its job summary and artifact._\n`;
}

/** Posts or updates the site's pull-request comment when `pr-comment` is on and there is a diff. */
export async function commentOnPullRequest(
  diffContext: DiffContext,
  site: string,
  outcome: DiffOutcome,
  rest: RestClient = createRestClient(diffContext.token),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const pr = diffContext.prComment;
  if (!pr) return;
  if (pr.number === null) {
    core.info(`No pull-request comment: the event is ${env.GITHUB_EVENT_NAME || 'unknown'}, not a pull request (input "pr-comment")`);
    return;
  }
  if (!outcome.diff) {
    core.info('No pull-request comment: there is no diff (see the baseline above)');
    return;
  }
  const heading = `### Dataset changes: ${escapeMarkdown(site)}`;
  await postDiffComment(rest, { owner: pr.owner, repo: pr.repo, number: pr.number }, site, (limit) => diffMarkdown(heading, outcome, limit, runLink(env)));
}
