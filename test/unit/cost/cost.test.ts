/** The cost calculator: its arithmetic by hand, its defaults, and the CLI's refusals. */
import { describe, expect, test } from '@jest/globals';

import { COST_HELP, parseCostArgs, runCost } from '../../../src/cli/cost.js';
import { computeSecondsPerVideoHour, decodeModeFor, estimateFleet, type FleetInput } from '../../../src/cost/estimate.js';
import { BENCH_PIXELS, CPU_2VCPU, INSTANCES } from '../../../src/cost/figures.js';
import { UsageError } from '../../../src/errors.js';
import { computeMetrics } from '../../../src/observe/compute-metrics.js';
import { chooseDecodeMode } from '../../../src/pipeline/decode/keyframe-choice.js';
import { renderMarkdownReport } from '../../../src/report/markdown.js';

const flat = {
  ...INSTANCES['g4dn.xlarge']!,
  throughput: { secondsPerSampledFrame: 0.1, decodeSecondsPerFrame: 0.001, keyframeDecodeSeconds: 0.01, kind: 'estimate' as const, basis: 'test' },
};

function input(overrides: Partial<FleetInput> = {}): FleetInput {
  return {
    sites: 10,
    hoursPerDay: 24,
    sampleFps: 1,
    videoFps: 10,
    keyframeInterval: 2,
    width: 768,
    height: 576,
    instance: flat,
    spot: false,
    pricePerHour: null,
    hoursPerJob: 1,
    jobOverheadSeconds: 0,
    platformChargePerMinute: 0,
    utilisation: 1,
    daysPerMonth: 30,
    ...overrides,
  };
}

