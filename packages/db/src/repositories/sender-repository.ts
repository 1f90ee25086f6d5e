/**
 * Everything a sender system may read or write, scoped to its organisation when it
 * is made: the repository is built per request from the authenticated principal,
 * and every query below filters by that organisation, so no route can reach
 * another organisation's letters. A probe for another's id finds nothing (404).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { identifierReuse, type IncomingLetter } from '@innboks/core';
import type { Database, OrganizationRow } from '../schema.ts';
import { loadStoredLetter, type StoredLetter } from './letter-aggregate.ts';
import { AboutRejected, linkLetterToAppointment, resolveAbout } from './letter-appointment.ts';
import { insertNewThreadLetter } from './letter-insert.ts';
import { isUuid } from './is-uuid.ts';
import { upsertCitizen } from './citizens.ts';
import { type ThreadOfMessage } from './append-message.ts';
import { letterThread } from './letter-message.ts';
import { insertLetterRows } from './letter-rows.ts';
import { identifiedItem } from './sender-identifiers.ts';

export interface SenderPrincipal {
  clientId: string;
  organizationNumber: string;
}

export type CreateOutcome =
  | { outcome: 'created'; letter: StoredLetter }
  | { outcome: 'existing'; letter: StoredLetter }
  /** The identifier names a letter to another citizen (identifierReuse): nothing is stored. */
  | { outcome: 'identifier-of-other-citizen' }
  | { outcome: 'replay'; statusCode: number; location: string | null; response: unknown }
  | { outcome: 'idempotency-conflict' }
  | { outcome: 'in-response-to-not-found' }
  /** `about` names no appointment of this organisation, or one of another citizen. */
  | { outcome: 'about-rejected'; problem: 'not-found' | 'other-citizen' };

export interface IdempotencyRequest {
  key: string;
  requestHash: string;
}


/**
 * Organisations change seldom (a new name), and every sender request needs its own:
 * each process remembers them for a short while instead of asking for every letter.
 */
const organizationTtlMs = 30_000;
const organizationsByDatabase = new WeakMap<Kysely<Database>, Map<string, { organization: OrganizationRow; until: number }>>();

async function organizationByNumber(db: Kysely<Database>, organizationNumber: string): Promise<OrganizationRow | undefined> {
  let remembered = organizationsByDatabase.get(db);
  if (!remembered) organizationsByDatabase.set(db, (remembered = new Map()));
  const hit = remembered.get(organizationNumber);
  if (hit && hit.until > Date.now()) return hit.organization;
  const organization = await db.selectFrom('organization').selectAll().where('org_number', '=', organizationNumber).executeTakeFirst();
  if (organization) remembered.set(organizationNumber, { organization, until: Date.now() + organizationTtlMs });
  else remembered.delete(organizationNumber);
  return organization;
}

export async function openSenderRepository(db: Kysely<Database>, principal: SenderPrincipal) {
  const organization = await organizationByNumber(db, principal.organizationNumber);
  return organization ? new SenderRepository(db, principal, organization) : undefined;
}

export class SenderRepository {
  constructor(
    private readonly db: Kysely<Database>,
    readonly principal: SenderPrincipal,
    readonly organization: OrganizationRow,
  ) {}

  getLetter(id: string): Promise<StoredLetter | undefined> {
    if (!isUuid(id)) return Promise.resolve(undefined);
    return loadStoredLetter(this.db, { id, organizationId: this.organization.id });
  }

  async findByIdentifier(system: string, value: string): Promise<StoredLetter | undefined> {
    const found = await identifiedItem(this.db, { organizationId: this.organization.id, kind: 'message', system, value });
    return found ? this.getLetter(found.itemId) : undefined;
  }

  async findIdempotencyRecord(key: string) {
    return this.db
      .selectFrom('idempotency_record')
      .selectAll()
      .where('client_id', '=', this.principal.clientId)
      .where('key', '=', key)
      .executeTakeFirst();
  }

  /** Messages citizens sent to this organisation, oldest change first, so a poller can resume. */
  async messagesFromCitizens(after: Date | undefined, count: number): Promise<{ items: StoredLetter[]; hasMore: boolean }> {
    let query = this.db
      .selectFrom('message')
      .select('id')
      .where('organization_id', '=', this.organization.id)
      .where('direction', '=', 'from-citizen');
    if (after) query = query.where('updated_at', '>', after);
    const rows = await query.orderBy('updated_at').orderBy('id').limit(count + 1).execute();
    const items: StoredLetter[] = [];
    for (const row of rows.slice(0, count)) {
      const letter = await this.getLetter(row.id);
      if (letter) items.push(letter);
    }
    return { items, hasMore: rows.length > count };
  }

  /** An attachment's bytes, only for this organisation's letters. */
  async getAttachment(id: string) {
    if (!isUuid(id)) return undefined;
    return this.db
      .selectFrom('attachment')
      .innerJoin('message', (join) => join.onRef('message.id', '=', 'attachment.message_id').onRef('message.citizen_id', '=', 'attachment.citizen_id'))
      .select(['attachment.id', 'attachment.title', 'attachment.content_type', 'attachment.data', 'attachment.size'])
      .where('attachment.id', '=', id)
      .where('message.organization_id', '=', this.organization.id)
      .executeTakeFirst();
  }

