/**
 * Everything the walkthrough shows, measured while it is built: a real run of the CLI on the bundled
 * clip (its terminal output, its metrics and its report.html), a second run to check the outputs
 * are byte-identical, the CLI's answers to bad input, the Action's inputs, the workflows, the fleet
 * cost calculator, the architecture read from src/, and (full build) the benchmark. Each figure is
 * a `{{name}}` the script can use; each visual a name a slide can show.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';

import { INPUTS } from '../../src/action/inputs.js';
import { EXIT_CODES } from '../../src/errors.js';
import { checkpointLines, datasetDifferences, signalWhen, startCli } from '../support/cli-process.js';
import { layoutSvg, readLayout } from './layout-diagram.js';
import type { Renderer } from './render.js';
import type { Visual } from './slides.js';

const exec = promisify(execFile);

export interface Facts {
  values: Record<string, string>;
  visuals: Record<string, Visual>;
}

export interface FactOptions {
  root: string;
  workDir: string;
  renderer: Renderer;
  /** Markdown table printed by the benchmark, or null to measure the demo clip only (preview). */
  bench: () => Promise<BenchFacts | null>;
}

export interface BenchFacts {
  table: { header: string[]; rows: string[][] };
  values: Record<string, string>;
}

interface CliRun {
  code: number;
  output: string;
  seconds: number;
}

/** Runs the CLI as a user would, stdout and stderr interleaved as on a terminal. */
function cli(root: string, args: readonly string[], cwd = root): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin', 'dataset-gen.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output, seconds: (performance.now() - started) / 1000 }));
  });
}

