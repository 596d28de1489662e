/**
 * The architecture diagram, drawn from the code as it is: every part of src/ (a folder, or a single
 * file beside them), its modules and lines, and the imports between parts read from the sources.
 * Rows follow the import direction (a part sits above everything it imports), so a wrong-way import
 * would show as an upward arrow.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { escapeHtml } from './slides.js';

export interface Part {
  name: string;
  modules: number;
  lines: number;
  imports: Set<string>;
}

/** The part a file of src/ belongs to: its folder, or its own name (`cli.ts` joins `cli`). */
function partOf(relative: string): string {
  const [first] = relative.split('/');
  return first!.replace(/\.ts$/, '');
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

export async function readLayout(srcDir: string): Promise<Map<string, Part>> {
  const parts = new Map<string, Part>();
  for (const file of (await files(srcDir)).sort()) {
    const relative = path.relative(srcDir, file).split(path.sep).join('/');
    const name = partOf(relative);
    const part = parts.get(name) ?? { name, modules: 0, lines: 0, imports: new Set<string>() };
    parts.set(name, part);
    const source = await readFile(file, 'utf8');
    part.modules += 1;
    part.lines += source.split('\n').length;
    for (const match of source.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = path
        .relative(srcDir, path.resolve(path.dirname(file), match[1]!))
        .split(path.sep)
        .join('/');
      if (target.startsWith('..')) continue;
      const other = partOf(target.replace(/\.js$/, '.ts'));
      if (other !== name) part.imports.add(other);
    }
  }
  return parts;
}

/** Row of each part: 0 for parts that import nothing, else one above the highest part they import. */
export function ranks(parts: ReadonlyMap<string, Part>): Map<string, number> {
  const rank = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (name: string): number => {
    const known = rank.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) throw new Error(`import cycle through src/${name}`);
    visiting.add(name);
    const imports = [...(parts.get(name)?.imports ?? [])].filter((n) => parts.has(n));
    const value = imports.length ? Math.max(...imports.map(visit)) + 1 : 0;
    visiting.delete(name);
    rank.set(name, value);
    return value;
  };
  for (const name of parts.keys()) visit(name);
  return rank;
}

export function layoutSvg(parts: ReadonlyMap<string, Part>, width = 760, height = 560): string {
  const rank = ranks(parts);
  const top = Math.max(...rank.values());
  const rows: string[][] = [];
  for (const [name, r] of [...rank].sort((a, b) => a[0].localeCompare(b[0]))) (rows[top - r] ??= []).push(name);
  const rowHeight = height / rows.length;
  const boxH = Math.min(58, rowHeight - 26);
  const pos = new Map<string, { x: number; y: number; w: number }>();
  rows.forEach((names, i) => {
    const w = Math.min(150, (width - 20) / names.length - 14);
    const total = names.length * w + (names.length - 1) * 14;
    names.forEach((name, j) => pos.set(name, { x: (width - total) / 2 + j * (w + 14), y: i * rowHeight + (rowHeight - boxH) / 2, w }));
  });
  const edges: string[] = [];
  for (const [name, part] of parts) {
    const from = pos.get(name)!;
    for (const target of part.imports) {
      const to = pos.get(target);
      if (!to) continue;
      const up = to.y < from.y;
      edges.push(
        `<line x1="${(from.x + from.w / 2).toFixed(1)}" y1="${(from.y + boxH).toFixed(1)}" x2="${(to.x + to.w / 2).toFixed(1)}" y2="${to.y.toFixed(1)}" stroke="${up ? '#d33' : '#9db3c8'}" stroke-width="1.2" marker-end="url(#arrow)"/>`,
      );
    }
  }
  const boxes = [...pos].map(([name, p]) => {
    const part = parts.get(name)!;
    return (
      `<g><rect x="${p.x.toFixed(1)}" y="${p.y.toFixed(1)}" width="${p.w.toFixed(1)}" height="${boxH}" rx="6" fill="#fff" stroke="#2f80c9" stroke-width="1.6"/>` +
      `<text x="${(p.x + p.w / 2).toFixed(1)}" y="${(p.y + boxH / 2 - 3).toFixed(1)}" text-anchor="middle" font-size="17" font-weight="700" fill="#1d2b3a">${escapeHtml(name)}</text>` +
      `<text x="${(p.x + p.w / 2).toFixed(1)}" y="${(p.y + boxH / 2 + 16).toFixed(1)}" text-anchor="middle" font-size="12" fill="#5a6b7d">${part.modules} modules · ${part.lines} lines</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="DejaVu Sans, Arial, sans-serif">` +
    `<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#9db3c8"/></marker></defs>` +
    `${edges.join('')}${boxes.join('')}</svg>`
  );
}
