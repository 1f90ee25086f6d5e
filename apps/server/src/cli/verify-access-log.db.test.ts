/**
 * `npm run verify-access-log` against a real database: a whole chain passes (exit 0);
 * a row altered directly in the database, with the append-only trigger switched off
 * by the table's owner, is found and named (exit 1); and so is a tail the owner
 * rewrote and chained again, which the chain alone would pass: its seals do not fit.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { accessLogRowHash, appendAccessLog } from '@innboks/db';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { loadConfig } from '../config.ts';
import { accessLogKey } from '../runtime.ts';

const run = promisify(execFile);
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'verify-access-log.ts');
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

async function writeRows(database: TestDatabase, dataDir: string, count: number) {
  const key = await accessLogKey(loadConfig({ INNBOKS_DATA_DIR: dataDir }));
  for (let index = 0; index < count; index++) {
    await database.db.transaction().execute((tx) =>
      appendAccessLog(tx, key, [
        {
          at: new Date(Date.UTC(2026, 2, 4, 9, index)),
          staff_id: ids[0]!,
          staff_name: 'Hanne Pleier',
          service_id: ids[1]!,
          service_name: 'Hjemmesykepleie, Drammen kommune',
          citizen_id: ids[2]!,
          object_type: 'thread',
          object_id: ids[2]!,
          thread_id: ids[2]!,
        },
      ]),
    );
  }
}

/** What the table's owner can do without the key: change the rows from `fromSeq` on and compute their chain again. */
async function rewriteTailAndChainAgain(database: TestDatabase, fromSeq: number) {
  const db = database.db;
  await sql`alter table access_log disable trigger access_log_append_only`.execute(db);
  await sql`alter table access_log_head disable trigger access_log_head_guard`.execute(db);
  const { rows } = await sql<Record<string, string>>`select seq::text as seq, ((extract(epoch from at) * 1000000)::bigint)::text as at_micros,
      staff_id::text as staff_id, service_id::text as service_id, service_name, citizen_id::text as citizen_id,
      object_type, object_id::text as object_id, thread_id::text as thread_id, prev_hash
    from access_log where seq >= ${fromSeq} order by seq`.execute(db);
  let prevHash = rows[0]!.prev_hash!;
  for (const row of rows) {
    const hash = accessLogRowHash({
      seq: row.seq!, atMicros: row.at_micros!, staffId: row.staff_id!, staffName: 'Noen andre', serviceId: row.service_id!,
      serviceName: row.service_name!, citizenId: row.citizen_id!, objectType: row.object_type!, objectId: row.object_id!, threadId: row.thread_id!, prevHash,
    });
    await sql`update access_log set staff_name = 'Noen andre', prev_hash = ${prevHash}, hash = ${hash} where seq = ${Number(row.seq)}`.execute(db);
    prevHash = hash;
  }
  await sql`update access_log_head set hash = ${prevHash}`.execute(db);
  await sql`alter table access_log_head enable trigger access_log_head_guard`.execute(db);
  await sql`alter table access_log enable trigger access_log_append_only`.execute(db);
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

/** A database and a data dir of its own (the key lives there), and what the command needs to find both. */
async function withLogDatabase(kind: 'pglite' | 'postgres', run: (database: TestDatabase, dataDir: string, env: Record<string, string>) => Promise<void>) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-verify-'));
  try {
    const database = await createTestDatabase(kind, kind === 'pglite' ? { dataDir: path.join(dataDir, 'pgdata') } : {});
    const env = { INNBOKS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(database.url ? { DATABASE_URL: database.url } : {}) };
    await run(database, dataDir, env);
    if (kind === 'postgres') await database.drop();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe.each(testDatabaseKinds())('npm run verify-access-log on %s', (kind) => {
  it('passes a whole chain and names the row altered directly in the database', { timeout: 240_000 }, () =>
    withLogDatabase(kind, async (database, dataDir, env) => {
      await writeRows(database, dataDir, 3);
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
    }));

  it('fails a tail the table owner rewrote and chained again: the seals, keyed outside the database, do not fit', { timeout: 240_000 }, () =>
    withLogDatabase(kind, async (database, dataDir, env) => {
      await writeRows(database, dataDir, 4);
      await rewriteTailAndChainAgain(database, 3);
      if (kind === 'pglite') await database.close();
      const broken = await verify(env);
      expect(broken.code).toBe(1);
      expect(broken.output).not.toContain('the row was altered');
      expect(broken.output).toContain('row 3: the seal does not fit');
      expect(broken.output).toContain('row 4: the seal does not fit');
    }));
});
