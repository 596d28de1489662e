/**
 * The CLI's help: an overview, and per command its own usage, every option its parser takes (the lists
 * come from the parsers, so an option added without help fails here), copyable examples, and a unit on
 * every default number.
 */
import { describe, expect, test } from '@jest/globals';

import { MERGE_OPTIONS, parseCliArgs, RUN_OPTIONS, type HelpTopic } from '../../../src/cli/args.js';
import { COST_HELP, COST_OPTIONS, parseCostArgs, runCost } from '../../../src/cli/cost.js';
import { DIFF_HELP, DIFF_OPTIONS } from '../../../src/cli/diff.js';
import { DOCTOR_HELP, DOCTOR_OPTIONS } from '../../../src/cli/doctor.js';
import { helpText, MERGE_HELP, OVERVIEW_HELP, RUN_HELP } from '../../../src/cli/help.js';
import { EXIT_CODES, UsageError } from '../../../src/errors.js';

type ParserOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

const COMMANDS: [command: 'run' | 'merge' | 'diff' | 'cost' | 'doctor', help: string, options: ParserOptions][] = [
  ['run', RUN_HELP, RUN_OPTIONS],
  ['merge', MERGE_HELP, MERGE_OPTIONS],
  ['diff', DIFF_HELP, DIFF_OPTIONS],
  ['cost', COST_HELP, COST_OPTIONS],
  ['doctor', DOCTOR_HELP, DOCTOR_OPTIONS],
];

/** The options a help lists: lines that start with two spaces and the option (`  --out <dir>`, `  -h, --help`). */
function listedOptions(help: string): string[] {
  return [...help.matchAll(/^ {2}(?:-\w, )?--([a-z0-9-]+)/gm)].map((match) => match[1]!);
}

/** The lines of a section (`Examples:`) up to the next section heading or the end. */
function section(help: string, heading: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(`${heading}:`);
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && /^\S.*:$/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** What a number in a help text may be followed by: its unit, or its value as a percentage (`0.4 = 40 %`). */
const UNIT =
  /^\s*(?:%|s\b|seconds?\b|minutes?\b|h\b|hours?\b|days?\b|frames?\/s\b|frames? per second\b|frames?\b|px\b|pixels?\b|MB\b|USD(?: per hour)?\b|levels?\b|bits?\b|detections?\b|sessions?\b|cores?\b|sites?\b|of 100\b|= \d+(?:\.\d+)? %)/;

/** Each number in a `default: …` clause (up to `;`, `)` or the end of the entry) that no unit follows (`of 100` is one). */
function defaultsWithoutUnit(help: string): string[] {
  // An option's description continues on lines indented past the option column: one entry, one line.
  const entries = help.replace(/\n {5,}/g, ' ');
  const missing: string[] = [];
  for (const clause of entries.matchAll(/\bdefault:?\s([^;)\n]*)/gi)) {
    const text = clause[1]!.replace(/\b\d{4}-\d{2}(?:-\d{2})?\b/g, 'DATE');
    for (const number of text.matchAll(/(?<![\w.-]|of )-?\d+(?:\.\d+)?/g)) {
      if (!UNIT.test(text.slice(number.index + number[0].length))) missing.push(`${clause[0]} (${number[0]})`);
    }
  }
  return missing;
}

