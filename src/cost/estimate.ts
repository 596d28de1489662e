/**
 * Fleet sizing: how much compute a number of sites' video needs a day, how many runners that keeps
 * busy, and what a month costs. Pure arithmetic over the figures (figures.ts) and the caller's inputs.
 */
import { BENCH_PIXELS, type Instance } from './figures.js';

export interface FleetInput {
  sites: number;
  /** Hours of video each site records a day. */
  hoursPerDay: number;
  sampleFps: number;
  /** The cameras' frame rate and frame size (decode time scales with both). */
  videoFps: number;
  /** Seconds between the cameras' keyframes (their GOP length): whether `--decode auto` decodes keyframes only. */
  keyframeInterval: number;
  width: number;
  height: number;
  instance: Instance;
  spot: boolean;
  /** USD per runner-hour; the instance's dated default when null. */
  pricePerHour: number | null;
  /** Video hours per job (a range, docs/long-videos.md). */
  hoursPerJob: number;
  /** Per job: runner start, image pull, model load (s); null: the instance's default. */
  jobOverheadSeconds: number | null;
  /** USD per runner-minute GitHub charges for self-hosted runners (not for hosted ones, whose price holds it). */
  platformChargePerMinute: number;
  /** Share of a runner's time spent on jobs (0..1]. */
  utilisation: number;
  daysPerMonth: number;
}

export interface FleetEstimate {
  computeSecondsPerVideoHour: number;
  /** Seconds of overhead counted per job. */
  jobOverheadSeconds: number;
  videoHoursPerDay: number;
  jobsPerDay: number;
  runnerHoursPerDay: number;
  /** Runners busy around the clock to keep up (rounded up). */
  runnersNeeded: number;
  pricePerHour: number;
  /** The platform charge per runner-hour added to the price (self-hosted runners only). */
  platformChargePerHour: number;
  costPerVideoHour: number;
  monthlyCost: number;
  figures: 'measured' | 'estimate';
  basis: string;
}

type DecodeInput = Pick<FleetInput, 'sampleFps' | 'videoFps' | 'keyframeInterval'>;

/** Frames per keyframe below which `--decode auto` decodes every frame (src/pipeline/decode/keyframe-choice.ts). */
const MIN_FRAMES_PER_KEYFRAME = 4;

/**
 * What `--decode auto` settles on for cameras with regular keyframes, by the pipeline's rule
 * (src/pipeline/decode/keyframe-choice.ts `chooseDecodeMode`; a test keeps the two in step): keyframes only
 * when they are at most one sampling interval apart and there are at least 4 frames per keyframe.
 */
export function decodeModeFor(input: DecodeInput): 'keyframes' | 'all' {
  const interval = 1 / input.sampleFps;
  return input.keyframeInterval <= interval && input.videoFps * input.keyframeInterval >= MIN_FRAMES_PER_KEYFRAME ? 'keyframes' : 'all';
}

/** Compute seconds one video-hour takes on `instance`: decoding (every frame, or only the keyframes) plus the sampled frames' work. */
export function computeSecondsPerVideoHour(input: Pick<FleetInput, 'sampleFps' | 'videoFps' | 'keyframeInterval' | 'width' | 'height' | 'instance'>): number {
  const t = input.instance.throughput;
  const scale = (input.width * input.height) / BENCH_PIXELS;
  const decode =
    decodeModeFor(input) === 'keyframes'
      ? (3600 / input.keyframeInterval) * t.keyframeDecodeSeconds * scale
      : 3600 * input.videoFps * t.decodeSecondsPerFrame * scale;
  return decode + 3600 * input.sampleFps * t.secondsPerSampledFrame;
}

export function estimateFleet(input: FleetInput): FleetEstimate {
  const perVideoHour = computeSecondsPerVideoHour(input);
  const videoHoursPerDay = input.sites * input.hoursPerDay;
  const jobsPerDay = input.sites * Math.ceil(input.hoursPerDay / input.hoursPerJob);
  const overhead = input.jobOverheadSeconds ?? input.instance.jobOverhead.seconds;
  const runnerSecondsPerDay = videoHoursPerDay * perVideoHour + jobsPerDay * overhead;
  const runnerHoursPerDay = runnerSecondsPerDay / 3600;
  const price = input.pricePerHour ?? (input.spot ? (input.instance.spot ?? input.instance.onDemand) : input.instance.onDemand);
  const platform = input.instance.hosted ? 0 : input.platformChargePerMinute * 60;
  const perRunnerHour = price + platform;
  return {
    computeSecondsPerVideoHour: perVideoHour,
    jobOverheadSeconds: overhead,
    videoHoursPerDay,
    jobsPerDay,
    runnerHoursPerDay,
    runnersNeeded: Math.ceil(runnerHoursPerDay / (24 * input.utilisation)),
    pricePerHour: price,
    platformChargePerHour: platform,
    costPerVideoHour: videoHoursPerDay === 0 ? 0 : (runnerHoursPerDay * perRunnerHour) / videoHoursPerDay,
    monthlyCost: runnerHoursPerDay * perRunnerHour * input.daysPerMonth,
    figures: input.instance.throughput.kind,
    basis: input.instance.throughput.basis,
  };
}
