/**
 * The README's first screen: what it does, the two commands (set up and run the demo, set up and pass
 * the tests), a workflow that parses and uses only the Action's declared inputs and outputs, and the
 * CLI's most used commands. And the links of README.md and docs/*.md: every relative link names a
 * file that exists, and every `#anchor` a heading of its file (the reference moved from the README
 * to docs/, so a stale anchor is easy to leave behind).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';

import { INPUT_NAMES } from '../../../src/action/inputs.js';
import { Output } from '../../../src/action/outputs.js';

/** The lines a reader sees before scrolling much. */
const FIRST_SCREEN_LINES = 70;

const readme = readFileSync('README.md', 'utf8');
const firstScreen = readme.split('\n').slice(0, FIRST_SCREEN_LINES).join('\n');

/** Fenced code blocks removed, so a `#` comment or `](` in code is not a heading or a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  return new Set([...prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)));
}

/** Relative links of a Markdown file that lead nowhere: `file: target (why)`. */
function brokenLinks(file: string, text = readFileSync(file, 'utf8')): string[] {
  const broken: string[] = [];
  for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target!)) continue; // https:, mailto:
    const [linked = '', anchor] = target!.split('#');
    const resolved = linked === '' ? file : path.join(path.dirname(file), linked);
    if (!existsSync(resolved)) broken.push(`${file}: ${target} (no such file)`);
    else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) {
      broken.push(`${file}: ${target} (no such heading)`);
    }
  }
  return broken;
}

describe("the README's first screen", () => {
  test('states the two commands exactly, and what they call exists', () => {
    expect(firstScreen).toContain('\n    scripts/setup demo && npm run demo\n');
    expect(firstScreen).toContain('\n    scripts/setup test && npm test\n');
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['demo', 'test']));
    const setup = readFileSync('scripts/setup', 'utf8');
    expect(setup).toMatch(/^\s*demo\)/m);
    expect(setup).toMatch(/^\s*test\)/m);
  });

  const workflow = /^```yaml\n([\s\S]*?)^```/m.exec(firstScreen)?.[1] ?? '';

  test('holds a whole workflow that uses protex/dataset-gen@v1 and parses without errors', async () => {
    expect(workflow).toMatch(/^\s+uses: protex\/dataset-gen@v1$/m);
    const parsed = parseWorkflow({ name: 'README.md', content: workflow }, new NoOperationTraceWriter());
    expect(parsed.value).toBeDefined();
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect([...parsed.context.errors.getErrors().map((e) => e.message), ...(template.errors ?? []).map((e) => e.Message)]).toEqual([]);
  });

  test("whose step passes only the Action's inputs and reads only its outputs", () => {
    type Step = { id?: string; uses?: string; with?: object };
    const steps = (parse(workflow) as { jobs: Record<string, { steps: Step[] }> }).jobs.dataset!.steps;
    const step = steps.find((s) => s.uses === 'protex/dataset-gen@v1');
    expect(step?.id).toBeDefined();
    const given = Object.keys(step?.with ?? {});
    expect(given).toContain('video');
    expect(given.filter((name) => !(INPUT_NAMES as readonly string[]).includes(name))).toEqual([]);
    const read = [...workflow.matchAll(new RegExp(`steps\\.${step!.id!}\\.outputs\\.([a-z-]+)`, 'g'))].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((name) => !(Object.values(Output) as string[]).includes(name))).toEqual([]);
  });

  test("shows the CLI's most used commands: a run, ranges and their merge, a resume", () => {
    expect(firstScreen).toMatch(/^ {4}dataset-gen run --video \S+ --out \S+$/m);
    expect(firstScreen).toMatch(/^ {4}dataset-gen run .*--end \S+ --out \S+$/m);
    expect(firstScreen).toMatch(/^ {4}dataset-gen run .*--start \S+ --out \S+$/m);
    expect(firstScreen).toMatch(/^ {4}dataset-gen merge \S+ \S+ --out \S+$/m);
    expect(firstScreen).toMatch(/^ {4}dataset-gen run .* --resume$/m);
  });
});

describe("the README's pull-request workflow", () => {
  const block = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map((m) => m[1]!).find((yaml) => yaml.includes('baseline-workflow:')) ?? '';
  type Step = { id?: string; uses?: string; with?: Record<string, unknown> };
  const parsed = (block === '' ? {} : parse(block)) as { on?: Record<string, unknown>; jobs?: Record<string, { permissions?: unknown; steps: Step[] }> };
  const step = parsed.jobs?.dataset?.steps.find((s) => s.uses === 'protex/dataset-gen@v1');
  const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

  test('is a whole workflow on pull_request that parses without errors, with the comment and least privilege', async () => {
    expect(block).not.toBe('');
    const workflow = parseWorkflow({ name: 'README.md', content: block }, new NoOperationTraceWriter());
    expect(workflow.value).toBeDefined();
    const template = await convertWorkflowTemplate(workflow.context, workflow.value!);
    expect([...workflow.context.errors.getErrors().map((e) => e.message), ...(template.errors ?? []).map((e) => e.Message)]).toEqual([]);
    expect(Object.keys(parsed.on ?? {})).toEqual(['pull_request']);
    expect(parsed.jobs?.dataset?.permissions).toEqual({ contents: 'read', actions: 'read', 'pull-requests': 'write' });
    expect(step?.with).toMatchObject({ 'baseline-workflow': 'dataset.yml', 'pr-comment': true });
    expect(readme).toContain('docs/workflows.md#dataset-pryml-review-a-pull-requests-datasets');
  });

  // Fails until the Action's diff inputs and outputs (issue 25) are in action.yml.
  test('passes only inputs and reads only outputs action.yml declares', () => {
    const given = Object.keys(step?.with ?? {});
    expect(given.filter((name) => !(name in action.inputs))).toEqual([]);
    const read = [...block.matchAll(new RegExp(`steps\\.${step?.id ?? 'none'}\\.outputs\\.([a-z-]+)`, 'g'))].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((name) => !(name in action.outputs))).toEqual([]);
  });
});

describe('links of README.md and docs/', () => {
  const files = [
    'README.md',
    ...readdirSync('docs')
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];

  test('every relative link names a file, and every anchor a heading', () => {
    expect(files.flatMap((file) => brokenLinks(file))).toEqual([]);
  });

  test('(a stale anchor or a missing file is caught; code blocks and URLs are not links)', () => {
    const text = [
      'See [a](#when-things-go-wrong), [b](docs/no-such-file.md), [c](docs/cli.md#no-such-heading),',
      '[d](#quick-start), [e](docs/troubleshooting.md#killed-or-interrupted---resume), [f](https://example.org/x.md#y).',
      '```yaml',
      '# [g](#not-a-link)',
      '```',
    ].join('\n');
    expect(brokenLinks('README.md', text)).toEqual([
      'README.md: #when-things-go-wrong (no such heading)',
      'README.md: docs/no-such-file.md (no such file)',
      'README.md: docs/cli.md#no-such-heading (no such heading)',
    ]);
  });
});
