/** argv → RawOptions, with the CLI-only flags (log format, debug, help). */
import { parseArgs } from 'node:util';
import { didYouMean, invalidParameterError, UsageError } from '../errors.js';
import type { LogFormat } from '../observe/log.js';
import type { RawOptions } from '../options/resolve-options.js';

export interface CliArgs {
  /** `usage`: no arguments at all (the usage goes to stderr, exit 2); `help`: asked for. */
  command: 'run' | 'merge' | 'cost' | 'help' | 'usage' | 'version';
  raw: RawOptions;
  /** `merge`: the dataset folders to join. */
  parts: string[];
  logFormat: LogFormat;
  debug: boolean;
}

const VALUE_OPTIONS = [
  'out', 'site', 'sample-fps', 'every-n-frames', 'decode', 'start', 'end', 'model', 'model-sha256', 'model-config', 'dedup-threshold', 'dedup-local-threshold', 'confidence', 'iou',
  'max-detections', 'classes', 'black-luma', 'overexposed-luma', 'blur-threshold', 'blur-ratio', 'blur-window', 'jpeg-quality', 'inference-workers', 'ffmpeg-path',
  'pushgateway-url', 'history-csv', 'price-per-hour', 'execution-providers', 'export', 'label-studio-images', 'select',
  'stall-timeout', 'download-timeout',
] as const;

const COMMANDS = ['run', 'merge', 'cost', 'help', 'version'];
const FLAG_OPTIONS = ['video', 'overwrite', 'resume', 'strict', 'select-only', 'log-format', 'debug', 'help'];

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
  if (command === undefined) return { command: 'usage', raw: {}, parts: [], logFormat: 'text', debug: false };
  if (command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help', raw: {}, parts: [], logFormat: 'text', debug: false };
  }
  if (command === '--version' || command === 'version') return { command: 'version', raw: {}, parts: [], logFormat: 'text', debug: false };
  if (command === 'merge') return parseMergeArgs(rest);
  if (command === 'cost') return { command: 'cost', raw: {}, parts: [...rest], logFormat: 'text', debug: rest.includes('--debug') };
  if (command !== 'run') {
    const hint = didYouMean(command.replace(/^-+/, ''), COMMANDS, (name) => `\`dataset-gen ${name}\``);
    throw new UsageError(`Unknown command "${command}"${hint}; the commands are \`dataset-gen run\`, \`dataset-gen merge\` and \`dataset-gen cost\` (see dataset-gen --help)`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(rest),
      strict: true,
      allowPositionals: false,
      options: {
        video: { type: 'string', multiple: true },
        overwrite: { type: 'boolean' },
        resume: { type: 'boolean' },
        strict: { type: 'boolean' },
        'select-only': { type: 'boolean' },
        'log-format': { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(VALUE_OPTIONS.map((name) => [name, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '').replace(/\.$/, '');
    const unknown = /^Unknown option '--?([^'=]+)/.exec(message ?? '')?.[1];
    const hint = unknown === undefined ? '' : didYouMean(unknown, [...FLAG_OPTIONS, ...VALUE_OPTIONS], (name) => `--${name}`);
    throw new UsageError(`${message}${hint}; see dataset-gen run --help`);
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) return { command: 'help', raw: {}, parts: [], logFormat: 'text', debug: false };
  const logFormat = (values['log-format'] as string | undefined) ?? 'text';
  if (logFormat !== 'text' && logFormat !== 'json') throw invalidParameterError('--log-format', '"text" or "json"', logFormat);
  const raw: RawOptions = {
    video: values.video as string[] | undefined,
    overwrite: values.overwrite === true,
    resume: values.resume === true,
    strict: values.strict === true,
    'select-only': values['select-only'] === true,
  };
  for (const name of VALUE_OPTIONS) {
    const value = values[name];
    if (typeof value === 'string') raw[name] = value;
  }
  raw.model ??= env.DATASET_GEN_MODEL || undefined;
  return { command: 'run', raw, parts: [], logFormat, debug: values.debug === true };
}

function usageFrom(error: unknown, command: string): UsageError {
  const message = (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '').replace(/\.$/, '');
  return new UsageError(`${message}; see dataset-gen ${command} --help`);
}

function logFormatOf(value: unknown): LogFormat {
  const logFormat = (value as string | undefined) ?? 'text';
  if (logFormat !== 'text' && logFormat !== 'json') throw invalidParameterError('--log-format', '"text" or "json"', logFormat);
  return logFormat;
}

/** `dataset-gen merge <dataset>... --out <dir> [--overwrite] [--select n [--select-only]] [--label-studio-images prefix]`. */
function parseMergeArgs(rest: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      strict: true,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        overwrite: { type: 'boolean' },
        select: { type: 'string' },
        'select-only': { type: 'boolean' },
        'label-studio-images': { type: 'string' },
        'log-format': { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageFrom(error, 'merge');
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', raw: {}, parts: [], logFormat: 'text', debug: false };
  if (positionals.length === 0) throw invalidParameterError('dataset-gen merge', 'one or more dataset folders', 'none');
  if (!values.out) throw invalidParameterError('--out', 'the folder of the merged dataset', values.out);
  return {
    command: 'merge',
    raw: {
      out: values.out,
      overwrite: values.overwrite === true,
      ...(values.select === undefined ? {} : { select: values.select }),
      ...(values['select-only'] === true ? { 'select-only': true } : {}),
      ...(values['label-studio-images'] === undefined ? {} : { 'label-studio-images': values['label-studio-images'] }),
    },
    parts: positionals,
    logFormat: logFormatOf(values['log-format']),
    debug: values.debug === true,
  };
}
