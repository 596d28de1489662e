/** Runs `fn` with process.stdout captured (the Actions toolkit writes workflow commands there). */
import { jest } from '@jest/globals';

/** What `fn` returned and what it wrote to stdout. */
export async function withStdout<T>(fn: () => T | Promise<T>): Promise<{ value: T; stdout: string }> {
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    return { value: await fn(), stdout };
  } finally {
    spy.mockRestore();
  }
}

export async function stdoutOf(fn: () => unknown): Promise<string> {
  return (await withStdout(fn)).stdout;
}
