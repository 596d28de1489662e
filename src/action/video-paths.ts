/**
 * The `video` input: one path or glob per line, relative to the workspace (absolute paths work too).
 * A line starting with `!` excludes what it matches from every other line. Each line must match at
 * least one file; matches are sorted per line and listed once, in the order of the lines.
 *
 * Globbing is @actions/glob (`*`, `?`, `[…]`, `**`). It roots relative patterns at the process's
 * working folder and refuses `..`, so the literal part of each pattern (the folders before the first
 * wildcard) is resolved against the workspace here and escaped. Before anything is searched, that
 * literal part must resolve (real path) inside the workspace, so `../*`, `/**` or a symlinked folder
 * pointing out never crawl the container; symlinked folders are not followed while searching, and
 * every match's real path must be inside the workspace too (see workspace-paths.ts).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import * as glob from '@actions/glob';

import { messageOf, UsageError } from '../errors.js';
import { realPathOrAncestor, requireInsideWorkspace } from './workspace-paths.js';

const WILDCARD = /[*?[]/;

/** Escapes a literal path for @actions/glob, whose escape character on POSIX is `\`. */
export function escapeGlob(literal: string): string {
  return literal.replace(/\\/g, '\\\\').replace(/\[/g, '[[]').replace(/\?/g, '[?]').replace(/\*/g, '[*]');
}

/** The literal folders of `pattern` before its first wildcard (the whole path without one), resolved against `root`. */
export function literalPart(pattern: string, root: string): { literal: string; rest: string[] } {
  const segments = pattern.split(/\/+/);
  const firstWild = segments.findIndex((segment) => WILDCARD.test(segment));
  if (firstWild === -1) return { literal: path.resolve(root, pattern), rest: [] };
  const prefix = segments.slice(0, firstWild).join('/');
  return { literal: path.resolve(root, prefix === '' && pattern.startsWith('/') ? '/' : prefix || '.'), rest: segments.slice(firstWild) };
}

/** An absolute, escaped pattern: the literal folders before the first wildcard resolved against `root`. */
export function rootPattern(pattern: string, root: string): string {
  const { literal, rest } = literalPart(pattern, root);
  return [escapeGlob(literal).replace(/\/$/, ''), ...rest].join('/');
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
    // A symlinked folder is not searched (it may point anywhere); a symlinked file is matched and its
    // target checked like any other match.
    followSymbolicLinks: false,
  });
  return (await globber.glob()).sort();
}

/**
 * Expands the lines of the `video` input into absolute file paths. `name` is how the input is shown
 * in messages (`input "video"`); `workspaceReal` is the workspace's real path (every line and match
 * must be inside it).
 */
export async function expandVideoPaths(lines: readonly string[], workspace: string, name: string, workspaceReal: string): Promise<string[]> {
  const includes = lines.filter((line) => !line.startsWith('!'));
  const excludes = lines
    .filter((line) => line.startsWith('!'))
    .map((line) => line.replace(/^!+/, '').trim())
    .filter((line) => line !== '');
  const found: string[] = [];
  for (const line of includes) {
    // Judged before anything is read: the folders a glob would search, or the file itself.
    const searched = literalPart(line, workspace).literal;
    await requireInsideWorkspace(searched, line, name, workspaceReal);
    // The search starts from the real folder: a symlinked folder is not followed by the glob itself.
    const root = WILDCARD.test(line) ? await realPathOrAncestor(searched) : searched;
    const literal = path.resolve(workspace, line);
    const kind = await kindOf(literal);
    if (kind !== 'file' && !WILDCARD.test(line)) {
      const why = kind === 'folder' ? 'is a folder (give the video files, or a glob such as "videos/*.mp4")' : 'does not exist';
      throw new UsageError(`Expected a video file or a glob for ${name} but "${line}" ${why} in the workspace ${workspace}`);
    }
    let matches: string[];
    try {
      const include = kind === 'file' ? escapeGlob(literal) : [escapeGlob(root).replace(/\/$/, ''), ...literalPart(line, workspace).rest].join('/');
      matches = await matchFiles([include, ...excludes.map((e) => `!${rootPattern(e, workspace)}`)]);
    } catch (error) {
      throw new UsageError(`Expected a video file or a glob for ${name} but "${line}" cannot be used: ${messageOf(error)}`);
    }
    if (matches.length === 0) {
      const excluded = excludes.length > 0 ? ' (after the "!" exclusions)' : '';
      throw new UsageError(`Expected a video file or a glob for ${name} but "${line}" matches no file${excluded} in the workspace ${workspace}`);
    }
    for (const match of matches) await requireInsideWorkspace(match, path.relative(workspace, match) || match, name, workspaceReal);
    found.push(...matches);
  }
  return [...new Set(found)];
}
