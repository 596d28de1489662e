/**
 * The NVIDIA GPUs this process can see, from `nvidia-smi` (installed with the driver, and mounted into
 * a container by the NVIDIA container toolkit with `--gpus`): name, driver and memory of each.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GpuInfo {
  name: string;
  driver: string;
  memoryMiB: number | null;
}

/** The GPUs `nvidia-smi` lists, or why none can be seen (no nvidia-smi, no device, no driver). */
export async function visibleGpus(command = 'nvidia-smi'): Promise<{ gpus: GpuInfo[] } | { problem: string }> {
  let stdout: string;
  try {
    ({ stdout } = await run(command, ['--query-gpu=name,driver_version,memory.total', '--format=csv,noheader,nounits'], { timeout: 15_000 }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: `${command} is not installed or not on PATH (no NVIDIA driver here, or a container run without --gpus)` };
    const said = String((error as { stdout?: unknown }).stdout ?? '').trim() || String((error as { stderr?: unknown }).stderr ?? '').trim();
    return { problem: `${command} failed: ${said.split('\n', 1)[0] || (error as Error).message.split('\n', 1)[0]}` };
  }
  const gpus = stdout
    .split('\n')
    .map((line) => line.split(',').map((field) => field.trim()))
    .filter((fields) => fields.length >= 2 && fields[0] !== '')
    .map(([name, driver, memory]) => ({ name: name!, driver: driver!, memoryMiB: memory !== undefined && /^\d+$/.test(memory) ? Number(memory) : null }));
  return gpus.length > 0 ? { gpus } : { problem: `${command} lists no GPU` };
}
