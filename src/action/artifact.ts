/**
 * The dataset folder as one workflow artifact (@actions/artifact): every file under it, paths inside
 * the zip relative to the folder, retention from the `retention-days` input.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';

import { messageOf, OutputError } from '../errors.js';

/** Characters the artifact service refuses in a name. */
const REFUSED = /[":<>|*?\r\n\\/]/g;

/** The dataset could be written but not uploaded. */
export class ArtifactUploadError extends OutputError {}

/** Replaces every refused character with `-` and trims; an empty result becomes `dataset`. */
export function sanitizeArtifactName(name: string): string {
  const clean = name.replace(REFUSED, '-').trim();
  return clean === '' ? 'dataset' : clean;
}

/** `dataset-<site>-<run id>` (without the run id outside a workflow run), sanitised. */
export function defaultArtifactName(site: string, runId: string | undefined): string {
  return sanitizeArtifactName(runId ? `dataset-${site}-${runId}` : `dataset-${site}`);
}

/** Whether GITHUB_SERVER_URL names GitHub Enterprise Server (anything but github.com, *.ghe.com, *.localhost). */
export function isEnterpriseServer(env: NodeJS.ProcessEnv = process.env): boolean {
  let host: string;
  try {
    host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase();
  } catch {
    return true;
  }
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
}

/** Why an upload cannot work in this environment, or null when it can be tried. */
export function artifactServiceProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return 'the artifact service is not reachable: ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set (not a GitHub Actions job)';
  }
  if (isEnterpriseServer(env)) {
    return `GitHub Enterprise Server (${env.GITHUB_SERVER_URL}) is not supported by the artifact client (@actions/artifact 2 and later)`;
  }
  return null;
}

/** The run page's link to an artifact, or '' when the run is not known. */
export function artifactUrl(id: number, env: NodeJS.ProcessEnv = process.env): string {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return '';
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`;
}

/** Every regular file under `dir`, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  await walk(dir);
  return files.sort();
}

export interface UploadedArtifact {
  id: number;
  name: string;
  url: string;
  sizeBytes: number;
  digest: string;
  files: number;
}

/** Uploads every file under `dir` as artifact `name`. */
export async function uploadDataset(
  dir: string,
  name: string,
  retentionDays: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<UploadedArtifact> {
  const failure = (why: string): ArtifactUploadError => new ArtifactUploadError(`Cannot upload the dataset ${dir} as artifact "${name}": ${why}`);
  const files = await listFiles(dir);
  if (files.length === 0) throw failure('the folder holds no files');
  let response;
  try {
    response = await new DefaultArtifactClient().uploadArtifact(name, files, dir, retentionDays === undefined ? {} : { retentionDays });
  } catch (error) {
    throw failure(messageOf(error));
  }
  if (response.id === undefined) throw failure('the artifact service returned no artifact id');
  return {
    id: response.id,
    name,
    url: artifactUrl(response.id, env),
    sizeBytes: response.size ?? 0,
    digest: response.digest ?? '',
    files: files.length,
  };
}
