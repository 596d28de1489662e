/** The README's exit-code table lists every code of EXIT_CODES, in order, and nothing else. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { EXIT_CODES } from '../../../src/errors.js';

/** The codes in the first column of the table under `### Exit codes`. */
function tableCodes(readme: string): number[] {
  const section = readme.split('### Exit codes\n')[1]?.split('\n\n').map((block) => block.trim()).find((block) => block.startsWith('|')) ?? '';
  return section
    .split('\n')
    .slice(2)
    .map((row) => Number(row.split('|')[1]?.trim()));
}

describe("the README's exit codes", () => {
  const readme = readFileSync('README.md', 'utf8');

  test('list every code the CLI returns, signals included', () => {
    expect(tableCodes(readme)).toEqual(Object.values(EXIT_CODES));
  });

  test('(a missing row is caught)', () => {
    expect(tableCodes(readme.replace(/^\| 143 \|.*\n/m, ''))).not.toEqual(Object.values(EXIT_CODES));
  });
});
