/**
 * Key material of the embedded identity provider: a signing JWKS (RS256 first, for
 * ID tokens and access tokens, plus an ES256 key) and cookie signing keys. Made at
 * first start and kept under `<dataDir>/identity/` (folder 0700, files 0600) so tokens
 * and sessions stay valid across restarts and processes; in memory without a data dir.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface IdentityKeys {
  /** Private signing keys, each with `kid`, `alg` and `use: 'sig'`. */
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

async function signingKey(alg: 'RS256' | 'ES256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'RS256' ? { modulusLength: 2048 } : {}) });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg, use: 'sig' };
}

export async function generateIdentityKeys(): Promise<IdentityKeys> {
  return {
    jwks: { keys: [await signingKey('RS256'), await signingKey('ES256')] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

/**
 * Writes `file` only if it does not exist yet (atomic: temp file + link), so two
 * processes starting at once end up with the same keys. Returns what is on disk.
 */
async function readOrCreate<T>(file: string, create: () => Promise<T>): Promise<T> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const value = await create();
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(value, null, 2), { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await fs.rm(temporary, { force: true });
  }
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

export async function loadIdentityKeys(dataDir: string | undefined): Promise<IdentityKeys> {
  if (dataDir === undefined) return generateIdentityKeys();
  const folder = path.join(dataDir, 'identity');
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  const jwks = await readOrCreate(path.join(folder, 'jwks.json'), async () => (await generateIdentityKeys()).jwks);
  const cookieKeys = await readOrCreate(path.join(folder, 'cookie-keys.json'), async () => [randomBytes(32).toString('base64url')]);
  if (!Array.isArray(jwks.keys) || jwks.keys.length === 0 || !Array.isArray(cookieKeys) || cookieKeys.length === 0) {
    throw new Error(`Identity keys under ${folder} are unreadable; move the folder away to make new ones.`);
  }
  return { jwks, cookieKeys };
}
