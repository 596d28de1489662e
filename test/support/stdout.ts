/** Runs `fn` with process.stdout captured (the Actions toolkit writes workflow commands there). */
import { jest } from '@jest/globals';

export async function stdoutOf(fn: () => unknown): Promise<string> {
  let output = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    await fn();
    return output;
  } finally {
    spy.mockRestore();
  }
}
