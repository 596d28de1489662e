import { describe, expect, test } from '@jest/globals';
import { demoteHeadings, dropSection, replaceGenerated } from '../bench/report-sample.js';

describe('REPORT.md generation', () => {
  test('headings are demoted outside code fences only', () => {
    expect(demoteHeadings('# A\ntext\n```\n# not a heading\n```\n## B', 2)).toBe('### A\ntext\n```\n# not a heading\n```\n#### B');
  });

  test('a section is dropped up to the next heading of its level', () => {
    const md = '# R\n## Keep\na\n## Sample images\n- x\n### sub\ny\n## After\nb';
    expect(dropSection(md, 'Sample images')).toBe('# R\n## Keep\na\n## After\nb');
    expect(dropSection(md, 'Missing')).toBe(md);
  });

  test('only the generated block is replaced, and a document without markers is refused', () => {
    const doc = 'intro\n<!-- generated:start (npm run report:sample) -->\nold\n<!-- generated:end -->\noutro';
    expect(replaceGenerated(doc, 'new figures')).toBe('intro\n<!-- generated:start (npm run report:sample) -->\nnew figures\n<!-- generated:end -->\noutro');
    expect(() => replaceGenerated('no markers', 'x')).toThrow(/no .* block to regenerate/);
  });
});
