/**
 * Reads every input once (keys spelled as in action.yml) and turns them into the same validated
 * `Options` the CLI produces, through the one validator `resolveOptions`, with messages that name the
 * inputs (`input "sample-fps"`). Action-only inputs (artifact, summary, cache, gates) are validated
 * here with the same message shape.
 */
import * as core from '@actions/core';
import path from 'node:path';
import { invalidParameterError, UsageError } from '../errors.js';
import { resolveOptions, type NameOf, type Options, type RawKey, type RawOptions } from '../options.js';
import { artifactServiceProblem, defaultArtifactName, sanitizeArtifactName } from './artifact.js';
import { Input, INPUT_DEFAULTS, inputName } from './constants.js';
import type { QualityGates } from './gates.js';
import { expandVideoPaths } from './video-paths.js';

/** The inputs as given, read once. Keys are the action.yml names. */
export interface Inputs {
  video: string[];
  'output-dir': string;
  'model-config': string;
  model: string;
  'model-sha256': string;
  'sample-fps': string;
  'dedup-threshold': string;
  confidence: string;
  iou: string;
  classes: string;
  site: string;
  'upload-artifact': boolean;
  'artifact-name': string;
  'retention-days': string;
  'job-summary': boolean;
  'cache-model': boolean;
  'min-images': string;
  'max-drop-ratio': string;
  'pushgateway-url': string;
  'history-csv': string;
}

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

/** Raw option keys whose input has another name. */
const INPUT_OF_KEY: Partial<Record<RawKey, Input>> = { out: Input.OutputDir };

/** Names options the way the Action's user spelled them. */
export const actionName: NameOf = (key) => `input "${INPUT_OF_KEY[key] ?? key}"`;

function text(input: Input): string {
  return core.getInput(input) || INPUT_DEFAULTS[input];
}

/** YAML 1.2 core-schema booleans only (true/True/TRUE, false/False/FALSE); anything else is refused. */
function flag(input: Input): boolean {
  const value = core.getInput(input);
  if (value === '') return INPUT_DEFAULTS[input] === 'true';
  try {
    return core.getBooleanInput(input);
  } catch {
    throw invalidParameterError(inputName(input), 'true or false', value);
  }
}

export function getInputs(): Inputs {
  return {
    // getMultilineInput drops empty lines before trimming, so a CRLF blank line arrives as ''.
    video: core.getMultilineInput(Input.Video).filter((line) => line !== ''),
    'output-dir': text(Input.OutputDir),
    'model-config': text(Input.ModelConfig),
    model: text(Input.Model),
    'model-sha256': text(Input.ModelSha256),
    'sample-fps': text(Input.SampleFps),
    'dedup-threshold': text(Input.DedupThreshold),
    confidence: text(Input.Confidence),
    iou: text(Input.Iou),
    classes: text(Input.Classes),
    site: text(Input.Site),
    'upload-artifact': flag(Input.UploadArtifact),
    'artifact-name': text(Input.ArtifactName),
    'retention-days': text(Input.RetentionDays),
    'job-summary': flag(Input.JobSummary),
    'cache-model': flag(Input.CacheModel),
    'min-images': text(Input.MinImages),
    'max-drop-ratio': text(Input.MaxDropRatio),
    'pushgateway-url': text(Input.PushgatewayUrl),
    'history-csv': text(Input.HistoryCsv),
  };
}

const INTEGER = /^\+?\d+$/;
const DECIMAL = /^\+?(\d+(\.\d*)?|\.\d+)$/;

function integerInput(input: Input, value: string, min: number, max: number, expected: string): number | undefined {
  if (value === '') return undefined;
  const n = Number(value);
  if (!INTEGER.test(value) || n < min || n > max) throw invalidParameterError(inputName(input), expected, value);
  return n;
}

function ratioInput(input: Input, value: string): number | undefined {
  if (value === '') return undefined;
  const n = Number(value);
  if (!DECIMAL.test(value) || n > 1) throw invalidParameterError(inputName(input), 'a number from 0 to 1', value);
  return n;
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

  const retentionDays = integerInput(Input.RetentionDays, inputs['retention-days'], 1, 90, 'an integer from 1 to 90 (days)');
  const minImages = integerInput(Input.MinImages, inputs['min-images'], 0, Number.MAX_SAFE_INTEGER, 'a whole number of images, 0 or more') ?? 0;
  const maxDropRatio = ratioInput(Input.MaxDropRatio, inputs['max-drop-ratio']) ?? 1;
  if (inputs['upload-artifact']) {
    const problem = artifactServiceProblem(env);
    if (problem) {
      throw new UsageError(`${inputName(Input.UploadArtifact)} is true but ${problem}; set upload-artifact: false to build the dataset without uploading it`);
    }
  }

  const raw: RawOptions = {
    video: await expandVideoPaths(inputs.video, workspace, inputName(Input.Video)),
    out: inputs['output-dir'],
    site: inputs.site || siteFromRepository(env.GITHUB_REPOSITORY),
    'sample-fps': inputs['sample-fps'],
    model: inputs.model,
    'model-sha256': inputs['model-sha256'],
    'model-config': inputs['model-config'],
    'dedup-threshold': inputs['dedup-threshold'],
    confidence: inputs.confidence,
    iou: inputs.iou,
    classes: inputs.classes,
    'pushgateway-url': inputs['pushgateway-url'],
    'history-csv': inputs['history-csv'],
  };
  // A Pushgateway URL may carry a password; keep it out of the log.
  if (inputs['pushgateway-url']) core.setSecret(inputs['pushgateway-url']);
  const options = resolveOptions(raw, actionName, workspace);

  return {
    inputs,
    workspace,
    options,
    artifact: {
      upload: inputs['upload-artifact'],
      name: inputs['artifact-name'] ? sanitizeArtifactName(inputs['artifact-name']) : defaultArtifactName(options.site, env.GITHUB_RUN_ID),
      retentionDays,
    },
    jobSummary: inputs['job-summary'],
    cacheModel: inputs['cache-model'],
    gates: { minImages, maxDropRatio },
  };
}
