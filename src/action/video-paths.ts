/**
 * The `video` input: one path or glob per line, relative to the workspace (absolute paths work too).
 * A line starting with `!` excludes what it matches from every other line. Each line must match at
 * least one file; matches are sorted per line and listed once, in the order of the lines.
 *
 * Globbing is @actions/glob (`*`, `?`, `[…]`, `**`). It roots relative patterns at the process's
 * working folder and refuses `..`, so the literal part of each pattern (the folders before the first
 * wildcard) is resolved against the workspace here and escaped.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import * as glob from '@actions/glob';
import { messageOf, UsageError } from '../errors.js';

const WILDCARD = /[*?[]/;

/** Escapes a literal path for @actions/glob, whose escape character on POSIX is `\`. */
export function escapeGlob(literal: string): string {
  return literal.replace(/\\/g, '\\\\').replace(/\[/g, '[[]').replace(/\?/g, '[?]').replace(/\*/g, '[*]');
}

/** An absolute, escaped pattern: the literal folders before the first wildcard resolved against `root`. */
export function rootPattern(pattern: string, root: string): string {
  const segments = pattern.split(/\/+/);
  const firstWild = segments.findIndex((segment) => WILDCARD.test(segment));
  if (firstWild === -1) return escapeGlob(path.resolve(root, pattern));
  const prefix = segments.slice(0, firstWild).join('/');
  const literal = path.resolve(root, prefix === '' && pattern.startsWith('/') ? '/' : prefix || '.');
  return [escapeGlob(literal).replace(/\/$/, ''), ...segments.slice(firstWild)].join('/');
}

async function kindOf(file: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    const info = await stat(file);
    return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'missing';
  } catch {
    return 'missing';
  }
}

async function matchFiles(patterns: readonly string[]): Promise<string[]> {
  const globber = await glob.create(patterns.join('\n'), {
    matchDirectories: false,
    implicitDescendants: false,
    followSymbolicLinks: true,
  });
  return (await globber.glob()).sort();
}

/**
 * Expands the lines of the `video` input into absolute file paths. `name` is how the input is shown
 * in messages (`input "video"`).
 */
export async function expandVideoPaths(lines: readonly string[], workspace: string, name: string): Promise<string[]> {
  const includes = lines.filter((line) => !line.startsWith('!'));
  const excludes = lines
    .filter((line) => line.startsWith('!'))
    .map((line) => line.replace(/^!+/, '').trim())
    .filter((line) => line !== '');
  const found: string[] = [];
  for (const line of includes) {
    const literal = path.resolve(workspace, line);
    const kind = await kindOf(literal);
    if (kind !== 'file' && !WILDCARD.test(line)) {
      const why = kind === 'folder' ? 'is a folder (give the video files, or a glob such as "videos/*.mp4")' : 'does not exist';
      throw new UsageError(`Expected a video file or a glob for ${name} but "${line}" ${why} in the workspace ${workspace}`);
    }
    let matches: string[];
    try {
      const include = kind === 'file' ? escapeGlob(literal) : rootPattern(line, workspace);
      matches = await matchFiles([include, ...excludes.map((e) => `!${rootPattern(e, workspace)}`)]);
    } catch (error) {
      throw new UsageError(`Expected a video file or a glob for ${name} but "${line}" cannot be used: ${messageOf(error)}`);
    }
    if (matches.length === 0) {
      const excluded = excludes.length > 0 ? ' (after the "!" exclusions)' : '';
      throw new UsageError(`Expected a video file or a glob for ${name} but "${line}" matches no file${excluded} in the workspace ${workspace}`);
    }
    found.push(...matches);
  }
  return [...new Set(found)];
}
