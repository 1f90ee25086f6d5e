/**
 * `npm run verify-access-log` against a real database: a whole chain passes (exit 0);
 * a row altered directly in the database, with the append-only trigger switched off
 * by the table's owner, is found and named (exit 1).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';

const run = promisify(execFile);
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'verify-access-log.ts');
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

async function writeRows(database: TestDatabase, count: number) {
  for (let index = 0; index < count; index++) {
    await sql`insert into access_log (at, staff_id, staff_name, service_id, service_name, citizen_id, object_type, object_id, thread_id)
      values (${new Date(Date.UTC(2026, 2, 4, 9, index))}, ${ids[0]}, 'Hanne Pleier', ${ids[1]}, 'Hjemmesykepleie, Drammen kommune', ${ids[2]}, 'thread', ${ids[2]}, ${ids[2]})`.execute(database.db);
  }
}

async function tamper(database: TestDatabase) {
  await sql`alter table access_log disable trigger access_log_append_only`.execute(database.db);
  await sql`update access_log set at = at - interval '1 hour' where seq = 2`.execute(database.db);
  await sql`alter table access_log enable trigger access_log_append_only`.execute(database.db);
}

async function verify(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe.each(testDatabaseKinds())('npm run verify-access-log on %s', (kind) => {
  it('passes a whole chain and names the row altered directly in the database', { timeout: 240_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-verify-'));
    try {
      const database = await createTestDatabase(kind, kind === 'pglite' ? { dataDir: path.join(dataDir, 'pgdata') } : {});
      const env = { INNBOKS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(database.url ? { DATABASE_URL: database.url } : {}) };
      await writeRows(database, 3);
      if (kind === 'postgres') {
        const whole = await verify(env);
        expect(whole.output).toContain('Access log OK: 3 rows');
        expect(whole.code).toBe(0);
      }
      await tamper(database);
      // PGlite is one process at a time: let go while the command runs. (Opening it on
      // disk is slow, so there only the broken chain is checked by the command; the
      // whole one is checked in municipal.db.test.ts.)
      if (kind === 'pglite') await database.close();
      const broken = await verify(env);
      expect(broken.code).toBe(1);
      expect(broken.output).toContain('row 2: the row was altered');
      if (kind === 'postgres') await database.drop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
