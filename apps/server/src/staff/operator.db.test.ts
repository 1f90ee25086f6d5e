/**
 * The operator's screen's API on a real server: an operator (demo: Oda Driftsvakt) sees
 * the charts, a letter's delivery timeline as the sender reads it, the dead letters and
 * their replay, and the audit log of it all; no operator answer carries a letter's
 * contents or who the citizen is; any other staff member finds no such routes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { demoCitizen, demoStaff } from '../demo/demo-data.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { loginAsStaff, staffCsrfHeaders } from '../testing/staff-login.ts';
import { loginAsCitizen, type CookieJar } from '../testing/cookie-jar.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { getFhir } from '../testing/fhir-client.ts';
import { freshNationalId } from '../testing/delivery-rig.ts';
import { minimalPdf } from '../demo/minimal-pdf.ts';
import { hanne } from '../testing/municipal.ts';

const oda = demoStaff.find((staff) => staff.operator)!;
/** Told by e-mail, which the quiet hours do not hold back, so a notice goes out whenever the test runs. */
const ola = demoCitizen('Ola Hansen');
/** Words only the letter itself holds: none may reach an operator. */
const secret = { subject: 'Tyttebærmoseprøven', text: 'Funnene viser rabarbrasyndrom', attachment: 'Molteskjema-rapport', department: 'Avdeling for lakrisallergi' };

/** PostgreSQL's percentile_cont: linear between the two nearest of the sorted values. */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  return sorted[below]! + (sorted[Math.min(below + 1, sorted.length - 1)]! - sorted[below]!) * (position - below);
}

