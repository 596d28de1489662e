/**
 * The Action's inputs in one table, keyed as in action.yml: each input's kind, its default (as
 * action.yml declares it) and the library option it feeds. Reading (`getInputs`), validation (options
 * through `resolveOptions`, the Action's own through options/parse.ts), the names in messages
 * (`actionName`) and the action.yml and README consistency test all come from it.
 *
 * The runner passes every declared default as an `INPUT_*` variable; the same defaults apply here when
 * a variable is missing or empty (a container run by hand, or an input given as an empty expression).
 */
import * as core from '@actions/core';

import { DEFAULT_LABEL_STUDIO_IMAGES, DEFAULT_VAL_FRACTION } from '../domain/exports.js';
import type { NameOf, OptionKey } from '../domain/run-options.js';
import { DEFAULT_SELECT_CONFIDENCE } from '../domain/selection.js';
import { DEFAULT_DEDUP_LOCAL_THRESHOLD, DEFAULT_QUALITY_THRESHOLDS } from '../domain/thresholds.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_SECONDS, DEFAULT_STALL_TIMEOUT_SECONDS } from '../domain/timeouts.js';
import { invalidParameterError } from '../errors.js';
import { DEFAULT_PRESET, parseDecimal, parseInteger, type FlagOptionKey, type Range, type RawOptions, type ScalarOptionKey } from '../index.js';

/** One path (or glob, for `video`) per line. */
interface LinesInput {
  kind: 'lines';
  option: 'video' | 'exclude';
}

/** Text passed to the library's option of the same meaning (validated there), or used by the Action. */
interface TextInput {
  kind: 'text';
  default: string;
  option?: ScalarOptionKey;
}

/** YAML 1.2 core-schema booleans only. */
interface FlagInput {
  kind: 'flag';
  default: boolean;
  option?: FlagOptionKey;
}

/** A number the Action itself uses; `default` null means "not set". */
interface NumberInput {
  kind: 'integer' | 'decimal';
  default: number | null;
  range: Range;
  expected: string;
}

/**
 * A token: `default` is the expression action.yml declares (`${{ github.token }}`), which only the
 * runner can evaluate, so a missing or empty variable reads as '' (never the expression itself).
 */
interface TokenInput {
  kind: 'token';
  default: string;
}

type InputSpec = LinesInput | TextInput | FlagInput | NumberInput | TokenInput;