describe('per-command help', () => {
  test.each(COMMANDS)("`%s --help` and `help %s` show that command's help, on its own usage line", (command, help) => {
    expect(parseCliArgs([command, '--help'], {})).toMatchObject({ command: 'help', topic: command });
    expect(parseCliArgs([command, '-h'], {})).toMatchObject({ command: 'help', topic: command });
    expect(parseCliArgs(['help', command], {})).toMatchObject({ command: 'help', topic: command });
    expect(helpText(command)).toBe(help);
    expect(help).toMatch(new RegExp(`^dataset-gen ${command} — .+\\n\\nUsage:\\n {2}dataset-gen ${command} `));
  });

  test("each command's help differs from the others' and from the overview", () => {
    const texts = [OVERVIEW_HELP, ...COMMANDS.map(([, help]) => help)];
    expect(new Set(texts).size).toBe(texts.length);
    expect(RUN_HELP).not.toBe(MERGE_HELP);
  });

  test.each(COMMANDS)('`%s --help` lists every option its parser takes, and no other', (_command, help, options) => {
    expect(listedOptions(help).sort()).toEqual(Object.keys(options).sort());
    for (const [name, spec] of Object.entries(options)) {
      if (spec.short !== undefined) expect(help).toContain(`  -${spec.short}, --${name}`);
    }
  });

  test("merge lists its own options with their defaults, not run's", () => {
    expect(listedOptions(MERGE_HELP)).toEqual([
      'out',
      'overwrite',
      'select',
      'select-only',
      'label-studio-images',
      'allow-gaps',
      'log-format',
      'debug',
      'help',
    ]);
    expect(MERGE_HELP).toMatch(/^Arguments:\n {2}<dataset>\.\.\. +dataset folders to join/m);
    expect(MERGE_HELP).toMatch(/--overwrite .*\(default: refuse\)/);
    expect(MERGE_HELP).toMatch(/--label-studio-images <prefix>\n(?: {28}.*\n)*? {28}\(default: \/data\/local-files\/\?d=images\/\)/);
    expect(MERGE_HELP).toMatch(/--log-format text\|json +log lines on stderr \(default: text\)/);
    for (const runOnly of ['video', 'sample-fps', 'model', 'export', 'resume']) expect(listedOptions(MERGE_HELP)).not.toContain(runOnly);
  });

  test.each(COMMANDS)('`%s --help` has an Examples section of 2-4 commented examples that parse', (command, help) => {
    const examples = section(help, 'Examples');
    const comments = examples.filter((line) => line.startsWith('  # '));
    expect(comments.length).toBeGreaterThanOrEqual(2);
    expect(comments.length).toBeLessThanOrEqual(4);
    const commands = examples.filter((line) => line.startsWith('  dataset-gen '));
    expect(commands.some((line) => line.startsWith(`  dataset-gen ${command} `))).toBe(true);
    for (const line of commands) {
      const argv = line.trim().split(/\s+/).slice(1);
      const parsed = parseCliArgs(argv, {});
      expect(parsed.command).toBe(argv[0]);
      if (parsed.command === 'cost') expect(parseCostArgs(parsed.parts)).not.toBe('help');
    }
  });

  test('the run examples: 1 frame/s with YOLO and CVAT, a time range and merge, --resume', () => {
    const commands = section(RUN_HELP, 'Examples').join('\n');
    expect(commands).toMatch(/dataset-gen run .*--sample-fps 1 --export yolo,cvat\n/);
    expect(commands).toMatch(/dataset-gen run .*--start \S+/);
    expect(commands).toMatch(/dataset-gen merge part-1 part-2 --out \S+/);
    expect(commands).toMatch(/dataset-gen run .* --resume\n/);
  });

  test('the cost examples run: 50 sites', () => {
    const commands = section(COST_HELP, 'Examples').filter((line) => line.startsWith('  dataset-gen cost '));
    expect(commands[0]).toContain('--sites 50');
    for (const line of commands) expect(runCost(line.trim().split(/\s+/).slice(2))).toMatch(/^50 site\(s\) x [^]*\n {2}monthly cost +\$/);
  });

  test('run and merge list the exit codes', () => {
    for (const help of [RUN_HELP, MERGE_HELP]) {
      for (const [name, code] of Object.entries(EXIT_CODES)) expect(help).toMatch(new RegExp(`^ +${code} {2}${name}$`, 'm'));
    }
  });
});

