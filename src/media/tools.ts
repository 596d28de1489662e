/**
 * Finding ffmpeg and ffprobe (an option, PATH, or the optional npm packages) and reading their
 * versions; the stall timeout every call of them shares. What they may open of a user's video is in
 * untrusted-input.ts.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

import { cliName } from '../domain/run-options.js';
import { DEFAULT_STALL_TIMEOUT_SECONDS } from '../domain/timeouts.js';
import { ToolError } from '../errors.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export interface Binary {
  path: string;
  /** First line of `-version`, e.g. "ffmpeg version 5.1.6-0+deb12u1". */
  version: string;
}

export interface FfmpegTools {
  ffmpeg: Binary;
  ffprobe: Binary;
  /** Where the binaries came from. */
  source: 'option' | 'path' | 'npm';
  /**
   * How long ffprobe may take to answer, and ffmpeg may go without progress while decoding, before
   * it is killed; `name` is the option that sets it, for messages. DEFAULT_STALL_TIMEOUT when absent.
   */
  stallTimeout?: { seconds: number; name: string };
}

/** What probing needs of the tools: ffprobe's path and the stall timeout (no versions). */
export type ProbeTools = Pick<FfmpegTools, 'stallTimeout'> & { ffprobe: Pick<Binary, 'path'> };

export function stallLimit(tools: Pick<FfmpegTools, 'stallTimeout'>): { seconds: number; name: string } {
  return tools.stallTimeout ?? { seconds: DEFAULT_STALL_TIMEOUT_SECONDS, name: cliName('stall-timeout') };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** The binary shipped in an optional npm package (`@ffmpeg-installer/ffmpeg`, `@ffprobe-installer/ffprobe`). */
function fromNpm(pkg: string): string | null {
  try {
    const found = (require(pkg) as { path?: unknown }).path;
    return typeof found === 'string' && isExecutable(found) ? found : null;
  } catch {
    return null;
  }
}

async function versionOf(file: string, fix: string): Promise<string> {
  try {
    const { stdout } = await run(file, ['-hide_banner', '-version'], { timeout: 15000 });
    const line = stdout.split('\n')[0]?.trim() ?? '';
    return line.replace(/\s+Copyright.*$/, '');
  } catch (error) {
    throw new ToolError(`Cannot run ${file}: ${(error as Error).message.split('\n')[0]}; ${fix}`);
  }
}

/** Where ffmpeg and ffprobe are, before their versions are read. */
export interface ToolPaths {
  ffmpeg: string;
  ffprobe: string;
  source: FfmpegTools['source'];
  /** What to tell the user when a binary does not run. */
  fix: string;
}

/**
 * Finds ffmpeg and ffprobe, without running anything (probing can start before `withVersions` reads
 * their versions): `override` (a file named ffmpeg with ffprobe beside it, or a directory holding
 * both), else PATH, else the npm packages. `overrideName` is how messages name the option that gave
 * `override` (`--ffmpeg-path`).
 */
export function locateFfmpegTools(override?: string, overrideName = cliName('ffmpeg-path')): ToolPaths {
  let pair: { ffmpeg: string | null; ffprobe: string | null; source: FfmpegTools['source'] };
  if (override) {
    const resolved = path.resolve(override);
    let dir: string;
    let ffmpegFile: string;
    try {
      const isDir = statSync(resolved).isDirectory();
      dir = isDir ? resolved : path.dirname(resolved);
      ffmpegFile = isDir ? path.join(resolved, 'ffmpeg') : resolved;
    } catch {
      throw new ToolError(`${overrideName} ${resolved} does not exist; give the ffmpeg binary or the folder holding ffmpeg and ffprobe`);
    }
    const ffprobeFile = path.join(dir, 'ffprobe');
    pair = {
      ffmpeg: isExecutable(ffmpegFile) ? ffmpegFile : null,
      ffprobe: isExecutable(ffprobeFile) ? ffprobeFile : null,
      source: 'option',
    };
    if (!pair.ffmpeg || !pair.ffprobe) {
      throw new ToolError(
        `${overrideName} ${resolved}: expected executable ffmpeg and ffprobe in ${dir}; found ${pair.ffmpeg ? 'ffmpeg only' : pair.ffprobe ? 'ffprobe only' : 'neither'}`,
      );
    }
  } else {
    const systemFfmpeg = onPath('ffmpeg');
    const systemFfprobe = onPath('ffprobe');
    pair =
      systemFfmpeg && systemFfprobe
        ? { ffmpeg: systemFfmpeg, ffprobe: systemFfprobe, source: 'path' }
        : { ffmpeg: fromNpm('@ffmpeg-installer/ffmpeg'), ffprobe: fromNpm('@ffprobe-installer/ffprobe'), source: 'npm' };
    if (!pair.ffmpeg || !pair.ffprobe) {
      throw new ToolError(
        'ffmpeg and ffprobe were not found on PATH nor in the optional npm packages; install ffmpeg (e.g. `apt-get install ffmpeg`) so that both are on PATH',
      );
    }
  }
  return { ffmpeg: pair.ffmpeg, ffprobe: pair.ffprobe, source: pair.source, fix: override ? `check ${overrideName}` : 'reinstall ffmpeg' };
}

/**
 * The tools with their versions (`-version`). ffmpeg's is read at once; ffprobe's is taken from
 * `ffprobeVersion` when it gives one (a probe's `-show_program_version`, which may still be running),
 * else read too.
 */
export async function withVersions(paths: ToolPaths, ffprobeVersion?: Promise<string | null>): Promise<FfmpegTools> {
  const readFfprobe = async (): Promise<string> => (await ffprobeVersion?.catch(() => null)) ?? versionOf(paths.ffprobe, paths.fix);
  const [ffmpeg, ffprobe] = await Promise.all([versionOf(paths.ffmpeg, paths.fix), readFfprobe()]);
  return { ffmpeg: { path: paths.ffmpeg, version: ffmpeg }, ffprobe: { path: paths.ffprobe, version: ffprobe }, source: paths.source };
}
