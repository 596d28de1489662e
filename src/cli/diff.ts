/**
 * `dataset-gen diff <base> <head>`: what changed from a baseline dataset to a new one, as Markdown
 * (stdout, or `--markdown-out`) and JSON (`--json-out`). Exit 0 whatever the difference; non-zero only
 * when a folder is not a finished, unedited dataset (2) or a file cannot be written (6).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { invalidParameterError, OutputError, UsageError } from '../errors.js';
import { compareDatasets, diffJson, readDiffPair, renderDiffHtml, renderDiffMarkdown } from '../index.js';

export const DIFF_OPTIONS = {
  'markdown-out': { type: 'string' },
  'json-out': { type: 'string' },
  'html-out': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const DIFF_HELP = `dataset-gen diff — what changed from a baseline dataset to a new one

Usage:
  dataset-gen diff <baseline dataset> <new dataset> [--markdown-out <file>] [--json-out <file>] [--html-out <file>]

Reads both folders as dataset-gen wrote them (each file checked, as merge checks a part) and
compares them: the settings that differ (tool version, model and its sha256, every option), the videos
by content (sha256), frames sampled, kept and dropped by reason, detections per class, per image and
by score, the frames kept on one side only (a frame is its video's sha256 and frame index) with what
became of it on the other, and for frames kept on both the boxes added, removed, relabelled (paired
at IoU >= 0.5) and moved (IoU < 0.9), and both datasets' quality gates. The Markdown opens with a
one-line verdict ("No change" or "Changed") and a small table, the details folded below, and fits
GitHub's 1 MiB summary limit (long tables are shortened, and it says so; the JSON has every row).

Options:
  --markdown-out <file>     write the Markdown to this file instead of stdout
  --json-out <file>         also write the whole diff as JSON (every frame and box change)
  --html-out <file>         also write one self-contained HTML page: the 12 frames that changed most
                            side by side (the baseline's image and boxes, this run's), each box
                            coloured by what happened to it, and frames kept on one side only
  -h, --help                this help

Exit codes:
    0  compared, whatever the difference (read the verdict)
    2  a folder is not a finished dataset-gen dataset, or was changed after it was written; a bad option
    6  an output file cannot be written

Examples:
  # what a pull request's new thresholds do to a site's dataset
  dataset-gen diff baseline dataset --markdown-out diff.md --json-out diff.json

  # against the default branch's dataset, downloaded as an artifact (the Markdown on stdout)
  dataset-gen diff downloaded/dataset-north-yard dataset
`;

export interface DiffArgs {
  base: string;
  head: string;
  markdownOut: string | null;
  jsonOut: string | null;
  htmlOut: string | null;
}

/** `dataset-gen diff`'s arguments, or 'help'. */
export function parseDiffArgs(args: readonly string[]): DiffArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], strict: true, allowPositionals: true, options: DIFF_OPTIONS });
  } catch (error) {
    const message = (error as Error).message
      .split('\n')[0]
      ?.replace(/\. To specify a positional.*$/, '')
      .replace(/\.$/, '');
    throw new UsageError(`${message}; see dataset-gen diff --help`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 2) {
    throw invalidParameterError('dataset-gen diff', 'two dataset folders (the baseline, then the new dataset)', positionals.length);
  }
  for (const name of ['markdown-out', 'json-out', 'html-out'] as const) {
    if (values[name] === '') throw invalidParameterError(`--${name}`, 'a file path', values[name]);
  }
  return {
    base: positionals[0]!,
    head: positionals[1]!,
    markdownOut: values['markdown-out'] ?? null,
    jsonOut: values['json-out'] ?? null,
    htmlOut: values['html-out'] ?? null,
  };
}

async function writeOut(file: string, text: string, flag: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new OutputError(
      `Cannot write ${flag} ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); pass a path in a folder you can write`,
    );
  }
}

/** Compares the two datasets; the text for stdout (the Markdown, or nothing when it went to a file). */
export async function runDiffCommand(args: DiffArgs, cwd: string): Promise<string> {
  const pair = await readDiffPair({ base: args.base, head: args.head, cwd });
  const diff = compareDatasets(pair);
  const markdown = renderDiffMarkdown(diff);
  if (args.jsonOut !== null) await writeOut(path.resolve(cwd, args.jsonOut), diffJson(diff), '--json-out');
  if (args.htmlOut !== null) await writeOut(path.resolve(cwd, args.htmlOut), await renderDiffHtml(pair, diff), '--html-out');
  if (args.markdownOut === null) return markdown;
  await writeOut(path.resolve(cwd, args.markdownOut), markdown, '--markdown-out');
  return '';
}
