/** The CLI: argv → Options → runPipeline, errors → one line and an exit code. */
import path from 'node:path';

import { DatasetGenError, EXIT_CODES, exitCodeOf, messageOf } from '../errors.js';
import {
  createLogger,
  createProgress,
  labellingBudget,
  labelStudioImagesOption,
  mergeDatasets,
  resolveOptions,
  runPipeline,
  type LogStream,
} from '../index.js';
import { TOOL_VERSION } from '../version.js';
import { parseCliArgs } from './args.js';
import { runCost } from './cost.js';
import { runDiffCommand } from './diff.js';
import { runDoctorCommand } from './doctor.js';
import { helpText } from './help.js';

export interface CliIo {
  stdout: LogStream;
  stderr: LogStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal?: AbortSignal;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const args = parseCliArgs(argv, io.env);
    debug = args.debug;
    if (args.command === 'help') {
      io.stdout.write(helpText(args.topic ?? 'overview'));
      return 0;
    }
    if (args.command === 'usage') {
      io.stderr.write(helpText(args.topic ?? 'overview'));
      return EXIT_CODES.usage;
    }
    if (args.command === 'version') {
      io.stdout.write(`dataset-gen ${TOOL_VERSION}\n`);
      return 0;
    }
    if (args.command === 'cost') {
      io.stdout.write(runCost(args.parts));
      return 0;
    }
    if (args.command === 'doctor') {
      const { text, exitCode } = await runDoctorCommand(args.raw, io.cwd);
      io.stdout.write(text);
      return exitCode;
    }
    if (args.command === 'diff' && args.diff) {
      io.stdout.write(await runDiffCommand(args.diff, io.cwd));
      return 0;
    }
    if (args.command === 'merge') {
      const logger = createLogger({ format: args.logFormat, level: args.debug ? 'debug' : 'info', stream: io.stderr });
      const budget = labellingBudget(args.raw);
      const merged = await mergeDatasets(
        {
          parts: args.parts,
          outDir: path.resolve(io.cwd, args.raw.out ?? ''),
          overwrite: args.raw.overwrite === true,
          cwd: io.cwd,
          ...(budget.select === null ? {} : { budget: { select: budget.select, selectOnly: budget.selectOnly } }),
          ...(args.raw['label-studio-images'] === undefined ? {} : { labelStudioImages: labelStudioImagesOption(args.raw) }),
          allowGaps: args.allowGaps === true,
        },
        { logger, signal: io.signal },
      );
      io.stdout.write(`${merged.outDir}\n`);
      return 0;
    }
    const options = resolveOptions(args.raw, undefined, io.cwd);
    const logger = createLogger({ format: args.logFormat, level: args.debug ? 'debug' : 'info', stream: io.stderr });
    const result = await runPipeline(options, {
      logger,
      signal: io.signal,
      model: { env: 'DATASET_GEN_MODEL' },
      progress: (label, total) =>
        createProgress({ total, label, stream: io.stderr, format: args.logFormat, logger: io.stderr.isTTY && args.logFormat === 'text' ? undefined : logger }),
    });
    io.stdout.write(`${result.outDir}\n`);
    return 0;
  } catch (error) {
    const known = error instanceof DatasetGenError;
    const detail = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    io.stderr.write(`dataset-gen: ${known ? '' : 'internal error: '}${messageOf(error)}${detail}\n`);
    if (!known && !debug) io.stderr.write('dataset-gen: run again with --debug for the stack trace, and report it\n');
    return exitCodeOf(error);
  }
}
