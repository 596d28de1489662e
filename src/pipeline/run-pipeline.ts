/**
 * Orchestrates a run: validate everything cheap first (tools, output folder, model config, weights,
 * videos), then stream every video through the stages into a staging folder, write COCO, metrics and
 * report, write the manifest last, and rename the staging folder into place.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Detector } from '../detect/detector.js';
import { DATASET_FILES, type DatasetFile } from '../domain/dataset-files.js';
import type { QualityGateVerdict } from '../domain/quality-gates.js';
import { cliName, type NameOf, type Options } from '../domain/run-options.js';
import { describeRange, processedSeconds } from '../domain/time-range.js';
import { cudaDecodeWorks } from '../media/ffmpeg.js';
import { type PacketScan } from '../media/ffprobe.js';
import { locateFfmpegTools, withVersions, type FfmpegTools, type ProbeTools, type ToolPaths } from '../media/tools.js';
import { loadModelConfig, PRESETS, type ModelConfig } from '../model/config.js';
import { resolveModel, type ResolvedModel, type ResolveModelOptions } from '../model/resolve-model.js';
import { sha256File } from '../model/sha256.js';
import { checkRunHistory } from '../observe/history.js';
import { silentLogger, type Logger } from '../observe/log.js';
import { InterruptedError, messageOf, OutputError } from '../errors.js';
import { STAGES, type Stage } from '../domain/stages.js';
import type { VideoInfo } from '../domain/video.js';
import { computeMetrics, type RunMetrics } from '../observe/metrics.js';
import type { Progress } from '../observe/progress.js';
import { RunRecorder } from '../observe/recorder.js';
import { logStageSummary } from '../observe/stage-summary.js';
import { classColors } from '../report/report-model.js';
import { TOOL_VERSION, toolCommit } from '../version.js';
import { buildCoco, serializeCoco } from '../export/coco.js';
import { buildManifest, type RunManifest } from './write/manifest.js';
import { checkOutputDir, commitStagingDir, createOutputParent, discardStagingDir, OutputTakenError, stagingDirOf } from './output/output-dir.js';
import { lockOutput, lockPathOf } from './output/output-lock.js';
import { runIdentity, type FinishedVideo } from './output/checkpoint.js';
import { openRunStaging, type RunStaging } from './output/run-staging.js';
import { probeVideo, probeVideoWithPackets, type ProbedWithPackets } from './decode/probe.js';
import { expectedSamples, processVideo } from './process-video.js';
import { publishRun } from './write/publish.js';
import { planRange } from './decode/range-plan.js';
import { planDecode, type VideoDecodePlan } from './decode/decode-plan.js';
import { chooseDecoderSetting } from './decode/decoder-priority.js';
import type { RangePlan } from './decode/range-plan.js';
import { writeLabelling } from './label/write-labelling.js';
import { writeReports } from './write/write-reports.js';
import { describeDataLoss } from '../observe/data-loss-message.js';
import { truncatedError, truncation } from './decode/extract.js';

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

export interface RunResult {
  outDir: string;
  metrics: RunMetrics;
  manifest: RunManifest;
  /** Absolute paths of the dataset's files. */
  files: Record<DatasetFile, string>;
}

function datasetPaths(outDir: string): Record<DatasetFile, string> {
  const entries = Object.entries(DATASET_FILES).map(([key, rel]) => [key, path.join(outDir, rel)]);
  return Object.fromEntries(entries) as Record<DatasetFile, string>;
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

/**
 * With the model on CUDA, decode on the GPU too when ffmpeg can here (tried on the first video at run
 * time); otherwise, or when that fails, on the CPU, saying why.
 */
async function chooseDecoder(tools: FfmpegTools, detector: Detector, firstVideo: string, logger: Logger): Promise<'cuda' | undefined> {
  if (!detector.providers.includes('cuda')) return undefined;
  const { works, reason } = await cudaDecodeWorks(tools, firstVideo);
  if (works) logger.info('decoding on the GPU (ffmpeg -hwaccel cuda)');
  else logger.info(`decoding on the CPU: ffmpeg cannot decode with CUDA here (${reason})`);
  return works ? 'cuda' : undefined;
}

/** Model config, weights and the detector, loaded while the videos are probed. */
async function loadDetector(
  options: Options,
  hooks: RunHooks,
  logger: Logger,
  beforeDownload: () => Promise<void>,
): Promise<{ modelConfig: ModelConfig; model: ResolvedModel; detector: Detector }> {
  const loaded = await loadModelConfig(options.modelConfig);
  const modelConfig = withOverrides(loaded.config, options);
  const { env, ...modelHooks } = hooks.model ?? {};
  const name = hooks.nameOf ?? cliName;
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
  });
  return { modelConfig, model, detector };
}

