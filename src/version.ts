/** The tool's own identity: package version and git commit, found next to the running code. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The folder of dataset-gen's own package.json above the running code (source, build, bundle or image), or null. */
export function packageRoot(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'dataset-gen') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    dir = path.dirname(dir);
  }
  return null;
}

const root = packageRoot();

export const TOOL_VERSION: string = (() => {
  if (!root) return process.env.DATASET_GEN_VERSION ?? '0.0.0-unknown';
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
})();

/** The tool's git commit: DATASET_GEN_COMMIT (set in the image), else `git rev-parse HEAD`, else null. */
export async function toolCommit(): Promise<string | null> {
  if (process.env.DATASET_GEN_COMMIT) return process.env.DATASET_GEN_COMMIT;
  if (!root || !existsSync(path.join(root, '.git'))) return null;
  try {
    const { stdout } = await promisify(execFile)('git', ['-C', root, 'rev-parse', 'HEAD'], { timeout: 5000 });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}
