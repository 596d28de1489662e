/**
 * The library's one public entry: everything the two doors (the CLI, src/cli/, and the Action,
 * src/action/) use of the library, and what a program using dataset-gen as a library needs. Neither
 * door reaches past it into the library's folders (eslint.config.js: a door may import only this
 * file, the domain types, errors and version). It knows nothing about argv or GitHub.
 */
// The run, the merge and their results.
export { runPipeline, type RunHooks, type RunResult } from './pipeline/run-pipeline.js';
export { mergeDatasets, type MergeRequest, type MergeResult } from './pipeline/merge/merge.js';
export type { RunManifest } from './pipeline/write/manifest.js';
// Two datasets compared (`dataset-gen diff`).
export { compareDatasets, diffDatasets, diffJson, readDiffPair, type DiffPair, type DiffRequest } from './pipeline/diff/diff-datasets.js';
export { renderDiffHtml, type DiffHtmlOptions } from './pipeline/diff/diff-html.js';
export { renderDiffMarkdown, type DiffMarkdownOptions } from './pipeline/diff/diff-markdown.js';
export type { DatasetDiff } from './pipeline/diff/diff-model.js';
export type { RunMetrics } from './observe/metrics-contract.js';
// Options: the one validator, its parsers, the raw form both doors build.
export {
  doctorOptions,
  labellingBudget,
  labelStudioImagesOption,
  MAX_INFERENCE_WORKERS,
  resolveOptions,
  type FlagOptionKey,
  type RawOptions,
  type ScalarOptionKey,
} from './options/resolve-options.js';
export { parseDecimal, parseInteger, type Range } from './options/parse.js';
// Logs and progress.
export { createLogger, silentLogger, type LogFields, type LogFormat, type Logger, type LogLevel, type LogStream } from './observe/log.js';
export { createProgress } from './observe/progress.js';
// Models.
export { DEFAULT_PRESET, loadModelConfig, PRESETS, type ModelConfig } from './model/config.js';
export type { ResolvedModel } from './model/resolve-model.js';
export type { DownloadOptions } from './model/download.js';
export { sha256Text } from './model/sha256.js';
// Reports.
export { DEFAULT_MAX_TABLE_ROWS, escapeMarkdown, renderMarkdownReport } from './report/markdown.js';
export { cutToBytes } from './report/text-cut.js';
// What this machine would run on (`dataset-gen doctor`).
export { runDoctor, type DoctorReport, type DoctorRequest } from './doctor/doctor.js';
export { doctorText } from './doctor/doctor-text.js';
// The fleet cost model.
export { decodeModeFor, estimateFleet, type FleetEstimate, type FleetInput } from './cost/estimate.js';
export { ANNOUNCED_PLATFORM_CHARGE_PER_MINUTE, INSTANCES } from './cost/figures.js';
export { TOOL_VERSION } from './version.js';
