/**
 * The Docker image's allocator settings (`GLIBC_TUNABLES` in the Dockerfile: transparent huge pages
 * for malloc, one arena) change how fast a run is, never what it writes: the CLI on the demo clip,
 * with two inference workers, writes the same dataset with and without them.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';

import { datasetDifferences, startCli } from '../support/cli-process.js';
import { imageTunables } from '../support/image-env.js';
import { tempDir } from '../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

const args = (out: string): string[] => [
  'run',
  '--video',
  path.resolve('demo/site-walkway-20s.mp4'),
  '--out',
  out,
  '--sample-fps',
  '2',
  '--inference-workers',
  '2',
];

test('the image sets the allocator settings in both targets, the same way', async () => {
  expect(await imageTunables()).toBe('glibc.malloc.hugetlb=1:glibc.malloc.arena_max=1');
});

test('a run with the image allocator settings writes the same dataset as one without', async () => {
  const { GLIBC_TUNABLES: _ignored, ...plain } = process.env;
  const without = path.join(dir, 'without');
  const withSettings = path.join(dir, 'with');
  expect(await startCli(args(without), { env: { ...plain, DATASET_GEN_MODEL: '' } }).exited).toMatchObject({ code: 0 });
  const tuned = await startCli(args(withSettings), { env: { ...plain, DATASET_GEN_MODEL: '', GLIBC_TUNABLES: await imageTunables() } }).exited;
  expect(tuned).toMatchObject({ code: 0 });
  expect(await datasetDifferences(without, withSettings)).toEqual([]);
}, 120_000);
