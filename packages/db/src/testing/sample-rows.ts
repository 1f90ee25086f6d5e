/** Rows the database package's own integration tests start from, and the sender's letter the server's test rigs share. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { IncomingLetter } from '@innboks/core';
import type { MessageToAppend } from '../repositories/append-message.ts';

export async function addHospital(db: Kysely<Database>): Promise<string> {
  const row = await db.insertInto('organization').values({ org_number: '974633574', name: 'Sykehuset', kind: 'hospital', region: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A hospital's letter to the citizen, with what a test says otherwise. */
export function sampleLetter(organizationId: string, facts: Partial<MessageToAppend> = {}): MessageToAppend {
  const id = facts.id ?? randomUUID();
  return {
    id,
    organizationId,
    direction: 'to-citizen',
    kind: 'letter',
    subject: 'Innkalling til hjertepoliklinikken',
    senderName: 'Sykehuset',
    textParts: ['Velkommen'],
    priority: 'routine',
    important: false,
    identifier: { system: 'urn:test:letters', value: id },
    inResponseTo: null,
    sentAt: new Date('2026-03-20T09:00:00Z'),
    hasAttachments: false,
    ...facts,
  };
}

/** A hospital's letter as a sender sends it (the FHIR door's domain form), with what a test says otherwise. */
export function sampleIncomingLetter(nationalId: string, facts: Partial<IncomingLetter> = {}): IncomingLetter {
  return {
    citizenNationalId: nationalId,
    organizationNumber: '974633574',
    senderDisplay: 'Kardiologisk poliklinikk',
    identifier: { system: 'urn:test:letters', value: 'letter-1' },
    subject: 'Svar på undersøkelse',
    kind: 'letter',
    priority: 'routine',
    important: false,
    textParts: ['Hei!'],
    attachments: [],
    inResponseTo: undefined,
    ...facts,
  };
}
