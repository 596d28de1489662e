/**
 * The diff's files for people to open: diff.html (the frames that changed most, side by side with the
 * baseline's boxes), diff.md and diff.json, written into a new folder under RUNNER_TEMP and uploaded
 * as their own artifact, `<dataset artifact>-diff`: the dataset artifact stays exactly the dataset.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';

import { messageOf } from '../../errors.js';
import { diffJson, renderDiffHtml, renderDiffMarkdown, type DatasetDiff, type DiffPair } from '../../index.js';
import { sanitizeArtifactName, uploadDataset, type UploadedArtifact } from '../artifact.js';

export const DIFF_FILES = { html: 'diff.html', markdown: 'diff.md', json: 'diff.json' } as const;

/** Writes the three files into a new folder under RUNNER_TEMP (else the system's temp folder); returns it. */
export async function writeDiffFiles(pair: DiffPair, diff: DatasetDiff, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = await mkdtemp(path.join(env.RUNNER_TEMP || os.tmpdir(), 'dataset-gen-diff-'));
  try {
    await writeFile(path.join(dir, DIFF_FILES.html), await renderDiffHtml(pair, diff));
    await writeFile(path.join(dir, DIFF_FILES.markdown), renderDiffMarkdown(diff));
    await writeFile(path.join(dir, DIFF_FILES.json), diffJson(diff));
    return dir;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The diff artifact's name: the dataset artifact's with `-diff`. */
export function diffArtifactName(datasetArtifact: string): string {
  return sanitizeArtifactName(`${datasetArtifact}-diff`);
}

/** Uploads the folder as the diff artifact and removes it; null (with one warning) when the upload fails: the diff is still in the summary. */
export async function uploadDiffFiles(dir: string, datasetArtifact: string, retentionDays: number | undefined): Promise<UploadedArtifact | null> {
  try {
    const artifact = await uploadDataset(dir, diffArtifactName(datasetArtifact), retentionDays);
    core.info(`Uploaded the diff (${Object.values(DIFF_FILES).join(', ')}) as artifact ${artifact.name}${artifact.url ? `: ${artifact.url}` : ''}`);
    return artifact;
  } catch (error) {
    core.warning(`${messageOf(error)}; the diff is in the job summary`);
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
