/**
 * `dataset-gen doctor` on this machine (a CPU, no NVIDIA driver; the host's ffmpeg is built with CUDA
 * support it cannot use): the built CLI's verdicts and exit codes, and through the library, a fake
 * CUDA provider library with a missing dependency and a stand-in nvidia-smi.
 */
import { execFile } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { doctorText } from '../../src/doctor/doctor-text.js';
import { runDoctor } from '../../src/doctor/doctor.js';
import { tempDir } from '../support/videos.js';

const run = promisify(execFile);
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('dataset-gen-doctor-test-')));
afterAll(() => cleanup());

async function doctor(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/dataset-gen.js', 'doctor', ...args], {
      env: { ...process.env, DATASET_GEN_MODEL: '' },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('dataset-gen doctor', () => {
  test('the CPU, as the preset asks: exit 0, every check in a line, a verdict', async () => {
    const { code, stdout, stderr } = await doctor();
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^onnxruntime-node \d+\.\d+\.\d+; providers offered: cpu\b.*cuda \(separate library\)/m);
    expect(stdout).toMatch(/^ {2}ok {3}cpu: loads$/m);
    expect(stdout).toMatch(/^GPU: none visible: nvidia-smi is not installed or not on PATH/m);
    expect(stdout).toMatch(/^ffmpeg: ffmpeg version \S+ \(.*\); hardware decoders: /m);
    expect(stdout).toMatch(/^verdict: this run would infer on the CPU, as asked .*; this run would decode on the CPU/m);
  }, 120_000);

  test('CUDA asked for on a machine without it: exit 9, a CPU verdict naming the missing library, no stack trace', async () => {
    const { code, stdout, stderr } = await doctor('--execution-providers', 'cuda,cpu');
    expect(code).toBe(9);
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^ {2}FAIL cuda: does not load: libonnxruntime_providers_\w+\.so is not installed in .*onnxruntime-node.* \(onnxruntime-node was installed without the CUDA provider\)$/m,
    );
    expect(stdout).toMatch(/^verdict: this run would infer on the CPU because the CUDA provider does not load: /m);
    expect(stdout).not.toMatch(/^\s+at /m);
  }, 120_000);

  test('a bad option and a missing model: one line each, exit 2 and 4', async () => {
    const bad = await doctor('--execution-providers', 'tpu');
    expect([bad.code, bad.stderr.trim().split('\n')]).toEqual([2, [expect.stringMatching(/^dataset-gen: .*--execution-providers.*tpu/)]]);
    const missing = await doctor('--model', path.join(dir, 'missing.onnx'));
    expect([missing.code, missing.stderr.trim()]).toEqual([4, `dataset-gen: Model ${path.join(dir, 'missing.onnx')}: no such file; pass --model <file.onnx>`]);
  }, 120_000);
});

describe('runDoctor', () => {
  test('a CUDA provider library whose runtime is missing, and a GPU that nvidia-smi sees', async () => {
    const fake = path.join(dir, 'providers');
    await run('mkdir', ['-p', fake]);
    await writeFile(path.join(fake, 'provider.c'), 'int fakeRuntimeVersion(int *v);\nint provider(void) { int v; return fakeRuntimeVersion(&v); }\n');
    await writeFile(path.join(fake, 'cudart.c'), 'int fakeRuntimeVersion(int *v) { *v = 13000; return 0; }\n');
    await run('gcc', ['-shared', '-fPIC', '-o', path.join(fake, 'libfakecudart.so.13'), path.join(fake, 'cudart.c'), '-Wl,-soname,libfakecudart.so.13']);
    await run('gcc', [
      '-shared',
      '-fPIC',
      '-o',
      path.join(fake, 'libonnxruntime_providers_cuda.so'),
      path.join(fake, 'provider.c'),
      path.join(fake, 'libfakecudart.so.13'),
    ]);
    await run('rm', [path.join(fake, 'libfakecudart.so.13')]);
    await writeFile(path.join(fake, 'libonnxruntime_providers_shared.so'), '');
    const smi = path.join(dir, 'nvidia-smi');
    await writeFile(smi, '#!/bin/sh\necho "NVIDIA L4, 550.54.15, 23034"\n');
    await chmod(smi, 0o755);

    const report = await runDoctor({ modelPath: null, modelConfig: 'yolov8n-coco', providers: ['cuda', 'cpu'], nvidiaSmi: smi, providerLibraryDir: fake });
    expect(report.ok).toBe(false);
    expect(report.providers).toEqual([
      {
        provider: 'cuda',
        loads: false,
        reason: 'libonnxruntime_providers_cuda.so needs libfakecudart.so.13, not found (ldd); install the matching runtime or set LD_LIBRARY_PATH',
      },
      { provider: 'cpu', loads: true, reason: null },
    ]);
    expect(report.gpus).toEqual([{ name: 'NVIDIA L4', driver: '550.54.15', memoryMiB: 23034 }]);
    const text = doctorText(report);
    expect(text).toContain('GPU: NVIDIA L4, driver 550.54.15, 23034 MiB\n');
    expect(text).toContain(
      'verdict: this run would infer on the CPU because the CUDA provider does not load: libonnxruntime_providers_cuda.so needs libfakecudart.so.13, not found',
    );
  }, 120_000);
});
