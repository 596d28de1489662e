/**
 * The licences of what ships: the production dependencies (`dependencies` and
 * `optionalDependencies`, with their whole installed tree) and the development dependencies that
 * src/ imports (ncc bundles them into dist/, so their code ships too), read from the installed
 * packages' package.json. Each licence must be named in docs/licences.md's "Licences of what ships" table.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';

interface PackageJson {
  name: string;
  version: string;
  license?: unknown;
  licenses?: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface Installed {
  name: string;
  version: string;
  /** The declared licence (an SPDX expression, or the package's own spelling); `UNKNOWN` when none is declared. */
  licence: string;
  /** The top-level package it was reached from. */
  root: string;
}

const ROOT = process.cwd();
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Node's lookup: `node_modules/<name>` in `from`, then in each folder above it. */
function packageDir(name: string, from: string): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** `license: "MIT"`, the legacy `license: {type}` or `licenses: [{type}, …]` (all of them apply). */
function licenceOf(pkg: PackageJson): string {
  const types = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(types);
    if (typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string') return [(value as { type: string }).type];
    return [];
  };
  const found = [...types(pkg.license), ...types(pkg.licenses)];
  if (found.length === 0) return 'UNKNOWN';
  return found.length === 1 ? found[0]! : found.map((t) => `(${t})`).join(' AND ');
}

/** Package names src/ imports that are development dependencies: bundled into dist/ by ncc. */
function bundledDevDependencies(): string[] {
  const dev = new Set(Object.keys(manifest.devDependencies ?? {}));
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        for (const match of readFileSync(file, 'utf8').matchAll(/^import .*? from '((?:@[^/']+\/)?[^/'.][^/']*)/gm)) {
          if (!match[0].startsWith('import type') && dev.has(match[1]!)) found.add(match[1]!);
        }
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  return [...found].sort();
}

/** Every installed package reachable from `roots` through dependencies and optional dependencies. */
function installedTree(roots: readonly string[]): { packages: Installed[]; missing: string[] } {
  const seen = new Map<string, Installed>();
  const missing: string[] = [];
  const stack = roots.map((name) => ({ name, from: ROOT, root: name, optional: Object.hasOwn(manifest.optionalDependencies ?? {}, name) }));
  while (stack.length > 0) {
    const { name, from, root, optional } = stack.pop()!;
    const dir = packageDir(name, from);
    if (dir === null) {
      // An optional dependency for another platform (e.g. sharp's darwin binaries) is not installed.
      if (!optional) missing.push(`${name} (needed under ${path.relative(ROOT, from) || 'the project'})`);
      continue;
    }
    if (seen.has(dir)) continue;
    const pkg = readPackage(dir);
    seen.set(dir, { name: pkg.name, version: pkg.version, licence: licenceOf(pkg), root });
    for (const dep of Object.keys(pkg.dependencies ?? {})) stack.push({ name: dep, from: dir, root, optional: false });
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) stack.push({ name: dep, from: dir, root, optional: true });
  }
  return { packages: [...seen.values()], missing };
}

/** Whether an SPDX-like expression is satisfied by the accepted licences (`OR`: one side, `AND`: both). */
function licenceAccepted(expression: string, accepted: ReadonlySet<string>): boolean {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const orExpr = (): boolean => {
    let value = andExpr();
    while (tokens[at] === 'OR') {
      at += 1;
      const right = andExpr();
      value = value || right;
    }
    return value;
  };
  const andExpr = (): boolean => {
    let value = atom();
    while (tokens[at] === 'AND') {
      at += 1;
      const right = atom();
      value = value && right;
    }
    return value;
  };
  const atom = (): boolean => {
    const token = tokens[at++];
    if (token === '(') {
      const value = orExpr();
      at += 1; // ')'
      return value;
    }
    return token !== undefined && accepted.has(token);
  };
  const value = orExpr();
  return value && at === tokens.length;
}

/** The first column of docs/licences.md's "Licences of what ships" table (a cell may name several: `GPL-3.0`, `GPLv3`). */
function documentedLicences(): Set<string> {
  const doc = readFileSync('docs/licences.md', 'utf8');
  const section = doc.split('\n## Licences of what ships\n')[1]?.split('\n#')[0] ?? '';
  const cells = [...section.matchAll(/^\| ([^|]+) \|/gm)].map((m) => m[1]!).filter((cell) => cell.includes('`'));
  return new Set(cells.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)));
}

const bundled = bundledDevDependencies();
const roots = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {}), ...bundled];
const tree = installedTree(roots);
const accepted = documentedLicences();

describe('licences of what ships', () => {
  test('the walk covers the production dependencies and the bundled @actions/* packages, all installed', () => {
    expect(bundled).toEqual(expect.arrayContaining(['@actions/artifact', '@actions/cache', '@actions/core', '@actions/glob']));
    expect(bundled.every((name) => name.startsWith('@actions/'))).toBe(true);
    expect(tree.missing).toEqual([]);
    const names = new Set(tree.packages.map((p) => p.name));
    for (const name of roots.filter((n) => !Object.hasOwn(manifest.optionalDependencies ?? {}, n))) expect(names).toContain(name);
    expect(tree.packages.length).toBeGreaterThan(100);
  });

  test('every licence is one docs/licences.md names', () => {
    const refused = tree.packages
      .filter((p) => !licenceAccepted(p.licence, accepted))
      .map((p) => `${p.name}@${p.version} (${p.licence}, under ${p.root})`)
      .sort();
    expect(refused).toEqual([]);
  });

  test('every licence docs/licences.md names is in use (the table does not rot)', () => {
    const used = new Set(tree.packages.flatMap((p) => p.licence.match(/[^\s()]+/g) ?? []));
    expect([...accepted].filter((licence) => !used.has(licence))).toEqual([]);
  });

  test('the check itself: OR needs one side, AND both; an unnamed licence is refused', () => {
    const names = new Set(['MIT', 'Apache-2.0', 'BSD-3-Clause']);
    expect(licenceAccepted('MIT', names)).toBe(true);
    expect(licenceAccepted('(MIT OR CC0-1.0)', names)).toBe(true);
    expect(licenceAccepted('(Apache-2.0 AND BSD-3-Clause)', names)).toBe(true);
    expect(licenceAccepted('(Apache-2.0 AND GPL-2.0-only)', names)).toBe(false);
    expect(licenceAccepted('SSPL-1.0', names)).toBe(false);
    expect(licenceAccepted('UNKNOWN', names)).toBe(false);
    expect(licenceAccepted('', names)).toBe(false);
  });
});
