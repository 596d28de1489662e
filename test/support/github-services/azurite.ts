/**
 * Azurite's blob service (the npm dev dependency) as a child process: 127.0.0.1, a free port chosen by
 * the OS (--blobPort 0, read back from its start-up line), a fresh temporary --location, loose mode,
 * no API-version check, no telemetry, no access log. stop() ends that one process and removes its data.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export interface AzuriteBlob {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export async function startAzuriteBlob(): Promise<AzuriteBlob> {
  const location = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-azurite-'));
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const args = ['--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location, '--loose', '--skipApiVersionCheck', '--disableTelemetry', '--silent'];
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(location, { recursive: true, force: true });
  };

  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Azurite did not start within ${START_TIMEOUT_MS} ms: ${output}`)), START_TIMEOUT_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited (${code ?? signal ?? '?'}) before listening: ${output}`));
      });
    });
    child.stdout.resume();
    return { origin, pid: child.pid ?? -1, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
