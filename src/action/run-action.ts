/**
 * The Action, one `core.group` per stage: inputs → model cache restore → dataset → model cache save
 * → artifact → baseline comparison → job summary → outputs → pull-request comment → quality gates
 * (the diff gates with them). The dataset is uploaded and the outputs are set before a missed gate
 * fails the step, so the dataset can be inspected.
 */
import { rm } from 'node:fs/promises';
import * as core from '@actions/core';

import { redactUrl } from '../domain/url-redaction.js';
import { exitCodeOf, messageOf } from '../errors.js';
import { createProgress, doctorText, runDoctor, runPipeline, type DownloadOptions, type Logger, type RunResult } from '../index.js';
import { uploadDataset, type UploadedArtifact } from './artifact.js';
import { getActionContext, type ActionContext } from './context.js';
import { evaluateDiffGates } from './diff/diff-gates.js';
import { uploadDiffFiles } from './diff/diff-page.js';
import { commentOnPullRequest, compareWithBaseline, summaryWithDiff, type DiffOutcome, type DiffServices } from './diff/diff-stage.js';
import { enforceGates, evaluateGates, type GateResult } from './gates.js';
import { actionName, inputName } from './inputs.js';
import { createActionsLogger } from './logger.js';
import { restoreModelCache, saveModelCache, shouldSaveModelCache } from './model-cache.js';
import { actionOutputs, setOutputs, workspacePath } from './outputs.js';
import { renderJobSummary, writeJobSummary } from './summary.js';
import { realWorkspace } from './workspace-paths.js';

export interface RunOptions {
  /** How a model given as an https:// URL is downloaded (e.g. extra trusted CA certificates). */
  modelDownload?: DownloadOptions;
  /** Stops the run (the partial dataset is removed). */
  signal?: AbortSignal;
  /** How the baseline comparison reaches GitHub (default: GITHUB_API_URL with the `github-token` input). */
  github?: DiffServices;
}

/** Logged through the Actions logger: paths and names come from the user and are kept to one line. */
function describeContext(context: ActionContext, log: Logger): void {
  const { options, artifact } = context;
  log.info(`workspace: ${context.workspace}`);
  for (const video of options.videos) log.info(`video: ${workspacePath(video, context.workspace)}`);
  log.info(`output folder: ${workspacePath(options.outDir, context.workspace)}`);
  log.info(`site: ${options.site}`);
  const model =
    options.modelUrl !== null
      ? redactUrl(options.modelUrl)
      : options.modelPath === null
        ? "the model config's source"
        : workspacePath(options.modelPath, context.workspace);
  log.info(`model: ${model}; model config: ${options.modelConfig}`);
  if (artifact.upload) {
    const given = context.inputs['artifact-name'];
    const note = given && given !== artifact.name ? ` (${inputName('artifact-name')} "${given}" with refused characters replaced)` : '';
    const retention = artifact.retentionDays === undefined ? "the repository's default" : `${artifact.retentionDays} days`;
    log.info(`artifact: ${artifact.name}${note}, retention: ${retention}`);
  } else {
    log.info(`artifact: not uploaded (${inputName('upload-artifact')} is false)`);
  }
}

async function buildDataset(context: ActionContext, logger: Logger, cacheDir: string, runOptions: RunOptions): Promise<RunResult> {
  return runPipeline(context.options, {
    confineStagingTo: await realWorkspace(context.workspace),
    logger,
    signal: runOptions.signal,
    progress: (label, total) => createProgress({ total, label, logger, tty: false }),
    model: { cacheDir, download: runOptions.modelDownload },
    nameOf: actionName,
    gates: (metrics) =>
      evaluateGates(metrics, context.gates).map((g) => ({ name: inputName(g.input), threshold: g.threshold, actual: g.measured, passed: g.passed })),
  });
}

async function upload(context: ActionContext, result: RunResult): Promise<{ artifact: UploadedArtifact | null; error?: unknown }> {
  if (!context.artifact.upload) {
    core.info(`Not uploaded: ${inputName('upload-artifact')} is false`);
    return { artifact: null };
  }
  try {
    const artifact = await uploadDataset(result.outDir, context.artifact.name, context.artifact.retentionDays);
    core.info(
      `Uploaded ${artifact.files} files as artifact ${artifact.name} (id ${artifact.id}, ${artifact.sizeBytes} bytes)${artifact.url ? `: ${artifact.url}` : ''}`,
    );
    return { artifact };
  } catch (error) {
    core.error(messageOf(error));
    return { artifact: null, error };
  }
}

