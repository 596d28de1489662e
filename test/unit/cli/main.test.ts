/** runCli's doors for help and usage: which stream, which exit code. */
import { describe, expect, test } from '@jest/globals';

import { COST_HELP } from '../../../src/cli/cost.js';
import { MERGE_HELP, OVERVIEW_HELP, RUN_HELP } from '../../../src/cli/help.js';
import { EXIT_CODES } from '../../../src/errors.js';
import { captureCli } from '../../support/cli-capture.js';

const cli = (argv: string[]): ReturnType<typeof captureCli> => captureCli(argv);

describe('help and usage through runCli', () => {
  test.each<[string[], string]>([
    [['--help'], OVERVIEW_HELP],
    [['help'], OVERVIEW_HELP],
    [['run', '--help'], RUN_HELP],
    [['merge', '--help'], MERGE_HELP],
    [['cost', '--help'], COST_HELP],
    [['help', 'merge'], MERGE_HELP],
  ])('%j: the help on stdout, exit 0', async (argv, help) => {
    expect(await cli(argv)).toEqual({ code: 0, stdout: help, stderr: '' });
  });

  test('no arguments: the overview on stderr, nothing on stdout, exit 2', async () => {
    expect(await cli([])).toEqual({ code: EXIT_CODES.usage, stdout: '', stderr: OVERVIEW_HELP });
  });

  test.each([[['nope']], [['help', 'nope']], [['merge', '--nope']], [['cost', '--sites', 'many']], [['run', '--fps', '2']]])(
    '%j: one line on stderr, exit 2',
    async (argv) => {
      const outcome = await cli(argv);
      expect(outcome.code).toBe(EXIT_CODES.usage);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toMatch(/^dataset-gen: [^\n]+\n$/);
    },
  );
});
