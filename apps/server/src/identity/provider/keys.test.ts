import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadIdentityKeys } from './keys.ts';

describe('identity keys', () => {
  const folders: string[] = [];
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  const tempDir = async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'innboks-keys-'));
    folders.push(folder);
    return folder;
  };

  it('makes RS256 and ES256 signing keys and a cookie key at first start, readable only by the owner', async () => {
    const dataDir = await tempDir();
    const keys = await loadIdentityKeys(dataDir);
    expect(keys.jwks.keys.map((key) => key.alg)).toEqual(['RS256', 'ES256']);
    expect(keys.jwks.keys.every((key) => key.kid && key.use === 'sig' && key.d)).toBe(true);
    expect(keys.cookieKeys).toHaveLength(1);
    for (const file of ['jwks.json', 'cookie-keys.json']) {
      expect((await stat(path.join(dataDir, 'identity', file))).mode & 0o777).toBe(0o600);
    }
    expect((await stat(path.join(dataDir, 'identity'))).mode & 0o777).toBe(0o700);
  });

  it('reuses the same keys on later starts, also when two start at once', async () => {
    const dataDir = await tempDir();
    const [first, second] = await Promise.all([loadIdentityKeys(dataDir), loadIdentityKeys(dataDir)]);
    expect(second).toEqual(first);
    expect(await loadIdentityKeys(dataDir)).toEqual(first);
    const onDisk = JSON.parse(await readFile(path.join(dataDir, 'identity', 'jwks.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual(first.jwks);
  });

  it('keeps keys only in memory without a data dir', async () => {
    const [first, second] = await Promise.all([loadIdentityKeys(undefined), loadIdentityKeys(undefined)]);
    expect(first.jwks.keys[0]?.kid).not.toBe(second.jwks.keys[0]?.kid);
  });
});
