/**
 * The comparison with a baseline, as the inputs ask for it: where the baseline comes from (`baseline`,
 * a folder in the workspace; or `baseline-workflow`, the latest artifact of a workflow on the default
 * branch), whether to post a pull-request comment, and the diff gates. Checked with the other inputs,
 * before the dataset is built; the event payload (GITHUB_EVENT_PATH) gives the default branch and the
 * pull request.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';

import { isInside } from '../../domain/path-inside.js';
import { UsageError } from '../../errors.js';
import { inputName, type Inputs } from '../inputs.js';
import { requireInsideWorkspace } from '../workspace-paths.js';
import { repositoryOf } from './github-rest.js';

/** A workflow file name as GitHub's REST API takes it (`dataset.yml`), or a workflow id. */
const WORKFLOW_FILE = /^(?:[A-Za-z0-9._-]+\.ya?ml|\d+)$/;

export type BaselineSource =
  | { kind: 'folder'; dir: string; given: string }
  | {
      kind: 'workflow';
      owner: string;
      repo: string;
      workflow: string;
      branch: string;
      /** '' = the Action's default artifact name for each run looked at. */
      artifactName: string;
    };

export interface DiffGates {
  /** Largest fall of kept images against the baseline, in percent; null = off. */
  maxImageDrop: number | null;
  failOnClassLoss: boolean;
}

export interface DiffContext {
  baseline: BaselineSource | null;
  /** The pull request to comment on; null when `pr-comment` is false. `number` is null outside a pull_request event. */
  prComment: { owner: string; repo: string; number: number | null } | null;
  /** For baseline-workflow and pr-comment only; masked in the log. */
  token: string;
  gates: DiffGates;
}

interface EventPayload {
  repository?: { default_branch?: unknown };
  pull_request?: { number?: unknown };
}

/** The event payload the runner wrote, or {} when there is none (or it is not JSON). */
export async function readEventPayload(env: NodeJS.ProcessEnv = process.env): Promise<EventPayload> {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    const value = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as EventPayload) : {};
  } catch {
    return {};
  }
}

function repository(env: NodeJS.ProcessEnv, input: Parameters<typeof inputName>[0]): { owner: string; repo: string } {
  const found = repositoryOf(env);
  if (!found) throw new UsageError(`${inputName(input)} needs the repository, but GITHUB_REPOSITORY is not "owner/name"; run it in a GitHub Actions job`);
  return found;
}

function requireToken(inputs: Inputs, input: Parameters<typeof inputName>[0]): void {
  if (inputs['github-token'] === '') {
    throw new UsageError(
      `${inputName(input)} needs a token but ${inputName('github-token')} is empty; leave it at its default (\${{ github.token }}) or give a token`,
    );
  }
}

/** Refuses a baseline folder that the run would write over: the output folder, or a folder inside it. */
function requireApartFromOutput(dir: string, given: string, outDir: string): void {
  if (!isInside(dir, outDir)) return;
  throw new UsageError(
    `${inputName('baseline')} ${JSON.stringify(given)} is the dataset this run writes (${inputName('output-dir')}) or inside it; give the baseline another folder, such as where a download step put it`,
  );
}

async function baselineSource(
  inputs: Inputs,
  paths: { workspace: string; workspaceReal: string; outDir: string },
  env: NodeJS.ProcessEnv,
  payload: EventPayload,
): Promise<BaselineSource | null> {
  const folder = inputs.baseline;
  const workflow = inputs['baseline-workflow'];
  if (folder && workflow) {
    throw new UsageError(
      `${inputName('baseline')} and ${inputName('baseline-workflow')} are both set; give one baseline: a folder, or the workflow whose latest artifact is the baseline`,
    );
  }
  if (inputs['baseline-artifact'] && !workflow) {
    throw new UsageError(
      `${inputName('baseline-artifact')} is set but ${inputName('baseline-workflow')} is empty; name the workflow whose run has that artifact`,
    );
  }
  if (folder) {
    const dir = path.resolve(paths.workspace, folder);
    await requireInsideWorkspace(dir, folder, inputName('baseline'), paths.workspaceReal);
    requireApartFromOutput(dir, folder, paths.outDir);
    return { kind: 'folder', dir, given: folder };
  }
  if (!workflow) return null;
  if (!WORKFLOW_FILE.test(workflow)) {
    throw new UsageError(
      `${inputName('baseline-workflow')} ${JSON.stringify(workflow)} is not a workflow file name; give the file name in .github/workflows, such as dataset.yml`,
    );
  }
  requireToken(inputs, 'baseline-workflow');
  const branch = payload.repository?.default_branch;
  if (typeof branch !== 'string' || branch === '') {
    throw new UsageError(
      `${inputName('baseline-workflow')} needs the default branch, but the event payload (GITHUB_EVENT_PATH) has no repository.default_branch; give the baseline as a folder with ${inputName('baseline')} instead`,
    );
  }
  return { kind: 'workflow', ...repository(env, 'baseline-workflow'), workflow, branch, artifactName: inputs['baseline-artifact'] };
}

/** Reads and checks the baseline, comment and diff-gate inputs; `paths.outDir` is the dataset folder the run writes. */
export async function getDiffContext(
  inputs: Inputs,
  paths: { workspace: string; workspaceReal: string; outDir: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<DiffContext> {
  if (inputs['github-token']) core.setSecret(inputs['github-token']);
  const payload = await readEventPayload(env);
  const baseline = await baselineSource(inputs, paths, env, payload);
  const gates: DiffGates = { maxImageDrop: inputs['max-image-drop'], failOnClassLoss: inputs['fail-on-class-loss'] };
  const needsBaseline = (
    [
      ['max-image-drop', gates.maxImageDrop !== null],
      ['fail-on-class-loss', gates.failOnClassLoss],
      ['pr-comment', inputs['pr-comment']],
    ] as const
  ).find(([, on]) => on);
  if (!baseline && needsBaseline) {
    throw new UsageError(
      `${inputName(needsBaseline[0])} compares with a baseline, but none is given; set ${inputName('baseline')} (a dataset folder) or ${inputName('baseline-workflow')}`,
    );
  }
  let prComment: DiffContext['prComment'] = null;
  if (inputs['pr-comment']) {
    requireToken(inputs, 'pr-comment');
    const number = payload.pull_request?.number;
    const isPullRequest = env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target';
    prComment = { ...repository(env, 'pr-comment'), number: isPullRequest && Number.isSafeInteger(number) ? (number as number) : null };
  }
  return { baseline, prComment, token: inputs['github-token'], gates };
}
