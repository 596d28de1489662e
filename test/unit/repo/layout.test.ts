/**
 * The layout a reader finds stages by (docs/architecture.md): no folder of src/ holds more than 20
 * files directly, and test/unit/ mirrors src/ (every unit-test folder names a folder of src/, or is
 * one of the few that test the repository itself); docs/architecture.md's tree lists every module.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';

/** Every folder below `root` (itself included), relative to it. */
async function folders(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return ['', ...entries.filter((e) => e.isDirectory()).map((e) => path.relative(root, path.join(e.parentPath, e.name)))];
}

/** Folders of test/unit/ that test the repository or the test tools rather than a folder of src/. */
const NOT_MIRRORS = new Set(['repo', 'bench', 'walkthrough', 'support']);

describe('the layout', () => {
  test('no folder of src/ holds more than 20 files directly', async () => {
    const crowded: string[] = [];
    for (const folder of await folders('src')) {
      const files = (await readdir(path.join('src', folder), { withFileTypes: true })).filter((e) => e.isFile());
      if (files.length > 20) crowded.push(`src/${folder} (${files.length})`);
    }
    expect(crowded).toEqual([]);
  });

  test('every folder of test/unit/ mirrors a folder of src/', async () => {
    const source = new Set(await folders('src'));
    const strays = (await folders('test/unit')).filter((folder) => folder !== '' && !NOT_MIRRORS.has(folder.split(path.sep)[0]!) && !source.has(folder));
    expect(strays).toEqual([]);
  });

  test("docs/architecture.md's tree lists every module of src/, and nothing else", async () => {
    const doc = await readFile('docs/architecture.md', 'utf8');
    const section = doc.slice(doc.indexOf('## The tree'), doc.indexOf('\n## ', doc.indexOf('## The tree') + 1));
    const listed: string[] = [];
    let folder = '';
    for (const line of section.split('\n')) {
      const heading = /^- `(src(?:\/[^`]*)?)\/`/.exec(line);
      if (heading) folder = heading[1]!;
      const file = /^ {2}- `([^`]+\.ts)`/.exec(line);
      if (file) listed.push(`${folder}/${file[1]}`);
    }
    const entries = await readdir('src', { recursive: true, withFileTypes: true });
    const actual = entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
    expect(listed.sort()).toEqual(actual.sort());
  });
});
