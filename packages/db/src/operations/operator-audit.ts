/**
 * The operator audit log: one row for every operator request (who, what, when, which
 * ids), written by OperatorScope in the same transaction as the read it records, so a
 * read that cannot be recorded is not answered. Append-only (migration 0024).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, OperatorAction } from '../schema.ts';

export interface OperatorAuditEntry {
  id: number;
  at: Date;
  staffName: string;
  action: OperatorAction;
  objectIds: string[];
  detail: string | null;
}

export interface OperatorAuditRecord {
  staffId: string;
  staffName: string;
  action: OperatorAction;
  objectIds: string[];
  detail?: string | null;
  at: Date;
}

export async function recordOperatorAction(executor: Kysely<Database> | Transaction<Database>, record: OperatorAuditRecord): Promise<void> {
  await executor
    .insertInto('operator_audit')
    .values({ at: record.at, staff_id: record.staffId, staff_name: record.staffName, action: record.action, object_ids: record.objectIds, detail: record.detail ?? null })
    .execute();
}

/** Newest first. */
export async function operatorAuditLog(executor: Kysely<Database> | Transaction<Database>, limit: number): Promise<OperatorAuditEntry[]> {
  const rows = await executor.selectFrom('operator_audit').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ id: Number(row.id), at: row.at, staffName: row.staff_name, action: row.action, objectIds: row.object_ids, detail: row.detail }));
}
