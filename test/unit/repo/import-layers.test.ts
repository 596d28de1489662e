/**
 * The import direction is enforced by the lint rule in eslint.config.js: the real ESLint, with the
 * project's own config, on small sources placed (virtually) in each part of src/.
 */
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

/** The import-rule messages ESLint gives `source` as if it were the file `file`. */
async function importProblems(file: string, specifier: string): Promise<string[]> {
  const source = `import { value } from '${specifier}';\nexport const copy = value;\n`;
  const [result] = await eslint.lintText(source, { filePath: path.resolve(file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the rooms of src/pipeline import down only', () => {
  test.each([
    ['src/pipeline/decode/x.ts', '../filter/dedup.js'],
    ['src/pipeline/filter/x.ts', '../label/frame-features.js'],
    ['src/pipeline/output/x.ts', '../merge/dataset-part.js'],
    ['src/pipeline/write/x.ts', '../output/output-dir.js'],
    ['src/pipeline/label/x.ts', '../write/manifest.js'],
    ['src/pipeline/merge/x.ts', '../decode/probe.js'],
    ['src/pipeline/output/x.ts', '../run-pipeline.js'],
    ['src/pipeline/diff/x.ts', '../write/publish.js'],
    ['src/pipeline/merge/x.ts', '../diff/diff-datasets.js'],
  ])('%s may not import %s', async (file, specifier) => {
    const problems = await importProblems(file, specifier);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/src\/pipeline\/\w+ may import .* \(docs\/architecture\.md, "Layers"\)$/);
  });

  test.each([
    ['src/pipeline/label/x.ts', '../filter/phash.js'],
    ['src/pipeline/merge/x.ts', '../output/read-back.js'],
    ['src/pipeline/merge/x.ts', '../../export/coco.js'],
    ['src/pipeline/decode/x.ts', '../../media/ffprobe.js'],
    ['src/pipeline/x.ts', './merge/merge.js'],
    ['src/pipeline/diff/x.ts', '../merge/dataset-part.js'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await importProblems(file, specifier)).toEqual([]);
  });
});

describe('imports point down only', () => {
  test.each([
    ['src/domain/x.ts', '../errors.js'],
    ['src/domain/x.ts', '../pipeline/run-pipeline.js'],
    ['src/observe/x.ts', '../report/html.js'],
    ['src/observe/x.ts', '../pipeline/run-pipeline.js'],
    ['src/report/x.ts', '../pipeline/write/manifest.js'],
    ['src/export/x.ts', '../pipeline/write/manifest.js'],
    ['src/export/x.ts', '../report/report-model.js'],
    ['src/domain/x.ts', '../export/yolo.js'],
    ['src/detect/x.ts', '../media/ffmpeg.js'],
    ['src/detect/x.ts', '../pipeline/filter/analysis.js'],
    ['src/model/x.ts', '../detect/detector.js'],
    ['src/pipeline/x.ts', '../options/resolve-options.js'],
    ['src/pipeline/x.ts', '../action/run-action.js'],
    ['src/options/x.ts', '../pipeline/run-pipeline.js'],
    ['src/options/x.ts', '../cli/args.js'],
    ['src/index.ts', './action/run-action.js'],
    ['src/action/x.ts', '../cli/main.js'],
    ['src/cli/x.ts', '../action/run-action.js'],
    // The doors reach the library only through its public entry.
    ['src/action/x.ts', '../pipeline/run-pipeline.js'],
    ['src/cli/x.ts', '../options/resolve-options.js'],
    ['src/cli/x.ts', '../pipeline/merge/merge.js'],
    // Files in a room of src/pipeline are two folders down: the same layers hold.
    ['src/pipeline/decode/x.ts', '../../options/resolve-options.js'],
    ['src/pipeline/merge/x.ts', '../../action/run-action.js'],
  ])('%s may not import %s', async (file, specifier) => {
    const problems = await importProblems(file, specifier);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/docs\/architecture\.md, "Layers"/);
  });

  test.each([
    ['src/domain/x.ts', './frame.js'],
    ['src/observe/x.ts', '../domain/frame.js'],
    ['src/report/x.ts', '../observe/metrics.js'],
    ['src/export/x.ts', '../domain/coco.js'],
    ['src/pipeline/x.ts', '../export/yolo.js'],
    ['src/detect/x.ts', '../model/config.js'],
    ['src/pipeline/x.ts', '../detect/detector.js'],
    ['src/options/x.ts', '../model/config.js'],
    ['src/action/x.ts', '../index.js'],
    ['src/cli/x.ts', '../index.js'],
    ['src/cli/x.ts', '../domain/run-options.js'],
    ['src/cli.ts', './cli/main.js'],
    ['src/index.ts', './pipeline/run-pipeline.js'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await importProblems(file, specifier)).toEqual([]);
  });
});
