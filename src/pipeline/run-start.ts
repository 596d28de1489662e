/**
 * A run's start-up, in parallel where it can be: the videos are probed (and the first one's decode
 * planned) while the model loads and ffmpeg's version is read; a model download waits for the probe,
 * and a video's error is reported before the model's, so a wrong video path never waits for a
 * download; a tool that does not run is reported before either. The result is one prepared object
 * the rest of the run reads (`PreparedRun`); `readyRun` then logs what was found and settles the
 * decoder and the run's identity.
 */
import path from 'node:path';

import { Detector } from '../detect/detector.js';
import { requestedInput } from '../detect/input-shape.js';
import type { QualityGateVerdict } from '../domain/quality-gates.js';
import type { NameOf, Options } from '../domain/run-options.js';
import type { VideoInfo } from '../domain/video.js';
import { cudaDecodeWorks } from '../media/ffmpeg.js';
import type { PacketScan } from '../media/packet-scan.js';
import { withVersions, type FfmpegTools, type ProbeTools, type ToolPaths } from '../media/tools.js';
import { loadModelConfig, type ModelConfig } from '../model/config.js';
import { resolveModel, type ResolvedModel, type ResolveModelOptions } from '../model/resolve-model.js';
import { sha256File } from '../model/sha256.js';
import type { Logger } from '../observe/log.js';
import type { RunMetrics } from '../observe/metrics-contract.js';
import type { Progress } from '../observe/progress.js';
import type { RunRecorder } from '../observe/recorder.js';
import { TOOL_VERSION } from '../version.js';
import { planDecode, type VideoDecodePlan } from './decode/decode-plan.js';
import { probeVideo, probeVideoWithPackets, type ProbedWithPackets } from './decode/probe.js';
import { planRange, type RangePlan } from './decode/range-plan.js';
import { LabelledFrames } from './labelled/labelled-frames.js';
import { runIdentity, type RunIdentity } from './output/checkpoint.js';

export interface RunHooks {
  logger?: Logger;
  /** Makes a progress reporter for one video's sampled frames; null for none. */
  progress?: (label: string, total: number) => Progress | null;
  signal?: AbortSignal;
  /** Quality gates to show in report.html (the caller enforces them). */
  gates?: (metrics: RunMetrics) => readonly QualityGateVerdict[];
  /** Model download and cache settings; `env`: an environment variable that also gives the model, named in messages. */
  model?: Pick<ResolveModelOptions, 'cacheDir' | 'download'> & { env?: string };
  /** How messages name the options: the door's own spelling (default: the CLI's flags). */
  nameOf?: NameOf;
  /** A real folder the staging folder must resolve inside (the Action's workspace); absent: anywhere. */
  confineStagingTo?: string;
}

/** What the run knows before it starts: its id, logger, names and where ffmpeg is. */
export interface RunStart {
  options: Options;
  hooks: RunHooks;
  startedAt: Date;
  runId: string;
  logger: Logger;
  name: NameOf;
  paths: ToolPaths;
  stallTimeout: NonNullable<FfmpegTools['stallTimeout']>;
  recorder: RunRecorder;
}

/** What a video needs before its decode starts: its range's seek (with a range) and its decode plan. */
export interface VideoPlans {
  plan: RangePlan | null;
  decode: VideoDecodePlan;
}

/** Everything the start-up found; the rest of the run reads it. */
export interface PreparedRun extends RunStart {
  tools: FfmpegTools;
  probeTools: ProbeTools;
  videos: VideoInfo[];
  /** Each video's sha256, read once (started when the video is decoded, or when a resume checks it). */
  sha256Of: (index: number) => Promise<string>;
  /** Each video's plans, made once (the first while the model loads, each later one while the video before it is processed). */
  plansOf: (index: number) => Promise<VideoPlans>;
  modelConfig: ModelConfig;
  model: ResolvedModel;
  detector: Detector;
  /** The frames already labelled (`--exclude`), read while the videos are probed; null without any. */
  labelled: LabelledFrames | null;
}

/** A prepared run with its decoder chosen and its identity (what a resume must match). */
export interface ReadyRun extends PreparedRun {
  hwaccel: 'cuda' | undefined;
  identity: RunIdentity;
}

