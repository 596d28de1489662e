/**
 * `dataset-gen cost` (`npm run cost -- …`): runners needed and monthly cost for a number of sites,
 * from the throughput figures and dated prices of src/cost/ (every one overridable).
 */
import { parseArgs } from 'node:util';
import { decodeModeFor, estimateFleet, type FleetEstimate, type FleetInput } from '../cost/estimate.js';
import { INSTANCES, PRICES_AS_OF } from '../cost/figures.js';
import { invalidParameterError, UsageError } from '../errors.js';
import { parseDecimal, parseInteger } from '../options/parse.js';

const NUMBERS = {
  sites: { default: '1', integer: true, range: { min: 1, max: 1_000_000 } },
  'hours-per-day': { default: '24', integer: false, range: { min: 0, max: 24, minExclusive: true } },
  'sample-fps': { default: '1', integer: false, range: { min: 0, max: 240, minExclusive: true } },
  'video-fps': { default: '25', integer: false, range: { min: 0, max: 240, minExclusive: true } },
  'keyframe-interval': { default: '2', integer: false, range: { min: 0, max: 3600, minExclusive: true } },
  width: { default: '1920', integer: true, range: { min: 16, max: 16384 } },
  height: { default: '1080', integer: true, range: { min: 16, max: 16384 } },
  'hours-per-job': { default: '1', integer: false, range: { min: 0, max: 24, minExclusive: true } },
  'job-overhead': { default: '120', integer: false, range: { min: 0, max: 3600 } },
  utilisation: { default: '0.8', integer: false, range: { min: 0, max: 1, minExclusive: true } },
  'days-per-month': { default: '30', integer: false, range: { min: 1, max: 31 } },
} as const;

type NumberName = keyof typeof NUMBERS;

export const COST_HELP = `dataset-gen cost — runners and monthly cost for many sites

Usage:
  dataset-gen cost [--sites 500] [--hours-per-day 24] [--sample-fps 0.1] [--instance g4dn.xlarge] [--spot]

  --instance <name>       ${Object.keys(INSTANCES).join(', ')} (default: github-2core)
  --spot                  spot price (default: on demand)
  --price <usd/h>         price per runner-hour (default: the instance's, as of ${PRICES_AS_OF})
${Object.entries(NUMBERS).map(([name, spec]) => `  --${name.padEnd(21)} default ${spec.default}`).join('\n')}

CPU figures are measured (docs/performance.md); GPU figures are estimates (docs/scaling.md).
`;

export function parseCostArgs(args: readonly string[]): FleetInput | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        instance: { type: 'string' },
        spot: { type: 'boolean' },
        price: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, { type: 'string' as const }])),
      },
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
    jobOverheadSeconds: number('job-overhead'),
    utilisation: number('utilisation'),
    daysPerMonth: number('days-per-month'),
  };
}

/** What `--decode auto` does for these cameras, and why. */
function describeDecoding(input: FleetInput): string {
  const every = +(1 / input.sampleFps).toFixed(2);
  if (decodeModeFor(input) === 'keyframes') return `keyframes only (one every ${input.keyframeInterval} s, a sample every ${every} s; --decode auto)`;
  const why = input.keyframeInterval > every
    ? `keyframes every ${input.keyframeInterval} s are further apart than a sample every ${every} s`
    : `${+(input.videoFps * input.keyframeInterval).toFixed(1)} frames per keyframe leave too little to skip`;
  return `every frame (${why}; --decode auto)`;
}

export function renderEstimate(input: FleetInput, e: FleetEstimate): string {
  const usd = (n: number): string => `$${n.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}`;
  const priceNote = input.pricePerHour === null ? ` (${input.spot ? 'spot' : 'on demand'}, default as of ${PRICES_AS_OF})` : ' (given)';
  return [
    `${input.sites} site(s) x ${input.hoursPerDay} h/day at ${input.sampleFps} frame(s)/s, ${input.width}x${input.height} @ ${input.videoFps} fps, on ${input.instance.name}`,
    `  decoding                 ${describeDecoding(input)}`,
    `  compute per video-hour   ${e.computeSecondsPerVideoHour.toFixed(0)} s (${e.figures}: ${e.basis})`,
    `  video per day            ${e.videoHoursPerDay.toLocaleString('en-US')} h in ${e.jobsPerDay.toLocaleString('en-US')} jobs of ${input.hoursPerJob} h`,
    `  runner-hours per day     ${e.runnerHoursPerDay.toFixed(1)} (job overhead ${input.jobOverheadSeconds} s each)`,
    `  runners needed           ${e.runnersNeeded} (busy ${Math.round(input.utilisation * 100)} % of the day)`,
    `  price per runner-hour    ${usd(e.pricePerHour)}${priceNote}`,
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
