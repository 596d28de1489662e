/**
 * `dataset-gen doctor`: what this machine would run a dataset on, checked rather than assumed. The
 * onnxruntime version and the providers it offers; whether each requested provider loads (opened on
 * the model, the reason in one line when not); the GPUs nvidia-smi sees; ffmpeg's version, its
 * hardware decoders and whether NVDEC decodes a one-second test clip; and a verdict in words. `ok`
 * is true when every requested provider loads and ffmpeg runs.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { checkProvider, offeredProviders, onnxruntimeVersion, type ProviderCheck } from '../detect/provider-check.js';
import { ConfigError, messageOf, ModelError } from '../errors.js';
import { hardwareAccelerations, writeTestClip } from '../media/ffmpeg-capabilities.js';
import { cudaDecodeWorks } from '../media/ffmpeg.js';
import { locateFfmpegTools, withVersions, type FfmpegTools } from '../media/tools.js';
import { BUNDLED_MODEL_FILE, bundledModelsDir } from '../model/bundled.js';
import { loadModelConfig, type ExecutionProvider } from '../model/config.js';
import { visibleGpus, type GpuInfo } from './gpu-info.js';

export interface DoctorRequest {
  /** The model file to open on each provider (`--model`); null: the model config's file, else the bundled model. */
  modelPath: string | null;
  /** The model config (a preset or a file), for its providers and its model file. */
  modelConfig: string;
  /** The providers a run would ask for, in order (`--execution-providers`); null: the model config's. */
  providers: readonly ExecutionProvider[] | null;
  /** `--ffmpeg-path`, when given. */
  ffmpegPath?: string | null;
  /** The GPU query command (tests give a stand-in). */
  nvidiaSmi?: string;
  /** Where the provider libraries are (tests give a folder of their own); onnxruntime-node's by default. */
  providerLibraryDir?: string;
}

export interface DoctorReport {
  /** The model file opened on each provider. */
  model: string;
  onnxruntime: { version: string; offered: { name: string; bundled: boolean }[] };
  providers: ProviderCheck[];
  gpus: GpuInfo[] | { problem: string };
  ffmpeg: { version: string; path: string; hwaccels: string[]; nvdec: { works: boolean; reason: string } } | { problem: string };
  /** Where this run would infer, in words: "this run would infer on CUDA", or "on the CPU because …". */
  inference: string;
  /** Where it would decode, in words. */
  decoding: string;
  ok: boolean;
}

async function ffmpegReport(request: DoctorRequest): Promise<DoctorReport['ffmpeg']> {
  let tools: FfmpegTools;
  try {
    tools = await withVersions(locateFfmpegTools(request.ffmpegPath ?? undefined));
  } catch (error) {
    return { problem: messageOf(error) };
  }
  const hwaccels = await hardwareAccelerations(tools).catch((): string[] => []);
  let nvdec: { works: boolean; reason: string };
  if (!hwaccels.includes('cuda')) {
    nvdec = { works: false, reason: 'this ffmpeg was built without CUDA (cuda is not among its hardware accelerations)' };
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-doctor-'));
    try {
      const clip = await writeTestClip(tools, path.join(dir, 'test.mp4'));
      nvdec = 'problem' in clip ? { works: false, reason: clip.problem } : await cudaDecodeWorks(tools, path.join(dir, 'test.mp4'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return { version: tools.ffmpeg.version, path: tools.ffmpeg.path, hwaccels, nvdec };
}

/** Where a run asking for `requested` would infer, from what loads. */
function inferenceVerdict(checks: readonly ProviderCheck[]): string {
  const first = checks.find((check) => check.loads);
  const cuda = checks.find((check) => check.provider === 'cuda');
  if (first?.provider === 'cuda') return 'this run would infer on CUDA';
  if (cuda !== undefined && !cuda.loads) return `this run would infer on the CPU because the CUDA provider does not load: ${cuda.reason}`;
  if (first === undefined) return 'this run could not infer: no requested provider loads';
  return 'this run would infer on the CPU, as asked (CUDA was not requested: pass --execution-providers cuda,cpu)';
}

function decodingVerdict(inference: readonly ProviderCheck[], ffmpeg: DoctorReport['ffmpeg']): string {
  if ('problem' in ffmpeg) return `ffmpeg does not run: ${ffmpeg.problem}`;
  const cuda = inference.find((check) => check.provider === 'cuda' && check.loads) !== undefined;
  if (!cuda) return 'this run would decode on the CPU (the GPU decoder is used only when inference runs on CUDA)';
  return ffmpeg.nvdec.works
    ? 'this run would decode on the GPU (NVDEC)'
    : `this run would decode on the CPU because NVDEC does not work: ${ffmpeg.nvdec.reason}`;
}

/**
 * The model to open and the providers to check: as given, else the model config's. A config whose
 * weights are a URL is not downloaded: the bundled model stands in (loading a provider does not
 * depend on the weights).
 */
async function whatToCheck(request: DoctorRequest): Promise<{ model: string; providers: ExecutionProvider[] }> {
  const { config, baseDir } = await loadModelConfig(request.modelConfig);
  const providers = [...new Set(request.providers ?? config.executionProviders)];
  const source = config.source !== undefined && 'path' in config.source ? path.resolve(baseDir, config.source.path) : null;
  const bundled = bundledModelsDir();
  const model = request.modelPath ?? source ?? (bundled === null ? null : path.join(bundled, BUNDLED_MODEL_FILE));
  if (model === null)
    throw new ConfigError(`Model config ${request.modelConfig} names no model file and no bundled model is installed; pass --model <file.onnx>`);
  const isFile = await stat(model).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!isFile) throw new ModelError(`Model ${model}: no such file; pass --model <file.onnx>`);
  return { model, providers };
}

export async function runDoctor(request: DoctorRequest): Promise<DoctorReport> {
  const { model, providers: requested } = await whatToCheck(request);
  const providers: ProviderCheck[] = [];
  for (const provider of requested) providers.push(await checkProvider(model, provider, request.providerLibraryDir));
  const [gpus, ffmpeg] = await Promise.all([visibleGpus(request.nvidiaSmi), ffmpegReport(request)]);
  return {
    model,
    onnxruntime: { version: onnxruntimeVersion(), offered: offeredProviders() },
    providers,
    gpus: 'gpus' in gpus ? gpus.gpus : gpus,
    ffmpeg,
    inference: inferenceVerdict(providers),
    decoding: decodingVerdict(providers, ffmpeg),
    ok: providers.every((check) => check.loads) && !('problem' in ffmpeg),
  };
}
