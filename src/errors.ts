/**
 * User-facing errors. Each class carries the process exit code the CLI returns for it, so a script
 * (or the Action) can tell bad input from a broken model from a bug. The exit-code table of
 * docs/troubleshooting.md is generated from `EXIT_CODES`; keep them in step.
 */
export const EXIT_CODES = {
  ok: 0,
  internal: 1,
  usage: 2,
  video: 3,
  model: 4,
  config: 5,
  output: 6,
  tool: 7,
  gate: 8,
  /** `dataset-gen doctor`: something asked for (an execution provider, ffmpeg) does not work here. */
  doctor: 9,
  /** Stopped by SIGINT (Ctrl-C): 128 + 2, as a shell reports it. */
  sigint: 130,
  /** Stopped by SIGTERM (a cancelled job, a pre-empted runner): 128 + 15. */
  sigterm: 143,
} as const;

export abstract class DatasetGenError extends Error {
  abstract readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A command-line option or Action input is missing, malformed or out of range. */
export class UsageError extends DatasetGenError {
  readonly exitCode = EXIT_CODES.usage;
}

/** An input video is missing, unreadable, not a video, or cannot be decoded to the end. */
export class VideoInputError extends DatasetGenError {
  readonly exitCode = EXIT_CODES.video;
}

/** The model weights cannot be found, downloaded, verified or used. */
export class ModelError extends DatasetGenError {
  readonly exitCode = EXIT_CODES.model;
}

/** A model-config file or preset is missing or has an invalid field. */
export class ConfigError extends DatasetGenError {
  readonly exitCode = EXIT_CODES.config;
}

/** The output folder cannot be used (exists and is not empty without --overwrite, not writable, disk full, in use by another run). */
export class OutputError extends DatasetGenError {
  readonly exitCode = EXIT_CODES.output;
}

/** ffmpeg/ffprobe cannot be found or fails for a reason that is not the input's fault. */
export class ToolError extends DatasetGenError {
  readonly exitCode = EXIT_CODES.tool;
}

/** The dataset was written but misses a quality gate (minimum images, maximum drop ratio). */
export class QualityGateError extends DatasetGenError {
  readonly exitCode = EXIT_CODES.gate;
}

/** The run was stopped by a signal; its exit code is the shell's for that signal (130, 143). */
export class InterruptedError extends DatasetGenError {
  readonly exitCode: number;
  constructor(
    message: string,
    readonly signal: 'SIGINT' | 'SIGTERM',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.exitCode = signal === 'SIGINT' ? EXIT_CODES.sigint : EXIT_CODES.sigterm;
  }
}

/** Renders any value as a readable string, for values that are not `Error`s. */
export function describeValue(value: unknown): string {
  // JSON escapes C0 only: DEL, C1 and the Unicode line separators are escaped too, so a message stays one line.
  if (typeof value === 'string')
    return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * The one shape for a bad parameter: "Expected <expected> for <name> but received <actual>".
 */
export function invalidParameterError(name: string, expected: string, actual: unknown): UsageError {
  return new UsageError(`Expected ${expected} for ${name} but received ${describeValue(actual)}`);
}

/** Edit distance counting an insertion, a deletion, a substitution or a swap of neighbours as one typo. */
function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The name `typed` was probably meant to be, for "did you mean" hints (class names, options,
 * commands): the same name in another case; else the closest within a few typos (a third of its
 * length, at least one); else the one name that has it as a whole dash-separated part ("fps" →
 * "sample-fps"). Undefined when nothing is close.
 */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return undefined;
  const folded = candidates.find((name) => name.toLowerCase() === wanted);
  if (folded !== undefined) return folded;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(wanted.length / 3)) + 1;
  for (const name of candidates) {
    const distance = typoDistance(wanted, name.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  if (best !== undefined) return best;
  const containing = candidates.filter((name) => name.toLowerCase().split(/[-_ ]/).includes(wanted));
  return containing.length === 1 ? containing[0] : undefined;
}

/** ` (did you mean "x"?)` for the closest of `candidates` (shown with `show`), or ''. */
export function didYouMean(typed: string, candidates: readonly string[], show: (name: string) => string = (name) => `"${name}"`): string {
  const closest = closestName(typed, candidates);
  return closest === undefined ? '' : ` (did you mean ${show(closest)}?)`;
}

/** The message of any thrown value, `Error` or not. */
export function messageOf(value: unknown): string {
  if (value instanceof Error) return value.message;
  // An Error from another realm (a vm context, a worker) fails instanceof but still has a message.
  if (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string') {
    return (value as { message: string }).message;
  }
  return typeof value === 'string' ? value : describeValue(value);
}

/** The first line of `messageOf(value)`, trimmed: a runtime's own message often goes on with detail lines. */
export function firstLineOf(value: unknown): string {
  return messageOf(value).split('\n', 1)[0]!.trim();
}

/** Exit code for any thrown value: the error's own code, or 1 for anything unexpected. */
export function exitCodeOf(value: unknown): number {
  return value instanceof DatasetGenError ? value.exitCode : EXIT_CODES.internal;
}
