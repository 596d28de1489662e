/** The Actions logger: what reaches the runner, read from stdout. */
import { afterEach, describe, expect, test } from '@jest/globals';

import { createActionsLogger, formatLine } from '../../../src/action/logger.js';
import { envScope } from '../../support/env.js';
import { stdoutOf } from '../../support/stdout.js';

describe('the Actions logger', () => {
  const env = envScope();
  afterEach(() => env.restore());

  test('formats fields as key=value on one line', () => {
    expect(formatLine('probed a.mp4', { video: 'a', n: 3, note: 'two words', nothing: undefined })).toBe('probed a.mp4 video=a n=3 note="two words"');
    expect(formatLine('x\ny\r\u001b', { v: 'a\nb' })).toBe('x\\ny\\r\\u001b v="a\\nb"');
  });

  test('info is a plain line, warnings and errors are annotations, debug only with RUNNER_DEBUG', async () => {
    env.set('RUNNER_DEBUG', undefined);
    const logger = createActionsLogger().child({ site: 'north-gate' });
    const out = await stdoutOf(() => {
      logger.debug('hidden');
      logger.info('hello');
      logger.warn('careful', { video: 'cam 1' });
      logger.error('broken');
    });
    expect(out.split('\n')).toEqual(['hello site=north-gate', '::warning::careful site=north-gate video="cam 1"', '::error::broken site=north-gate', '']);
    env.set('RUNNER_DEBUG', '1');
    expect(await stdoutOf(() => createActionsLogger().debug('shown'))).toBe('::debug::shown\n');
  });

  test('no message can start a workflow command', async () => {
    env.set('RUNNER_DEBUG', undefined);
    const logger = createActionsLogger();
    const out = await stdoutOf(() => {
      logger.info('::add-mask::secret');
      logger.info('file a\n::stop-commands::x.mp4');
    });
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  });
});
