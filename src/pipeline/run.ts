/**
 * Orchestrates a run: validate everything cheap first (tools, output folder, model config, weights,
 * videos), then stream every video through the stages into a staging folder, write COCO, metrics and
 * report, write the manifest last, and rename the staging folder into place.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Detector } from '../detect/session.js';
import { DATASET_FILES, EXPORT_FILES, type DatasetFile } from '../domain/dataset-files.js';
import type { QualityGateVerdict } from '../domain/quality-gates.js';
import { cliName, type NameOf, type Options } from '../domain/run-options.js';
import { describeRange, processedSeconds } from '../domain/time-range.js';
import { cudaDecodeWorks, resolveFfmpegTools, type FfmpegTools } from '../media/ffmpeg.js';
import { loadModelConfig, type ModelConfig } from '../model/config.js';
import { resolveModel, type ResolvedModel, type ResolveModelOptions } from '../model/resolve.js';
import { checkRunHistory } from '../observe/history.js';
import { silentLogger, type Logger } from '../observe/log.js';
import { computeMetrics, type RunMetrics } from '../observe/metrics.js';
import type { Progress } from '../observe/progress.js';
import { RunRecorder } from '../observe/recorder.js';
import { logStageSummary } from '../observe/stage-summary.js';
import { classColors } from '../report/report-model.js';
import { TOOL_VERSION, toolCommit } from '../version.js';
import { buildCoco, serializeCoco } from './coco.js';
import { buildManifest, type RunManifest } from './manifest.js';
import { checkOutputDir, commitStagingDir, createStagingDir, discardStagingDir } from './output-dir.js';
import { probeVideo } from './probe.js';
import { expectedSamples, processVideo } from './process-video.js';
import { publishRun } from './publish.js';
import { planRange } from './range-plan.js';
import { planDecode, type VideoDecodePlan } from './decode-plan.js';
import { hashVideo } from './video-hash.js';
import { chooseDecoderSetting } from './decoder-threads.js';
import type { VideoInfo } from '../domain/video.js';
import type { RangePlan } from './range-plan.js';
import { selectFrames } from './select-frames.js';
import { writeExports } from './write-exports.js';
import { writeReports } from './write-reports.js';
import { describeDataLoss } from '../observe/data-loss.js';
import { truncatedError, truncation } from './extract.js';

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

async function prepareVideo(tools: FfmpegTools, info: VideoInfo, options: Options): Promise<VideoPlans> {
  const plan = options.timeRange === null ? null : await planRange(tools, info, options.timeRange);
  return { plan, decode: await planDecode(tools, info, options.decode, options.sampling, plan) };
}

export async function runPipeline(options: Options, hooks: RunHooks = {}): Promise<RunResult> {
  const startedAt = new Date();
  const runId = randomBytes(6).toString('hex');
  const logger = (hooks.logger ?? silentLogger()).child({ runId, site: options.site });
  const recorder = new RunRecorder();

  const name = hooks.nameOf ?? cliName;
  const tools = await resolveFfmpegTools(options.ffmpegPath ?? undefined, name('ffmpeg-path'));
  logger.info(`using ${tools.ffmpeg.version} (${tools.ffmpeg.path}, from ${tools.source})`);
  await checkOutputDir(options.outDir, options.overwrite, name);
  if (options.historyCsv) await checkRunHistory(options.historyCsv);

  // The videos are probed while the model loads. A model download waits for the probe, and a
  // video's error is reported before the model's: a wrong video path never waits for a download.
  // The first video's decode is planned (its packets listed) as soon as it is probed, also while the
  // model loads; each later one while the video before it is processed.
  const probing = recorder.time('probe', () =>
    Promise.all(options.videos.map(async (file, i) => ({ info: await probeVideo(tools, file, i, name) }))),
  );
  const prepare = (info: VideoInfo): Promise<VideoPlans> => prepareVideo(tools, info, options);
  const firstPlans = probing.then((videos) => prepare(videos[0]!.info));
  firstPlans.catch(() => undefined);
  const loading = loadDetector(options, hooks, logger, () => probing.then(() => undefined));
  const [probeResult, loadResult] = await Promise.allSettled([probing, loading]);
  if (probeResult.status === 'rejected') {
    if (loadResult.status === 'fulfilled') await loadResult.value.detector.release();
    throw probeResult.reason;
  }
  if (loadResult.status === 'rejected') throw loadResult.reason;
  const probed = probeResult.value;
  const { modelConfig, model, detector } = loadResult.value;
  for (const { info } of probed) {
    logger.info(`probed ${path.basename(info.path)}: ${info.codec} ${info.width}x${info.height} @ ${info.fps} fps, ${info.durationSeconds} s, ${info.frameCount} frames`, { video: info.stem, stage: 'probe' });
  }
  logger.info(`model ${modelConfig.name}: ${model.path} (sha256 ${model.sha256.slice(0, 12)}…, ${model.origin}), running on ${detector.providers.join(', ')}`);

  const hwaccel = await chooseDecoder(tools, detector, probed[0]!.info.path, logger);
  let committed = false;
  const staging = await createStagingDir(options.outDir, [DATASET_FILES.images, path.dirname(DATASET_FILES.coco)], name);
  try {
    let plans: Promise<VideoPlans> = firstPlans;
    for (const [i, { info }] of probed.entries()) {
      // Hashed while it is decoded: the manifest needs the sha256 only at the end.
      const hashing = hashVideo(info.path);
      hashing.catch(() => undefined);
      // The probe stage counts only the waits: planning and hashing mostly overlap other work.
      const { plan, decode } = await recorder.time('probe', () => plans);
      const following = probed[i + 1];
      if (following !== undefined) {
        plans = prepare(following.info);
        plans.catch(() => undefined);
      }
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
      const threads = setting.threads === undefined ? "ffmpeg's own thread count" : `${setting.threads} thread`;
      logger.info(
        `decoding ${info.stem}: ${decode.mode} (${decode.reason}); ${threads}${setting.lowPriority ? ' at the lowest priority' : ''} (${setting.reason})`,
        { video: info.stem, stage: 'extract' },
      );
      const progress = hooks.progress?.(info.stem, expectedSamples(info, options.sampling, options.timeRange)) ?? null;
      const log = await processVideo({
        tools,
        video: info,
        sampling: options.sampling,
        quality: options.quality,
        dedupThreshold: options.dedupThreshold,
        decoderThreads: setting.threads,
        decoderLowPriority: setting.lowPriority,
        hwaccel,
        detector,
        plan,
        planned: decode.planned,
        datasetDir: staging,
        jpegQuality: options.jpegQuality,
        recorder,
        progress,
        signal: hooks.signal,
      }).finally(() => progress?.finish());
      const sha256 = await recorder.time('probe', () => hashing);
      const cut = truncation(info, log.stats, log.window);
      if (cut !== null && options.strict) throw truncatedError(info, log.stats, cut);
      recorder.recordVideo({
        info,
        sha256,
        decode: { mode: decode.mode, reason: decode.reason },
        framesDecoded: log.stats.framesDecoded,
        decodeErrors: log.stats.decodeErrors,
        ...(cut === null ? {} : { truncatedAtMs: log.stats.lastTimestampMs }),
      });
      const rows = recorder.frames.filter((f) => f.video === info.stem);
      logger.info(
        `processed ${info.stem}: ${log.stats.framesDecoded} decoded, ${rows.length} sampled, ${rows.filter((r) => r.outcome === 'kept').length} kept`,
        { video: info.stem, stage: 'extract' },
      );
    }

    const categories = options.classes ?? [...detector.classNames];
    const cocoContext = { site: options.site, toolVersion: TOOL_VERSION, categories, videoOrder: probed.map((p) => p.info.stem) };
    const coco = buildCoco(recorder.kept, cocoContext);
    await recorder.time('write', () => writeFile(path.join(staging, DATASET_FILES.coco), serializeCoco(coco)));
    await recorder.time('write', async () => {
      const selection = options.select === null ? null : selectFrames(recorder.kept, recorder.features, options.select);
      const selectedOnly = options.selectOnly && selection !== null;
      if (selection) {
        recorder.recordSelection(selection, selectedOnly);
        await writeFile(path.join(staging, EXPORT_FILES.selection), `${JSON.stringify(selection, null, 2)}\n`);
      }
      const chosen = new Set(selection?.selected.map((s) => s.file));
      const records = await writeExports({
        dir: staging,
        formats: options.exports,
        coco: selectedOnly ? buildCoco(recorder.kept.filter((k) => chosen.has(k.file)), cocoContext) : coco,
        selectedOnly,
        site: options.site,
        modelClasses: detector.classNames,
        modelVersion: `${modelConfig.name}@${model.sha256.slice(0, 12)}`,
        labelStudioImages: options.labelStudioImages,
        colorOf: classColors(detector.classNames, categories),
      });
      for (const record of records) recorder.recordExport(record);
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
    const registry = await writeReports(staging, recorder, metrics, manifest, hooks.gates?.(metrics) ?? [], name);
    logger.info(`reports written in ${Math.round(performance.now() - reportStart)} ms`, { stage: 'write' });
    await writeFile(path.join(staging, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    await commitStagingDir(staging, options.outDir);
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
    if (!committed) await discardStagingDir(staging);
    throw error;
  } finally {
    await detector.release();
  }
}
