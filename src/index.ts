/** The library: everything the CLI and the Action use, and nothing about argv or GitHub. */
export { runPipeline, type RunHooks, type RunResult } from './pipeline/run-pipeline.js';
export { DATASET_FILES, type DatasetFile } from './domain/dataset-files.js';
export { resolveOptions, type RawOptions } from './options/resolve-options.js';
export { cliName, type NameOf, type OptionKey, type Options } from './domain/run-options.js';
export * from './errors.js';
export { createLogger, silentLogger, type Logger } from './observe/log.js';
export { createProgress } from './observe/progress.js';
export type { RunMetrics } from './observe/metrics-contract.js';
export type { RunManifest } from './pipeline/write/manifest.js';
export { renderMarkdownReport } from './report/markdown.js';
export { loadModelConfig, PRESETS, DEFAULT_PRESET, type ModelConfig } from './model/config.js';
export { TOOL_VERSION } from './version.js';
