/**
 * `dataset-gen cost` (`npm run cost -- …`): runners needed and monthly cost for a number of sites,
 * from the throughput figures and dated prices of src/cost/ (every one overridable).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { invalidParameterError, UsageError } from '../errors.js';
import {
  ANNOUNCED_PLATFORM_CHARGE_PER_MINUTE,
  decodeModeFor,
  estimateFleet,
  INSTANCES,
  parseDecimal,
  parseInteger,
  type FleetEstimate,
  type FleetInput,
} from '../index.js';

interface NumberSpec {
  default: string;
  integer: boolean;
  range: { min: number; max: number; minExclusive?: boolean };
  /** The help line: placeholder, what it is, its unit spelled out, and the unit after the default (`%` for a fraction). */
  placeholder: string;
  what: string;
  unit: string;
  symbol: string;
  group: 'Sites and cameras' | 'Runners';
}

const NUMBERS = {
  sites: {
    default: '1',
    integer: true,
    range: { min: 1, max: 1_000_000 },
    group: 'Sites and cameras',
    placeholder: '<n>',
    what: 'sites (cameras) to process',
    unit: 'sites',
    symbol: 'site',
  },
  'hours-per-day': {
    default: '24',
    integer: false,
    range: { min: 0, max: 24, minExclusive: true },
    group: 'Sites and cameras',
    placeholder: '<h>',
    what: 'video each site records a day',
    unit: 'hours, up to 24 h',
    symbol: 'h',
  },
  'sample-fps': {
    default: '1',
    integer: false,
    range: { min: 0, max: 240, minExclusive: true },
    group: 'Sites and cameras',
    placeholder: '<n>',
    what: 'frames sampled per second of video, as run --sample-fps',
    unit: 'frames per second',
    symbol: 'frame/s',
  },
  'video-fps': {
    default: '25',
    integer: false,
    range: { min: 0, max: 240, minExclusive: true },
    group: 'Sites and cameras',
    placeholder: '<n>',
    what: "the cameras' frame rate",
    unit: 'frames per second',
    symbol: 'frames/s',
  },
  'keyframe-interval': {
    default: '2',
    integer: false,
    range: { min: 0, max: 3600, minExclusive: true },
    group: 'Sites and cameras',
    placeholder: '<s>',
    what: "time between the cameras' keyframes, their GOP length",
    unit: 'seconds',
    symbol: 's',
  },
  width: {
    default: '1920',
    integer: true,
    range: { min: 16, max: 16384 },
    group: 'Sites and cameras',
    placeholder: '<px>',
    what: 'frame width',
    unit: 'pixels',
    symbol: 'px',
  },
  height: {
    default: '1080',
    integer: true,
    range: { min: 16, max: 16384 },
    group: 'Sites and cameras',
    placeholder: '<px>',
    what: 'frame height',
    unit: 'pixels',
    symbol: 'px',
  },
  'hours-per-job': {
    default: '1',
    integer: false,
    range: { min: 0, max: 24, minExclusive: true },
    group: 'Runners',
    placeholder: '<h>',
    what: 'video per job, a time range of it (docs/long-videos.md)',
    unit: 'hours, up to 24 h',
    symbol: 'h',
  },
  utilisation: {
    default: '0.8',
    integer: false,
    range: { min: 0, max: 1, minExclusive: true },
    group: 'Runners',
    placeholder: '<0-1>',
    what: "share of a runner's day spent on jobs",
    unit: 'fraction, 0-1',
    symbol: '%',
  },
  'days-per-month': {
    default: '30',
    integer: false,
    range: { min: 1, max: 31 },
    group: 'Runners',
    placeholder: '<n>',
    what: 'days a month the sites record',
    unit: 'days',
    symbol: 'days',
  },
} as const satisfies Record<string, NumberSpec>;

type NumberName = keyof typeof NUMBERS;

/** `dataset-gen cost`'s options, as parseArgs takes them (its help lists every one: test/unit/cli/help.test.ts). */
export const COST_OPTIONS = {
  instance: { type: 'string' },
  spot: { type: 'boolean' },
  price: { type: 'string' },
  'job-overhead': { type: 'string' },
  'platform-charge': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...(Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, { type: 'string' as const }])) as Record<NumberName, { type: 'string' }>),
} satisfies NonNullable<ParseArgsConfig['options']>;

