/** runCli in the test's process with stdout and stderr captured as text (no child process, no env). */
import { runCli } from '../../src/cli/main.js';

export async function captureCli(argv: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}
