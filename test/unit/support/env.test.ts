/** The tests' environment helper: what was set is set again, what was unset is deleted again. */
import { afterEach, describe, expect, test } from '@jest/globals';

import { envScope, withEnv } from '../../support/env.js';

const SET = 'DATASET_GEN_ENV_TEST_SET';
const UNSET = 'DATASET_GEN_ENV_TEST_UNSET';

/** Each case starts with SET = 'before' and UNSET absent. */
function reset(): void {
  process.env[SET] = 'before';
  delete process.env[UNSET];
}

function expectRestored(): void {
  expect(process.env[SET]).toBe('before');
  expect(UNSET in process.env).toBe(false);
}

afterEach(() => {
  delete process.env[SET];
  delete process.env[UNSET];
});

describe('withEnv', () => {
  test('sets and unsets for a synchronous fn, returns its value and restores both names', () => {
    reset();
    const seen = withEnv({ [SET]: undefined, [UNSET]: 'during' }, () => {
      expect(SET in process.env).toBe(false);
      return process.env[UNSET];
    });
    expect(seen).toBe('during');
    expectRestored();
  });

  test('waits for an async fn before restoring', async () => {
    reset();
    const pending = withEnv({ [SET]: 'during', [UNSET]: 'during' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `${process.env[SET]} ${process.env[UNSET]}`;
    });
    expect(process.env[SET]).toBe('during');
    expect(await pending).toBe('during during');
    expectRestored();
  });

  test('restores after a throw and after a rejection', async () => {
    reset();
    expect(() =>
      withEnv({ [SET]: 'during', [UNSET]: 'during' }, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expectRestored();
    await expect(
      withEnv({ [SET]: 'during', [UNSET]: 'during' }, async () => {
        await Promise.resolve();
        throw new Error('later');
      }),
    ).rejects.toThrow('later');
    expectRestored();
  });

  test('also undoes what fn itself did to the names it set', () => {
    reset();
    withEnv({ [SET]: 'during', [UNSET]: 'during' }, () => {
      delete process.env[SET];
      process.env[UNSET] = 'changed by fn';
    });
    expectRestored();
  });

  test('a name set to undefined is deleted, not stored as the string "undefined"', () => {
    reset();
    withEnv({ [SET]: undefined }, () => expect(Object.keys(process.env)).not.toContain(SET));
    expectRestored();
  });
});

describe('envScope', () => {
  test('restore puts back the value from before the first set, however many sets came after', () => {
    reset();
    const env = envScope();
    env.set(SET, 'one');
    env.set(SET, undefined);
    env.set(SET, 'two');
    env.setAll({ [UNSET]: 'one', [SET]: 'three' });
    env.set(UNSET, 'two');
    expect(process.env[SET]).toBe('three');
    expect(process.env[UNSET]).toBe('two');
    env.restore();
    expectRestored();
  });

  test('can be used again after restore (afterEach), each round restoring to what was there', () => {
    reset();
    const env = envScope();
    env.set(UNSET, 'round 1');
    env.restore();
    expectRestored();
    process.env[SET] = 'between rounds';
    env.set(SET, 'round 2');
    env.restore();
    expect(process.env[SET]).toBe('between rounds');
    expect(UNSET in process.env).toBe(false);
  });

  test('restore with nothing set changes nothing', () => {
    reset();
    const before = { ...process.env };
    envScope().restore();
    expect({ ...process.env }).toEqual(before);
  });
});
