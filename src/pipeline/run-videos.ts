/**
 * The run's video loop: each video a resume finished is restored from the checkpoint; each other one
 * is planned (while the video before it was processed), decoded, filtered, detected and written, then
 * checkpointed. A video is hashed while it is decoded (a day of camera video is gigabytes: seconds of
 * reading before the first frame otherwise).
 */
import { requestedInput } from '../detect/input-shape.js';
import type { InferenceInput } from '../domain/frame-record.js';
import { STAGES, type Stage } from '../domain/stages.js';
import { describeRange } from '../domain/time-range.js';
import type { VideoInfo } from '../domain/video.js';
import type { RunRecorder } from '../observe/recorder.js';
import { chooseDecoderSetting } from './decode/decoder-priority.js';
import { truncatedError, truncation } from './decode/truncation.js';
import type { FinishedVideo } from './output/checkpoint.js';
import type { RunStaging } from './output/run-staging.js';
import { expectedSamples, processVideo, type DecodeSummary } from './process-video.js';
import type { ReadyRun } from './run-start.js';

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

/** Decodes video `index` through every stage, detecting at `input`, into the staging folder and returns what its decode reported. */
async function decodeVideo(run: ReadyRun, staging: RunStaging, index: number, input: InferenceInput): Promise<DecodeSummary> {
  const { options, hooks, logger, recorder, detector } = run;
  const info = run.videos[index]!;
  // The probe stage counts only the wait: planning mostly overlaps the model's load or the video before.
  const { plan, decode } = await recorder.time('probe', () => run.plansOf(index));
  if (plan) {
    const from = plan.seekSeconds === undefined ? 'the first frame' : `the key frame before ${plan.seekSeconds} s`;
    logger.info(`range ${describeRange(plan.range)} of ${info.stem}: decoding from ${from}, dedup replayed from ${plan.replayFromMs / 1000} s`, {
      video: info.stem,
      stage: 'extract',
    });
  }
  const gpu = detector.providers.includes('cuda');
  const setting = chooseDecoderSetting({
    gpu,
    decodedPerSample: decode.decodedPerSample,
    keyframes: decode.mode === 'keyframes',
    width: info.width,
    height: info.height,
  });
  logger.info(`decoding ${info.stem}: ${decode.mode} (${decode.reason}); at ${setting.lowPriority ? 'the lowest' : 'normal'} priority (${setting.reason})`, {
    video: info.stem,
    stage: 'extract',
  });
  const progress = hooks.progress?.(info.stem, expectedSamples(info, options.sampling, options.timeRange)) ?? null;
  return processVideo({
    video: info,
    sampling: options.sampling,
    decoder: {
      tools: run.tools,
      lowPriority: setting.lowPriority,
      followsInference: !gpu,
      hwaccel: run.hwaccel,
      range: plan,
      plannedDecode: decode.planned,
      origin: decode.origin,
      untimed: decode.untimed === true,
    },
    filters: {
      quality: options.quality,
      dedupThreshold: options.dedupThreshold,
      dedupLocalThreshold: options.dedupLocalThreshold,
      labelled: run.labelled === null ? null : { frames: run.labelled, videoSha256: () => run.sha256Of(index) },
    },
    detector,
    input,
    output: { datasetDir: staging.dir, jpegQuality: options.jpegQuality, recorder, progress },
    signal: hooks.signal,
  }).finally(() => progress?.finish());
}

/** Processes video `index` (one the interrupted run did not finish), records it and checkpoints it. */
async function processOne(run: ReadyRun, staging: RunStaging, index: number): Promise<void> {
  const { options, logger, recorder } = run;
  const info = run.videos[index]!;
  const before = { ...recorder.stageMs };
  const hashing = run.sha256Of(index);
  // The shape's runtime loads (and a fixed-shape model is specialised) while the first frames decode.
  const requested = requestedInput(info, options.inferenceShape, run.detector.shape);
  const inference = run.detector.input(requested);
  inference.catch(() => undefined);
  const decoded = await decodeVideo(run, staging, index, requested);
  const input = await inference;
  const cut = truncation(info, decoded.stats, decoded.window);
  if (cut !== null && options.strict) throw truncatedError(info, decoded.stats, cut);
  const { plan: _plan, decode } = await run.plansOf(index);
  recorder.recordVideo({
    info,
    sha256: await hashing,
    decode: { mode: decode.mode, reason: decode.reason },
    framesDecoded: decoded.stats.framesDecoded,
    decodeErrors: decoded.stats.decodeErrors,
    ...(cut === null ? {} : { truncatedAtMs: decoded.stats.lastTimestampMs }),
    inference: input,
  });
  await staging.checkpoint.add(finishedVideo(recorder, index, before));
  const rows = recorder.frames.filter((f) => f.video === info.stem);
  const kept = rows.filter((r) => r.outcome === 'kept').length;
  const counts = `${decoded.stats.framesDecoded} decoded, ${rows.length} sampled, ${kept} kept`;
  logger.info(`processed ${info.stem}: ${counts}; model input ${input.width}x${input.height}`, { video: info.stem, stage: 'extract' });
}

/** Every video in input order: restored when the interrupted run finished it, processed otherwise. */
export async function processVideos(run: ReadyRun, staging: RunStaging): Promise<void> {
  const { hooks, logger, recorder } = run;
  const { finished } = staging;
  for (const [index, info] of run.videos.entries()) {
    hooks.signal?.throwIfAborted();
    const done = finished[index];
    if (done !== undefined) {
      restoreVideo(recorder, info, done);
      logger.info(`${info.stem}: finished by the interrupted run (${done.frames.length} sampled, ${done.kept.length} kept); not processed again`, {
        video: info.stem,
        stage: 'extract',
      });
      continue;
    }
    // The next video to process is planned while this one is (none for the videos a resume skips).
    void run.plansOf(index);
    const following = run.videos.findIndex((_, i) => i > index && finished[i] === undefined);
    if (following !== -1) void run.plansOf(following);
    await processOne(run, staging, index);
  }
  hooks.signal?.throwIfAborted();
}
