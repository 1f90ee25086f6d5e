/** The delivery's status update only moves a letter's status forward (letterStatuses, @innboks/core). */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LetterStatus } from '@innboks/core';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { upsertCitizen } from '../repositories/citizens.ts';
import { appendMessage } from '../repositories/append-message.ts';
import { addHospital, sampleLetter } from '../testing/sample-rows.ts';
import { setMessageStatuses } from './plan-batch.ts';
import type { LetterRef } from './delivery-types.ts';

describe.each(testDatabaseKinds())('A letter status on %s', (kind) => {
  let database: TestDatabase;
  let organizationId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    organizationId = await addHospital(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const newLetter = async (): Promise<LetterRef> => {
    const citizenId = await upsertCitizen(database.db, '01810112345');
    const letter = sampleLetter(organizationId);
    await appendMessage(database.db, citizenId, { starts: { category: 'hospital', senderName: 'Sykehuset' } }, letter);
    return { citizenId, messageId: letter.id };
  };
  const setStatus = (letter: LetterRef, status: LetterStatus, at: Date) =>
    database.db.transaction().execute((tx) => setMessageStatuses(tx, [{ ...letter, status }], at));
  const stored = (letter: LetterRef) =>
    database.db.selectFrom('message').select(['status', 'updated_at']).where('citizen_id', '=', letter.citizenId).where('id', '=', letter.messageId).executeTakeFirstOrThrow();

  test('a letter in progress may become not-done, and a replay that delivers it after all makes it completed', async () => {
    const letter = await newLetter();
    expect((await stored(letter)).status).toBe('in-progress');
    await setStatus(letter, 'not-done', new Date('2026-03-20T10:00:00Z'));
    expect((await stored(letter)).status).toBe('not-done');
    await setStatus(letter, 'completed', new Date('2026-03-20T11:00:00Z'));
    expect(await stored(letter)).toEqual({ status: 'completed', updated_at: new Date('2026-03-20T11:00:00Z') });
  });

  test('an attempt to move a completed letter back leaves it unchanged, its time of change too', async () => {
    const letter = await newLetter();
    const completedAt = new Date('2026-03-20T10:00:00Z');
    await setStatus(letter, 'completed', completedAt);
    await setStatus(letter, 'not-done', new Date('2026-03-20T11:00:00Z'));
    await setStatus(letter, 'in-progress', new Date('2026-03-20T12:00:00Z'));
    expect(await stored(letter)).toEqual({ status: 'completed', updated_at: completedAt });
  });

  test('a batch moves its letters that may move and leaves the others as they are', async () => {
    const [done, fresh] = [await newLetter(), await newLetter()];
    await setStatus(done, 'completed', new Date('2026-03-20T10:00:00Z'));
    await database.db.transaction().execute((tx) =>
      setMessageStatuses(tx, [{ ...done, status: 'not-done' }, { ...fresh, status: 'not-done' }], new Date('2026-03-20T11:00:00Z')),
    );
    expect((await stored(done)).status).toBe('completed');
    expect((await stored(fresh)).status).toBe('not-done');
  });
});
