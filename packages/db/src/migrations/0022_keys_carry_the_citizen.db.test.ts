/**
 * The production upgrade path of migration 0022: a database of the release before it,
 * with letters, attachments, an appointment and jobs, takes the migration, and what
 * was there is keyed by the citizen, filed in the identifier directory and queued
 * under its citizen — and the rules still hold on the rows that were there.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { migrateToLatest } from '../migrate.ts';
import { migrations } from './index.ts';
import { appendMessage } from '../repositories/append-message.ts';
import { sampleLetter } from '../testing/sample-rows.ts';
import { jobWithoutCitizen } from '../queue/job-queue.ts';
import { identifiedItem } from '../repositories/sender-identifiers.ts';

const thisMigration = '0022_keys_carry_the_citizen';
const releaseBefore = Object.keys(migrations)
  .sort()
  .filter((name) => name < thisMigration)
  .at(-1)!;

const at = '2026-03-20T09:00:00Z';

/** A letter with an attachment, an appointment it is about, its delivery attempt and event, and its job, written as the release before wrote them. */
async function oldRelease(db: Kysely<unknown>) {
  const organizationId = randomUUID();
  const citizenId = randomUUID();
  const messageId = randomUUID();
  const appointmentId = randomUUID();
  await sql`insert into organization (id, org_number, name, kind) values (${organizationId}, '974633574', 'Sykehuset', 'hospital')`.execute(db);
  await sql`insert into citizen (id, national_id, name) values (${citizenId}, '01810112345', 'Kari')`.execute(db);
  await sql`
    insert into thread (id, citizen_id, organization_id, category, subject, sender_name, last_activity_at)
    values (${messageId}, ${citizenId}, ${organizationId}, 'hospital', 'Innkalling', 'Sykehuset', ${at})`.execute(db);
  await sql`
    insert into message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, identifier_system, identifier_value, sent_at)
    values (${messageId}, ${citizenId}, ${messageId}, ${organizationId}, 'to-citizen', 'letter', 'Innkalling', 'Sykehuset', 'urn:test:letters', 'brev-1', ${at})`.execute(db);
  await sql`
    insert into attachment (id, citizen_id, message_id, position, title, content_type, size, sha256, data)
    values (${randomUUID()}, ${citizenId}, ${messageId}, 0, 'Epikrise', 'application/pdf', 3, 'x', '\\x010203')`.execute(db);
  await sql`
    insert into appointment (id, citizen_id, organization_id, identifier_system, identifier_value, status, start_at, end_at, kind, care_area, created_at, updated_at)
    values (${appointmentId}, ${citizenId}, ${organizationId}, 'urn:test:appointments', 'time-1', 'booked', '2026-04-01T08:00:00Z', '2026-04-01T08:30:00Z', 'in-person', 'somatic', ${at}, ${at})`.execute(db);
  await sql`
    insert into appointment_message (citizen_id, message_id, appointment_id, role, created_at)
    values (${citizenId}, ${messageId}, ${appointmentId}, 'letter', ${at})`.execute(db);
  await sql`
    insert into delivery_attempt (citizen_id, message_id, channel, state, created_at, updated_at)
    values (${citizenId}, ${messageId}, 'inbox', 'queued', ${at}, ${at})`.execute(db);
  await sql`insert into delivery_event (citizen_id, message_id, channel, state, at) values (${citizenId}, ${messageId}, 'inbox', 'queued', ${at})`.execute(db);
  await sql`insert into job (kind, payload) values ('deliver-letter', ${JSON.stringify({ messageId, citizenId })}::jsonb)`.execute(db);
  await sql`insert into job (kind, payload) values ('housekeeping', '{}'::jsonb)`.execute(db);
  return { organizationId, citizenId, messageId, appointmentId };
}

describe.each(testDatabaseKinds())('Migration 0022 on a database with letters, on %s', (kind) => {
  let database: TestDatabase;
  let before: Awaited<ReturnType<typeof oldRelease>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { upTo: releaseBefore });
    before = await oldRelease(database.db as Kysely<unknown>);
    await migrateToLatest(database.db as Kysely<unknown>);
  });
  afterAll(async () => database?.drop());

  test('files each job under the citizen its payload names, and a job about no citizen under the reserved id', async () => {
    const jobs = await database.db.selectFrom('job').select(['kind', 'citizen_id']).orderBy('id').execute();
    expect(jobs).toEqual([
      { kind: 'deliver-letter', citizen_id: before.citizenId },
      { kind: 'housekeeping', citizen_id: jobWithoutCitizen },
    ]);
  });

  test("files the letters' and appointments' identifiers in the directory, naming the citizen and the item", async () => {
    const db = database.db as Kysely<Database>;
    expect(await identifiedItem(db, { organizationId: before.organizationId, kind: 'message', system: 'urn:test:letters', value: 'brev-1' })).toEqual({
      citizenId: before.citizenId,
      itemId: before.messageId,
    });
    expect(await identifiedItem(db, { organizationId: before.organizationId, kind: 'appointment', system: 'urn:test:appointments', value: 'time-1' })).toEqual({
      citizenId: before.citizenId,
      itemId: before.appointmentId,
    });
  });

  test('refuses a second letter under an identifier that was there before the upgrade', async () => {
    const letter = sampleLetter(before.organizationId, { identifier: { system: 'urn:test:letters', value: 'brev-1' } });
    await expect(appendMessage(database.db, before.citizenId, { starts: { category: 'hospital', senderName: 'Sykehuset' } }, letter)).rejects.toMatchObject({ code: '23505' });
  });

  test("keeps the old rows' links, now checked with the citizen: a letter cannot point into another citizen's thread", async () => {
    const other = await database.db.insertInto('citizen').values({ national_id: '02820212345', name: 'Ola' }).returning('id').executeTakeFirstOrThrow();
    const letter = sampleLetter(before.organizationId);
    await expect(appendMessage(database.db, other.id, { joins: before.messageId }, letter)).rejects.toMatchObject({ code: '23503' });
    const attachments = await database.db.selectFrom('attachment').select('title').where('citizen_id', '=', before.citizenId).where('message_id', '=', before.messageId).execute();
    expect(attachments).toEqual([{ title: 'Epikrise' }]);
  });
});
