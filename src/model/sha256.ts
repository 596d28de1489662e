import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Bytes read per call: large enough that the reads cost little, small enough to stay in cache. */
const CHUNK_BYTES = 1 << 20;

/**
 * sha256 of a file, streamed through one reused buffer (constant memory whatever its size). A read
 * stream allocates a fresh buffer per chunk, and touching that new memory costs more than the hash:
 * a 60 MB video took 390 ms through a stream and 65-95 ms through one buffer.
 */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

export function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
