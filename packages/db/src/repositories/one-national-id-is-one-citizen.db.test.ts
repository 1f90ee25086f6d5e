/**
 * A national id names one citizen, kept by the directory `citizen_by_national_id`
 * (migration 0025) rather than a unique key of `citizen`: first letters sent at the same
 * moment to a citizen not yet known make one citizen with both letters, and every other
 * writer that makes citizens by national id finds that same citizen.
 */
import type { IncomingLetter } from '@innboks/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { addHospital, sampleIncomingLetter } from '../testing/sample-rows.ts';
import { CitizenSessionStore } from '../sessions/citizen-sessions.ts';
import { Representations } from '../representation/representations.ts';
import { noticeHolders } from '../delivery/letter-reads.ts';
import { Directory } from './directory.ts';
import { upsertCitizen } from './citizens.ts';
import { openSenderRepository, type SenderRepository } from './sender-repository.ts';

const respond = () => ({ statusCode: 201, location: '', body: {} });

describe.each(testDatabaseKinds())('One citizen per national id on %s', (kind) => {
  let database: TestDatabase;
  let sender: SenderRepository;
  let serial = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await addHospital(database.db);
    sender = (await openSenderRepository(database.db, { clientId: 'sykehuset', organizationNumber: '974633574' }))!;
  });
  afterAll(async () => database?.drop());

  const letterTo = (nationalId: string): IncomingLetter => sampleIncomingLetter(nationalId, { identifier: { system: 'urn:test:letters', value: `letter-${++serial}` } });
  const send = async (nationalId: string) => {
    const outcome = await sender.createLetter(letterTo(nationalId), new Date(), undefined, respond);
    if (outcome.outcome !== 'created') throw new Error(`the letter was not created: ${outcome.outcome}`);
    return outcome.letter;
  };
  const citizensNamed = (nationalId: string) => database.db.selectFrom('citizen').select('id').where('national_id', '=', nationalId).execute();
  const directoryRows = (nationalId: string) => database.db.selectFrom('citizen_by_national_id').select('citizen_id').where('national_id', '=', nationalId).execute();
  const lettersOf = (citizenId: string) => database.db.selectFrom('message').select('id').where('citizen_id', '=', citizenId).execute();

  test('two first letters sent at the same moment to a new national id make one citizen with both letters', async () => {
    for (const nationalId of ['01817012345', '02817012345', '03817012345', '04817012345', '05817012345']) {
      const [first, second] = await Promise.all([send(nationalId), send(nationalId)]);
      expect(second.message.citizen_id).toBe(first.message.citizen_id);
      expect(await citizensNamed(nationalId)).toEqual([{ id: first.message.citizen_id }]);
      expect(await directoryRows(nationalId)).toEqual([{ citizen_id: first.message.citizen_id }]);
      expect((await lettersOf(first.message.citizen_id)).map((row) => row.id).sort()).toEqual([first.message.id, second.message.id].sort());
    }
  });

  // Two transactions open at once: PGlite is one connection, so this case is PostgreSQL's alone.
  if (kind === 'postgres') {
    test('a first letter sent while another transaction is making the same citizen waits for it and lands on that citizen', async () => {
      const nationalId = '06817012345';
      let claimed!: (citizenId: string) => void;
      const claimedId = new Promise<string>((resolve) => (claimed = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      // The other transaction has claimed the national id and not committed: the letter's
      // snapshot cannot see its row, so only the claim's `do update` can find it.
      const holder = database.db.transaction().execute(async (tx) => {
        claimed(await upsertCitizen(tx, nationalId));
        await released;
      });
      const citizenId = await claimedId;
      const letter = send(nationalId);
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      await holder;
      expect((await letter).message.citizen_id).toBe(citizenId);
      expect(await citizensNamed(nationalId)).toEqual([{ id: citizenId }]);
      expect(await directoryRows(nationalId)).toEqual([{ citizen_id: citizenId }]);
    });
  }

  test('a login, the register, the directory and a parent’s notice find the citizen a letter made', async () => {
    const nationalId = '07817012345';
    const citizenId = (await send(nationalId)).message.citizen_id;
    expect(await new CitizenSessionStore(database.db).subjectForLogin(nationalId, 'Kari Nordmann')).toBe(citizenId);
    expect((await new Representations(database.db).personFor(nationalId, { name: 'Kari Nordmann', birthDate: '1970-01-07' })).citizenId).toBe(citizenId);
    expect(await new Directory(database.db).saveCitizen({ nationalId, name: 'Kari Nordmann', portalUser: true, municipality: null, birthDate: '1970-01-07' })).toBe(citizenId);
    expect((await noticeHolders(database.db, [{ nationalId, name: 'Kari Nordmann', birthDate: '1970-01-07' }])).get(nationalId)?.citizenId).toBe(citizenId);
    expect(await upsertCitizen(database.db, nationalId)).toBe(citizenId);
    expect((await new Directory(database.db).findCitizen(nationalId))?.id).toBe(citizenId);
    expect(await citizensNamed(nationalId)).toEqual([{ id: citizenId }]);
    expect(await directoryRows(nationalId)).toEqual([{ citizen_id: citizenId }]);
  });

  test('a login first makes the citizen a later letter finds', async () => {
    const nationalId = '08817012345';
    const citizenId = await new CitizenSessionStore(database.db).subjectForLogin(nationalId, 'Ola Nordmann');
    expect((await send(nationalId)).message.citizen_id).toBe(citizenId);
    expect(await citizensNamed(nationalId)).toEqual([{ id: citizenId }]);
  });
});
