/**
 * metrics.prom: the run's metrics in Prometheus' text exposition format (what node_exporter's textfile
 * collector reads and what a Pushgateway accepts), made with prom-client from `RunMetrics`, the run's
 * manifest and two per-frame facts the metrics do not keep (each frame's outcome per video, and the
 * detections of each image for the histogram).
 *
 * Every call builds a fresh `Registry` (never prom-client's global one), so two runs in one process do
 * not mix. Order is deterministic: metrics in the order below, series videos in run order, reasons in
 * `DROP_REASONS` order, stages in `STAGES` order, classes by name. Every series carries `site`, so the
 * files of several sites can sit in one textfile-collector folder without clashing.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

import { DROP_REASONS } from '../domain/drop-reason.js';
import { STAGES } from '../domain/stages.js';
import type { RunMetrics } from './metrics-contract.js';
import { round } from './statistics.js';

/** Content type of the text exposition format (version 0.0.4). */
export const PROMETHEUS_CONTENT_TYPE: string = Registry.PROMETHEUS_CONTENT_TYPE;
/** Upper bounds of `dataset_gen_detections_per_image` (`+Inf` is added by the histogram). */
export const DETECTIONS_PER_IMAGE_PROM_BUCKETS: readonly number[] = [0, 1, 2, 3, 5, 10, 20, 50];

/** What the exposition needs from the manifest; a `RunManifest` fits. */
export interface PrometheusRunInfo {
  tool: { version: string };
  model: { sha256: string };
  config: { model: { name: string } };
  run: { finishedAt: string; wallSeconds: number };
}

export interface PrometheusInput {
  metrics: RunMetrics;
  manifest: PrometheusRunInfo;
  /** Detections of every written image (`recorder.kept.map((k) => k.detections.length)`). */
  detectionsPerImage: readonly number[];
  /** The `site` label; default `metrics.site`. */
  site?: string;
}

/** Seconds from milliseconds, rounded so float noise does not reach the file. */
function seconds(ms: number): number {
  return round(ms / 1000, 4);
}

function finishedAtSeconds(iso: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`The manifest's run.finishedAt is not a date: ${JSON.stringify(iso)}`);
  return ms / 1000;
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where a family is registered, and the `site` label every series carries. */
interface Target {
  registers: Registry[];
  site: string;
}

/**
 * A fresh registry holding the run's metrics. Throws RangeError when the per-image input does not
 * match `metrics` (a caller bug: they come from the same recorder).
 */
export function buildPrometheusRegistry(input: PrometheusInput): Registry {
  const { metrics, manifest, detectionsPerImage } = input;
  const site = input.site ?? metrics.site;
  if (detectionsPerImage.length !== metrics.images) {
    throw new RangeError(`Got detection counts for ${detectionsPerImage.length} images but the run wrote ${metrics.images}`);
  }
  const registry = new Registry();
  const target: Target = { registers: [registry], site };
  // Families appear in the file in the order they are registered.
  addRunFamilies(target, manifest);
  addDecodeFamilies(target, metrics);
  addFrameFamilies(target, metrics);
  addDetectionFamilies(target, metrics, detectionsPerImage);
  addStageFamily(target, metrics);
  return registry;
}

/** The run itself: tool and model, when it finished, how long it took. */
function addRunFamilies({ registers, site }: Target, manifest: PrometheusRunInfo): void {
  const runInfo = new Gauge({
    name: 'dataset_gen_run_info',
    help: 'Tool version and model of the last dataset-gen run of a site (value always 1).',
    labelNames: ['site', 'version', 'model', 'model_sha256'] as const,
    registers,
  });
  runInfo.set({ site, version: manifest.tool.version, model: manifest.config.model.name, model_sha256: manifest.model.sha256 }, 1);

  const lastSuccess = new Gauge({
    name: 'dataset_gen_last_success_timestamp_seconds',
    help: 'Unix time at which the last successful dataset-gen run of a site finished.',
    labelNames: ['site'] as const,
    registers,
  });
  lastSuccess.set({ site }, finishedAtSeconds(manifest.run.finishedAt));

  const runDuration = new Gauge({
    name: 'dataset_gen_run_duration_seconds',
    help: 'Wall time of the last dataset-gen run of a site, from start to manifest.',
    labelNames: ['site'] as const,
    registers,
  });
  runDuration.set({ site }, round(manifest.run.wallSeconds, 3));
}

