/** The exit-code table of docs/troubleshooting.md lists every code of EXIT_CODES, in order, and nothing else. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';

import { EXIT_CODES } from '../../../src/errors.js';

/** The codes in the first column of the table under `## Exit codes`. */
function tableCodes(doc: string): number[] {
  const section =
    doc
      .split('\n## Exit codes\n')[1]
      ?.split('\n\n')
      .map((block) => block.trim())
      .find((block) => block.startsWith('|')) ?? '';
  return section
    .split('\n')
    .slice(2)
    .map((row) => Number(row.split('|')[1]?.trim()));
}

describe("docs/troubleshooting.md's exit codes", () => {
  const doc = readFileSync('docs/troubleshooting.md', 'utf8');

  test('list every code the CLI returns, signals included', () => {
    expect(tableCodes(doc)).toEqual(Object.values(EXIT_CODES));
  });

  test('(a missing row is caught)', () => {
    expect(tableCodes(doc.replace(/^\| 143 \|.*\n/m, ''))).not.toEqual(Object.values(EXIT_CODES));
  });
});