/** What a video needs before its decode starts: its range's seek (with a range) and its decode plan. */
interface VideoPlans {
  plan: RangePlan | null;
  decode: VideoDecodePlan;
}

async function prepareVideo(tools: ProbeTools, info: VideoInfo, options: Options, packets: PacketScan | null): Promise<VideoPlans> {
  const plan = options.timeRange === null ? null : await planRange(tools, info, options.timeRange);
  return { plan, decode: await planDecode(tools, info, options.decode, options.sampling, plan, packets) };
}

/**
 * Probes every video. The first one's packets are listed by the same ffprobe call when its decode
 * mode needs them (the others' while the video before them is processed).
 */
function probeVideos(tools: ProbeTools, options: Options, name: NameOf): Promise<(Omit<ProbedWithPackets, 'packets'> & { packets: PacketScan | null })[]> {
  return Promise.all(options.videos.map(async (file, i) => {
    if (i === 0 && options.decode !== 'all') return probeVideoWithPackets(tools, file, i, name);
    return { info: await probeVideo(tools, file, i, name), packets: null, ffprobeVersion: null };
  }));
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

/** The run's input files, which `--overwrite` must never delete. */
function inputFiles(options: Options): string[] {
  const files = [...options.videos];
  if (options.modelPath !== null) files.push(options.modelPath);
  if (!Object.hasOwn(PRESETS, options.modelConfig)) files.push(options.modelConfig);
  if (options.historyCsv !== null) files.push(options.historyCsv);
  return files;
}

/** True for a write that failed because the disk is full (Node's ENOSPC, or libvips' message for it). */
function isDiskFull(error: unknown): boolean {
  if ((error as NodeJS.ErrnoException | null)?.code === 'ENOSPC') return true;
  return /no space left on device/i.test(messageOf(error));
}

function diskFullError(error: unknown, staging: string, outDir: string, name: NameOf): OutputError {
  const file = (error as NodeJS.ErrnoException).path ?? staging;
  return new OutputError(`Cannot write ${file}: disk full (ENOSPC); nothing was written to ${outDir}; free space there or choose another ${name('out')}`, { cause: error });
}

export async function runPipeline(options: Options, hooks: RunHooks = {}): Promise<RunResult> {
  const startedAt = new Date();
  const runId = randomBytes(6).toString('hex');
  const logger = (hooks.logger ?? silentLogger()).child({ runId, site: options.site });
  const name = hooks.nameOf ?? cliName;
  // Found now, versions read while the videos are probed.
  const paths = locateFfmpegTools(options.ffmpegPath ?? undefined, name('ffmpeg-path'));
  await checkOutputDir(options.outDir, options.overwrite, name, { inputs: inputFiles(options) });
  if (options.historyCsv) await checkRunHistory(options.historyCsv);
  await createOutputParent(options.outDir, name);
  const lock = await lockOutput(options.outDir, name, (message) => logger.warn(message)).catch((error: unknown) => {
    throw isDiskFull(error) ? diskFullError(error, lockPathOf(options.outDir), options.outDir, name) : error;
  });
  try {
    return await runLocked(options, hooks, { startedAt, runId, logger, name, paths, stallTimeout: { seconds: options.stallTimeoutSeconds, name: name('stall-timeout') } });
  } finally {
    await lock.release();
  }
}

interface RunStart {
  startedAt: Date;
  runId: string;
  logger: Logger;
  name: NameOf;
  paths: ToolPaths;
  stallTimeout: NonNullable<FfmpegTools['stallTimeout']>;
}

/** What the run recorded for one video since `before` (its stage times), for the checkpoint. */
function finishedVideo(recorder: RunRecorder, index: number, before: Record<Stage, number>): FinishedVideo {
  const record = recorder.videos.at(-1)!;
  const { info, ...rest } = record;
  const kept = recorder.kept.filter((k) => k.video === info.stem);
  return {
    index,
    record: rest,
    frames: recorder.frames.filter((f) => f.video === info.stem),
    kept,
    features: kept.map((k) => [k.file, recorder.features.get(k.file)!]),
    stageMs: Object.fromEntries(STAGES.map((stage) => [stage, recorder.stageMs[stage] - before[stage]])) as Record<Stage, number>,
  };
}

/** Puts a finished video's records back into the recorder, as processing it did. */
function restoreVideo(recorder: RunRecorder, info: VideoInfo, done: FinishedVideo): void {
  recorder.recordVideo({ info, ...done.record });
  for (const frame of done.frames) recorder.recordFrame(frame);
  for (const image of done.kept) recorder.recordKept(image);
  for (const [file, features] of done.features) recorder.recordFeatures(file, features);
  for (const stage of STAGES) recorder.addStageTime(stage, done.stageMs[stage]);
}

async function runLocked(options: Options, hooks: RunHooks, start: RunStart): Promise<RunResult> {
  const { startedAt, runId, logger, name, paths, stallTimeout } = start;
  const recorder = new RunRecorder();

  // The videos are probed while the model loads and ffmpeg's version is read. A model download
  // waits for the probe, and a video's error is reported before the model's: a wrong video path
  // never waits for a download. A tool that does not run is reported before either.
  // The first video's decode is planned as soon as it is probed (its packets come with its probe),
  // also while the model loads; each later one while the video before it is processed. A video is
  // hashed while it is decoded (a day of camera video is gigabytes: seconds of reading before the
  // first frame otherwise); a resume hashes the videos it skips, to check them.
  const probeTools: ProbeTools = { ffprobe: { path: paths.ffprobe }, stallTimeout };
  const probing = probeVideos(probeTools, options, name);
  const probeTimed = recorder.time('probe', () => probing);
  // ffmpeg's version is read beside the probe, not after it: the decode waits for both.
  const toolsReady = withVersions(paths, probing.then((videos) => videos[0]?.ffprobeVersion ?? null))
    .then((found): FfmpegTools => ({ ...found, stallTimeout }));
  const prepare = (info: VideoInfo, packets: PacketScan | null): Promise<VideoPlans> => prepareVideo(probeTools, info, options, packets);
  const firstPlans = probing.then((videos) => prepare(videos[0]!.info, videos[0]!.packets));
  firstPlans.catch(() => undefined);
  const loading = loadDetector(options, hooks, logger, () => probing.then(() => undefined));
  const [toolsResult, probeResult, loadResult] = await Promise.allSettled([toolsReady, probeTimed, loading]);
  const failure = [toolsResult, probeResult, loadResult].find((result) => result.status === 'rejected');
  if (failure !== undefined) {
    if (loadResult.status === 'fulfilled') await loadResult.value.detector.release();
    throw failure.reason;
  }
  const tools = (toolsResult as PromiseFulfilledResult<FfmpegTools>).value;
  logger.info(`using ${tools.ffmpeg.version} (${tools.ffmpeg.path}, from ${tools.source})`);
  const probed = (probeResult as PromiseFulfilledResult<Awaited<typeof probing>>).value;
  // Each video's sha256 (manifest, metrics, checkpoint), read once: started when the video is
  // decoded, so reading it overlaps the decode, or when a resume checks a video it skips.
  const sha256Of = oncePerIndex((index) => sha256File(probed[index]!.info.path));
  const { modelConfig, model, detector } = (loadResult as PromiseFulfilledResult<Awaited<typeof loading>>).value;
  let staging: RunStaging | null = null;
  let committed = false;
  try {
    hooks.signal?.throwIfAborted();
    for (const { info } of probed) {
      logger.info(`probed ${path.basename(info.path)}: ${info.codec} ${info.width}x${info.height} @ ${info.fps} fps, ${info.durationSeconds} s, ${info.frameCount} frames`, { video: info.stem, stage: 'probe' });
    }
    logger.info(`model ${modelConfig.name}: ${model.path} (sha256 ${model.sha256.slice(0, 12)}…, ${model.origin}), running on ${detector.providers.join(', ')}`);

    const hwaccel = await chooseDecoder(tools, detector, probed[0]!.info.path, logger);
    const identity = runIdentity({
      options,
      tool: TOOL_VERSION,
      ffmpeg: tools.ffmpeg.version,
      modelConfig,
      modelSha256: model.sha256,
      videos: probed.map(({ info }) => ({ path: info.path, stem: info.stem })),
    });
    staging = await openRunStaging({
      outDir: options.outDir,
      identity,
      resume: options.resume,
      subdirs: [DATASET_FILES.images, path.dirname(DATASET_FILES.coco)],
      name,
      logger,
      sha256Of,
      confineTo: hooks.confineStagingTo,
    });
    const dir = staging.dir;
    // Each video's plans, made while the video before it is processed; none for the videos a resume skips.
    const planned = oncePerIndex((index) => (index === 0 ? firstPlans : prepare(probed[index]!.info, null)));
    const finished = staging.finished;
    for (const [index, { info }] of probed.entries()) {
      hooks.signal?.throwIfAborted();
      const done = finished[index];
      if (done !== undefined) {
        restoreVideo(recorder, info, done);
        logger.info(`${info.stem}: finished by the interrupted run (${done.frames.length} sampled, ${done.kept.length} kept); not processed again`, { video: info.stem, stage: 'extract' });
        continue;
      }
      const current = planned(index);
      const following = probed.findIndex((_, i) => i > index && finished[i] === undefined);
      if (following !== -1) void planned(following);
      const before = { ...recorder.stageMs };
      const hashing = sha256Of(index);
      // The probe stage counts only the wait: planning mostly overlaps the model's load or the video before.
      const { plan, decode } = await recorder.time('probe', () => current);
      if (plan) {
        const from = plan.seekSeconds === undefined ? 'the first frame' : `the key frame before ${plan.seekSeconds} s`;
        logger.info(`range ${describeRange(plan.range)} of ${info.stem}: decoding from ${from}, dedup replayed from ${plan.replayFromMs / 1000} s`, { video: info.stem, stage: 'extract' });
      }
      const setting = chooseDecoderSetting({
        gpu: detector.providers.includes('cuda'),
        decodedPerSample: decode.decodedPerSample,
        keyframes: decode.mode === 'keyframes',
        width: info.width,
        height: info.height,
      });
      logger.info(
        `decoding ${info.stem}: ${decode.mode} (${decode.reason}); at ${setting.lowPriority ? 'the lowest' : 'normal'} priority (${setting.reason})`,
        { video: info.stem, stage: 'extract' },
      );
      const progress = hooks.progress?.(info.stem, expectedSamples(info, options.sampling, options.timeRange)) ?? null;
      const log = await processVideo({
        tools,
        video: info,
        sampling: options.sampling,
        quality: options.quality,
        dedupThreshold: options.dedupThreshold,
        dedupLocalThreshold: options.dedupLocalThreshold,
        decoderLowPriority: setting.lowPriority,
        decoderFollowsInference: !detector.providers.includes('cuda'),
        hwaccel,
        detector,
        plan,
        planned: decode.planned,
        origin: decode.origin,
        datasetDir: dir,
        jpegQuality: options.jpegQuality,
        recorder,
        progress,
        signal: hooks.signal,
      }).finally(() => progress?.finish());
      const cut = truncation(info, log.stats, log.window);
      if (cut !== null && options.strict) throw truncatedError(info, log.stats, cut);
      recorder.recordVideo({
        info,
        sha256: await hashing,
        decode: { mode: decode.mode, reason: decode.reason },
        framesDecoded: log.stats.framesDecoded,
        decodeErrors: log.stats.decodeErrors,
        ...(cut === null ? {} : { truncatedAtMs: log.stats.lastTimestampMs }),
      });
      await staging.checkpoint.add(finishedVideo(recorder, index, before));
      const rows = recorder.frames.filter((f) => f.video === info.stem);
      logger.info(
        `processed ${info.stem}: ${log.stats.framesDecoded} decoded, ${rows.length} sampled, ${rows.filter((r) => r.outcome === 'kept').length} kept`,
        { video: info.stem, stage: 'extract' },
      );
    }
    hooks.signal?.throwIfAborted();

    const categories = options.classes ?? [...detector.classNames];
    const cocoContext = { site: options.site, toolVersion: TOOL_VERSION, categories, videoOrder: probed.map((p) => p.info.stem) };
    const coco = buildCoco(recorder.kept, cocoContext);
    await recorder.time('write', () => writeFile(path.join(dir, DATASET_FILES.coco), serializeCoco(coco)));
    await recorder.time('write', async () => {
      const { selection, selectedOnly, exports } = await writeLabelling({
        dir,
        kept: recorder.kept,
        features: recorder.features,
        select: options.select,
        selectOnly: options.selectOnly,
        coco,
        cocoContext,
        exports: {
          formats: options.exports,
          site: options.site,
          modelClasses: detector.classNames,
          modelVersion: `${modelConfig.name}@${model.sha256.slice(0, 12)}`,
          labelStudioImages: options.labelStudioImages,
          colorOf: classColors(detector.classNames, categories),
        },
      });
      if (selection) recorder.recordSelection(selection, selectedOnly);
      for (const record of exports) recorder.recordExport(record);
    });
    recorder.finish();
    const metrics = computeMetrics(recorder, {
      site: options.site,
      classNames: detector.classNames,
      classFilter: options.classes,
      videoSeconds: probed.reduce((acc, { info }) => acc + processedSeconds(info.durationSeconds, options.timeRange), 0),
      pricePerHour: options.pricePerHour,
      executionProviders: detector.providers,
    });
    logStageSummary(logger, metrics);
    for (const warning of metrics.dataLoss) logger.warn(describeDataLoss(warning, name));
    const manifest = buildManifest({
      runId,
      startedAt,
      finishedAt: new Date(),
      options,
      modelConfig,
      model,
      classNames: [...detector.classNames],
      providers: [...detector.providers],
      decoder: hwaccel ?? 'cpu',
      tools,
      videos: recorder.videos,
      metrics,
      toolVersion: TOOL_VERSION,
      gitCommit: await toolCommit(),
    });
    // Written after the metrics they render, so their time is logged rather than counted in them; the
    // HTML report is bounded (at most MAX_THUMBNAILS thumbnails, a capped number of timeline tracks).
    const reportStart = performance.now();
    const registry = await writeReports(dir, recorder, metrics, manifest, hooks.gates?.(metrics) ?? [], name);
    logger.info(`reports written in ${Math.round(performance.now() - reportStart)} ms`, { stage: 'write' });
    await writeFile(path.join(dir, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}
`);
    await rm(staging.checkpoint.file);
    await commitStagingDir(dir, options.outDir, options.overwrite, name, { inputs: inputFiles(options) });
    committed = true;
    logger.info(`dataset written to ${options.outDir}: ${metrics.images} images, ${metrics.detections.total} detections`);
    await publishRun(options, metrics, manifest, registry, logger, hooks.signal);
    return {
      outDir: options.outDir,
      metrics,
      manifest,
      files: datasetPaths(options.outDir),
    };
  } catch (error) {
    if (committed || error instanceof OutputTakenError) throw error;
    // Ctrl-C in a terminal reaches ffmpeg too: its death can surface as a decode error a moment before
    // the signal's own handler runs. One turn of the event loop lets the abort land first.
    if (hooks.signal !== undefined && !hooks.signal.aborted) await new Promise((resolve) => setImmediate(resolve));
    const reason: unknown = hooks.signal?.reason;
    if (hooks.signal?.aborted === true && staging !== null && staging.checkpoint.finished > 0) {
      const kept = `${staging.checkpoint.finished} of ${probed.length} videos finished and kept in ${staging.dir}`;
      if (reason instanceof InterruptedError) {
        throw new InterruptedError(`${reason.message}; ${kept}; run again with ${name('resume')} to continue`, reason.signal);
      }
      throw reason;
    }
    if (staging !== null) await discardStagingDir(staging.dir);
    if (hooks.signal?.aborted === true) {
      if (reason instanceof InterruptedError) throw new InterruptedError(`${reason.message} before any video finished; nothing was kept`, reason.signal);
      throw reason;
    }
    if (isDiskFull(error)) throw diskFullError(error, staging?.dir ?? stagingDirOf(options.outDir), options.outDir, name);
    throw error;
  } finally {
    await detector.release();
  }
}
