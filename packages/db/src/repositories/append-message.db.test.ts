/** What appending a message does to its thread, the same for every writer (append-message.ts). */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { upsertCitizen } from './citizens.ts';
import { addHospital, sampleLetter } from '../testing/sample-rows.ts';
import { appendMessage, type MessageToAppend, type ThreadOfMessage } from './append-message.ts';

describe.each(testDatabaseKinds())('Appending a message on %s', (kind) => {
  let database: TestDatabase;
  let organizationId: string;
  let citizenId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    organizationId = await addHospital(database.db);
    citizenId = await upsertCitizen(database.db, '01810112345');
  });
  afterAll(async () => {
    await database?.drop();
  });

  const append = async (thread: ThreadOfMessage, facts: Partial<MessageToAppend> = {}) => {
    const message = sampleLetter(organizationId, facts);
    await appendMessage(database.db, citizenId, thread, message);
    return message.id;
  };
  /** A letter starting a thread; the thread has the letter's id. */
  const startLetter = () => append({ starts: { category: 'hospital', senderName: 'Sykehuset' } });
  const thread = (id: string) =>
    database.db
      .selectFrom('thread')
      .select(['unread', 'archived', 'has_attachments', 'message_count', 'last_activity_at', 'search'])
      .where('citizen_id', '=', citizenId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const status = async (messageId: string) =>
    (await database.db.selectFrom('message').select('status').where('citizen_id', '=', citizenId).where('id', '=', messageId).executeTakeFirstOrThrow()).status;

  test('a letter that starts a thread makes it unread, with the letter’s words, under the letter’s id', async () => {
    const letter = await startLetter();
    const started = await thread(letter);
    expect(started).toMatchObject({ unread: true, archived: false, has_attachments: false, message_count: 1, last_activity_at: new Date('2026-03-20T09:00:00Z') });
    expect(started.search).toContain('hjertepoliklinikk');
    expect(await status(letter)).toBe('in-progress');
  });

  test('a citizen’s reply brings a read, archived thread back without making it unread', async () => {
    const letter = await startLetter();
    await database.db.updateTable('thread').set({ unread: false, archived: true }).where('citizen_id', '=', citizenId).where('id', '=', letter).execute();
    const at = new Date('2026-03-21T09:00:00Z');
    const reply = await append({ joins: letter }, { direction: 'from-citizen', kind: 'message', subject: 'Flytte timen', textParts: ['Kan jeg flytte timen?'], sentAt: at });
    const joined = await thread(letter);
    expect(joined).toMatchObject({ unread: false, archived: false, has_attachments: false, message_count: 2, last_activity_at: at });
    expect(joined.search).toContain('flytt');
    expect(await status(reply)).toBe('completed');
  });

  test('an answer with attachments makes the thread unread and gives it attachments', async () => {
    const letter = await startLetter();
    await database.db.updateTable('thread').set({ unread: false }).where('citizen_id', '=', citizenId).where('id', '=', letter).execute();
    await append({ joins: letter }, { hasAttachments: true, sentAt: new Date('2026-03-22T09:00:00Z') });
    expect(await thread(letter)).toMatchObject({ unread: true, has_attachments: true, message_count: 2 });
  });

  test('a citizen’s message that starts a thread leaves it read, under the thread id given', async () => {
    const threadId = randomUUID();
    await append({ starts: { id: threadId, category: 'hospital', senderName: 'Sykehuset' } }, { direction: 'from-citizen', kind: 'message', sentAt: new Date('2026-03-20T09:00:00Z') });
    expect(await thread(threadId)).toMatchObject({ unread: false, message_count: 1 });
  });
});
