/**
 * `dataset-gen doctor`: whether this machine runs what a run would ask for (the execution providers,
 * ffmpeg, NVDEC), in plain lines and a verdict; exit 0 when everything asked for works, 9 otherwise.
 */
import { parseArgs } from 'node:util';

import { EXIT_CODES, UsageError } from '../errors.js';
import { doctorOptions, doctorText, runDoctor, type RawOptions } from '../index.js';

export const DOCTOR_OPTIONS = {
  'execution-providers': { type: 'string' },
  model: { type: 'string' },
  'model-config': { type: 'string' },
  'ffmpeg-path': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const DOCTOR_HELP = `dataset-gen doctor — check what this machine would run a dataset on

Usage:
  dataset-gen doctor [--execution-providers cuda,cpu] [--model <file.onnx>] [--model-config <file|preset>]

Prints the onnxruntime version and the execution providers it offers; opens the model on each
requested provider and says whether it loads (and why not: a provider library not installed, or a
library it needs not found); the NVIDIA GPUs nvidia-smi sees; ffmpeg's version, its hardware decoders
and whether NVDEC decodes a one-second test clip; and a verdict: where a run would infer and decode.

Options:
  --execution-providers <list>
                            providers a run would ask for, in order, e.g. cuda,cpu (default: the
                            model config's, cpu in the preset)
  --model <file.onnx>       the model file to open (default: the model config's, else the bundled
                            yolov8n.onnx; nothing is downloaded)
  --model-config <file|preset>
                            model config JSON or preset, for its providers and model file
  --ffmpeg-path <path>      ffmpeg binary or its folder (default: PATH, then the bundled npm binaries)
  -h, --help                this help

Exit codes:
    0  every requested provider loads and ffmpeg runs
    9  a requested provider does not load, or ffmpeg does not run
    2  a bad option

Examples:
  # on a new GPU runner, before the first dataset: exit 0 only when CUDA loads
  dataset-gen doctor --execution-providers cuda

  # what a run with your model config would use
  dataset-gen doctor --model-config models/site.json
`;

/** `dataset-gen doctor`'s arguments: its raw options, or 'help'. */
export function parseDoctorArgs(args: readonly string[]): RawOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...args], strict: true, options: DOCTOR_OPTIONS }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; see dataset-gen doctor --help`);
  }
  if (values.help) return 'help';
  const { help: _help, ...raw } = values;
  return raw as RawOptions;
}

/** Runs the checks; the report's text and the exit code. */
export async function runDoctorCommand(raw: RawOptions, cwd: string): Promise<{ text: string; exitCode: number }> {
  const options = doctorOptions(raw, undefined, cwd);
  const report = await runDoctor({
    modelPath: options.modelPath,
    modelConfig: options.modelConfig,
    providers: options.executionProviders,
    ffmpegPath: options.ffmpegPath,
  });
  return { text: doctorText(report), exitCode: report.ok ? EXIT_CODES.ok : EXIT_CODES.doctor };
}
