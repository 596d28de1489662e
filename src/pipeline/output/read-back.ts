/**
 * The trust boundary for what dataset-gen reads back from disk: a merge part's files and images, the
 * staging folder a resume continues, its checkpoint. Someone may have edited any of them, so a file is
 * read only when every folder on its way below the root is a real folder (lstat, no symbolic link)
 * and the file itself is a regular file (opened with O_NOFOLLOW, checked with fstat: a FIFO or a
 * device is refused, never waited on), no larger than its limit. Copies are written with O_EXCL, so a
 * name read back can never replace a file.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A file or folder read back from disk is not what dataset-gen wrote there; the message says what it is. */
export class ReadBackError extends Error {
  constructor(
    message: string,
    /** The file or folder does not exist (as opposed to being of the wrong kind or size). */
    readonly missing = false,
  ) {
    super(message);
    this.name = 'ReadBackError';
  }
}

const MB = 1024 * 1024;
// O_NONBLOCK: opening a FIFO for reading returns at once (then fstat refuses it) instead of waiting for a writer.
const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** What an lstat found, in words, for messages. */
export function kindOf(info: Stats): string {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'a regular file';
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** Refuses `rel` (a path below `root`, `/`-separated) unless every folder on its way is a real folder. */
async function checkFolders(root: string, rel: string): Promise<void> {
  const parts = rel.split('/');
  let current = root;
  for (const [i, part] of parts.slice(0, -1).entries()) {
    current = path.join(current, part);
    const shown = parts.slice(0, i + 1).join('/');
    const info = await lstat(current).catch((error: unknown) => {
      throw new ReadBackError(`${shown} is missing (${errorCode(error)})`, errorCode(error) === 'ENOENT');
    });
    if (!info.isDirectory() || info.isSymbolicLink()) throw new ReadBackError(`${shown} is ${kindOf(info)}, not a folder`);
  }
}

/**
 * The bytes of `rel` below `root` (a regular file reached through real folders, at most `maxBytes`);
 * throws a ReadBackError saying what is wrong.
 */
export async function readBack(root: string, rel: string, maxBytes: number): Promise<Buffer> {
  await checkFolders(root, rel);
  const handle = await open(path.join(root, rel), READ_FLAGS).catch((error: unknown) => {
    const code = errorCode(error);
    if (code === 'ELOOP') throw new ReadBackError(`${rel} is a symbolic link, not a file`);
    throw new ReadBackError(`${rel} is missing (${code})`, code === 'ENOENT');
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ReadBackError(`${rel} is ${kindOf(info)}, not a regular file`);
    const tooBig = (): ReadBackError => new ReadBackError(`${rel} is larger than the ${Math.round(maxBytes / MB)} MB dataset-gen reads of such a file`);
    if (info.size > maxBytes) throw tooBig();
    // Read up to one byte past the limit: a file that grows after fstat is still refused.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooBig();
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** `readBack` as UTF-8 text. */
export async function readBackText(root: string, rel: string, maxBytes: number): Promise<string> {
  return (await readBack(root, rel, maxBytes)).toString('utf8');
}

/** Copies `rel` below `root` (as `readBack` reads it) to `target`, which must not exist (O_EXCL). */
export async function copyBack(root: string, rel: string, target: string, maxBytes: number): Promise<void> {
  await writeFile(target, await readBack(root, rel, maxBytes), { flag: 'wx' });
}

/**
 * The first entry below `dir` (and `dir` itself) that is not a real folder or a regular file (a
 * symbolic link, a FIFO, a device), as `<relative path> is <kind>`; null when there is none.
 */
export async function strayEntry(dir: string, shown = path.basename(dir)): Promise<string | null> {
  const info = await lstat(dir);
  if (info.isSymbolicLink() || !info.isDirectory()) return `${shown} is ${kindOf(info)}`;
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) pending.push(child);
      else if (!entry.isFile()) return `${shown}/${child} is ${kindOf(await lstat(path.join(dir, child)))}`;
    }
  }
  return null;
}
