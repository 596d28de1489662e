/**
 * Why an execution provider's library cannot load (src/detect/provider-libraries.ts), on fake
 * provider libraries built here with gcc: one not installed, one whose dependency is missing (the
 * CUDA runtime of another major version, as a CUDA 13 build on a CUDA 12 image would be), one whole.
 */
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { missingLibraries, providerLibraryProblem } from '../../../src/detect/provider-libraries.js';
import { tempDir } from '../../support/videos.js';

const run = promisify(execFile);
let dir: string;
let cleanup: () => Promise<void>;

/** Builds `lib<name>.so` in `folder` from `source`, linked with `links` (found in `folder`, rpath'd there). */
async function sharedLibrary(folder: string, file: string, source: string, links: string[] = [], soname?: string): Promise<void> {
  const c = path.join(folder, `${file}.c`);
  await writeFile(c, source);
  const flags = soname === undefined ? [] : [`-Wl,-soname,${soname}`];
  await run('gcc', ['-shared', '-fPIC', '-o', path.join(folder, file), c, ...flags, `-L${folder}`, `-Wl,-rpath,${folder}`, ...links.map((l) => `-l${l}`)]);
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('dataset-gen-providers-'));
  // A stand-in CUDA runtime with its versioned soname, as libcudart.so.13 is installed.
  await sharedLibrary(dir, 'libfakecudart.so', 'int fake_cuda_runtime(void) { return 13; }\n', [], 'libfakecudart.so.13');
  await run('ln', ['-s', 'libfakecudart.so', path.join(dir, 'libfakecudart.so.13')]);
  await sharedLibrary(dir, 'libonnxruntime_providers_cuda.so', 'int fake_cuda_runtime(void);\nint provider(void) { return fake_cuda_runtime(); }\n', [
    'fakecudart',
  ]);
  await writeFile(path.join(dir, 'libonnxruntime_providers_shared.so'), '');
}, 60_000);

afterAll(() => cleanup());

describe('providerLibraryProblem', () => {
  test('a provider whose libraries and their dependencies are all there: no problem of the libraries', async () => {
    expect(await missingLibraries(path.join(dir, 'libonnxruntime_providers_cuda.so'))).toEqual([]);
    expect(await providerLibraryProblem('cuda', dir)).toBeNull();
  });

  test('a dependency missing: ldd names it, and the message says what to install', async () => {
    await rm(path.join(dir, 'libfakecudart.so.13'));
    expect(await missingLibraries(path.join(dir, 'libonnxruntime_providers_cuda.so'))).toEqual(['libfakecudart.so.13']);
    expect(await providerLibraryProblem('cuda', dir)).toBe(
      'libonnxruntime_providers_cuda.so needs libfakecudart.so.13, not found (ldd); install the matching runtime or set LD_LIBRARY_PATH',
    );
  });

  test('a provider library not installed, and the shared one before it', async () => {
    const { dir: empty, cleanup: done } = await tempDir('dataset-gen-providers-empty-');
    try {
      expect(await providerLibraryProblem('cuda', empty)).toBe(
        `libonnxruntime_providers_shared.so is not installed in ${empty} (onnxruntime-node was installed without the CUDA provider)`,
      );
      await writeFile(path.join(empty, 'libonnxruntime_providers_shared.so'), '');
      expect(await providerLibraryProblem('tensorrt', empty)).toMatch(
        /^libonnxruntime_providers_tensorrt\.so is not installed in .* \(onnxruntime-node was installed without the TENSORRT provider\)$/,
      );
    } finally {
      await done();
    }
  });

  test('the CPU provider has no library of its own; a file that is not a library has no missing dependencies to name', async () => {
    expect(await providerLibraryProblem('cpu', dir)).toBeNull();
    expect(await missingLibraries(path.join(dir, 'libonnxruntime_providers_shared.so'))).toEqual([]);
  });
});
