/**
 * action.yml parses without errors with @actions/workflow-parser, and its inputs, defaults and outputs
 * are exactly the ones the code reads and writes.
 */
import { describe, expect, test } from '@jest/globals';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction, type ActionTemplate } from '@actions/workflow-parser/actions/index';
import { readFileSync } from 'node:fs';
import { Input, INPUT_DEFAULTS, Output } from '../../src/action/constants.js';
import { DEFAULT_PRESET } from '../../src/model/config.js';
import { DEFAULT_DEDUP_THRESHOLD } from '../../src/pipeline/dedup.js';
import { DEFAULT_SAMPLING } from '../../src/pipeline/sampling.js';

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

  test('declares exactly the inputs the code reads, each described', () => {
    const inputs = template.inputs ?? [];
    expect(inputs.map((i) => i.id)).toEqual(Object.values(Input));
    for (const input of inputs) expect(input.description?.length).toBeGreaterThan(10);
  });

  test('its defaults are the ones the code applies when an input is missing', () => {
    const declared = Object.fromEntries((template.inputs ?? []).map((i) => [i.id, i.default?.toString()]));
    const expected: Record<string, string | undefined> = { ...INPUT_DEFAULTS, [Input.Video]: undefined };
    expect(declared).toEqual(expected);
    expect(template.inputs?.find((i) => i.id === Input.Video)?.required).toBe(true);
  });

  test('the defaults match the library defaults', () => {
    expect(Number(INPUT_DEFAULTS[Input.SampleFps])).toBe(DEFAULT_SAMPLING.mode === 'fps' ? DEFAULT_SAMPLING.fps : NaN);
    expect(Number(INPUT_DEFAULTS[Input.DedupThreshold])).toBe(DEFAULT_DEDUP_THRESHOLD);
    expect(INPUT_DEFAULTS[Input.ModelConfig]).toBe(DEFAULT_PRESET);
  });

  test('declares exactly the outputs the code sets, each described', () => {
    const outputs = template.outputs ?? [];
    expect(outputs.map((o) => o.id)).toEqual(Object.values(Output));
    for (const output of outputs) expect(output.description?.length).toBeGreaterThan(10);
  });
});