/** Decoding, per video: frames ffmpeg decoded and the errors it reported. */
function addDecodeFamilies({ registers, site }: Target, metrics: RunMetrics): void {
  const framesDecoded = new Counter({
    name: 'dataset_gen_frames_decoded_total',
    help: 'Frames ffmpeg decoded, per video, before sampling.',
    labelNames: ['site', 'video'] as const,
    registers,
  });
  const decodeErrors = new Counter({
    name: 'dataset_gen_decode_errors_total',
    help: 'Decoder errors ffmpeg reported, per video.',
    labelNames: ['site', 'video'] as const,
    registers,
  });
  for (const video of metrics.videos) {
    framesDecoded.inc({ site, video: video.stem }, Math.max(0, video.decoded));
    decodeErrors.inc({ site, video: video.stem }, Math.max(0, video.decodeErrors));
  }
}

/** What became of the sampled frames: outcomes per video and reason, the drop ratio, the images written. */
function addFrameFamilies({ registers, site }: Target, metrics: RunMetrics): void {
  const framesTotal = new Counter({
    name: 'dataset_gen_frames_total',
    help: 'Sampled frames per video by outcome (kept or dropped) and drop reason (empty for kept frames).',
    labelNames: ['site', 'video', 'outcome', 'reason'] as const,
    registers,
  });
  for (const video of metrics.videos) {
    framesTotal.inc({ site, video: video.stem, outcome: 'kept', reason: '' }, video.kept);
    for (const reason of DROP_REASONS) framesTotal.inc({ site, video: video.stem, outcome: 'dropped', reason }, video.droppedByReason[reason]);
  }

  const dropRatio = new Gauge({
    name: 'dataset_gen_drop_ratio',
    help: 'Share (0 to 1) of sampled frames dropped as corrupt, black, over-exposed, blurred or duplicate.',
    labelNames: ['site'] as const,
    registers,
  });
  dropRatio.set({ site }, metrics.frameDropRatio);

  const images = new Counter({
    name: 'dataset_gen_images_total',
    help: 'Images written to the dataset.',
    labelNames: ['site'] as const,
    registers,
  });
  images.inc({ site }, metrics.images);
}

/** Detections per class (classes never detected at 0) and the histogram of detections per image. */
function addDetectionFamilies({ registers, site }: Target, metrics: RunMetrics, detectionsPerImage: readonly number[]): void {
  const detections = new Counter({
    name: 'dataset_gen_detections_total',
    help: 'Detections (COCO annotations) per class; model classes never detected are 0.',
    labelNames: ['site', 'class'] as const,
    registers,
  });
  const classCounts = new Map<string, number>();
  for (const name of metrics.detections.classesWithoutDetections) classCounts.set(name, 0);
  for (const { name, count } of metrics.detections.byClass) classCounts.set(name, count);
  for (const name of [...classCounts.keys()].sort(byName)) {
    detections.inc({ site, class: name }, classCounts.get(name) ?? 0);
  }

  const perImage = new Histogram({
    name: 'dataset_gen_detections_per_image',
    help: 'Detections per written image.',
    labelNames: ['site'] as const,
    buckets: [...DETECTIONS_PER_IMAGE_PROM_BUCKETS],
    registers,
  });
  // zero() makes the series exist (all buckets 0) when the run wrote no image.
  perImage.zero({ site });
  for (const count of detectionsPerImage) perImage.observe({ site }, count);
}

/** Wall time per pipeline stage, in `STAGES` order. */
function addStageFamily({ registers, site }: Target, metrics: RunMetrics): void {
  const stageDuration = new Gauge({
    name: 'dataset_gen_stage_duration_seconds',
    help: 'Wall time spent in each pipeline stage during the last run of a site.',
    labelNames: ['site', 'stage'] as const,
    registers,
  });
  for (const stage of STAGES) stageDuration.set({ site, stage }, seconds(metrics.timings.stages[stage].ms));
}

/** The text of metrics.prom (ends in a newline). */
export async function renderPrometheus(input: PrometheusInput | Registry): Promise<string> {
  const registry = input instanceof Registry ? input : buildPrometheusRegistry(input);
  const text = await registry.metrics();
  return text.endsWith('\n') ? text : `${text}\n`;
}
