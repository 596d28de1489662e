/**
 * A real Prometheus Pushgateway (Debian package `prometheus-pushgateway`) as a child process on
 * 127.0.0.1: a free port found by binding port 0 first (the gateway cannot report a port it chose),
 * a fresh temporary --persistence.file (Debian's default is /var/lib/prometheus), ready once `/-/ready`
 * answers 200. stop() ends that one process and removes its folder.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PUSHGATEWAY_BIN = process.env.PUSHGATEWAY_BIN ?? '/usr/bin/prometheus-pushgateway';
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
const ATTEMPTS = 3;

export interface Pushgateway {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly pid: number;
  /** The gateway's own /metrics (pushed groups included). */
  scrape(): Promise<string>;
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now (it may be taken again before the gateway binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('No port assigned'))));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function startOnce(): Promise<Pushgateway> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-pushgateway-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    PUSHGATEWAY_BIN,
    [`--web.listen-address=127.0.0.1:${port}`, `--persistence.file=${path.join(dir, 'pushgateway.data')}`, '--log.level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let spawnError: Error | null = null;
  child.once('error', (error) => (spawnError = error));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && spawnError === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    for (;;) {
      if (spawnError) throw new Error(`Cannot start ${PUSHGATEWAY_BIN}: ${(spawnError as Error).message}`);
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${PUSHGATEWAY_BIN} exited (${child.exitCode ?? child.signalCode}) before it was ready: ${output.trim()}`);
      }
      const ready = await fetch(`${origin}/-/ready`, { signal: AbortSignal.timeout(1000) }).then(
        async (r) => (await r.text(), r.ok),
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`${PUSHGATEWAY_BIN} was not ready within ${START_TIMEOUT_MS} ms: ${output.trim()}`);
      await sleep(50);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const scrape = async (): Promise<string> => {
    const response = await fetch(`${origin}/metrics`, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`GET ${origin}/metrics answered ${response.status}`);
    return response.text();
  };
  return { origin, pid: child.pid ?? -1, scrape, stop };
}

/** Starts a gateway; retries on another port when the chosen one was taken in between. */
export async function startPushgateway(): Promise<Pushgateway> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      if (attempt >= ATTEMPTS || !/address already in use/i.test(String(error))) throw error;
    }
  }
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the samples of a text exposition (label values unescaped); comments and blank lines skipped. */
export function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)(?: -?\d+)?$/.exec(line);
    if (!match) throw new Error(`Unparsable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    const body = match[2] ?? '';
    const labelRe = /([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)",?/gy;
    for (let m = labelRe.exec(body); m; m = labelRe.exec(body)) {
      labels[m[1] ?? ''] = (m[2] ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: match[1] ?? '', labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample of `name` whose labels include `labels`; undefined when none, throws when several. */
export function sampleValue(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value;
}