function withOverrides(config: ModelConfig, options: Options): ModelConfig {
  return {
    ...config,
    confidence: options.confidence ?? config.confidence,
    iou: options.iou ?? config.iou,
    maxDetections: options.maxDetections ?? config.maxDetections,
    executionProviders: options.executionProviders ?? config.executionProviders,
  };
}

/** Model config, weights and the detector, loaded while the videos are probed. */
/**
 * Loads the model. With `--inference-shape auto` it is loaded at the input the first video asks for
 * (`firstVideo`, once probed): a pool at the square first would be loaded for nothing (~0.5 s of CPU).
 */
async function loadDetector(
  start: RunStart,
  beforeDownload: () => Promise<void>,
  firstVideo: () => Promise<VideoInfo>,
): Promise<Pick<PreparedRun, 'modelConfig' | 'model' | 'detector'>> {
  const { options, hooks, logger, name } = start;
  const loaded = await loadModelConfig(options.modelConfig);
  const modelConfig = withOverrides(loaded.config, options);
  const { env, ...modelHooks } = hooks.model ?? {};
  const model = await resolveModel(loaded, {
    ...modelHooks,
    download: {
      stallTimeoutMs: options.stallTimeoutSeconds * 1000,
      deadlineMs: options.downloadTimeoutSeconds * 1000,
      timeoutNames: { stall: name('stall-timeout'), deadline: name('download-timeout') },
      onRetry: (message) => logger.warn(message),
      ...modelHooks.download,
    },
    names: { model: name('model'), sha256: name('model-sha256'), env: env ?? null },
    modelPath: options.modelPath,
    modelUrl: options.modelUrl,
    modelSha256: options.modelSha256,
    beforeDownload,
    onWarning: (message) => logger.warn(message),
  });
  const detector = await Detector.create({
    modelPath: model.path,
    config: modelConfig,
    classFilter: options.classes ?? undefined,
    workers: options.inferenceWorkers,
    onWarning: (message) => logger.warn(message),
    onInfo: (message) => logger.info(message),
    firstInput: options.inferenceShape === 'square' ? undefined : async (shape) => requestedInput(await firstVideo(), options.inferenceShape, shape),
  });
  return { modelConfig, model, detector };
}

async function prepareVideo(tools: ProbeTools, info: VideoInfo, options: Options, packets: PacketScan | null, name: NameOf): Promise<VideoPlans> {
  const plan = options.timeRange === null ? null : await planRange(tools, info, options.timeRange);
  return { plan, decode: await planDecode(tools, info, options.decode, options.sampling, plan, packets, name) };
}

type Probed = Omit<ProbedWithPackets, 'packets'> & { packets: PacketScan | null };

/**
 * Probes every video. The first one's packets are listed by the same ffprobe call when its decode
 * mode needs them (the others' while the video before them is processed).
 */
function probeVideos(tools: ProbeTools, options: Options, name: NameOf): Promise<Probed[]> {
  return Promise.all(
    options.videos.map(async (file, i) => {
      if (i === 0 && options.decode !== 'all') return probeVideoWithPackets(tools, file, i, name);
      return { info: await probeVideo(tools, file, i, name), packets: null, ffprobeVersion: null };
    }),
  );
}

/** `make(index)` started at most once per index: later calls get the same promise (its rejection handled when it is awaited). */
function oncePerIndex<T>(make: (index: number) => Promise<T>): (index: number) => Promise<T> {
  const started = new Map<number, Promise<T>>();
  return (index) => {
    let promise = started.get(index);
    if (promise === undefined) {
      promise = make(index);
      promise.catch(() => undefined);
      started.set(index, promise);
    }
    return promise;
  };
}

