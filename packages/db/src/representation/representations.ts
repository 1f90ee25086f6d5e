/**
 * The stored side of acting for others: the people involved (by citizen row), the
 * powers of attorney given in the app, and the representatives' log. Whether a
 * relation holds now is decided by the rule table (@innboks/core, `mayActFor`) from
 * these facts and the population register's; this module only reads and writes them.
 */
import { sql, type Kysely } from 'kysely';
import { parseNationalId } from '@innboks/core';
import type { Database } from '../schema.ts';
import { isUuid } from '../repositories/is-uuid.ts';
import { claimNationalIdSql } from '../repositories/citizens.ts';
import { representationLogOf, type RepresentationLogEntry } from './representation-log.ts';

export interface Person {
  citizenId: string;
  nationalId: string;
  name: string;
  /** `YYYY-MM-DD`: the register's, else the one the national id encodes. */
  birthDate: string | null;
}

export interface PowerOfAttorney {
  id: string;
  person: Person;
  holder: Person;
  givenAt: Date;
  /** The last Oslo day it holds, or null for open-ended. */
  validUntil: string | null;
  endedAt: Date | null;
  endedBy: 'person' | 'holder' | null;
}

const personColumns = (alias: string) =>
  sql.raw(`${alias}.id as ${alias}_id, ${alias}.national_id as ${alias}_national_id, ${alias}.name as ${alias}_name, to_char(${alias}.birth_date, 'YYYY-MM-DD') as ${alias}_birth_date`);

type PersonRow = Record<string, string | null>;

function personFrom(row: PersonRow, alias: string): Person {
  const nationalId = row[`${alias}_national_id`] ?? '';
  return {
    citizenId: row[`${alias}_id`] ?? '',
    nationalId,
    name: row[`${alias}_name`] ?? '',
    birthDate: row[`${alias}_birth_date`] ?? parseNationalId(nationalId)?.birthDate ?? null,
  };
}

interface PowerRow extends PersonRow {
  id: string;
  given_at: string;
  valid_until: string | null;
  ended_at: string | null;
  ended_by: 'person' | 'holder' | null;
}

function powerFrom(row: PowerRow): PowerOfAttorney {
  return {
    id: row.id,
    person: personFrom(row, 'p'),
    holder: personFrom(row, 'h'),
    givenAt: new Date(row.given_at),
    validUntil: row.valid_until,
    endedAt: row.ended_at ? new Date(row.ended_at) : null,
    endedBy: row.ended_by,
  };
}

export class Representations {
  constructor(private readonly db: Kysely<Database>) {}

  async person(citizenId: string): Promise<Person | undefined> {
    if (!isUuid(citizenId)) return undefined;
    const { rows } = await sql<PersonRow>`select ${personColumns('c')} from citizen c where c.id = ${citizenId}`.execute(this.db);
    return rows[0] && personFrom(rows[0], 'c');
  }

  /**
   * The person a national id names, made on first mention with what the register
   * says (a child known to the register before their first letter); an existing
   * row keeps its name unless it had none.
   */
  async personFor(nationalId: string, facts: { name: string; birthDate: string | null }): Promise<Person> {
    const { rows } = await sql<PersonRow>`
      with ${claimNationalIdSql(nationalId)}
      insert into citizen as c (id, national_id, name, birth_date) select citizen_id, ${nationalId}, ${facts.name}, ${facts.birthDate}::date from claimed
      on conflict (id) do update set
        name = case when c.name = '' then excluded.name else c.name end,
        birth_date = coalesce(c.birth_date, excluded.birth_date)
      returning ${personColumns('c')}`.execute(this.db);
    return personFrom(rows[0]!, 'c');
  }

  private powersSql() {
    return sql`select poa.id, poa.given_at, to_char(poa.valid_until, 'YYYY-MM-DD') as valid_until, poa.ended_at, poa.ended_by, ${personColumns('p')}, ${personColumns('h')}
      from power_of_attorney poa join citizen p on p.id = poa.citizen_id join citizen h on h.id = poa.holder_citizen_id`;
  }

  /** The powers of attorney a holder has that are not ended (whether they still hold by date is the rule table's). */
  async heldBy(holderCitizenId: string): Promise<PowerOfAttorney[]> {
    const { rows } = await sql<PowerRow>`${this.powersSql()} where poa.holder_citizen_id = ${holderCitizenId} and poa.ended_at is null order by p.name`.execute(this.db);
    return rows.map(powerFrom);
  }

  /** Every power of attorney a person gave, newest first, ended ones too. */
  async givenBy(citizenId: string): Promise<PowerOfAttorney[]> {
    const { rows } = await sql<PowerRow>`${this.powersSql()} where poa.citizen_id = ${citizenId} order by poa.given_at desc`.execute(this.db);
    return rows.map(powerFrom);
  }

  /** The open power of attorney from `citizenId` to `holderCitizenId`, if any. */
  async openPower(citizenId: string, holderCitizenId: string): Promise<PowerOfAttorney | undefined> {
    const { rows } = await sql<PowerRow>`${this.powersSql()} where poa.citizen_id = ${citizenId} and poa.holder_citizen_id = ${holderCitizenId} and poa.ended_at is null`.execute(this.db);
    return rows[0] && powerFrom(rows[0]);
  }

  /** Gives a power of attorney; one already open between the two is replaced by the new one in the same transaction. */
  async give(citizenId: string, holderCitizenId: string, validUntil: string | null, at: Date): Promise<string> {
    return this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('power_of_attorney')
        .set({ ended_at: at, ended_by: 'person' })
        .where('citizen_id', '=', citizenId)
        .where('holder_citizen_id', '=', holderCitizenId)
        .where('ended_at', 'is', null)
        .execute();
      const row = await tx
        .insertInto('power_of_attorney')
        .values({ citizen_id: citizenId, holder_citizen_id: holderCitizenId, given_at: at, valid_until: validUntil })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
  }

  /**
   * Ends a power of attorney on behalf of either side: `by` is the citizen asking.
   * Undefined when it is not theirs or already ended (the route answers 404).
   */
  async end(powerId: string, by: string, at: Date): Promise<PowerOfAttorney | undefined> {
    if (!isUuid(powerId)) return undefined;
    const ended = await this.db
      .updateTable('power_of_attorney')
      .set({ ended_at: at, ended_by: sql<'person' | 'holder'>`case when citizen_id = ${by} then 'person' else 'holder' end` })
      .where('id', '=', powerId)
      .where('ended_at', 'is', null)
      .where((eb) => eb.or([eb('citizen_id', '=', by), eb('holder_citizen_id', '=', by)]))
      .returning('id')
      .executeTakeFirst();
    if (!ended) return undefined;
    const { rows } = await sql<PowerRow>`${this.powersSql()} where poa.id = ${powerId}`.execute(this.db);
    return powerFrom(rows[0]!);
  }

  /** What representatives read and did for the person, newest first. */
  log(citizenId: string): Promise<RepresentationLogEntry[]> {
    return representationLogOf(this.db, citizenId);
  }
}
