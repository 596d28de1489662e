#!/usr/bin/env node
import { runCli } from './cli/main.js';

const abort = new AbortController();
process.once('SIGINT', () => abort.abort(new Error('interrupted')));
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: abort.signal,
});