export const INPUTS = {
  video: { kind: 'lines', option: 'video' },
  'output-dir': { kind: 'text', default: 'dataset', option: 'out' },
  overwrite: { kind: 'flag', default: false, option: 'overwrite' },
  resume: { kind: 'flag', default: false, option: 'resume' },
  strict: { kind: 'flag', default: false, option: 'strict' },
  'model-config': { kind: 'text', default: DEFAULT_PRESET, option: 'model-config' },
  model: { kind: 'text', default: '', option: 'model' },
  'model-sha256': { kind: 'text', default: '', option: 'model-sha256' },
  'sample-fps': { kind: 'text', default: '1', option: 'sample-fps' },
  decode: { kind: 'text', default: 'auto', option: 'decode' },
  start: { kind: 'text', default: '', option: 'start' },
  end: { kind: 'text', default: '', option: 'end' },
  'dedup-threshold': { kind: 'text', default: '2', option: 'dedup-threshold' },
  'dedup-local-threshold': { kind: 'text', default: String(DEFAULT_DEDUP_LOCAL_THRESHOLD), option: 'dedup-local-threshold' },
  'blur-ratio': { kind: 'text', default: String(DEFAULT_QUALITY_THRESHOLDS.blurRatio), option: 'blur-ratio' },
  'blur-threshold': { kind: 'text', default: String(DEFAULT_QUALITY_THRESHOLDS.blurThreshold), option: 'blur-threshold' },
  'black-luma': { kind: 'text', default: String(DEFAULT_QUALITY_THRESHOLDS.blackLuma), option: 'black-luma' },
  'overexposed-luma': { kind: 'text', default: String(DEFAULT_QUALITY_THRESHOLDS.overexposedLuma), option: 'overexposed-luma' },
  confidence: { kind: 'text', default: '', option: 'confidence' },
  iou: { kind: 'text', default: '', option: 'iou' },
  classes: { kind: 'text', default: '', option: 'classes' },
  site: { kind: 'text', default: '', option: 'site' },
  'upload-artifact': { kind: 'flag', default: true },
  'artifact-name': { kind: 'text', default: '' },
  'retention-days': { kind: 'integer', default: null, range: { min: 1, max: 90 }, expected: 'an integer from 1 to 90 (days)' },
  'job-summary': { kind: 'flag', default: true },
  'cache-model': { kind: 'flag', default: true },
  'min-images': { kind: 'integer', default: 0, range: { min: 0, max: Number.MAX_SAFE_INTEGER }, expected: 'a whole number of images, 0 or more' },
  'max-drop-ratio': { kind: 'decimal', default: 1, range: { min: 0, max: 1 }, expected: 'a number from 0 to 1' },
  'pushgateway-url': { kind: 'text', default: '', option: 'pushgateway-url' },
  'history-csv': { kind: 'text', default: '', option: 'history-csv' },
  'price-per-hour': { kind: 'text', default: '', option: 'price-per-hour' },
  'execution-providers': { kind: 'text', default: '', option: 'execution-providers' },
  'inference-shape': { kind: 'text', default: 'auto', option: 'inference-shape' },
  export: { kind: 'text', default: 'coco', option: 'export' },
  'label-studio-images': { kind: 'text', default: DEFAULT_LABEL_STUDIO_IMAGES, option: 'label-studio-images' },
  'val-fraction': { kind: 'text', default: String(DEFAULT_VAL_FRACTION), option: 'val-fraction' },
  labels: { kind: 'text', default: 'dataset', option: 'labels' },
  select: { kind: 'text', default: '', option: 'select' },
  'select-only': { kind: 'flag', default: false, option: 'select-only' },
  'select-confidence': { kind: 'text', default: String(DEFAULT_SELECT_CONFIDENCE), option: 'select-confidence' },
  exclude: { kind: 'lines', option: 'exclude' },
  'stall-timeout': { kind: 'text', default: String(DEFAULT_STALL_TIMEOUT_SECONDS), option: 'stall-timeout' },
  'download-timeout': { kind: 'text', default: String(DEFAULT_DOWNLOAD_TIMEOUT_SECONDS), option: 'download-timeout' },
  baseline: { kind: 'text', default: '' },
  'baseline-workflow': { kind: 'text', default: '' },
  'baseline-artifact': { kind: 'text', default: '' },
  'github-token': { kind: 'token', default: '${{ github.token }}' },
  'pr-comment': { kind: 'flag', default: false },
  'max-image-drop': { kind: 'decimal', default: null, range: { min: 0, max: 100 }, expected: 'a percentage from 0 to 100' },
  'fail-on-class-loss': { kind: 'flag', default: false },
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

type ValueOf<S> = S extends LinesInput
  ? string[]
  : S extends FlagInput
    ? boolean
    : S extends { kind: 'integer' | 'decimal'; default: number }
      ? number
      : S extends NumberInput
        ? number | null
        : string;

/** The inputs as given, read once and typed by kind. Keys are the action.yml names. */
export type Inputs = { -readonly [K in InputName]: ValueOf<(typeof INPUTS)[K]> };

export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

/** How an input is named in messages, e.g. `input "sample-fps"`. */
export function inputName(name: InputName): string {
  return `input "${name}"`;
}

const INPUT_OF_OPTION = new Map<OptionKey, InputName>(
  INPUT_NAMES.flatMap((name) => {
    const spec: InputSpec = INPUTS[name];
    return 'option' in spec && spec.option !== undefined ? [[spec.option, name] as const] : [];
  }),
);

/** Names the library's options the way the Action's user spelled them (`out` is `input "output-dir"`). */
export const actionName: NameOf = (key) => `input "${INPUT_OF_OPTION.get(key) ?? key}"`;

function readFlag(name: InputName, fallback: boolean): boolean {
  const value = core.getInput(name);
  if (value === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw invalidParameterError(inputName(name), 'true or false', value);
  }
}

function readInput(name: InputName): Inputs[InputName] {
  const spec: InputSpec = INPUTS[name];
  switch (spec.kind) {
    case 'lines':
      // getMultilineInput drops empty lines before trimming, so a CRLF blank line arrives as ''.
      return core.getMultilineInput(name).filter((line) => line !== '');
    case 'text':
      return core.getInput(name) || spec.default;
    case 'token':
      return core.getInput(name);
    case 'flag':
      return readFlag(name, spec.default);
    case 'integer':
      return parseInteger(core.getInput(name), inputName(name), spec.range, spec.expected) ?? spec.default;
    case 'decimal':
      return parseDecimal(core.getInput(name), inputName(name), spec.range, spec.expected) ?? spec.default;
  }
}

/** Reads every input once; the Action's own numbers and flags are validated here. */
export function getInputs(): Inputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, readInput(name)])) as Inputs;
}

/** The library's raw options the inputs feed (the inputs that have an `option`), for `resolveOptions`. */
export function rawOptions(inputs: Inputs): RawOptions {
  const raw: RawOptions = {};
  for (const name of INPUT_NAMES) {
    const spec: InputSpec = INPUTS[name];
    if (spec.kind === 'lines') raw[spec.option] = inputs[name] as string[];
    else if (spec.kind === 'flag' && spec.option !== undefined) raw[spec.option] = inputs[name] as boolean;
    else if (spec.kind === 'text' && spec.option !== undefined) raw[spec.option] = inputs[name] as string;
  }
  return raw;
}