/** An option's lines in the help: the description beside the name, its parenthesis on a line of its own when too long. */
function optionLine(name: string, text: string, note = ''): string {
  const line = `  ${name.padEnd(26)}${text}`;
  return note === '' ? line : `${line}${line.length + note.length < 100 ? ' ' : `\n${' '.repeat(28)}`}${note}`;
}

function numberLine(name: NumberName): string {
  const spec: NumberSpec = NUMBERS[name];
  const shown = spec.symbol === '%' ? `${spec.default} = ${Math.round(Number(spec.default) * 100)} %` : `${spec.default} ${spec.symbol}`;
  return optionLine(`--${name} ${spec.placeholder}`, spec.what, `(${spec.unit}; default: ${shown})`);
}

/** Where each instance's prices come from and when they were read, for the help. */
function priceDates(): string {
  const read = new Map<string, string>();
  for (const { prices } of Object.values(INSTANCES)) read.set(prices.source.split(' ')[0]!.replace(/'s$/, ''), prices.read);
  return [...read].map(([source, date]) => `${source} ${date}`).join(', ');
}

/** The job overhead each kind of instance defaults to, for the help. */
function overheadDefaults(): string {
  const hosted = Object.values(INSTANCES).filter((i) => i.hosted);
  const own = Object.values(INSTANCES).filter((i) => !i.hosted);
  const list = (instances: typeof hosted): string => instances.map((i) => i.name).join(', ');
  return `${hosted[0]!.jobOverhead.seconds} s on ${list(hosted)}, ${own[0]!.jobOverhead.seconds} s on ${list(own)}`;
}

const numbersOf = (group: NumberSpec['group']): string =>
  (Object.keys(NUMBERS) as NumberName[])
    .filter((name) => NUMBERS[name].group === group)
    .map(numberLine)
    .join('\n');

export const COST_HELP = `dataset-gen cost — runners needed and monthly cost of processing many sites' video

Usage:
  dataset-gen cost [options]
  npm run cost -- [options]

Prints, for the sites and cameras described, the compute one video-hour takes, the runners needed to
keep up and the cost a month. CPU throughput is measured (docs/performance.md), GPU throughput is an
estimate (docs/scaling.md); prices are dated list prices, to override with --price.

Sites and cameras:
${numbersOf('Sites and cameras')}

Runners:
${optionLine('--instance <name>', Object.keys(INSTANCES).join(', '), '(default: github-2core)')}
${optionLine('--spot', 'the spot price instead of on demand', '(default: on demand)')}
${optionLine('--price <usd/h>', 'price per runner-hour', `(USD per hour; default: the instance's list price, read ${priceDates()})`)}
${optionLine('--job-overhead <s>', 'per job: getting a runner, pulling the image, loading the model', `(seconds; default: ${overheadDefaults()})`)}
${optionLine('--platform-charge <usd>', "GitHub's charge per self-hosted runner-minute, added to self-hosted", `instances' price (USD per minute; default: 0 USD; announced at ${ANNOUNCED_PLATFORM_CHARGE_PER_MINUTE} USD per minute for private repositories from 2026-03-01, then postponed)`)}
${numbersOf('Runners')}
${optionLine('-h, --help', 'this help')}

Examples:
  # 50 sites recording 12 hours a day, a frame every 10 seconds, on GitHub's 2-core runners
  dataset-gen cost --sites 50 --hours-per-day 12 --sample-fps 0.1

  # the same on GPU spot instances
  dataset-gen cost --sites 50 --hours-per-day 12 --sample-fps 0.1 --instance g4dn.xlarge --spot

  # 4K cameras at 30 frames per second with a keyframe every 4 seconds, at your own price
  dataset-gen cost --sites 50 --width 3840 --height 2160 --video-fps 30 --keyframe-interval 4 --price 0.35
`;

export function parseCostArgs(args: readonly string[]): FleetInput | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: COST_OPTIONS,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; see dataset-gen cost --help`);
  }
  if (values.help) return 'help';
  const number = (name: NumberName): number => {
    const spec = NUMBERS[name];
    const raw = (values[name] as string | undefined) ?? spec.default;
    const parsed = spec.integer ? parseInteger(raw, `--${name}`, spec.range) : parseDecimal(raw, `--${name}`, spec.range);
    return parsed ?? Number(spec.default);
  };
  const instanceName = (values.instance as string | undefined) ?? 'github-2core';
  const instance = Object.hasOwn(INSTANCES, instanceName) ? INSTANCES[instanceName] : undefined;
  if (!instance) throw invalidParameterError('--instance', `one of ${Object.keys(INSTANCES).join(', ')}`, instanceName);
  return {
    sites: number('sites'),
    hoursPerDay: number('hours-per-day'),
    sampleFps: number('sample-fps'),
    videoFps: number('video-fps'),
    keyframeInterval: number('keyframe-interval'),
    width: number('width'),
    height: number('height'),
    instance,
    spot: values.spot === true,
    pricePerHour: parseDecimal(values.price as string | undefined, '--price', { min: 0, max: 1000 }),
    hoursPerJob: number('hours-per-job'),
    jobOverheadSeconds: parseDecimal(values['job-overhead'] as string | undefined, '--job-overhead', { min: 0, max: 3600 }),
    platformChargePerMinute: parseDecimal(values['platform-charge'] as string | undefined, '--platform-charge', { min: 0, max: 1 }) ?? 0,
    utilisation: number('utilisation'),
    daysPerMonth: number('days-per-month'),
  };
}