describe('units', () => {
  test.each<[string, string]>([['overview', OVERVIEW_HELP], ...COMMANDS.map(([command, help]): [string, string] => [command, help])])(
    'every default number in `%s` help carries a unit',
    (_name, help) => {
      expect(defaultsWithoutUnit(help)).toEqual([]);
    },
  );

  test('(a default without a unit is caught)', () => {
    expect(defaultsWithoutUnit('  --stall-timeout <s>       stop after this long (default: 60)\n')).toEqual(['default: 60 (60)']);
    expect(defaultsWithoutUnit('  --x <n>    x\n                            (fraction; default: 0.8, the usual)\n')).toHaveLength(1);
    expect(defaultsWithoutUnit('  --stall-timeout <s>       stop after this long (seconds; default: 60 s)\n')).toEqual([]);
    expect(defaultsWithoutUnit('  --utilisation <0-1>       busy share (fraction, 0-1; default: 0.8 = 80 %)\n')).toEqual([]);
  });

  test('cost gives its defaults with units', () => {
    expect(COST_HELP).toMatch(/--job-overhead <s> +.*\n +\(seconds; default: 105 s on github-2core, 420 s on g4dn\.xlarge, g5\.xlarge, g6\.xlarge\)/);
    expect(COST_HELP).toMatch(/--width <px> +frame width \(pixels; default: 1920 px\)/);
    expect(COST_HELP).toMatch(/--utilisation <0-1> +.*\n +\(fraction, 0-1; default: 0\.8 = 80 %\)/);
    expect(COST_HELP).toMatch(/--price <usd\/h> +price per runner-hour\n +\(USD per hour; default: /);
    expect(RUN_HELP).toMatch(/--stall-timeout <s> +.*\n +.*\(seconds; default: 60 s\)/);
  });
});

describe('the overview', () => {
  test('`--help`, `-h` and `help` show it; no arguments is the usage case (stderr, exit 2)', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['help', 'help']]) expect(parseCliArgs(argv, {})).toMatchObject({ command: 'help', topic: 'overview' });
    expect(parseCliArgs([], {})).toMatchObject({ command: 'usage', topic: 'overview' });
    expect(helpText('overview')).toBe(OVERVIEW_HELP);
  });

  test('says what the tool does, names each command on one line, and where to read more', () => {
    expect(OVERVIEW_HELP).toMatch(/^dataset-gen — .+\n\nUsage:\n {2}dataset-gen run --video/);
    const commands = section(OVERVIEW_HELP, 'Commands');
    for (const command of ['run', 'merge', 'cost', 'help']) expect(commands.filter((line) => line.startsWith(`  ${command} `))).toHaveLength(1);
    expect(OVERVIEW_HELP).toContain('dataset-gen <command> --help');
    expect(listedOptions(OVERVIEW_HELP)).toEqual([]);
    expect(OVERVIEW_HELP.split('\n').length).toBeLessThan(RUN_HELP.split('\n').length / 3);
  });

  test.each<[string[], RegExp]>([
    [['help', 'nope'], /^Unknown command "nope"; the commands are/],
    [['help', 'rnu'], /^Unknown command "rnu" \(did you mean `dataset-gen run`\?\)/],
    [['help', 'run', 'merge'], /^dataset-gen help takes one command at most/],
    [['nope'], /^Unknown command "nope"/],
    [['cost', '--sitez', '5'], /^Unknown option '--sitez'; see dataset-gen cost --help$/],
    [['merge', 'a', '--video', 'x'], /^Unknown option '--video'; see dataset-gen merge --help$/],
  ])('%j is a usage error (exit 2)', (argv, message) => {
    let error: unknown;
    try {
      parseCliArgs(argv, {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(EXIT_CODES.usage);
    expect((error as UsageError).message).toMatch(message);
  });
});

describe('every help topic has a text', () => {
  test.each<HelpTopic>(['overview', 'run', 'merge', 'cost'])('%s', (topic) => {
    expect(helpText(topic)).toMatch(/^dataset-gen /);
    expect(helpText(topic).endsWith('\n')).toBe(true);
  });
});
