/**
 * Model config: what the detector needs to know about an ONNX model. A JSON file validated with zod
 * (errors name the field), or a built-in preset. See docs/model-config.md.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

import { classNameProblem } from '../domain/control-characters.js';
import { ConfigError } from '../errors.js';
import { BUNDLED_MODEL_FILE, bundledModelsDir } from './bundled.js';
import { COCO80_NAMES } from './coco-names.js';

/** A sha256 digest as written everywhere (model configs, manifests, checkpoints). */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 digest: 64 lowercase hex characters');

export const modelSourceSchema = z.union(
  [
    z.strictObject({ path: z.string().min(1) }),
    z.strictObject({
      url: z.url({ protocol: /^https$/, error: 'an https:// URL' }),
      sha256: sha256Schema.optional(),
    }),
  ],
  { error: 'either {"path": "<file.onnx>"} or {"url": "https://…", "sha256": "<64 hex, optional>"}' },
);

export const executionProviderSchema = z.enum(['cpu', 'cuda']);

export const modelConfigSchema = z.strictObject({
  name: z.string().min(1),
  source: modelSourceSchema.optional(),
  inputSize: z.number().int().min(32).max(4096).default(640),
  layout: z.enum(['yolov8', 'yolov5']),
  classNames: z.array(z.string().min(1)).min(1).optional(),
  confidence: z.number().gt(0).lt(1).default(0.25),
  iou: z.number().gt(0).lte(1).default(0.45),
  maxDetections: z.number().int().min(1).max(10000).default(300),
  /** Frames per inference call when the model's batch dimension is dynamic. */
  batchSize: z.number().int().min(1).max(64).default(4),
  executionProviders: z.array(executionProviderSchema).min(1).default(['cpu']),
});

export type ExecutionProvider = z.infer<typeof executionProviderSchema>;
export type ModelConfig = z.infer<typeof modelConfigSchema>;

export const PRESETS: Readonly<Record<string, z.input<typeof modelConfigSchema>>> = {
  'yolov8n-coco': {
    name: 'yolov8n-coco',
    // The weights that ship with the tool (models/README.md); relative to the bundled models folder.
    source: { path: BUNDLED_MODEL_FILE },
    inputSize: 640,
    layout: 'yolov8',
    classNames: [...COCO80_NAMES],
    confidence: 0.25,
    iou: 0.45,
    maxDetections: 300,
    executionProviders: ['cpu'],
  },
};

export const DEFAULT_PRESET = 'yolov8n-coco';

/** A validated config and where it came from (relative source paths resolve against `baseDir`). */
export interface LoadedModelConfig {
  config: ModelConfig;
  origin: string;
  baseDir: string;
}

/** Error messages stay on one line: line breaks (e.g. inside an unknown key's name) are shown escaped. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, (lineBreak) => JSON.stringify(lineBreak).slice(1, -1));
}

function formatIssues(origin: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${field}: ${issue.message}`;
  });
  return oneLine(`Invalid model config ${origin}: ${parts.join('; ')}`);
}

export function parseModelConfig(value: unknown, origin: string, baseDir: string): LoadedModelConfig {
  const result = modelConfigSchema.safeParse(value);
  if (!result.success) throw new ConfigError(formatIssues(origin, result.error));
  const config = result.data;
  if (config.classNames && new Set(config.classNames).size !== config.classNames.length) {
    throw new ConfigError(`Invalid model config ${origin}: classNames: names must be unique`);
  }
  // Refused rather than escaped: see classNameProblem (domain/control-characters.ts).
  config.classNames?.forEach((className, index) => {
    const problem = classNameProblem(className);
    if (problem !== null) throw new ConfigError(oneLine(`Invalid model config ${origin}: classNames.${index}: ${problem}`));
  });
  return { config, origin, baseDir };
}

/** Loads a preset by name, or a JSON file by path. */
export async function loadModelConfig(spec: string, cwd = process.cwd()): Promise<LoadedModelConfig> {
  // Own keys only: a file named "constructor" or "toString" is a file, not an Object.prototype member.
  const preset = Object.hasOwn(PRESETS, spec) ? PRESETS[spec] : undefined;
  // A preset's source.path names a file in the bundled models folder, wherever the tool is installed.
  if (preset) return parseModelConfig(preset, `preset "${spec}"`, bundledModelsDir() ?? cwd);
  const file = path.resolve(cwd, spec);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code);
    throw new ConfigError(`Cannot read model config ${file}: ${why}; pass a JSON file or one of the presets: ${Object.keys(PRESETS).join(', ')}`);
  }
  let json: unknown;
  try {
    // Some Windows editors save UTF-8 with a byte-order mark, which JSON.parse rejects.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(oneLine(`Invalid model config ${file}: not valid JSON (${(error as Error).message})`));
  }
  return parseModelConfig(json, file, path.dirname(file));
}
