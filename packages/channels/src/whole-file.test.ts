import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeWholeFile } from './whole-file.ts';

describe('A file written whole', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'innboks-whole-file-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  test('replaces the old content and leaves no temporary file beside it', async () => {
    const file = path.join(dir, 'demo.json');
    await writeFile(file, '{"old":true}');
    await writeWholeFile(file, '{"new":true}', { mode: 0o600 });
    expect(await readFile(file, 'utf8')).toBe('{"new":true}');
    expect(await readdir(dir)).toEqual(['demo.json']);
  });

  test('a write that fails leaves the old file as it was', async () => {
    const file = path.join(dir, 'parties.json');
    await writeFile(file, '[1]');
    // A directory stands where the file would go: the rename fails, and the temporary file is removed.
    await mkdir(path.join(dir, 'taken'));
    await expect(writeWholeFile(path.join(dir, 'taken'), '[2]')).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('[1]');
    expect((await readdir(dir)).sort()).toEqual(['parties.json', 'taken']);
  });
});