describe('cost calculator', () => {
  test('compute per video-hour: every frame decoded (scaled by pixels) plus the sampled frames', () => {
    // 3600 s × 10 fps × 1 ms + 3600 × 1 × 0.1 s = 36 + 360
    expect(computeSecondsPerVideoHour(input())).toBeCloseTo(396, 6);
    expect(computeSecondsPerVideoHour(input({ width: 1536, height: 1152 }))).toBeCloseTo(4 * 36 + 360, 6);
    expect(BENCH_PIXELS).toBe(768 * 576);
  });

  test('sparse sampling of cameras with close keyframes: only the keyframes are decoded', () => {
    // keyframes every 2 s, a sample every 10 s: 1800 keyframes × 10 ms + 360 samples × 0.1 s = 18 + 36
    expect(decodeModeFor({ sampleFps: 0.1, videoFps: 25, keyframeInterval: 2 })).toBe('keyframes');
    expect(computeSecondsPerVideoHour(input({ sampleFps: 0.1, videoFps: 25 }))).toBeCloseTo(54, 6);
    // keyframes 2 s apart against a sample every second: every frame (3600 × 25 × 1 ms + 360)
    expect(computeSecondsPerVideoHour(input({ sampleFps: 1, videoFps: 25 }))).toBeCloseTo(90 + 360, 6);
    // 2 frames per keyframe: nothing worth skipping
    expect(decodeModeFor({ sampleFps: 0.1, videoFps: 1, keyframeInterval: 2 })).toBe('all');
    expect(runCost(['--sample-fps', '0.1'])).toMatch(/decoding\s+keyframes only \(one every 2 s, a sample every 10 s/);
    expect(runCost(['--sample-fps', '1'])).toMatch(/decoding\s+every frame/);
  });

  test.each([
    [0.1, 25, 2],
    [0.1, 25, 10],
    [0.1, 25, 12],
    [1, 25, 1],
    [1, 25, 2],
    [0.5, 10, 2],
    [0.1, 1, 2],
    [0.1, 2, 2],
    [0.05, 30, 4],
    [2, 30, 0.5],
  ])('the cost model decodes as the pipeline would: %s samples/s, %s fps, a keyframe every %s s', (sampleFps, videoFps, keyframeInterval) => {
    const seconds = 120;
    const frameMs = Array.from({ length: seconds * videoFps }, (_, i) => (i * 1000) / videoFps);
    const every = Math.round(keyframeInterval * videoFps);
    const keyframes = frameMs.map((_, i) => i).filter((i) => i % every === 0);
    // The pipeline counts the stretch after the last keyframe too; on a regular GOP it is one interval less a frame.
    expect(decodeModeFor({ sampleFps, videoFps, keyframeInterval })).toBe(chooseDecodeMode(1000 / sampleFps, frameMs, keyframes).mode);
  });

  test('runners, jobs and monthly cost', () => {
    const e = estimateFleet(input({ jobOverheadSeconds: 36, utilisation: 0.5 }));
    expect(e.videoHoursPerDay).toBe(240);
    expect(e.jobsPerDay).toBe(240);
    // 240 video-hours × 396 s + 240 jobs × 36 s = 103 680 s = 28.8 runner-hours
    expect(e.runnerHoursPerDay).toBeCloseTo(28.8, 6);
    expect(e.runnersNeeded).toBe(3); // 28.8 / (24 × 0.5) = 2.4
    expect(e.pricePerHour).toBe(flat.onDemand);
    expect(e.monthlyCost).toBeCloseTo(28.8 * flat.onDemand * 30, 6);
    expect(e.costPerVideoHour).toBeCloseTo((28.8 * flat.onDemand) / 240, 6);
  });

  test("each instance's own job overhead by default: a hosted runner's, an ephemeral GPU instance's; a given one wins", () => {
    const hosted = estimateFleet(input({ instance: { ...INSTANCES['github-2core']!, throughput: flat.throughput }, jobOverheadSeconds: null }));
    const gpu = estimateFleet(input({ jobOverheadSeconds: null }));
    expect([hosted.jobOverheadSeconds, gpu.jobOverheadSeconds]).toEqual([105, 420]);
    // 240 jobs × (420 − 105) s = 21 runner-hours more a day on the GPU instances.
    expect(gpu.runnerHoursPerDay - hosted.runnerHoursPerDay).toBeCloseTo(21, 6);
    expect(INSTANCES['github-2core']!.jobOverhead.basis).toMatch(/image pulled \(436 MB, 182 MB compressed/);
    expect(estimateFleet(input({ jobOverheadSeconds: 60 })).jobOverheadSeconds).toBe(60);
    expect(INSTANCES['g4dn.xlarge']!.jobOverhead.basis).toMatch(/boot.*registration.*image/);
  });

  test("GitHub's 2026 hosted price; the platform charge adds to self-hosted runner-hours only", () => {
    expect(INSTANCES['github-2core']).toMatchObject({
      onDemand: 0.36,
      hosted: true,
      prices: { source: "GitHub's price list", read: '2026-01-01' },
    });
    expect(runCost([])).toMatch(/price per runner-hour +\$0\.36 \(on demand: GitHub's price list, read 2026-01-01\)/);
    const own = estimateFleet(input({ platformChargePerMinute: 0.002 }));
    expect(own.platformChargePerHour).toBeCloseTo(0.12, 10);
    expect(own.monthlyCost).toBeCloseTo(own.runnerHoursPerDay * (flat.onDemand + 0.12) * 30, 6);
    const hosted = estimateFleet(input({ instance: { ...INSTANCES['github-2core']!, throughput: flat.throughput }, platformChargePerMinute: 0.002 }));
    expect(hosted.platformChargePerHour).toBe(0);
    expect(hosted.monthlyCost).toBeCloseTo(hosted.runnerHoursPerDay * 0.36 * 30, 6);
    expect(runCost(['--instance', 'g4dn.xlarge', '--platform-charge', '0.002'])).toMatch(
      /platform charge +\$0\.12 per runner-hour \(0\.002 USD\/min, self-hosted\)/,
    );
    expect(runCost([])).not.toContain('platform charge');
    expect(() => parseCostArgs(['--platform-charge', '-1'])).toThrow(/--platform-charge/);
  });

  test('spot uses the spot price; a given price wins over both', () => {
    expect(estimateFleet(input({ spot: true })).pricePerHour).toBe(flat.spot);
    expect(estimateFleet(input({ spot: true, pricePerHour: 1.5 })).pricePerHour).toBe(1.5);
  });

  test("the measured CPU figures are the benchmark's (docs/performance.md), the GPU ones marked estimates", () => {
    expect(CPU_2VCPU.kind).toBe('measured');
    expect(CPU_2VCPU.secondsPerSampledFrame).toBeCloseTo(0.052, 4);
    expect(CPU_2VCPU.keyframeDecodeSeconds).toBeCloseTo(0.00913, 5);
    expect(INSTANCES['g4dn.xlarge']!.throughput.kind).toBe('estimate');
  });

  test('npm run cost -- --sites 500 --hours-per-day 24 --sample-fps 0.1 --instance g4dn.xlarge --spot', () => {
    const parsed = parseCostArgs(['--sites', '500', '--hours-per-day', '24', '--sample-fps', '0.1', '--instance', 'g4dn.xlarge', '--spot']);
    expect(parsed).toMatchObject({ sites: 500, hoursPerDay: 24, sampleFps: 0.1, spot: true, pricePerHour: null });
    const text = runCost(['--sites', '500', '--hours-per-day', '24', '--sample-fps', '0.1', '--instance', 'g4dn.xlarge', '--spot']);
    const e = estimateFleet(parsed as FleetInput);
    expect(text).toContain(`runners needed           ${e.runnersNeeded} `);
    expect(text).toMatch(/monthly cost\s+\$[\d,]+\.\d\d \(30 days\)/);
    expect(text).toContain('estimate');
    expect(runCost(['--help'])).toBe(COST_HELP);
  });

  test('unknown instances and out-of-range numbers are refused, naming the option', () => {
    expect(() => parseCostArgs(['--instance', 'p5.48xlarge'])).toThrow(
      new UsageError(`Expected one of ${Object.keys(INSTANCES).join(', ')} for --instance but received "p5.48xlarge"`),
    );
    expect(() => parseCostArgs(['--hours-per-day', '25'])).toThrow(/--hours-per-day/);
    expect(() => parseCostArgs(['--sites', 'many'])).toThrow(/--sites/);
  });
});

describe("a run's compute and cost in its metrics and report", () => {
  const record = {
    stageMs: { probe: 0, extract: 0, quality: 0, dedup: 0, detect: 0, write: 0 },
    frames: [],
    kept: [],
    videos: [],
    wallMs: 90_000,
    exports: [],
    selection: null,
    exportsOnlySelected: false,
  };

  test('compute seconds per video-hour, and the cost at the given price', () => {
    const metrics = computeMetrics(record, { site: 's', classNames: [], videoSeconds: 1800, pricePerHour: 0.5 });
    expect(metrics.compute).toEqual({
      videoSeconds: 1800,
      computeSeconds: 90,
      computeSecondsPerVideoHour: 180,
      pricePerHour: 0.5,
      cost: 0.0125,
      costPerVideoHour: 0.025,
      executionProviders: [],
    });
    const report = renderMarkdownReport(metrics);
    expect(report).toContain('| Compute per video-hour | 180.0 s |');
    expect(report).toContain('| Cost per video-hour | $0.0250 |');
  });

  test('without a price: compute time only', () => {
    const metrics = computeMetrics(record, { site: 's', classNames: [], videoSeconds: 1800 });
    expect(metrics.compute.cost).toBeNull();
    expect(renderMarkdownReport(metrics)).not.toContain('Cost');
  });
});
