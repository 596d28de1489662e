import { describe, expect, test } from '@jest/globals';

import { demoteHeadings, dropSection, prometheusExcerpt, replaceGenerated } from '../../bench/report-sample.js';

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

  test('the Prometheus excerpt keeps the headline samples and drops zero class counts and comments', () => {
    const text = [
      '# HELP dataset_gen_images_total Images',
      'dataset_gen_images_total{site="s"} 80',
      'dataset_gen_detections_total{site="s",class="person"} 5',
      'dataset_gen_detections_total{site="s",class="cat"} 0',
      'dataset_gen_frames_total{site="s",video="v",outcome="kept",reason=""} 80',
    ].join('\n');
    expect(prometheusExcerpt(text)).toEqual(['dataset_gen_images_total{site="s"} 80', 'dataset_gen_detections_total{site="s",class="person"} 5']);
  });
});
