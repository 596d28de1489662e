/** The GPUs nvidia-smi lists (src/doctor/gpu-info.ts), with stand-ins for nvidia-smi written here. */
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { visibleGpus } from '../../../src/doctor/gpu-info.js';
import { tempDir } from '../../support/videos.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('dataset-gen-gpu-')));
afterAll(() => cleanup());

async function script(name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

describe('visibleGpus', () => {
  test('each GPU with its name, driver and memory', async () => {
    const smi = await script('two-gpus', 'printf "NVIDIA L4, 550.54.15, 23034\\nTesla T4, 550.54.15, [N/A]\\n"');
    expect(await visibleGpus(smi)).toEqual({
      gpus: [
        { name: 'NVIDIA L4', driver: '550.54.15', memoryMiB: 23034 },
        { name: 'Tesla T4', driver: '550.54.15', memoryMiB: null },
      ],
    });
  });

  test('no nvidia-smi, one that fails (no driver), one that lists nothing: why, in one line', async () => {
    expect(await visibleGpus(path.join(dir, 'absent'))).toEqual({
      problem: expect.stringMatching(/absent is not installed or not on PATH \(no NVIDIA driver here, or a container run without --gpus\)$/),
    });
    const failing = await script('no-driver', 'echo "NVIDIA-SMI has failed because it couldn\'t communicate with the NVIDIA driver."; exit 9');
    expect(await visibleGpus(failing)).toEqual({ problem: `${failing} failed: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.` });
    expect(await visibleGpus(await script('none', 'exit 0'))).toEqual({ problem: expect.stringMatching(/none lists no GPU$/) });
  });
});
