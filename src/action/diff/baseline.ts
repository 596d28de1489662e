/**
 * The baseline dataset as a folder: the `baseline` input's folder as given, or the site's artifact
 * from the latest completed run of `baseline-workflow` on the default branch, downloaded with
 * @actions/artifact into a new empty folder under RUNNER_TEMP (never the output folder). No such
 * artifact (the site's first run) is not an error: there is no baseline, and the caller says so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';

import { messageOf, OutputError, UsageError } from '../../errors.js';
import { defaultArtifactName } from '../artifact.js';
import { inputName } from '../inputs.js';
import type { BaselineSource } from './diff-context.js';
import { RestError, restPath, type RestClient } from './github-rest.js';

/** Completed runs of the workflow looked at, newest first. */
export const BASELINE_RUNS_LOOKED_AT = 20;

export interface Baseline {
  /** The dataset folder to compare with. */
  dir: string;
  /** Its short name in the diff: the folder as given, or `artifact "<name>"`. */
  name: string;
  /** Where it came from, for the log and the summary (plain text, one line). */
  description: string;
  /** Removes a downloaded copy (nothing for a folder input). */
  dispose(): Promise<void>;
}

/** No baseline to compare with, and why (one line). */
export interface NoBaseline {
  dir: null;
  reason: string;
}

interface WorkflowRun {
  id: number;
  run_number?: number;
  head_sha?: string;
}

interface RunArtifact {
  id: number;
  name: string;
  expired: boolean;
  digest?: string | null;
}

type WorkflowSource = Extract<BaselineSource, { kind: 'workflow' }>;

/** Downloads one artifact of another run; @actions/artifact's `downloadArtifact` with `findBy`. */
export type ArtifactDownload = (artifactId: number, runId: number, into: string, expectedHash: string | undefined) => Promise<{ digestMismatch: boolean }>;

function restFailure(error: unknown, what: string, source: WorkflowSource): Error {
  const status = error instanceof RestError ? error.status : 0;
  const why = messageOf(error);
  if (status === 404) {
    return new UsageError(
      `Cannot ${what}: ${why}; check ${inputName('baseline-workflow')} "${source.workflow}" (a workflow file on ${source.branch}) and that the token may read Actions (permissions: actions: read)`,
    );
  }
  if (status === 401 || status === 403) {
    return new UsageError(
      `Cannot ${what}: ${why}; give the job \`permissions: actions: read\` or a token that may read the repository's Actions (${inputName('github-token')})`,
    );
  }
  return new OutputError(`Cannot ${what} (${inputName('baseline-workflow')}): ${why}; the GitHub API (GITHUB_API_URL) may be unavailable, run the job again`);
}

/** The newest completed runs of the workflow on the default branch, except the current run. */
async function listRuns(rest: RestClient, source: WorkflowSource, currentRunId: string | undefined): Promise<WorkflowRun[]> {
  const query = `?branch=${encodeURIComponent(source.branch)}&status=completed&per_page=${BASELINE_RUNS_LOOKED_AT}`;
  const url = restPath('/repos/{}/{}/actions/workflows/{}/runs', source.owner, source.repo, source.workflow) + query;
  try {
    const page = await rest.get<{ workflow_runs?: WorkflowRun[] }>(url);
    return (page.workflow_runs ?? []).filter((run) => Number.isSafeInteger(run.id) && String(run.id) !== currentRunId).slice(0, BASELINE_RUNS_LOOKED_AT);
  } catch (error) {
    throw restFailure(error, `list the runs of workflow ${source.workflow}`, source);
  }
}

async function findArtifact(rest: RestClient, source: WorkflowSource, run: WorkflowRun, name: string): Promise<RunArtifact | null> {
  const url = `${restPath('/repos/{}/{}/actions/runs/{}/artifacts', source.owner, source.repo, run.id)}?name=${encodeURIComponent(name)}&per_page=100`;
  try {
    const page = await rest.get<{ artifacts?: RunArtifact[] }>(url);
    return (page.artifacts ?? []).find((a) => a.name === name && !a.expired && Number.isSafeInteger(a.id)) ?? null;
  } catch (error) {
    throw restFailure(error, `list the artifacts of run ${run.id} of workflow ${source.workflow}`, source);
  }
}

/** @actions/artifact's download of another run's artifact (REST: `…/artifacts/{id}/zip`, then the signed URL). */
export function artifactDownload(source: WorkflowSource, token: string): ArtifactDownload {
  return async (artifactId, runId, into, expectedHash) => {
    const findBy = { token, workflowRunId: runId, repositoryOwner: source.owner, repositoryName: source.repo };
    const response = await new DefaultArtifactClient().downloadArtifact(artifactId, { path: into, findBy, expectedHash });
    return { digestMismatch: response.digestMismatch === true };
  };
}

/** A new empty folder under RUNNER_TEMP (else the system's temp folder) for a downloaded baseline. */
async function downloadFolder(env: NodeJS.ProcessEnv): Promise<string> {
  return mkdtemp(path.join(env.RUNNER_TEMP || os.tmpdir(), 'dataset-gen-baseline-'));
}

async function fromWorkflow(
  source: WorkflowSource,
  site: string,
  rest: RestClient,
  download: ArtifactDownload,
  env: NodeJS.ProcessEnv,
): Promise<Baseline | NoBaseline> {
  const runs = await listRuns(rest, source, env.GITHUB_RUN_ID);
  for (const run of runs) {
    const name = source.artifactName || defaultArtifactName(site, String(run.id));
    const artifact = await findArtifact(rest, source, run, name);
    if (!artifact) continue;
    const dir = await downloadFolder(env);
    const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true });
    try {
      const { digestMismatch } = await download(artifact.id, run.id, dir, artifact.digest || undefined);
      if (digestMismatch) throw new Error(`its content does not match the digest GitHub recorded (${artifact.digest})`);
    } catch (error) {
      await dispose();
      throw new OutputError(
        `Cannot download the baseline (${inputName('baseline-workflow')}), artifact "${name}" (id ${artifact.id}) of run ${run.id} of workflow ${source.workflow}: ${messageOf(error)}; run the job again, or give the baseline as a folder (${inputName('baseline')})`,
      );
    }
    return { dir, name: `artifact "${name}"`, description: `artifact "${name}" of run ${run.id} of workflow ${source.workflow} on ${source.branch}`, dispose };
  }
  const wanted = source.artifactName ? `"${source.artifactName}"` : `named dataset-${site}-<run id>`;
  return {
    dir: null,
    reason: `no artifact ${wanted} in the last ${runs.length} completed runs of workflow ${source.workflow} on ${source.branch} (the site's first run, or the artifacts expired)`,
  };
}

/** The baseline folder to compare with, or why there is none. */
export async function resolveBaseline(
  source: BaselineSource,
  site: string,
  rest: RestClient,
  download: ArtifactDownload,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Baseline | NoBaseline> {
  if (source.kind === 'folder') return { dir: source.dir, name: source.given, description: `folder ${source.given}`, dispose: async () => {} };
  return fromWorkflow(source, site, rest, download, env);
}
