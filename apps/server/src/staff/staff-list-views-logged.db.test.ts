/**
 * Staff lists show a citizen's name and subject: the service inbox and the answer to
 * a change (PATCH) are logged like opening the thread, in the same transaction, and
 * the citizen's "Logg over bruk" shows one visit, not one row per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { fixedClock, startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { csrfHeaders, loginAsCitizen, type CookieJar } from '../testing/cookie-jar.ts';
import { loginAsStaff, staffCsrfHeaders } from '../testing/staff-login.ts';
import { accessLogCount, hanne, lars, serviceId } from '../testing/municipal.ts';

describe.each(testDatabaseKinds())('staff list views in the access log on %s', (kind) => {
  const clock = fixedClock('2026-03-02T09:00:00+01:00');
  let server: TestServer;
  let larsJar: CookieJar;
  let hanneJar: CookieJar;
  let homeNursing: string;
  let threadId: string;
  const url = (path: string) => `${server.baseUrl}${path}`;
  const rowsFor = async (object: string) =>
    Number((await sql<{ count: number }>`select count(*) as count from access_log where thread_id = ${threadId} and object_type = ${object}`.execute(server.database.db)).rows[0]!.count);

  beforeAll(async () => {
    server = await startTestServer(kind, { clock });
    homeNursing = await serviceId(server.database.db, 'drammen-helse-omsorg', 'hjemmesykepleie');
    larsJar = await loginAsCitizen(server.baseUrl, lars.nationalId);
    hanneJar = await loginAsStaff(server.baseUrl, hanne.nationalId);
    const sent = await larsJar.fetch(url('/api/municipal/messages'), {
      method: 'POST',
      headers: csrfHeaders(larsJar),
      body: JSON.stringify({ serviceId: homeNursing, subject: 'Listet i innboksen', text: 'Hei' }),
    });
    threadId = ((await sent.json()) as { threadId: string }).threadId;
  });
  afterAll(async () => server?.close());

  it('the service inbox logs a row for each thread it shows', async () => {
    const before = await accessLogCount(server.database.db);
    const list = (await (await hanneJar.fetch(url(`/ansatt/api/services/${homeNursing}/threads`))).json()) as { threads: { id: string; citizenName: string }[] };
    expect(list.threads.map((thread) => thread.id)).toContain(threadId);
    expect(await accessLogCount(server.database.db)).toBe(before + list.threads.length);
    expect(await rowsFor('thread-summary')).toBe(1);
  });

  it('the answer to a PATCH logs the thread it shows', async () => {
    clock.advance(60_000);
    const changed = await hanneJar.fetch(url(`/ansatt/api/threads/${threadId}`), { method: 'PATCH', headers: staffCsrfHeaders(hanneJar), body: JSON.stringify({ assignedToMe: true }) });
    expect(changed.status).toBe(200);
    expect(await rowsFor('thread-summary')).toBe(2);
  });

  it('a list that cannot be logged is not shown', async () => {
    const db = server.database.db;
    await sql`alter table access_log add constraint access_log_test_failure check (false) not valid`.execute(db);
    try {
      const response = await hanneJar.fetch(url(`/ansatt/api/services/${homeNursing}/threads`));
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain('Listet i innboksen');
    } finally {
      await sql`alter table access_log drop constraint access_log_test_failure`.execute(db);
    }
  });

  it('"Logg over bruk" shows the listing, the change and the opening minutes apart as one visit', async () => {
    clock.advance(60_000);
    expect((await hanneJar.fetch(url(`/ansatt/api/threads/${threadId}`))).status).toBe(200);
    const log = (await (await larsJar.fetch(url('/api/municipal/access-log'))).json()) as { entries: { threadId: string; object: string; at: string }[] };
    const visits = log.entries.filter((entry) => entry.threadId === threadId);
    expect(visits).toEqual([expect.objectContaining({ object: 'thread', at: '2026-03-02T08:00:00.000Z', staffName: 'Hanne Pleier' })]);
  });
});
