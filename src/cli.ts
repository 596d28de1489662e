#!/usr/bin/env node
import { runCli } from './cli/main.js';
import { InterruptedError } from './errors.js';

// The first SIGINT or SIGTERM stops the run at the next frame (exit 130 or 143); a second one kills at once.
const abort = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => abort.abort(new InterruptedError(`interrupted (${signal})`, signal)));
}
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: abort.signal,
});