describe.each(testDatabaseKinds())('the operator\'s screen on %s', (kind) => {
  let server: TestServer;
  let operator: CookieJar;
  let letterId: string;
  let identifier: { system: string; value: string };
  /** Every body an operator was answered with, for the scan at the end. */
  const answers: string[] = [];

  const call = async (jar: CookieJar, method: string, path: string, body?: unknown) => {
    const response = await jar.fetch(`${server.baseUrl}/ansatt/api/operator${path}`, {
      method,
      headers: staffCsrfHeaders(jar),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (jar === operator) answers.push(text);
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    const hospital = server.senders.find((sender) => sender.kind === 'hospital')!;
    const token = await server.tokenFor(hospital.clientId);
    const letter = communication(hospital, ola.nationalId, {
      sender: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: hospital.organizationNumber }, display: secret.department },
      topic: { text: secret.subject },
      payload: [
        { contentString: secret.text },
        { contentAttachment: { contentType: 'application/pdf', title: secret.attachment, data: Buffer.from(minimalPdf(['Vedlegg'])).toString('base64') } },
      ],
    });
    identifier = letter.identifier[0]!;
    const sent = await postLetter(server.baseUrl, token, letter);
    expect(sent.status).toBe(201);
    letterId = String(sent.body!.id);
    // Two letters to people no register knows: nothing can reach them, so each plan leaves a dead letter.
    for (const birthDate of ['1961-02-03', '1962-04-05']) {
      expect((await postLetter(server.baseUrl, token, communication(hospital, freshNationalId(birthDate)))).status).toBe(201);
    }
    await server.delivery.store.sampleQueue(server.clock.now());
    await server.worker.drain();
    operator = await loginAsStaff(server.baseUrl, oda.nationalId);
  }, 120_000);
  afterAll(async () => server?.close());

  test('the operator\'s session says so, and an operator sees letters per hour by channel, the queue and the dead letters for the last day', async () => {
    const session = (await (await operator.fetch(`${server.baseUrl}/ansatt/api/session`)).json()) as { staff: { operator: boolean } };
    expect(session.staff.operator).toBe(true);
    const { status, body } = await call(operator, 'GET', '/overview?hours=24');
    expect(status).toBe(200);
    const overview = body as Record<'lettersPerHour' | 'noticeHandOffP95' | 'queueDepth' | 'deadLetters', { hour: string; values: Record<string, number> }[]>;
    for (const series of Object.values(overview)) expect(series).toHaveLength(24);
    const thisHour = (series: { values: Record<string, number> }[]) => series.at(-1)!.values;
    expect(thisHour(overview.lettersPerHour).inbox).toBeGreaterThanOrEqual(1);
    // Sampled while the three letters' plans waited in the queue.
    expect(thisHour(overview.queueDepth).all).toBeGreaterThanOrEqual(3);
    expect(thisHour(overview.deadLetters)).toMatchObject({ open: 2, new: 2 });
    // The notice p95 of this hour is the notices' own: made to handed off, per channel.
    const sent = await server.database.db.selectFrom('notice').select(['channel', 'created_at', 'sent_at']).where('state', '=', 'sent').execute();
    expect(sent.length, 'a notice went out').toBeGreaterThan(0);
    for (const channel of new Set(sent.map((notice) => notice.channel))) {
      const seconds = sent.filter((notice) => notice.channel === channel).map((notice) => (notice.sent_at!.getTime() - notice.created_at.getTime()) / 1000);
      // The screen shows tenths of a second (0.05 rounds up), from times with microseconds where these have milliseconds.
      expect(Math.abs(thisHour(overview.noticeHandOffP95)[channel]! - percentile(seconds, 0.95))).toBeLessThanOrEqual(0.051);
    }
    const week = await call(operator, 'GET', '/overview?hours=168');
    expect((week.body.lettersPerHour as unknown[]).length).toBe(168);
    const wrong = await call(operator, 'GET', '/overview?hours=5');
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('hours');
  });

  test('a search by the sender\'s identifier or the letter id finds the letter, and its timeline is the delivery the sender reads over FHIR', async () => {
    const byIdentifier = await call(operator, 'POST', '/letters/search', { query: `${identifier.system}|${identifier.value}` });
    expect(byIdentifier.body.letters).toEqual([expect.objectContaining({ letterId, identifier })]);
    const byId = await call(operator, 'POST', '/letters/search', { query: letterId.toUpperCase() });
    expect(byId.body.letters).toEqual([expect.objectContaining({ letterId })]);
    const neither = await call(operator, 'POST', '/letters/search', { query: 'just some words' });
    expect(neither.status).toBe(400);
    expect(JSON.stringify(neither.body)).toContain('query');

    const { status, body } = await call(operator, 'GET', `/letters/${letterId}/timeline`);
    expect(status).toBe(200);
    const timeline = body as { status: string; citizenReference: string; steps: { step: string; channel: string | null; state: string | null; at: string }[] };
    expect(timeline.steps[0]!.step).toBe('received');
    expect(timeline.steps.map((step) => step.step)).toContain('planned');
    expect(timeline.citizenReference).toMatch(/^P-[0-9a-f]{12}$/);

    const fhir = await getFhir(server.baseUrl, await server.tokenFor(server.senders.find((sender) => sender.kind === 'hospital')!.clientId), `/fhir/R4/Communication/${letterId}`);
    const resource = fhir.body as unknown as { status: string; extension: { url: string; extension?: { url: string; extension: { url: string; valueCode?: string; valueInstant?: string }[] }[] }[] };
    expect(timeline.status).toBe(resource.status);
    const senderAttempts = resource.extension
      .find((extension) => extension.url === 'urn:innboks:extension:delivery')!
      .extension!.filter((part) => part.url === 'attempt')
      .map((part) => Object.fromEntries(part.extension.map((field) => [field.url, field.valueCode ?? field.valueInstant])));
    const operatorAttempts = timeline.steps.filter((step) => step.step === 'attempt').map((step) => ({ channel: step.channel, state: step.state, time: step.at }));
    expect(operatorAttempts).toEqual(senderAttempts.map(({ channel, state, time }) => ({ channel, state, time })));

    expect((await call(operator, 'GET', '/letters/00000000-0000-4000-8000-000000000000/timeline')).status).toBe(404);
  });

  test('dead letters are listed with step and cause; a replay queues the step again once, recorded in its own transaction, and a second replay of it does nothing', async () => {
    const { body } = await call(operator, 'GET', '/dead-letters');
    const dead = body.deadLetters as { id: string; step: string; cause: string; letterId: string; citizenReference: string }[];
    expect(dead).toHaveLength(2);
    expect(dead.map((entry) => [entry.step, entry.cause])).toEqual([
      ['plan', 'no-channel'],
      ['plan', 'no-channel'],
    ]);
    const jobsFor = async (messageId: string) =>
      (await server.database.db.selectFrom('job').select('id').where(sql<boolean>`payload->>'messageId' = ${messageId}`).execute()).length;
    for (const entry of dead) {
      expect((await call(operator, 'POST', `/dead-letters/${entry.id}/replay`)).status).toBe(200);
      expect((await call(operator, 'POST', `/dead-letters/${entry.id}/replay`)).status).toBe(404);
      expect(await jobsFor(entry.letterId)).toBe(1);
      // The replay and its audit row are one transaction (the same xmin): a replay that could not be recorded would not have happened.
      const replayTransaction = await sql<{ xmin: string }>`select xmin::text from dead_letter where id = ${Number(entry.id.slice(1))}`.execute(server.database.db);
      const auditTransaction = await sql<{ xmin: string }>`select xmin::text from operator_audit where action = 'replay' and object_ids = array[${entry.id}]::text[] and detail = 'queued again'`.execute(server.database.db);
      expect(auditTransaction.rows).toHaveLength(1);
      expect(auditTransaction.rows).toEqual(replayTransaction.rows);
    }
    expect((await call(operator, 'POST', '/dead-letters/replay-stopped', { replayed: [dead[0]!.id], left: [dead[1]!.id] })).status).toBe(200);
    expect(((await call(operator, 'GET', '/dead-letters')).body.deadLetters as unknown[]).length).toBe(0);
  });

  test('every operator call is in the audit log with who, what, when and which ids, and the log cannot be changed', async () => {
    await call(operator, 'GET', '/audit');
    // The second read shows the first: a read of the log is recorded with it, after it.
    const { body } = await call(operator, 'GET', '/audit');
    const entries = body.entries as { staffName: string; action: string; objectIds: string[]; at: string }[];
    expect(entries.every((entry) => entry.staffName === oda.name && !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of ['overview', 'search', 'timeline', 'dead-letters', 'replay', 'stop', 'audit-log']) expect(actions, action).toContain(action);
    expect(entries.some((entry) => entry.action === 'timeline' && entry.objectIds.includes(letterId))).toBe(true);
    expect(entries.filter((entry) => entry.action === 'search' && entry.objectIds.includes(letterId))).toHaveLength(2);
    expect(entries.filter((entry) => entry.action === 'replay' && entry.objectIds.length === 1)).toHaveLength(4);
    await expect(sql`update operator_audit set detail = 'changed'`.execute(server.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from operator_audit`.execute(server.database.db)).rejects.toThrow(/append-only/);
  });

  test('no operator answer holds the letter\'s subject, text, attachment title, department, or the citizen\'s name or national id', () => {
    expect(answers.length).toBeGreaterThan(10);
    const everything = answers.join('\n');
    for (const word of [...Object.values(secret), ola.name, ola.nationalId]) expect(everything, word).not.toContain(word);
  });

  test('a staff member who is not an operator, and a citizen, find no operator routes', async () => {
    const staff = await loginAsStaff(server.baseUrl, hanne.nationalId);
    const citizen = await loginAsCitizen(server.baseUrl, ola.nationalId);
    const before = (await server.database.db.selectFrom('operator_audit').select('id').execute()).length;
    for (const [method, path] of [
      ['GET', '/overview'],
      ['POST', '/letters/search'],
      ['GET', `/letters/${letterId}/timeline`],
      ['GET', '/dead-letters'],
      ['POST', '/dead-letters/d1/replay'],
      ['GET', '/audit'],
    ] as const) {
      expect((await call(staff, method, path, method === 'POST' ? { query: letterId } : undefined)).status, path).toBe(404);
      expect((await call(citizen, method, path, method === 'POST' ? { query: letterId } : undefined)).status, path).toBe(401);
    }
    expect((await server.database.db.selectFrom('operator_audit').select('id').execute()).length).toBe(before);
  });

  test('the queue is sampled once per five minutes however many workers write it', async () => {
    const now = server.clock.now();
    await server.delivery.store.sampleQueue(now);
    await server.delivery.store.sampleQueue(now);
    const rows = await server.database.db.selectFrom('queue_sample').select(['sampled_at', 'kind']).where('kind', '=', 'all').execute();
    expect(new Set(rows.map((row) => row.sampled_at.toISOString())).size).toBe(rows.length);
  });
});
