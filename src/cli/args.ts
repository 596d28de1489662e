/** argv → RawOptions, with the CLI-only flags (log format, debug, help). */
import { parseArgs } from 'node:util';
import { invalidParameterError, UsageError } from '../errors.js';
import type { LogFormat } from '../observe/log.js';
import type { RawOptions } from '../options/resolve.js';

export interface CliArgs {
  command: 'run' | 'help' | 'version';
  raw: RawOptions;
  logFormat: LogFormat;
  debug: boolean;
}

const VALUE_OPTIONS = [
  'out', 'site', 'sample-fps', 'every-n-frames', 'model', 'model-sha256', 'model-config', 'dedup-threshold', 'confidence', 'iou',
  'max-detections', 'classes', 'black-luma', 'overexposed-luma', 'blur-threshold', 'jpeg-quality', 'inference-workers', 'ffmpeg-path',
  'pushgateway-url', 'history-csv', 'export', 'label-studio-images', 'select',
] as const;

/** `--opt -1` → `--opt=-1`: parseArgs takes a value that starts with "-" for an option otherwise. */
function joinNegativeValues(args: readonly string[]): string[] {
  const valued = new Set<string>(VALUE_OPTIONS.map((name) => `--${name}`));
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (valued.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help', raw: {}, logFormat: 'text', debug: false };
  }
  if (command === '--version' || command === 'version') return { command: 'version', raw: {}, logFormat: 'text', debug: false };
  if (command !== 'run') throw new UsageError(`Unknown command "${command}"; the command is \`dataset-gen run\` (see dataset-gen --help)`);
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(rest),
      strict: true,
      allowPositionals: false,
      options: {
        video: { type: 'string', multiple: true },
        overwrite: { type: 'boolean' },
        'select-only': { type: 'boolean' },
        'log-format': { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(VALUE_OPTIONS.map((name) => [name, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '').replace(/\.$/, '');
    throw new UsageError(`${message}; see dataset-gen run --help`);
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) return { command: 'help', raw: {}, logFormat: 'text', debug: false };
  const logFormat = (values['log-format'] as string | undefined) ?? 'text';
  if (logFormat !== 'text' && logFormat !== 'json') throw invalidParameterError('--log-format', '"text" or "json"', logFormat);
  const raw: RawOptions = {
    video: values.video as string[] | undefined,
    overwrite: values.overwrite === true,
    'select-only': values['select-only'] === true,
  };
  for (const name of VALUE_OPTIONS) {
    const value = values[name];
    if (typeof value === 'string') raw[name] = value;
  }
  raw.model ??= env.DATASET_GEN_MODEL || undefined;
  return { command: 'run', raw, logFormat, debug: values.debug === true };
}