  /**
   * Saves a letter, its attachments, its first delivery attempt and the delivery
   * job in one transaction. A second letter with the same identifier, or a replay
   * of the same Idempotency-Key, stores nothing and answers as the first did.
   */
  async createLetter(
    letter: IncomingLetter,
    now: Date,
    idempotency: IdempotencyRequest | undefined,
    respond: (letter: StoredLetter) => { statusCode: number; location: string; body: unknown },
  ): Promise<CreateOutcome> {
    if (!idempotency && !letter.about && !letter.inResponseTo) return this.createNewThreadLetter(letter, now);
    if (idempotency) {
      const earlier = await this.replayOrConflict(idempotency);
      if (earlier) return earlier;
    }
    const repeat = await this.repeatOf(letter);
    if (repeat) return repeat;

    try {
      const created = await this.db.transaction().execute(async (tx) => {
        const messageId = randomUUID();
        const stored = await this.insertLetter(tx, messageId, letter, now);
        if (!stored) return undefined;
        if (idempotency) {
          const answer = respond(stored);
          await tx
            .insertInto('idempotency_record')
            .values({
              client_id: this.principal.clientId,
              key: idempotency.key,
              request_hash: idempotency.requestHash,
              status_code: answer.statusCode,
              location: answer.location,
              response: JSON.stringify(answer.body),
            })
            .execute();
        }
        return stored;
      });
      return created ? { outcome: 'created', letter: created } : { outcome: 'in-response-to-not-found' };
    } catch (error) {
      if (error instanceof AboutRejected) return { outcome: 'about-rejected', problem: error.problem };
      if (!isUniqueViolation(error)) throw error;
      // Someone sent the same letter or key at the same moment and won; answer as they were answered.
      if (idempotency) {
        const earlier = await this.replayOrConflict(idempotency);
        if (earlier) return earlier;
      }
      const repeat = await this.repeatOf(letter);
      if (repeat) return repeat;
      throw error;
    }
  }

  /** How a letter already stored under this letter's identifier answers it: the first again, or refused for another citizen. */
  private async repeatOf(letter: IncomingLetter): Promise<CreateOutcome | undefined> {
    const existing = await this.findByIdentifier(letter.identifier.system, letter.identifier.value);
    return existing ? asRepeat(existing, letter) : undefined;
  }

  /**
   * The common case in one statement (letter-insert.ts). A letter already stored
   * under the same identifier is found by the unique key refusing the second, not by
   * asking first: the question would cost every letter a round trip.
   */
  private async createNewThreadLetter(letter: IncomingLetter, now: Date): Promise<CreateOutcome> {
    try {
      return { outcome: 'created', letter: await insertNewThreadLetter(this.db, this.organization, letter, now) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const repeat = await this.repeatOf(letter);
      if (repeat) return repeat;
      throw error;
    }
  }

  private async replayOrConflict(idempotency: IdempotencyRequest): Promise<CreateOutcome | undefined> {
    const record = await this.findIdempotencyRecord(idempotency.key);
    if (!record) return undefined;
    if (record.request_hash !== idempotency.requestHash) return { outcome: 'idempotency-conflict' };
    return { outcome: 'replay', statusCode: record.status_code, location: record.location, response: record.response };
  }

  private async insertLetter(tx: Transaction<Database>, messageId: string, letter: IncomingLetter, now: Date) {
    const citizenId = await upsertCitizen(tx, letter.citizenNationalId);
    const appointmentId = letter.about ? await resolveAbout(tx, this.organization, letter.about, letter.citizenNationalId, now) : undefined;
    let thread: ThreadOfMessage = { starts: letterThread(this.organization, letter) };
    if (letter.inResponseTo) {
      const answered = await tx
        .selectFrom('message')
        .select(['thread_id'])
        .where('id', '=', letter.inResponseTo)
        .where('organization_id', '=', this.organization.id)
        .where('citizen_id', '=', citizenId)
        .executeTakeFirst();
      if (!answered) return undefined;
      thread = { joins: answered.thread_id };
    }
    await insertLetterRows(tx, this.organization, citizenId, thread, letter, messageId, now);
    if (appointmentId) await linkLetterToAppointment(tx, { citizenId, messageId, appointmentId, at: now });
    return loadStoredLetter(tx, { id: messageId, organizationId: this.organization.id });
  }
}

/** A letter already stored under the identifier: the first again for the same citizen, refused for another. */
export function asRepeat(stored: StoredLetter, sent: { citizenNationalId: string }): CreateOutcome {
  return identifierReuse(stored.citizenNationalId, sent.citizenNationalId) === 'repeat'
    ? { outcome: 'existing', letter: stored }
    : { outcome: 'identifier-of-other-citizen' };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
