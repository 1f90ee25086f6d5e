/**
 * `npm run backup` and `npm run restore`, proved on data a real server made: letters
 * with attachments, their deliveries, staff reads in the sealed access log. Restored
 * into a fresh database, every row is there as it was (attachments byte for byte),
 * and `verify-access-log` passes with the deployment's key.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@innboks/db';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds, withAdmin } from '../testing/test-database.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { csrfHeaders, loginAsCitizen } from '../testing/cookie-jar.ts';
import { loginAsStaff } from '../testing/staff-login.ts';
import { accessLogCount, dataFingerprint, hanne, lars, serviceId } from '../testing/municipal.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The npm scripts' own command lines (package.json), run with the given environment. */
const npmScript = (name: 'backup' | 'restore' | 'verify-access-log', args: string[], env: Record<string, string>) => {
  const script = name === 'verify-access-log' ? ['apps/server/src/cli/verify-access-log.ts'] : ['apps/server/src/cli/backup.ts', name];
  return run(process.execPath, ['--import', 'tsx', ...script, ...args], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
};

describe.each(testDatabaseKinds())('Backup and restore on %s', (kind) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  });

  test('letters, deliveries and staff reads come back from a backup into a fresh database, attachments byte for byte, and the access log verifies', async () => {
    const server: TestServer = await startTestServer(kind, { embeddedOnDisk: true, env: { NOTICE_QUIET_HOURS: 'off' } });
    cleanup.push(() => rm(server.dataDir, { recursive: true, force: true }));
    if (kind === 'postgres') cleanup.push(() => server.close());
    const sender = server.senders.find((candidate) => candidate.kind === 'hospital')!;
    const token = await server.tokenFor(sender.clientId);
    for (let index = 0; index < 5; index++) expect((await postLetter(server.baseUrl, token, communication(sender, server.citizens[0]!.nationalId))).status).toBe(201);
    await server.worker.drain();
    // A staff member reads a citizen's message: rows in the sealed access log.
    const homeNursing = await serviceId(server.database.db, 'drammen-helse-omsorg', 'hjemmesykepleie');
    const larsJar = await loginAsCitizen(server.baseUrl, lars.nationalId);
    const sent = await larsJar.fetch(`${server.baseUrl}/api/municipal/messages`, { method: 'POST', headers: csrfHeaders(larsJar), body: JSON.stringify({ serviceId: homeNursing, subject: 'Til sikkerhetskopien', text: 'Hei' }) });
    const { threadId } = (await sent.json()) as { threadId: string };
    const hanneJar = await loginAsStaff(server.baseUrl, hanne.nationalId);
    expect((await hanneJar.fetch(`${server.baseUrl}/ansatt/api/threads/${threadId}`)).status).toBe(200);
    expect(await accessLogCount(server.database.db)).toBeGreaterThan(0);

    const db = server.database.db;
    const letters = await db.selectFrom('message').select('id').execute();
    const attachments = await db.selectFrom('attachment').select(['id', 'data']).orderBy('id').execute();
    const deliveries = await db.selectFrom('delivery_attempt').select('id').where('state', '=', 'delivered').execute();
    expect({ letters: letters.length > 5, attachments: attachments.length >= 5, deliveries: deliveries.length >= 5 }).toEqual({ letters: true, attachments: true, deliveries: true });
    const fingerprint = await dataFingerprint(db);

    const backupDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-backup-'));
    cleanup.push(() => rm(backupDir, { recursive: true, force: true }));
    const file = path.join(backupDir, 'innboks.backup');
    if (kind === 'pglite') {
      // The embedded database is one process: the server stops before the backup.
      await server.app.close();
      await server.worker.stop();
      await server.database.close();
    }
    await npmScript('backup', [file], { DATABASE_URL: server.database.url ?? '', INNBOKS_DATA_DIR: server.dataDir });

    let restored: DatabaseHandle;
    const restoreEnv: Record<string, string> = { ACCESS_LOG_KEY: server.accessLogKey };
    if (kind === 'postgres') {
      const adminUrl = process.env.TEST_DATABASE_URL!;
      const name = `innboks_restored_${Date.now()}`;
      await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
      cleanup.push(() => withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      Object.assign(restoreEnv, { DATABASE_URL: url.toString(), INNBOKS_DATA_DIR: backupDir });
      await npmScript('restore', [file], restoreEnv);
      restored = await openDatabase({ url: url.toString(), poolSize: 2 });
    } else {
      const freshDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-restored-'));
      cleanup.push(() => rm(freshDir, { recursive: true, force: true }));
      Object.assign(restoreEnv, { DATABASE_URL: '', INNBOKS_DATA_DIR: freshDir });
      await npmScript('restore', [file], restoreEnv);
      restored = await openDatabase({ dataDir: path.join(freshDir, 'pgdata') });
    }
    try {
      expect(await dataFingerprint(restored.db)).toBe(fingerprint);
      const restoredAttachments = await restored.db.selectFrom('attachment').select(['id', 'data']).orderBy('id').execute();
      expect(restoredAttachments.length).toBe(attachments.length);
      restoredAttachments.forEach((row, index) => expect(Buffer.compare(row.data, attachments[index]!.data)).toBe(0));
    } finally {
      await restored.close();
    }
    const verified = await npmScript('verify-access-log', [], restoreEnv);
    expect(verified.stdout).toMatch(/^Access log OK: \d+ rows/);

    // A restore never goes into live data.
    await expect(npmScript('restore', [file], restoreEnv)).rejects.toMatchObject({ stderr: expect.stringMatching(/restore failed: .*(not empty|has tables)/) });
  }, 240_000);
});