/** What `--decode auto` does for these cameras, and why. */
function describeDecoding(input: FleetInput): string {
  const every = +(1 / input.sampleFps).toFixed(2);
  if (decodeModeFor(input) === 'keyframes') return `keyframes only (one every ${input.keyframeInterval} s, a sample every ${every} s; --decode auto)`;
  const why =
    input.keyframeInterval > every
      ? `keyframes every ${input.keyframeInterval} s are further apart than a sample every ${every} s`
      : `${+(input.videoFps * input.keyframeInterval).toFixed(1)} frames per keyframe leave too little to skip`;
  return `every frame (${why}; --decode auto)`;
}

export function renderEstimate(input: FleetInput, e: FleetEstimate): string {
  const usd = (n: number): string => `$${n.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}`;
  const { prices } = input.instance;
  const priceNote = input.pricePerHour === null ? ` (${input.spot ? 'spot' : 'on demand'}: ${prices.source}, read ${prices.read})` : ' (given)';
  const overheadNote = input.jobOverheadSeconds === null ? `the ${input.instance.name} default: ${input.instance.jobOverhead.basis}` : 'given';
  const platform =
    e.platformChargePerHour > 0
      ? [`  platform charge          ${usd(e.platformChargePerHour)} per runner-hour (${input.platformChargePerMinute} USD/min, self-hosted)`]
      : [];
  return [
    `${input.sites} site(s) x ${input.hoursPerDay} h/day at ${input.sampleFps} frame(s)/s, ${input.width}x${input.height} @ ${input.videoFps} fps, on ${input.instance.name}`,
    `  decoding                 ${describeDecoding(input)}`,
    `  compute per video-hour   ${e.computeSecondsPerVideoHour.toFixed(0)} s (${e.figures}: ${e.basis})`,
    `  video per day            ${e.videoHoursPerDay.toLocaleString('en-US')} h in ${e.jobsPerDay.toLocaleString('en-US')} jobs of ${input.hoursPerJob} h`,
    `  runner-hours per day     ${e.runnerHoursPerDay.toFixed(1)} (job overhead ${e.jobOverheadSeconds} s each, ${overheadNote})`,
    `  runners needed           ${e.runnersNeeded} (busy ${Math.round(input.utilisation * 100)} % of the day)`,
    `  price per runner-hour    ${usd(e.pricePerHour)}${priceNote}`,
    ...platform,
    `  cost per video-hour      ${usd(e.costPerVideoHour)}`,
    `  monthly cost             ${usd(e.monthlyCost)} (${input.daysPerMonth} days)`,
    '',
  ].join('\n');
}

export function runCost(args: readonly string[]): string {
  const input = parseCostArgs(args);
  if (input === 'help') return COST_HELP;
  return renderEstimate(input, estimateFleet(input));
}
