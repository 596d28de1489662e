/**
 * Reads every input once (keys spelled as in action.yml) and turns them into the same validated
 * `Options` the CLI produces, through the one validator `resolveOptions`, with messages that name the
 * inputs (`input "sample-fps"`). Action-only inputs (artifact, summary, cache, gates) are validated
 * here with the same message shape.
 */
import path from 'node:path';
import * as core from '@actions/core';
import type { Options } from '../domain/run-options.js';
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options/resolve.js';
import { artifactServiceProblem, defaultArtifactName, sanitizeArtifactName } from './artifact.js';
import type { QualityGates } from './gates.js';
import { actionName, getInputs, inputName, rawOptions, type Inputs } from './inputs.js';
import { expandVideoPaths } from './video-paths.js';
import { hasSecretParts } from '../domain/url-redaction.js';

export interface ActionContext {
  inputs: Inputs;
  /** Absolute workspace folder (GITHUB_WORKSPACE, else the working folder); relative inputs resolve here. */
  workspace: string;
  options: Options;
  artifact: { upload: boolean; name: string; retentionDays: number | undefined };
  jobSummary: boolean;
  cacheModel: boolean;
  gates: QualityGates;
}

/** The repository's name (`owner/name` → `name`) made into a valid site name, or undefined. */
export function siteFromRepository(repository: string | undefined): string | undefined {
  const name = (repository ?? '').split('/').pop() ?? '';
  const site = name.replace(/^[^\p{L}\p{N}]+/u, '').slice(0, 100);
  return site === '' ? undefined : site;
}

/** Reads and validates every input; relative paths and globs resolve against the workspace. */
export async function getActionContext(env: NodeJS.ProcessEnv = process.env): Promise<ActionContext> {
  const inputs = getInputs();
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());

  if (inputs['upload-artifact']) {
    const problem = artifactServiceProblem(env);
    if (problem) {
      throw new UsageError(`${inputName('upload-artifact')} is true but ${problem}; set upload-artifact: false to build the dataset without uploading it`);
    }
  }

  const raw = {
    ...rawOptions(inputs),
    video: await expandVideoPaths(inputs.video, workspace, inputName('video')),
    site: inputs.site || siteFromRepository(env.GITHUB_REPOSITORY),
  };
  // A Pushgateway URL may carry a password, and a model URL a token (a presigned URL): keep both out of the log.
  if (inputs['pushgateway-url']) core.setSecret(inputs['pushgateway-url']);
  if (hasSecretParts(inputs.model)) core.setSecret(inputs.model);
  const options = resolveOptions(raw, actionName, workspace);

  return {
    inputs,
    workspace,
    options,
    artifact: {
      upload: inputs['upload-artifact'],
      name: inputs['artifact-name'] ? sanitizeArtifactName(inputs['artifact-name']) : defaultArtifactName(options.site, env.GITHUB_RUN_ID),
      retentionDays: inputs['retention-days'] ?? undefined,
    },
    jobSummary: inputs['job-summary'],
    cacheModel: inputs['cache-model'],
    gates: { minImages: inputs['min-images'], maxDropRatio: inputs['max-drop-ratio'] },
  };
}
