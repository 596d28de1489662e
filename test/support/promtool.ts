/** `promtool check metrics` (Debian package prometheus) on a text exposition. */
import { spawn } from 'node:child_process';

export const PROMTOOL = process.env.PROMTOOL_PATH ?? '/usr/bin/promtool';

/** Runs `promtool check metrics` on `text`; resolves to its exit code and everything it printed. */
export function promtoolCheck(text: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PROMTOOL, ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${PROMTOOL} not found: apt-get install prometheus (it has promtool)`) : error),
    );
    child.once('close', (code) => resolve({ code, output }));
    child.stdin.end(text);
  });
}
