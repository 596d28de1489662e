/** Failing the step for any thrown value, with the error's own exit code. */
import { afterEach, describe, expect, test } from '@jest/globals';

import { fail } from '../../../src/action/run-action.js';
import { ModelError, QualityGateError, UsageError } from '../../../src/errors.js';
import { stdoutOf } from '../../support/stdout.js';

describe('fail', () => {
  const savedExitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = savedExitCode;
  });

  const cases: [string, unknown, string, number][] = [
    ['a usage error', new UsageError('Expected x for input "y" but received "z"'), 'Expected x for input "y" but received "z"', 2],
    ['a model error', new ModelError('no weights'), 'no weights', 4],
    ['a quality gate', new QualityGateError('missed'), 'missed', 8],
    ['a plain Error', new TypeError('boom'), 'boom', 1],
    ['a string', 'just text', 'just text', 1],
    ['an object with a message', { message: 'from another realm' }, 'from another realm', 1],
    ['a number', 42, '42', 1],
    ['undefined', undefined, 'nothing', 1],
    ['null', null, 'null', 1],
  ];
  test.each(cases)('%s', async (_label, thrown, message, exitCode) => {
    const out = await stdoutOf(() => fail(thrown));
    expect(out).toContain(`::error::${message}`);
    expect(process.exitCode).toBe(exitCode);
  });
});
