/**
 * A sender's identifier for what it sent — a letter, an appointment, an enrolment, a
 * form order — is unique per organisation and kind: the same identifier again is a
 * repeat (or, for another citizen, refused: `identifierReuse` in @innboks/core).
 *
 * The rule lives in one directory table, `sender_identifier` (migration 0022), not in a
 * unique key of each table: those tables are distributed by citizen on Citus, where a
 * unique key must contain the citizen, while this one is distributed by organisation
 * (docs/citus.md). Each writer inserts the directory row in the same statement or
 * transaction as its item, so a second item under an identifier fails there with a
 * unique violation (23505), as it did on the item's own key; lookups by identifier
 * read it first and then the item by (citizen_id, id).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, SenderIdentifierTable } from '../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** The table an identifier belongs to: each has identifiers of its own. */
export type IdentifiedKind = SenderIdentifierTable['kind'];

export interface SenderIdentifier {
  organizationId: string;
  kind: IdentifiedKind;
  system: string;
  value: string;
}

/** The item an identifier names, or undefined when none has it. */
export async function identifiedItem(executor: Executor, identifier: SenderIdentifier): Promise<{ citizenId: string; itemId: string } | undefined> {
  const row = await executor
    .selectFrom('sender_identifier')
    .select(['citizen_id', 'item_id'])
    .where('organization_id', '=', identifier.organizationId)
    .where('kind', '=', identifier.kind)
    .where('identifier_system', '=', identifier.system)
    .where('identifier_value', '=', identifier.value)
    .executeTakeFirst();
  return row ? { citizenId: row.citizen_id, itemId: row.item_id } : undefined;
}

/** Files the identifier for an item being written in the same transaction; a unique violation when another item has it. */
export async function recordIdentifier(executor: Executor, identifier: SenderIdentifier, item: { citizenId: string; itemId: string }): Promise<void> {
  await executor
    .insertInto('sender_identifier')
    .values({
      organization_id: identifier.organizationId,
      kind: identifier.kind,
      identifier_system: identifier.system,
      identifier_value: identifier.value,
      citizen_id: item.citizenId,
      item_id: item.itemId,
    })
    .execute();
}

/**
 * The directory row as a part of a WITH statement, filed for the rows a part `from`
 * returns (their `citizen_id` and `id`): the letter insert stays one statement.
 */
export function recordIdentifierSql(identifier: SenderIdentifier, from: 'm') {
  return sql`insert into sender_identifier (organization_id, kind, identifier_system, identifier_value, citizen_id, item_id)
      select ${identifier.organizationId}::uuid, ${identifier.kind}, ${identifier.system}, ${identifier.value}, ${sql.raw(from)}.citizen_id, ${sql.raw(from)}.id from ${sql.raw(from)}`;
}