/** The parallel start-up; on any failure the detector (if it loaded) is released and the first failure thrown. */
export async function startRun(start: RunStart): Promise<PreparedRun> {
  const { options, name, paths, stallTimeout, recorder } = start;
  const probeTools: ProbeTools = { ffprobe: { path: paths.ffprobe }, stallTimeout };
  const probing = probeVideos(probeTools, options, name);
  const probeTimed = recorder.time('probe', () => probing);
  // ffmpeg's version is read beside the probe, not after it: the decode waits for both.
  const toolsReady = withVersions(
    paths,
    probing.then((videos) => videos[0]?.ffprobeVersion ?? null),
  ).then((found): FfmpegTools => ({ ...found, stallTimeout }));
  const firstPlans = probing.then((videos) => prepareVideo(probeTools, videos[0]!.info, options, videos[0]!.packets, name));
  firstPlans.catch(() => undefined);
  const loading = loadDetector(
    start,
    () => probing.then(() => undefined),
    () => probing.then((videos) => videos[0]!.info),
  );
  const labelling =
    options.exclude.length === 0
      ? Promise.resolve(null)
      : LabelledFrames.load(
          options.exclude,
          options.videos.map((v) => path.basename(v, path.extname(v))),
          name('exclude'),
        );
  const [toolsResult, probeResult, loadResult, labelledResult] = await Promise.allSettled([toolsReady, probeTimed, loading, labelling]);
  const failure = [toolsResult, probeResult, labelledResult, loadResult].find((result) => result.status === 'rejected');
  if (failure !== undefined) {
    if (loadResult.status === 'fulfilled') await loadResult.value.detector.release();
    throw failure.reason;
  }
  const videos = (probeResult as PromiseFulfilledResult<Probed[]>).value.map((probed) => probed.info);
  return {
    ...start,
    ...(loadResult as PromiseFulfilledResult<Awaited<typeof loading>>).value,
    tools: (toolsResult as PromiseFulfilledResult<FfmpegTools>).value,
    labelled: (labelledResult as PromiseFulfilledResult<LabelledFrames | null>).value,
    probeTools,
    videos,
    sha256Of: oncePerIndex((index) => sha256File(videos[index]!.path)),
    plansOf: oncePerIndex((index) => (index === 0 ? firstPlans : prepareVideo(probeTools, videos[index]!, options, null, name))),
  };
}

/**
 * With the model on CUDA, decode on the GPU too when ffmpeg can here (tried on the first video at run
 * time); otherwise, or when that fails, on the CPU, saying why.
 */
async function chooseDecoder(run: PreparedRun): Promise<'cuda' | undefined> {
  if (!run.detector.providers.includes('cuda')) return undefined;
  const { works, reason } = await cudaDecodeWorks(run.tools, run.videos[0]!.path);
  if (works) run.logger.info('decoding on the GPU (ffmpeg -hwaccel cuda)');
  else run.logger.info(`decoding on the CPU: ffmpeg cannot decode with CUDA here (${reason})`);
  return works ? 'cuda' : undefined;
}

/** Logs what the start-up found, chooses the decoder and makes the run's identity. */
export async function readyRun(run: PreparedRun): Promise<ReadyRun> {
  const { logger, tools, model, modelConfig, detector } = run;
  logger.info(`using ${tools.ffmpeg.version} (${tools.ffmpeg.path}, from ${tools.source})`);
  for (const info of run.videos) {
    const fps = Math.round(info.fps * 1000) / 1000;
    logger.info(
      `probed ${path.basename(info.path)}: ${info.codec} ${info.width}x${info.height} @ ${fps} fps, ${info.durationSeconds} s, ${info.frameCount} frames`,
      { video: info.stem, stage: 'probe' },
    );
  }
  logger.info(`model ${modelConfig.name}: ${model.path} (sha256 ${model.sha256.slice(0, 12)}…, ${model.origin}), running on ${detector.providers.join(', ')}`);
  for (const source of run.labelled?.summary() ?? []) {
    logger.info(
      `already labelled: ${source.images} images in ${source.path} (${source.byName} known by their frame's name, ${source.byLook} by how they look); such frames are not written again`,
    );
  }
  for (const warning of run.labelled?.warnings() ?? []) logger.warn(warning);
  const hwaccel = await chooseDecoder(run);
  const identity = runIdentity({
    labelled: run.labelled?.summary().map(({ path: given, sha256 }) => ({ path: given, sha256 })) ?? [],
    options: run.options,
    tool: TOOL_VERSION,
    ffmpeg: tools.ffmpeg.version,
    modelConfig,
    modelSha256: model.sha256,
    videos: run.videos.map((info) => ({ path: info.path, stem: info.stem })),
  });
  return { ...run, hwaccel, identity };
}
