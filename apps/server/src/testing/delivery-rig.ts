/**
 * The outside world of delivery for tests and benchmarks, on this machine over real
 * connections: an SMS gateway, an SMTP server, a digital mailbox, a print service and
 * both registers. People are added to the registers per test, so each test has its
 * own citizens and its own notice windows.
 */
import type { Kysely } from 'kysely';
import { syntheticNationalId, type ContactFacts, type IncomingLetter, type PersonFacts, type RelationFacts } from '@innboks/core';
import { Directory, openSenderRepository, type Database } from '@innboks/db';
import { sampleIncomingLetter } from '@innboks/db/testing';
import {
  digitalMailboxResponder,
  printServiceResponder,
  registerResponder,
  smsGatewayResponder,
  startSmtpTestServer,
  startTestHttpService,
  type SmtpTestServer,
  type TestHttpService,
} from '@innboks/channels/testing';
import { demoSenders, type DemoSender } from '../demo/demo-data.ts';

export interface DeliveryRig {
  sms: TestHttpService;
  smtp: SmtpTestServer;
  digitalMailbox: TestHttpService;
  print: TestHttpService;
  contactRegister: TestHttpService;
  populationRegister: TestHttpService;
  /** Environment that points a server or worker at all of the above. */
  env: Record<string, string>;
  /** A new person in both registers (and as a citizen, when `db` is given). */
  addPerson(person: RigPerson): string;
  close(): Promise<void>;
}

export interface RigPerson {
  name?: string;
  birthDate?: string;
  portalUser?: boolean;
  mobile?: string | null;
  email?: string | null;
  digitalMailbox?: ContactFacts['digitalMailbox'];
  reserved?: boolean;
  postalAddress?: PersonFacts['postalAddress'];
  /** National ids of those with parental responsibility for this person (already added). */
  parents?: string[];
  confidentialAddress?: boolean;
}

let individual = 0;
const usedIds = new Set<string>();

/** A synthetic national id not used before in this process. */
export function freshNationalId(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4));
  for (;;) {
    individual += 1;
    const base = year >= 2000 ? 500 : 100;
    const nationalId = syntheticNationalId(birthDate, base + (individual % 380));
    if (!usedIds.has(nationalId)) {
      usedIds.add(nationalId);
      return nationalId;
    }
  }
}

export async function startDeliveryRig(env: Record<string, string> = {}): Promise<DeliveryRig> {
  const contacts = new Map<string, ContactFacts>();
  const people = new Map<string, PersonFacts>();
  const relations = new Map<string, RelationFacts>();
  const relationsOf = (nationalId: string) => relations.get(nationalId) ?? relations.set(nationalId, { confidentialAddress: false, responsibleFor: [], responsibleAdults: [] }).get(nationalId)!;
  const [sms, smtp, digitalMailbox, print, contactRegister, populationRegister] = await Promise.all([
    startTestHttpService(smsGatewayResponder()),
    startSmtpTestServer(),
    startTestHttpService(digitalMailboxResponder()),
    startTestHttpService(printServiceResponder()),
    startTestHttpService(registerResponder(contacts)),
    startTestHttpService(registerResponder(people, relations)),
  ]);
  return {
    sms,
    smtp,
    digitalMailbox,
    print,
    contactRegister,
    populationRegister,
    env: {
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_USERNAME: 'innboks',
      SMS_GATEWAY_PASSWORD: 'test',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Helsenorge <ikke-svar@innboks.test>',
      DIGITAL_MAILBOX_URL: digitalMailbox.url,
      PRINT_SERVICE_URL: print.url,
      CONTACT_REGISTER_URL: contactRegister.url,
      POPULATION_REGISTER_URL: populationRegister.url,
      CHANNEL_TIMEOUT_MS: '400',
      ...env,
    },
    addPerson(person) {
      const birthDate = person.birthDate ?? '1980-01-15';
      const nationalId = freshNationalId(birthDate);
      contacts.set(nationalId, {
        reserved: person.reserved ?? false,
        mobile: person.mobile ?? null,
        email: person.email ?? null,
        digitalMailbox: person.digitalMailbox ?? null,
      });
      people.set(nationalId, {
        name: person.name ?? `Test Person ${individual}`,
        birthDate,
        postalAddress: person.postalAddress === undefined ? { street: 'Testveien 1', postalCode: '0150', city: 'Oslo' } : person.postalAddress,
      });
      relationsOf(nationalId).confidentialAddress = person.confidentialAddress ?? false;
      for (const parent of person.parents ?? []) {
        relationsOf(nationalId).responsibleAdults!.push({ nationalId: parent, relation: 'FO' });
        relationsOf(parent).responsibleFor.push({ nationalId, relation: 'FO' });
      }
      return nationalId;
    },
    close: async () => {
      await Promise.all([sms.close(), smtp.close(), digitalMailbox.close(), print.close(), contactRegister.close(), populationRegister.close()]);
    },
  };
}

/** Saves the citizen as our own records know them (portal user or not). */
export async function saveCitizen(db: Kysely<Database>, nationalId: string, person: RigPerson): Promise<string> {
  return new Directory(db).saveCitizen({
    nationalId,
    name: person.name ?? 'Test Person',
    portalUser: person.portalUser ?? false,
    municipality: null,
    birthDate: person.birthDate ?? '1980-01-15',
  });
}

let letterCounter = 0;

/** A letter as a sender hands it over, saved the way the FHIR API saves it. */
export async function saveLetter(
  db: Kysely<Database>,
  nationalId: string,
  at: Date,
  fields: Partial<IncomingLetter> & { sender?: DemoSender } = {},
): Promise<{ messageId: string; citizenId: string }> {
  const sender = fields.sender ?? demoSenders[0]!;
  const repository = await openSenderRepository(db, { clientId: sender.clientId, organizationNumber: sender.organizationNumber });
  if (!repository) throw new Error(`sender ${sender.clientId} is not in the database`);
  letterCounter += 1;
  const { sender: _sender, ...letterFields } = fields;
  const outcome = await repository.createLetter(
    sampleIncomingLetter(nationalId, {
      organizationNumber: sender.organizationNumber,
      identifier: { system: 'urn:test:delivery', value: `letter-${process.pid}-${Date.now()}-${letterCounter}` },
      subject: 'Svar på hjerteundersøkelsen',
      textParts: ['Ekkokardiografien viser lett lekkasje i mitralklaffen.'],
      ...letterFields,
    }),
    at,
    undefined,
    () => ({ statusCode: 201, location: '', body: {} }),
  );
  if (outcome.outcome !== 'created') throw new Error(`letter not created: ${outcome.outcome}`);
  return { messageId: outcome.letter.message.id, citizenId: outcome.letter.message.citizen_id };
}
