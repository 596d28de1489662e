/**
 * In the Action, a user's model config is held to what the `model` input is held to, before anything
 * is read or downloaded: its `source.path` must resolve inside the workspace (real path, through
 * symlinks) and its `source.url` must carry the file's `sha256` (the Actions cache trusts a hit; only
 * a digest the run checks makes that safe). A preset (a name in PRESETS, which `resolveOptions` keeps
 * as given, while a config file becomes an absolute path) points at the bundled models folder, outside
 * the workspace, and is not checked; nor is the config's source when the `model` input overrides it.
 */
import path from 'node:path';
import * as core from '@actions/core';

import type { Options } from '../domain/run-options.js';
import { hasSecretParts } from '../domain/url-redaction.js';
import { UsageError } from '../errors.js';
import { loadModelConfig, PRESETS } from '../index.js';
import { inputName } from './inputs.js';
import { requireInsideWorkspace } from './workspace-paths.js';

/** Whether the run takes its weights from the model config's source: a config file, and no `model` input. */
function usesConfigSource(options: Options): boolean {
  return !Object.hasOwn(PRESETS, options.modelConfig) && options.modelPath === null && options.modelUrl === null;
}

/**
 * Refuses a model config file whose source reaches outside the workspace or is an unpinned URL, with
 * one line naming the input and the file. A config that cannot be read or is invalid is refused here
 * with the ConfigError the run would give.
 */
export async function checkModelConfigSource(options: Options, workspaceReal: string): Promise<void> {
  if (!usesConfigSource(options)) return;
  const loaded = await loadModelConfig(options.modelConfig);
  const source = loaded.config.source;
  const named = `${inputName('model-config')} ${loaded.origin}`;
  if (source === undefined) return;
  if ('path' in source) {
    await requireInsideWorkspace(path.resolve(loaded.baseDir, source.path), source.path, `${named}: source.path`, workspaceReal);
    return;
  }
  // A presigned URL's token is masked in the log, as the `model` input's is (context.ts).
  if (hasSecretParts(source.url)) core.setSecret(source.url);
  if (source.sha256 === undefined) {
    // The URL itself is left out: it may carry a token (a presigned URL).
    throw new UsageError(
      `${named}: source.url has no "sha256"; add "sha256": "<the file's sha256>" beside it (\`sha256sum model.onnx\`) so a changed or tampered download (or cache entry) is refused, or give the model with ${inputName('model')} and ${inputName('model-sha256')}`,
    );
  }
}
