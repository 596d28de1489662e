import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { sha256File } from '../../../src/model/sha256.js';

describe('sha256File', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sha256-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test.each([
    ['an empty file', 0],
    ['one byte', 1],
    ['exactly one read', 1 << 20],
    ['several reads and a short last one', (5 << 20) / 2 + 7],
  ])('hashes %s as the whole content would', async (_, size) => {
    const bytes = randomBytes(size);
    const file = path.join(dir, `f-${size}`);
    await writeFile(file, bytes);
    expect(await sha256File(file)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  test('rejects a missing file', async () => {
    await expect(sha256File(path.join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
