#!/usr/bin/env node
// The image's entry point: the GitHub Action when called without arguments (as the runner does), the
// CLI when the first argument is `dataset-gen`. Written in JavaScript, not sh: the runner passes
// inputs as INPUT_<NAME> variables whose names keep their dashes (INPUT_SAMPLE-FPS), and POSIX
// shells drop such variables from the environment of what they exec.
const [first] = process.argv.slice(2);
if (first === undefined) {
  await import('../dist/action/index.js');
} else if (first === 'dataset-gen') {
  process.argv.splice(2, 1);
  await import('../dist/cli/index.js');
} else {
  process.stderr.write(`docker-entrypoint: expected no arguments (the Action) or 'dataset-gen <command>' (the CLI), got: ${process.argv.slice(2).join(' ')}\n`);
  process.exitCode = 2;
}
