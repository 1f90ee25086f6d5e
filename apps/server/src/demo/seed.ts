/**
 * First start in the embedded mode: the demo world goes into the database, each demo
 * sender gets a key pair (private key under <data dir>/dev/senders, never in git),
 * and <data dir>/dev/demo.json tells a newcomer what exists. A second start keeps
 * everything and reuses the keys.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { writeWholeFile } from '@innboks/channels';
import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { Clock } from '@innboks/core';
import { Directory, openSenderRepository, Representations, type Database } from '@innboks/db';
import { demoCitizen, demoCitizens, demoRepresentations, demoSenders, demoStaff, type DemoSender } from './demo-data.ts';
import { demoLetters } from './demo-letters.ts';
import { seedMunicipalDemo } from './seed-municipal.ts';
import { seedDemoAppointments } from './seed-appointments.ts';
import { seedDemoForms } from './seed-forms.ts';

export interface SeedOptions {
  db: Kysely<Database>;
  dataDir: string;
  baseUrl: string;
  clock: Clock;
}

export async function seedDemoData({ db, dataDir, baseUrl, clock }: SeedOptions): Promise<string> {
  const directory = new Directory(db);
  const devDir = path.join(dataDir, 'dev');
  await mkdir(path.join(devDir, 'senders'), { recursive: true, mode: 0o700 });

  for (const person of demoCitizens) {
    await directory.saveCitizen({
      nationalId: person.nationalId,
      name: person.name,
      portalUser: person.portalUser,
      municipality: person.municipality,
      birthDate: person.birthDate,
    });
  }
  for (const sender of demoSenders) {
    const organizationId = await directory.saveOrganization({
      organizationNumber: sender.organizationNumber,
      name: sender.name,
      kind: sender.kind,
      region: sender.region,
    });
    const publicJwk = await senderPublicKey(devDir, sender);
    await directory.saveSenderClient({ clientId: sender.clientId, organizationId, name: sender.name, jwks: { keys: [publicJwk] } });
  }
  await seedDemoLetters(db, clock);
  await seedMunicipalDemo(db, clock);
  await seedDemoAppointments(db, clock);
  await seedDemoForms(db, clock);
  await seedDemoPowersOfAttorney(db, clock);

  const demoFile = path.join(devDir, 'demo.json');
  const demo = {
    baseUrl,
    citizens: demoCitizens.map((person) => ({
      nationalId: person.nationalId,
      name: person.name,
      portalUser: person.portalUser,
      municipality: person.municipality,
      services: person.services,
      birthDate: person.birthDate,
      description: person.description.nb,
      represents: demoRepresentations
        .filter((entry) => entry.representative === person.name)
        .map((entry) => ({ nationalId: demoCitizen(entry.person).nationalId, relation: entry.relation })),
    })),
    senders: demoSenders.map((sender) => ({
      clientId: sender.clientId,
      organizationNumber: sender.organizationNumber,
      name: sender.name,
      kind: sender.kind,
      region: sender.region,
      privateJwkPath: `dev/senders/${sender.clientId}.jwk.json`,
    })),
    staff: demoStaff,
  };
  await writeWholeFile(demoFile, `${JSON.stringify(demo, null, 2)}\n`);
  return demoFile;
}

/** Reuses the sender's private key from an earlier start, or makes one. */
async function senderPublicKey(devDir: string, sender: DemoSender): Promise<JWK> {
  const file = path.join(devDir, 'senders', `${sender.clientId}.jwk.json`);
  let privateJwk: JWK;
  try {
    privateJwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: `${sender.clientId}-1`, alg: 'ES256', use: 'sig' };
    await writeWholeFile(file, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
  }
  const { d: _private, ...publicJwk } = privateJwk;
  return publicJwk;
}

/** The demo's powers of attorney (given in the app in real life), open-ended; only once. */
async function seedDemoPowersOfAttorney(db: Kysely<Database>, clock: Clock): Promise<void> {
  const representations = new Representations(db);
  for (const entry of demoRepresentations.filter((candidate) => candidate.relation === 'FU')) {
    const person = demoCitizen(entry.person);
    const holder = demoCitizen(entry.representative);
    const [personRow, holderRow] = await Promise.all([
      representations.personFor(person.nationalId, { name: person.name, birthDate: person.birthDate }),
      representations.personFor(holder.nationalId, { name: holder.name, birthDate: holder.birthDate }),
    ]);
    if (!(await representations.openPower(personRow.citizenId, holderRow.citizenId))) await representations.give(personRow.citizenId, holderRow.citizenId, null, clock.now());
  }
}

/** A few letters so the inbox is not empty on first look; only once. */
async function seedDemoLetters(db: Kysely<Database>, clock: Clock): Promise<void> {
  const any = await db.selectFrom('message').select('id').limit(1).executeTakeFirst();
  if (any) return;
  for (const letter of await demoLetters(clock.now())) {
    const sender = demoSenders.find((candidate) => candidate.clientId === letter.clientId)!;
    const repository = await openSenderRepository(db, { clientId: sender.clientId, organizationNumber: sender.organizationNumber });
    await repository!.createLetter(letter.letter, letter.sentAt, undefined, () => ({ statusCode: 201, location: '', body: {} }));
  }
}
