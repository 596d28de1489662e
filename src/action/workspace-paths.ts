/**
 * The Action reads and writes only inside the workspace (GITHUB_WORKSPACE): a path input that
 * resolves elsewhere (`..`, an absolute path, a symlink pointing out) is refused before anything is
 * read or written. Judged on the real path: of the file itself when it exists, else of its nearest
 * existing folder (an output that is still to be made).
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

import { isInside } from '../domain/path-inside.js';
import { UsageError } from '../errors.js';

/** The real path of `file`, or of its nearest existing ancestor with the missing rest appended. */
export async function realPathOrAncestor(file: string): Promise<string> {
  const absolute = path.resolve(file);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
}

/** The workspace's real path, the reference every input is judged against. */
export function realWorkspace(workspace: string): Promise<string> {
  return realPathOrAncestor(workspace);
}

/**
 * Refuses `file` (given as `given` for `name`, e.g. `input "output-dir"`) unless its real path is
 * inside `workspaceReal`.
 */
export async function requireInsideWorkspace(file: string, given: string, name: string, workspaceReal: string): Promise<void> {
  const real = await realPathOrAncestor(file);
  if (isInside(real, workspaceReal)) return;
  const via = real === path.resolve(file) ? '' : ` (through a symlink: ${path.resolve(file)} → ${real})`;
  throw new UsageError(
    `${name} ${JSON.stringify(given)} is outside the workspace ${workspaceReal}${via || `: it resolves to ${real}`}; give a path inside the workspace (relative to it), copying the file into the workspace first if needed`,
  );
}
