/**
 * Reads every input once (keys spelled as in action.yml) and turns them into the same validated
 * `Options` the CLI produces, through the one validator `resolveOptions`, with messages that name the
 * inputs (`input "sample-fps"`). Action-only inputs (artifact, summary, cache, gates) are validated
 * here with the same message shape. Path inputs must resolve inside the workspace, and so must a model
 * config file's `source.path`; a URL (the `model` input or the config's `source.url`) needs its sha256.
 */
import path from 'node:path';
import * as core from '@actions/core';

import type { Options } from '../domain/run-options.js';
import { hasSecretParts } from '../domain/url-redaction.js';
import { UsageError } from '../errors.js';
import { resolveOptions } from '../index.js';
import { artifactServiceProblem, defaultArtifactName, sanitizeArtifactName } from './artifact.js';
import { getDiffContext, type DiffContext } from './diff/diff-context.js';
import type { QualityGates } from './gates.js';
import { actionName, getInputs, inputName, rawOptions, type InputName, type Inputs } from './inputs.js';
import { checkModelConfigSource } from './model-config-source.js';
import { expandVideoPaths } from './video-paths.js';
import { realWorkspace, requireInsideWorkspace } from './workspace-paths.js';

export interface ActionContext {
  inputs: Inputs;
  /** Absolute workspace folder (GITHUB_WORKSPACE, else the working folder); relative inputs resolve here. */
  workspace: string;
  options: Options;
  artifact: { upload: boolean; name: string; retentionDays: number | undefined };
  jobSummary: boolean;
  cacheModel: boolean;
  gates: QualityGates;
  /** The baseline to compare with, the pull-request comment and the diff gates. */
  diff: DiffContext;
}

/** The repository's name (`owner/name` → `name`) made into a valid site name, or undefined. */
export function siteFromRepository(repository: string | undefined): string | undefined {
  const name = (repository ?? '').split('/').pop() ?? '';
  const site = name.replace(/^[^\p{L}\p{N}]+/u, '').slice(0, 100);
  return site === '' ? undefined : site;
}

/**
 * The file and folder inputs other than `video` (checked while globbing): each must resolve inside
 * the workspace. `model` and `model-config` only when they are paths (not a URL, not a preset); each
 * line of `exclude`.
 */
async function checkPathInputs(inputs: Inputs, options: Options, workspaceReal: string): Promise<void> {
  const paths: [InputName, string | null][] = [
    ['output-dir', options.outDir],
    ['model', options.modelPath],
    ['model-config', path.isAbsolute(options.modelConfig) ? options.modelConfig : null],
    ['history-csv', options.historyCsv],
  ];
  for (const [input, file] of paths) {
    if (file !== null) await requireInsideWorkspace(file, inputs[input] as string, inputName(input), workspaceReal);
  }
  for (const [i, file] of options.exclude.entries()) await requireInsideWorkspace(file, inputs.exclude[i] ?? file, inputName('exclude'), workspaceReal);
}

/** Reads and validates every input; relative paths and globs resolve against the workspace. */
export async function getActionContext(env: NodeJS.ProcessEnv = process.env): Promise<ActionContext> {
  const inputs = getInputs();
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const workspaceReal = await realWorkspace(workspace);

  if (inputs['upload-artifact']) {
    const problem = artifactServiceProblem(env);
    if (problem) {
      throw new UsageError(`${inputName('upload-artifact')} is true but ${problem}; set upload-artifact: false to build the dataset without uploading it`);
    }
  }

  const raw = {
    ...rawOptions(inputs),
    video: await expandVideoPaths(inputs.video, workspace, inputName('video'), workspaceReal),
    site: inputs.site || siteFromRepository(env.GITHUB_REPOSITORY),
  };
  // A Pushgateway URL may carry a password, and a model URL a token (a presigned URL): keep both out of the log.
  if (inputs['pushgateway-url']) core.setSecret(inputs['pushgateway-url']);
  if (hasSecretParts(inputs.model)) core.setSecret(inputs.model);
  const options = resolveOptions(raw, actionName, workspace);
  await checkPathInputs(inputs, options, workspaceReal);
  await checkModelConfigSource(options, workspaceReal);
  const diff = await getDiffContext(inputs, { workspace, workspaceReal, outDir: options.outDir }, env);
  // The Actions cache is keyed by the URL's hash and a hit is trusted: a URL must come with its digest.
  if (options.modelUrl !== null && options.modelSha256 === null) {
    throw new UsageError(
      `${inputName('model')} is a URL but ${inputName('model-sha256')} is empty; set model-sha256 to the file's sha256 (\`sha256sum model.onnx\`) so a changed or tampered download (or cache entry) is refused`,
    );
  }

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
    diff,
  };
}
