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
  width: number;
  height: number;
  instance: Instance;
  spot: boolean;
  /** USD per runner-hour; the instance's dated default when null. */
  pricePerHour: number | null;
  /** Video hours per job (a range, docs/long-videos.md). */
  hoursPerJob: number;
  /** Per job: runner start, image pull, model load (s). */
  jobOverheadSeconds: number;
  /** Share of a runner's time spent on jobs (0..1]. */
  utilisation: number;
  daysPerMonth: number;
}

export interface FleetEstimate {
  computeSecondsPerVideoHour: number;
  videoHoursPerDay: number;
  jobsPerDay: number;
  runnerHoursPerDay: number;
  /** Runners busy around the clock to keep up (rounded up). */
  runnersNeeded: number;
  pricePerHour: number;
  costPerVideoHour: number;
  monthlyCost: number;
  figures: 'measured' | 'estimate';
  basis: string;
}

/** Compute seconds one video-hour takes on `instance`: decoding every frame plus the sampled frames' work. */
export function computeSecondsPerVideoHour(input: Pick<FleetInput, 'sampleFps' | 'videoFps' | 'width' | 'height' | 'instance'>): number {
  const t = input.instance.throughput;
  const decode = 3600 * input.videoFps * t.decodeSecondsPerFrame * ((input.width * input.height) / BENCH_PIXELS);
  return decode + 3600 * input.sampleFps * t.secondsPerSampledFrame;
}

export function estimateFleet(input: FleetInput): FleetEstimate {
  const perVideoHour = computeSecondsPerVideoHour(input);
  const videoHoursPerDay = input.sites * input.hoursPerDay;
  const jobsPerDay = input.sites * Math.ceil(input.hoursPerDay / input.hoursPerJob);
  const runnerSecondsPerDay = videoHoursPerDay * perVideoHour + jobsPerDay * input.jobOverheadSeconds;
  const runnerHoursPerDay = runnerSecondsPerDay / 3600;
  const price = input.pricePerHour ?? (input.spot ? input.instance.spot ?? input.instance.onDemand : input.instance.onDemand);
  return {
    computeSecondsPerVideoHour: perVideoHour,
    videoHoursPerDay,
    jobsPerDay,
    runnerHoursPerDay,
    runnersNeeded: Math.ceil(runnerHoursPerDay / (24 * input.utilisation)),
    pricePerHour: price,
    costPerVideoHour: videoHoursPerDay === 0 ? 0 : (runnerHoursPerDay * price) / videoHoursPerDay,
    monthlyCost: runnerHoursPerDay * price * input.daysPerMonth,
    figures: input.instance.throughput.kind,
    basis: input.instance.throughput.basis,
  };
}