/** Uploads the diff's page and files as `<artifact>-diff` (when the dataset is uploaded); else removes them. */
async function uploadDiffPage(context: ActionContext, compared: DiffOutcome): Promise<void> {
  const dir = compared.filesDir;
  if (dir === undefined) return;
  if (!context.artifact.upload) {
    await rm(dir, { recursive: true, force: true });
    return;
  }
  const page = await core.group('Diff artifact', () => uploadDiffFiles(dir, context.artifact.name, context.artifact.retentionDays));
  if (page) compared.page = page;
}

async function summarize(
  context: ActionContext,
  result: RunResult,
  artifact: UploadedArtifact | null,
  uploadFailed: boolean,
  gates: GateResult[],
  compared: DiffOutcome,
): Promise<void> {
  const noArtifactReason = uploadFailed ? 'the upload failed, see the log' : `${inputName('upload-artifact')} is false`;
  try {
    await writeJobSummary((limitBytes) =>
      summaryWithDiff(compared, limitBytes, (reportBytes) =>
        renderJobSummary(result.metrics, {
          artifact,
          noArtifactReason,
          datasetDir: workspacePath(result.outDir, context.workspace),
          gates,
          limitBytes: reportBytes,
        }),
      ),
    );
  } catch (error) {
    core.warning(`Cannot write the job summary: ${messageOf(error)}`);
  }
}

/**
 * With step debug logging on (`ACTIONS_STEP_DEBUG`, or a re-run with debug logging), what this runner
 * would run on (`dataset-gen doctor`), before the model is loaded; informative only, never a failure.
 */
async function logDoctor(context: ActionContext): Promise<void> {
  const { options } = context;
  try {
    const report = await runDoctor({
      modelPath: options.modelPath,
      modelConfig: options.modelConfig,
      providers: options.executionProviders,
      ffmpegPath: options.ffmpegPath,
    });
    for (const line of doctorText(report).trimEnd().split('\n')) core.info(line);
  } catch (error) {
    core.info(`doctor: ${messageOf(error)}`);
  }
}

export async function run(runOptions: RunOptions = {}): Promise<void> {
  const logger = createActionsLogger();
  const context = await core.group('Inputs', async () => {
    const read = await getActionContext();
    describeContext(read, logger);
    return read;
  });
  if (core.isDebug()) await core.group('Doctor', () => logDoctor(context));
  const modelCache = await core.group('Model cache: restore', () => restoreModelCache(context.options, context.cacheModel));
  const result = await core.group('Dataset', () => buildDataset(context, logger, modelCache.dir, runOptions));
  if (shouldSaveModelCache(modelCache, result.manifest.model.origin)) {
    await core.group('Model cache: save', () => saveModelCache(modelCache));
  }
  const uploaded = await core.group('Artifact', () => upload(context, result));
  const { site } = context.options;
  const compared = await core.group('Baseline', () => compareWithBaseline(context.diff, site, result.outDir, context.workspace, runOptions.github));
  await uploadDiffPage(context, compared);
  const gates = [...evaluateGates(result.metrics, context.gates), ...evaluateDiffGates(compared.diff, context.diff.gates)];
  if (context.jobSummary) {
    await core.group('Job summary', () => summarize(context, result, uploaded.artifact, 'error' in uploaded, gates, compared));
  }
  await core.group('Outputs', async () => setOutputs(actionOutputs(result, context.workspace, uploaded.artifact, compared.diff)));
  if (context.diff.prComment) {
    await core.group('Pull-request comment', () => commentOnPullRequest(context.diff, site, compared, runOptions.github?.rest));
  }
  if ('error' in uploaded) throw uploaded.error;
  if (compared.error !== undefined) throw compared.error;
  await core.group('Quality gates', async () => {
    for (const gate of gates) core.info(`${gate.passed ? 'passed' : 'MISSED'}: ${gate.description}`);
    if (gates.length === 0)
      core.info(
        `No quality gates set (${inputName('min-images')}, ${inputName('max-drop-ratio')}, ${inputName('max-image-drop')}, ${inputName('fail-on-class-loss')})`,
      );
    const where = uploaded.artifact
      ? `inspect the dataset in artifact "${uploaded.artifact.name}"${uploaded.artifact.url ? ` (${uploaded.artifact.url})` : ''}`
      : `inspect the dataset in ${workspacePath(result.outDir, context.workspace)}`;
    enforceGates(gates, where);
  });
}

/** Fails the step for any thrown value (an Error or not), with the error's own exit code. */
export function fail(error: unknown): void {
  core.setFailed(messageOf(error));
  if (error instanceof Error && error.stack) core.debug(error.stack);
  process.exitCode = exitCodeOf(error);
}
