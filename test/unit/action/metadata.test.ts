/**
 * action.yml parses without errors with @actions/workflow-parser, and its inputs, defaults and outputs
 * are exactly the ones the code reads and writes: the input table (src/action/inputs.ts) is the one
 * source, and action.yml and the README's inputs table must say the same.
 */
import { readFileSync } from 'node:fs';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction, type ActionTemplate } from '@actions/workflow-parser/actions/index';
import { describe, expect, test } from '@jest/globals';

import { INPUT_NAMES, INPUTS, type InputName } from '../../../src/action/inputs.js';
import { Output } from '../../../src/action/outputs.js';
import { DEFAULT_SAMPLING } from '../../../src/domain/sampling.js';
import { DEFAULT_DEDUP_THRESHOLD } from '../../../src/domain/thresholds.js';
import { DEFAULT_PRESET } from '../../../src/model/config.js';

/** An input's default as action.yml must spell it (from the inputs table); undefined for a required input. */
function declaredDefault(name: InputName): string | undefined {
  const spec = INPUTS[name];
  if (spec.kind === 'lines') return undefined;
  return spec.default === null ? '' : String(spec.default);
}

function loadAction(content = readFileSync('action.yml', 'utf8')): { errors: string[]; template: ActionTemplate } {
  const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value === undefined) return { errors: [...errors, 'no document'], template: {} as ActionTemplate };
  return { errors, template: convertActionTemplate(parsed.context, parsed.value) };
}

describe('action.yml', () => {
  const { errors, template } = loadAction();

  test('parses with no errors', () => {
    expect(errors).toEqual([]);
  });

  test('(the parser does report errors: a bad document is refused)', () => {
    expect(loadAction('name: x\ndescription: y\nruns:\n  using: dockerr\n  image: Dockerfile\n').errors).not.toEqual([]);
    expect(loadAction('name: x\nfoo: 1\ndescription: y\nruns:\n  using: docker\n  image: Dockerfile\n').errors).not.toEqual([]);
    expect(loadAction('description: y\nruns:\n  using: docker\n').errors).not.toEqual([]);
  });

  test('has a name, description and branding, and runs the Dockerfile', () => {
    expect(template.name).toBeTruthy();
    expect(template.description).toBeTruthy();
    expect(template.branding).toEqual({ icon: expect.any(String), color: expect.any(String) });
    expect(template.runs).toMatchObject({ using: 'docker', image: 'Dockerfile' });
  });

  test('declares exactly the inputs of the input table, in its order, each described', () => {
    const inputs = template.inputs ?? [];
    expect(inputs.map((i) => i.id)).toEqual(INPUT_NAMES);
    for (const input of inputs) expect(input.description?.length).toBeGreaterThan(10);
  });

  test('its defaults are the ones the code applies when an input is missing; only video is required', () => {
    const declared = Object.fromEntries((template.inputs ?? []).map((i) => [i.id, i.default?.toString()]));
    expect(declared).toEqual(Object.fromEntries(INPUT_NAMES.map((name) => [name, declaredDefault(name)])));
    const required = (template.inputs ?? []).filter((i) => i.required === true).map((i) => i.id);
    expect(required).toEqual(['video']);
  });

  test('the defaults match the library defaults', () => {
    expect(Number(declaredDefault('sample-fps'))).toBe(DEFAULT_SAMPLING.mode === 'fps' ? DEFAULT_SAMPLING.fps : NaN);
    expect(Number(declaredDefault('dedup-threshold'))).toBe(DEFAULT_DEDUP_THRESHOLD);
    expect(declaredDefault('model-config')).toBe(DEFAULT_PRESET);
  });

  test('input and output names are kebab-case', () => {
    for (const name of [...INPUT_NAMES, ...Object.values(Output)]) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('declares exactly the outputs the code sets, each described', () => {
    const outputs = template.outputs ?? [];
    expect(outputs.map((o) => o.id)).toEqual(Object.values(Output));
    for (const output of outputs) expect(output.description?.length).toBeGreaterThan(10);
  });
});

/** First-column names and second-column values of the Markdown table under `### heading`. */
function readmeTable(readme: string, heading: string): [string, string][] {
  const section = readme.split(`\n### ${heading}\n`)[1]?.split('\n#')[0] ?? '';
  return [...section.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]);
}

/** Each input with its default as the README shows it (`—` for none). */
const EXPECTED_INPUT_ROWS = INPUT_NAMES.map((name): [string, string] => {
  const value = declaredDefault(name);
  return [name, value === undefined || value === '' ? '—' : `\`${value}\``];
});

describe("the README's tables", () => {
  const readme = readFileSync('README.md', 'utf8');

  test('the inputs table lists every input, in order, with its default', () => {
    expect(readmeTable(readme, 'Inputs')).toEqual(EXPECTED_INPUT_ROWS);
  });

  test('(a changed default or a missing row in the README is caught)', () => {
    expect(readmeTable(readme.replace('| `sample-fps` | `1` |', '| `sample-fps` | `2` |'), 'Inputs')).not.toEqual(EXPECTED_INPUT_ROWS);
    expect(readmeTable(readme.replace(/^\| `iou` \|.*\n/m, ''), 'Inputs')).not.toEqual(EXPECTED_INPUT_ROWS);
  });

  test('the outputs table lists every output, in order', () => {
    expect(readmeTable(readme, 'Outputs').map(([name]) => name)).toEqual(Object.values(Output));
  });
});