/** A log line without its trailing `key=value` fields (they stay in the JSON log format). */
export function terminalLine(line: string): string {
  if (/^\d\d:\d\d:\d\d\s+\w+\s+progress /.test(line)) return line.replace(/\s+runId=.*$/, '');
  return line.replace(/(\s+[A-Za-z][\w.]*=("[^"]*"|\S+))+\s*$/, '');
}

async function treeHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(
      path.relative(dir, file),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return hashes;
}

const plural = (name: string): string => (name === 'person' ? 'people' : /(s|sh|ch|x)$/.test(name) ? `${name}es` : `${name}s`);
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const one = (n: number): string => n.toFixed(1);

interface Metrics {
  frames: { decoded: number; sampled: number; kept: number; dropped: number; droppedByReason: Record<string, number> };
  images: number;
  detections: { total: number; byClass: { name: string; count: number }[] };
}

async function demoRun(options: FactOptions, facts: Facts): Promise<string> {
  const { root, workDir } = options;
  const out = path.join(workDir, 'demo-dataset');
  const args = ['run', '--video', 'demo/site-walkway-20s.mp4', '--out', out, '--overwrite'];
  const first = await cli(root, args);
  if (first.code !== 0) throw new Error(`the demo run failed (exit ${first.code}):\n${first.output}`);
  // As a user would see it from the repository's folder: paths relative to it, the output folder as the demo names it.
  const shown = (line: string): string => terminalLine(line).split(out).join('demo-output').split(`${root}${path.sep}`).join('');
  const lines = first.output.trim().split('\n').map(shown);
  facts.visuals.terminal = { type: 'text', text: [`$ dataset-gen ${args.join(' ').replace(out, 'demo-output')}`, ...lines].join('\n') };
  const metrics = JSON.parse(await readFile(path.join(out, 'metrics.json'), 'utf8')) as Metrics;
  const classes = metrics.detections.byClass.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  Object.assign(facts.values, {
    'demo.seconds': one(first.seconds),
    'demo.decoded': int(metrics.frames.decoded),
    'demo.sampled': int(metrics.frames.sampled),
    'demo.kept': int(metrics.frames.kept),
    'demo.images': int(metrics.images),
    'demo.detections': int(metrics.detections.total),
    'demo.dropped': int(metrics.frames.dropped),
    'demo.classes': classes
      .slice(0, 3)
      .map((c) => `${c.count} ${plural(c.name)}`)
      .join(', '),
    'demo.topClass': classes[0]?.name ?? 'none',
  });

  // Reproducibility, measured: a second run into another folder gives the same bytes.
  const again = path.join(workDir, 'demo-dataset-again');
  const second = await cli(root, ['run', '--video', 'demo/site-walkway-20s.mp4', '--out', again, '--overwrite']);
  if (second.code !== 0) throw new Error(`the second demo run failed (exit ${second.code}):\n${second.output}`);
  const [a, b] = await Promise.all([treeHashes(out), treeHashes(again)]);
  const same = [...a].filter(([file, hash]) => b.get(file) === hash).map(([file]) => file);
  const differ = [...a.keys()].filter((file) => b.get(file) !== a.get(file)).sort();
  facts.values['repro.files'] = int(a.size);
  facts.values['repro.identical'] = int(same.length);
  facts.values['repro.differ'] = differ.length ? differ.join(', ') : 'none';
  facts.values['repro.beyondClock'] = int((await datasetDifferences(out, again)).length);
  // Folders of images are one row each: "20 of 20 identical".
  const groups = new Map<string, string[]>();
  for (const file of [...a.keys()].sort()) {
    const dir = path.dirname(file);
    const key = dir === '.' ? file : `${dir}/`;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  facts.visuals.reproducibility = {
    type: 'table',
    header: ['file', 'run 1 vs run 2'],
    rows: [...groups].map(([key, files]) => {
      const identical = files.filter((f) => b.get(f) === a.get(f)).length;
      if (files.length > 1) return [`${key} (${files.length} files)`, `${identical} of ${files.length} identical`];
      return [key, identical ? `identical (sha256 ${a.get(files[0]!)!.slice(0, 12)}…)` : 'differs'];
    }),
  };
  return out;
}

/**
 * Resume, shown for real: two cameras' videos, the run SIGKILLed once the first is checkpointed, then
 * `--resume` into the same folder, compared with an uninterrupted run.
 */
async function resumeDemo(options: FactOptions, facts: Facts): Promise<void> {
  const dir = path.join(options.workDir, 'resume');
  await mkdir(dir, { recursive: true });
  const videos = ['gate-cam.mp4', 'yard-cam.mp4'].map((name) => path.join(dir, name));
  for (const video of videos) await copyFile(path.join(options.root, 'demo', 'site-walkway-20s.mp4'), video);
  const args = (out: string): string[] => ['run', ...videos.flatMap((v) => ['--video', v]), '--site', 'resume-demo', '--out', out];
  const reference = path.join(dir, 'uninterrupted');
  const whole = await cli(options.root, args(reference));
  if (whole.code !== 0) throw new Error(`the uninterrupted run failed:\n${whole.output}`);
  const out = path.join(dir, 'killed');
  const killed = await signalWhen(startCli(args(out)), async () => (await checkpointLines(out)) >= 2, 'SIGKILL');
  const resumed = await cli(options.root, [...args(out), '--resume']);
  if (resumed.code !== 0) throw new Error(`the resumed run failed:\n${resumed.output}`);
  const said =
    resumed.output
      .split('\n')
      .map(terminalLine)
      .find((line) => /resuming the interrupted run/.test(line)) ?? '';
  const differences = await datasetDifferences(reference, out);
  facts.values['resume.finishedBeforeKill'] = /(\d+) of (\d+) videos finished/.exec(said)?.[1] ?? '0';
  facts.values['resume.videos'] = int(videos.length);
  facts.values['resume.differences'] = int(differences.length);
  facts.visuals.resume = {
    type: 'text',
    text: [
      `$ dataset-gen run --video gate-cam.mp4 --video yard-cam.mp4 --out killed`,
      `  … SIGKILL once the first video is checkpointed (${killed.signal ?? `exit ${killed.code}`})`,
      `$ dataset-gen run --video gate-cam.mp4 --video yard-cam.mp4 --out killed --resume`,
      ...resumed.output
        .trim()
        .split('\n')
        .map(terminalLine)
        .map((l) => l.split(`${dir}${path.sep}`).join(''))
        .filter((l) => /resum|stage detect|dataset written/.test(l)),
      '',
      `compared with an uninterrupted run: ${differences.length === 0 ? 'the same dataset (only wall-clock fields differ)' : differences.join('; ')}`,
    ].join('\n'),
  };
}

async function screenshots(options: FactOptions, facts: Facts, dataset: string): Promise<void> {
  const report = path.join(dataset, 'report.html');
  const shots: [string, { selector?: string }][] = [
    ['report-top', {}],
    ['report-timeline', { selector: 'section.panel.wide' }],
  ];
  for (const [name, shot] of shots) {
    const png = path.join(options.workDir, `${name}.png`);
    await options.renderer.capture(report, png, { width: 1280, height: 760, ...shot });
    facts.visuals[name] = { type: 'image', file: png };
  }
}

async function badInput(options: FactOptions, facts: Facts): Promise<void> {
  const dir = path.join(options.workDir, 'bad-input');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'empty.mp4'), '');
  await writeFile(path.join(dir, 'notes.mp4'), 'shift notes, not a video\n');
  const cases: [string, string[]][] = [
    ['empty file', ['run', '--video', 'empty.mp4', '--out', 'out1']],
    ['text renamed .mp4', ['run', '--video', 'notes.mp4', '--out', 'out2']],
    ['missing file', ['run', '--video', 'site-7.mp4', '--out', 'out3']],
    ['bad option', ['run', '--video', path.join(options.root, 'demo', 'site-walkway-20s.mp4'), '--sample-fps', 'fast', '--out', 'out4']],
  ];
  const rows: string[][] = [];
  for (const [what, args] of cases) {
    const result = await cli(options.root, args, dir);
    const message =
      result.output
        .trim()
        .split('\n')
        .filter((l) => /error/i.test(l))
        .map(terminalLine)
        .at(-1) ??
      result.output.trim().split('\n').at(-1) ??
      '';
    rows.push([what, String(result.code), message.replace(/^\d\d:\d\d:\d\d\s+error\s+/, '').replace(dir + path.sep, '')]);
  }
  facts.visuals['bad-input'] = { type: 'table', header: ['input', 'exit', 'what the CLI says (one line)'], rows, align: ['left', 'right', 'left'] };
  facts.visuals['exit-codes'] = {
    type: 'table',
    header: ['exit code', 'meaning'],
    rows: Object.entries(EXIT_CODES).map(([name, code]) => [String(code), name]),
    align: ['right', 'left'],
  };
  facts.values['exit.codes'] = int(Object.keys(EXIT_CODES).length);
}

async function action(options: FactOptions, facts: Facts): Promise<void> {
  const names = Object.keys(INPUTS);
  facts.values['action.inputs'] = int(names.length);
  const shown = [
    'video',
    'output-dir',
    'model-config',
    'sample-fps',
    'dedup-threshold',
    'min-images',
    'upload-artifact',
    'baseline-workflow',
    'pr-comment',
    'max-image-drop',
  ];
  // Parsed, not matched line by line: long descriptions are folded blocks (`>-`).
  const actionYml = parseYaml(await readFile(path.join(options.root, 'action.yml'), 'utf8')) as { inputs: Record<string, { description: string }> };
  const rows = shown
    .filter((name) => name in INPUTS)
    .map((name) => {
      const description = (actionYml.inputs[name]?.description ?? '').replace(/`/g, '').split(/(?<=\.) /)[0]!;
      return [name, description.length > 70 ? `${description.slice(0, 68)}…` : description];
    });
  facts.visuals['action-inputs'] = { type: 'table', header: ['input', 'what it does (action.yml)'], rows };
  const workflows = (await readdir(path.join(options.root, '.github', 'workflows'))).filter((f) => f.endsWith('.yml')).sort();
  const wrows: string[][] = [];
  for (const file of workflows) {
    const text = await readFile(path.join(options.root, '.github', 'workflows', file), 'utf8');
    const first =
      text
        .split('\n')
        .find((l) => l.startsWith('# '))
        ?.slice(2) ?? '';
    wrows.push([file, first.replace(/^[A-Za-z]+: /, '').slice(0, 90)]);
  }
  facts.visuals.workflows = { type: 'table', header: ['workflow', 'what it does'], rows: wrows };
  facts.values['workflows.count'] = int(workflows.length);
}

async function cost(options: FactOptions, facts: Facts): Promise<void> {
  const args = ['cost', '--sites', '50', '--hours-per-day', '24', '--sample-fps', '0.1'];
  const result = await cli(options.root, args);
  if (result.code !== 0) throw new Error(`dataset-gen cost failed: ${result.output}`);
  facts.visuals.cost = { type: 'text', text: [`$ dataset-gen ${args.join(' ')}`, ...result.output.trim().split('\n')].join('\n') };
  const perHour = /cost per video-hour\s+\$([\d.]+)/.exec(result.output)?.[1];
  const monthly = /monthly cost\s+\$([\d,.]+)/.exec(result.output)?.[1];
  const runners = /runners needed\s+(\d+)/.exec(result.output)?.[1];
  if (!perHour || !monthly || !runners) throw new Error(`cannot read the cost calculator's output:\n${result.output}`);
  Object.assign(facts.values, { 'cost.perVideoHour': perHour, 'cost.monthly': monthly, 'cost.runners': runners });
}

async function layout(options: FactOptions, facts: Facts): Promise<void> {
  const parts = await readLayout(path.join(options.root, 'src'));
  facts.visuals.layout = { type: 'svg', svg: layoutSvg(parts) };
  const all = [...parts.values()];
  Object.assign(facts.values, {
    'layout.parts': int(all.length),
    'layout.modules': int(all.reduce((n, p) => n + p.modules, 0)),
    'layout.lines': int(all.reduce((n, p) => n + p.lines, 0)),
    'layout.largest': int(Math.max(...(await moduleSizes(path.join(options.root, 'src'))))),
  });
}

async function moduleSizes(dir: string): Promise<number[]> {
  const sizes: number[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) sizes.push((await readFile(path.join(entry.parentPath, entry.name), 'utf8')).split('\n').length);
  }
  return sizes;
}

async function tools(facts: Facts): Promise<void> {
  const { stdout } = await exec('ffmpeg', ['-hide_banner', '-version']);
  facts.values['ffmpeg.version'] = /ffmpeg version (\S+)/.exec(stdout)?.[1]?.split('-')[0] ?? 'unknown';
  facts.values['node.version'] = process.versions.node.split('.')[0]!;
}

export async function gatherFacts(options: FactOptions): Promise<Facts> {
  const facts: Facts = { values: {}, visuals: {} };
  await mkdir(options.workDir, { recursive: true });
  const dataset = await demoRun(options, facts);
  await screenshots(options, facts, dataset);
  await badInput(options, facts);
  await resumeDemo(options, facts);
  await action(options, facts);
  await cost(options, facts);
  await layout(options, facts);
  await tools(facts);
  const bench = await options.bench();
  if (bench) {
    facts.visuals.bench = {
      type: 'table',
      header: bench.table.header,
      rows: bench.table.rows,
      align: bench.table.header.map((_, i) => (i === 0 ? 'left' : 'right')),
    };
    Object.assign(facts.values, bench.values);
  } else {
    facts.visuals.bench = { type: 'text', text: 'A preview build skips the benchmark: npm run walkthrough runs it and shows its table here.' };
  }
  return facts;
}
