/**
 * `npm run report:sample`: runs the pipeline on the sample video and rewrites the generated part of
 * REPORT.md (between the `generated` markers) from that run's report.md and manifest, so the figures
 * in the written report are never typed by hand. With `--bench`, the benchmark's medians are added.
 *
 *   node build/test/bench/report-sample.js [--video V] [--model M] [--bench | --bench-from .tmp/bench/results.md]
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

import { resolveOptions } from '../../src/options/resolve-options.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';

const START = '<!-- generated:start (npm run report:sample) -->';
const END = '<!-- generated:end -->';

/** Demotes Markdown headings by `levels` so a report can sit inside another document. */
export function demoteHeadings(markdown: string, levels: number): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (line.startsWith('```')) fenced = !fenced;
      return !fenced && /^#{1,5} /.test(line) ? `${'#'.repeat(levels)}${line}` : line;
    })
    .join('\n');
}

/** Removes the section under `heading` (to the next heading of the same or a higher level). */
export function dropSection(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.replace(/^#+ /, '') === heading && /^#+ /.test(line));
  if (start < 0) return markdown;
  const level = /^#+/.exec(lines[start]!)![0].length;
  let end = start + 1;
  while (end < lines.length && !(/^#+ /.test(lines[end]!) && /^#+/.exec(lines[end]!)![0].length <= level)) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

/** The samples worth showing: images, drop ratio, stage durations and the non-zero class counts. */
export function prometheusExcerpt(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^dataset_gen_(images_total|drop_ratio|stage_duration_seconds|detections_total|run_info)\{/.test(line))
    .filter((line) => !/^dataset_gen_detections_total\{.*\} 0$/.test(line));
}

/** Replaces the text between the markers; refuses a document without them. */
export function replaceGenerated(document: string, generated: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`REPORT.md has no "${START}" … "${END}" block to regenerate`);
  return `${document.slice(0, start + START.length)}\n${generated.trim()}\n${document.slice(end)}`;
}

/**
 * The benchmark's Markdown table (bench.ts writes it to a file), whether or not every target was met:
 * the table of a bench already run (`from`), or of one run now.
 */
async function benchSection(video: string, model: string, from: string | undefined): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const table = from === undefined ? path.resolve('.tmp', 'bench', 'report-results.md') : path.resolve(from);
  if (from === undefined) {
    await promisify(execFile)(process.execPath, [path.join(here, 'bench.js'), '--video', video, '--model', model, '--rounds', '3', '--markdown-out', table], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { code?: unknown }) => {
      // Exit code 1 is a missed target: the table is written all the same and says which.
      if (error.code !== 1) throw error;
    });
  }
  const workloads =
    'the sample at 1 frame/s, camera-like 10-minute 25 fps videos (768x576, and 1920x1080 16:9) at 1 frame/10 s, a static-period timelapse at 1 frame/s';
  return [
    '### Benchmark (`npm run bench`, median of 3 interleaved rounds)',
    '',
    `Workloads (test/bench/workloads.ts): ${workloads}.`,
    '',
    (await readFile(table, 'utf8')).trim(),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      video: { type: 'string', default: path.resolve('..', 'shared', 'fixtures', 'videos', 'site-walkway.mp4') },
      model: { type: 'string', default: path.resolve('..', 'shared', 'models', 'yolov8n.onnx') },
      out: { type: 'string', default: path.resolve('.tmp', 'sample-dataset') },
      bench: { type: 'boolean', default: false },
      'bench-from': { type: 'string' },
    },
  });
  const options = resolveOptions({ video: [values.video], model: values.model, out: values.out, overwrite: true, site: 'sample-walkway' });
  const result = await runPipeline(options);
  const report = await readFile(result.files.report, 'utf8');
  const { manifest } = result;
  const lines = [
    `Generated from a run on ${manifest.run.finishedAt.slice(0, 10)} with dataset-gen ${manifest.tool.version}` +
      `${manifest.tool.gitCommit ? ` (${manifest.tool.gitCommit.slice(0, 10)})` : ''}, ${manifest.runtime.ffmpeg.version},` +
      ` onnxruntime ${manifest.runtime.onnxruntime}, sharp ${manifest.runtime.sharp}, Node ${manifest.runtime.node}` +
      ` on ${manifest.runtime.platform}.`,
    '',
    `Input: \`${path.basename(manifest.videos[0]?.path ?? '')}\` (sha256 \`${manifest.videos[0]?.sha256.slice(0, 16)}…\`),` +
      ` model \`${manifest.config.model.name}\` (sha256 \`${manifest.model.sha256.slice(0, 16)}…\`),` +
      ` sampling ${JSON.stringify(manifest.config.sampling)}, dedup threshold ${manifest.config.dedupThreshold}, dedup local threshold ${manifest.config.dedupLocalThreshold}.`,
    '',
    // The sample images live in the dataset folder, not in the repository.
    demoteHeadings(dropSection(report, 'Sample images'), 2),
  ];
  lines.push(
    '',
    '### Prometheus metrics of this run (excerpt of `metrics.prom`)',
    '',
    '```text',
    ...prometheusExcerpt(await readFile(result.files.prometheus, 'utf8')),
    '```',
  );
  if (values.bench || values['bench-from'] !== undefined) lines.push('', await benchSection(values.video, values.model, values['bench-from']));
  const file = path.resolve('REPORT.md');
  await writeFile(file, replaceGenerated(await readFile(file, 'utf8'), lines.join('\n')));
  process.stderr.write(`REPORT.md regenerated from ${result.outDir}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
