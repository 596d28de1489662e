/** argv → RawOptions, with the CLI-only flags (log format, debug, help). */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { didYouMean, invalidParameterError, UsageError } from '../errors.js';
import type { LogFormat, RawOptions } from '../index.js';
import { parseCostArgs } from './cost.js';
import { parseDiffArgs, type DiffArgs } from './diff.js';
import { parseDoctorArgs } from './doctor.js';

/** What a help request shows: the overview of the commands, or one command's options. */
export type HelpTopic = 'overview' | 'run' | 'merge' | 'diff' | 'cost' | 'doctor';

export interface CliArgs {
  /** `usage`: no arguments at all (the usage goes to stderr, exit 2); `help`: asked for. */
  command: 'run' | 'merge' | 'diff' | 'cost' | 'doctor' | 'help' | 'usage' | 'version';
  raw: RawOptions;
  /** `merge`: the dataset folders to join; `cost`: its arguments, parsed by src/cli/cost.ts. */
  parts: string[];
  logFormat: LogFormat;
  debug: boolean;
  /** `help` and `usage`: which help to show. */
  topic?: HelpTopic;
  /** `merge --allow-gaps`: merge parts that leave a stretch of a video uncovered. */
  allowGaps?: boolean;
  /** `diff`: the two folders and where the Markdown and JSON go. */
  diff?: DiffArgs;
}

const VALUE_OPTIONS = [
  'out',
  'site',
  'sample-fps',
  'every-n-frames',
  'decode',
  'start',
  'end',
  'model',
  'model-sha256',
  'model-config',
  'dedup-threshold',
  'dedup-local-threshold',
  'confidence',
  'iou',
  'max-detections',
  'classes',
  'black-luma',
  'overexposed-luma',
  'blur-threshold',
  'blur-ratio',
  'blur-window',
  'jpeg-quality',
  'inference-workers',
  'ffmpeg-path',
  'pushgateway-url',
  'history-csv',
  'price-per-hour',
  'execution-providers',
  'inference-shape',
  'export',
  'label-studio-images',
  'val-fraction',
  'labels',
  'select',
  'select-confidence',
  'stall-timeout',
  'download-timeout',
] as const;

/** The commands that have help of their own (`dataset-gen <command> --help`, `dataset-gen help <command>`). */
const HELP_TOPICS = ['run', 'merge', 'diff', 'cost', 'doctor'] as const;
const COMMANDS = ['run', 'merge', 'diff', 'cost', 'doctor', 'help', 'version'];

type Options = NonNullable<ParseArgsConfig['options']>;

/** `dataset-gen run`'s options, as parseArgs takes them (its help lists every one: test/unit/cli/help.test.ts). */
export const RUN_OPTIONS = {
  video: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  overwrite: { type: 'boolean' },
  resume: { type: 'boolean' },
  strict: { type: 'boolean' },
  'select-only': { type: 'boolean' },
  'log-format': { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(VALUE_OPTIONS.map((name) => [name, { type: 'string' as const }])),
} satisfies Options;

/** `dataset-gen merge`'s options, as parseArgs takes them. */
export const MERGE_OPTIONS = {
  out: { type: 'string' },
  overwrite: { type: 'boolean' },
  select: { type: 'string' },
  'select-only': { type: 'boolean' },
  'label-studio-images': { type: 'string' },
  'allow-gaps': { type: 'boolean' },
  'log-format': { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies Options;

const help = (topic: HelpTopic): CliArgs => ({ command: 'help', topic, raw: {}, parts: [], logFormat: 'text', debug: false });

function unknownCommand(command: string): UsageError {
  const hint = didYouMean(command.replace(/^-+/, ''), COMMANDS, (name) => `\`dataset-gen ${name}\``);
  return new UsageError(
    `Unknown command "${command}"${hint}; the commands are \`dataset-gen run\`, \`dataset-gen merge\`, \`dataset-gen diff\`, \`dataset-gen cost\` and \`dataset-gen doctor\` (see dataset-gen --help)`,
  );
}

/** `dataset-gen help [<command>]`. */
function helpTopic(rest: readonly string[]): CliArgs {
  const [topic, extra] = rest;
  if (extra !== undefined) throw new UsageError(`dataset-gen help takes one command at most, received ${rest.length}; see dataset-gen --help`);
  if (topic === undefined || topic === 'help') return help('overview');
  if (!(HELP_TOPICS as readonly string[]).includes(topic)) throw unknownCommand(topic);
  return help(topic as HelpTopic);
}

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
  if (command === undefined) return { command: 'usage', topic: 'overview', raw: {}, parts: [], logFormat: 'text', debug: false };
  if (command === '--help' || command === '-h') return help('overview');
  if (command === 'help') return helpTopic(rest);
  if (command === '--version' || command === 'version') return { command: 'version', raw: {}, parts: [], logFormat: 'text', debug: false };
  if (command === 'merge') return parseMergeArgs(rest);
  if (command === 'diff') {
    const diff = parseDiffArgs(rest);
    return diff === 'help' ? help('diff') : { command: 'diff', raw: {}, parts: [], logFormat: 'text', debug: false, diff };
  }
  if (command === 'cost') {
    if (parseCostArgs(rest) === 'help') return help('cost');
    return { command: 'cost', raw: {}, parts: [...rest], logFormat: 'text', debug: false };
  }
  if (command === 'doctor') {
    const raw = parseDoctorArgs(rest);
    return raw === 'help' ? help('doctor') : { command: 'doctor', raw, parts: [], logFormat: 'text', debug: false };
  }
  if (command !== 'run') throw unknownCommand(command);
  return parseRunArgs(rest, env);
}

function parseRunArgs(rest: readonly string[], env: NodeJS.ProcessEnv): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(rest), strict: true, allowPositionals: false, options: RUN_OPTIONS });
  } catch (error) {
    const message = (error as Error).message
      .split('\n')[0]
      ?.replace(/\. To specify a positional.*$/, '')
      .replace(/\.$/, '');
    const unknown = /^Unknown option '--?([^'=]+)/.exec(message ?? '')?.[1];
    const hint = unknown === undefined ? '' : didYouMean(unknown, Object.keys(RUN_OPTIONS), (name) => `--${name}`);
    throw new UsageError(`${message}${hint}; see dataset-gen run --help`);
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) return help('run');
  const raw: RawOptions = {
    video: values.video as string[] | undefined,
    exclude: values.exclude as string[] | undefined,
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
  return { command: 'run', raw, parts: [], logFormat: logFormatOf(values['log-format']), debug: values.debug === true };
}

function usageFrom(error: unknown, command: string): UsageError {
  const message = (error as Error).message
    .split('\n')[0]
    ?.replace(/\. To specify a positional.*$/, '')
    .replace(/\.$/, '');
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
    parsed = parseArgs({ args: [...rest], strict: true, allowPositionals: true, options: MERGE_OPTIONS });
  } catch (error) {
    throw usageFrom(error, 'merge');
  }
  const { values, positionals } = parsed;
  if (values.help) return help('merge');
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
    allowGaps: values['allow-gaps'] === true,
  };
}
