/**
 * The allocator settings the Docker image (so the Action) runs with: the `GLIBC_TUNABLES` of the
 * Dockerfile in the working directory (the repository root), read rather than repeated so the bench
 * and the tests follow the image.
 */
import { readFile } from 'node:fs/promises';

export async function imageTunables(): Promise<string> {
  const dockerfile = await readFile('Dockerfile', 'utf8');
  const values = [...dockerfile.matchAll(/^\s*GLIBC_TUNABLES=(\S+)/gm)].map((m) => m[1]!);
  if (values.length === 0) throw new Error('no GLIBC_TUNABLES in ./Dockerfile (run from the repository root)');
  if (new Set(values).size > 1) throw new Error(`the Dockerfile's targets set different GLIBC_TUNABLES: ${values.join(', ')}`);
  return values[0]!;
}
