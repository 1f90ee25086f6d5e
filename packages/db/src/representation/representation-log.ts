/**
 * What a representative reads and does, recorded in the transaction of the read or
 * the action itself (`ActionRecorder.record` is given that transaction), so nothing is
 * seen or done unrecorded. Rows are never changed or removed (migration 0016). The
 * person sees them in "Logg over bruk" beside the staff reads.
 */
import type { Kysely } from 'kysely';
import type { RepresentationRelation } from '@innboks/core';
import type { Database } from '../schema.ts';
import type { RepresentativePrincipal } from '../scopes/principal.ts';

export type RepresentativeAction = 'read' | 'list' | 'update' | 'send' | 'download';
export type RepresentedObject = 'inbox' | 'thread' | 'attachment' | 'appointments' | 'appointment' | 'appointment-reply' | 'municipal-message' | 'municipal-services' | 'municipal-access-log' | 'forms' | 'form' | 'form-draft' | 'dialog-answer';

export interface RecordedAction {
  action: RepresentativeAction;
  objectKind: RepresentedObject;
  objectId?: string | null;
}

/** Records the actions of one principal; `undefined` where nothing needs recording (the person themselves). */
export interface ActionRecorder {
  record(executor: Kysely<Database>, action: RecordedAction): Promise<void>;
}

export function recorderFor(principal: RepresentativePrincipal, now: () => Date): ActionRecorder {
  return {
    async record(executor, { action, objectKind, objectId }) {
      await executor
        .insertInto('representation_log')
        .values({
          citizen_id: principal.person.citizenId,
          representative_citizen_id: principal.citizenId,
          representative_name: principal.name,
          relation: principal.relation,
          action,
          object_kind: objectKind,
          object_id: objectId ?? null,
          at: now(),
        })
        .execute();
    },
  };
}

/**
 * Runs `work` and records what it did in the same transaction — only when it found
 * something (`entry` answers undefined for a refusal or a miss, so a 404 writes
 * nothing). Without a recorder the work runs as it is.
 */
export async function recorded<T>(
  db: Kysely<Database>,
  recorder: ActionRecorder | undefined,
  work: (executor: Kysely<Database>) => Promise<T>,
  entry: (result: T) => RecordedAction | undefined,
): Promise<T> {
  if (!recorder) return work(db);
  const run = async (executor: Kysely<Database>) => {
    const result = await work(executor);
    const action = entry(result);
    if (action) await recorder.record(executor, action);
    return result;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

export interface RepresentationLogEntry {
  at: Date;
  representativeName: string;
  relation: RepresentationRelation;
  action: string;
  objectKind: string;
  objectId: string | null;
}

/** The person's log of what representatives did, newest first. */
export async function representationLogOf(db: Kysely<Database>, citizenId: string, limit = 500): Promise<RepresentationLogEntry[]> {
  const rows = await db
    .selectFrom('representation_log')
    .select(['at', 'representative_name', 'relation', 'action', 'object_kind', 'object_id'])
    .where('citizen_id', '=', citizenId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    at: row.at,
    representativeName: row.representative_name,
    relation: row.relation,
    action: row.action,
    objectKind: row.object_kind,
    objectId: row.object_id,
  }));
}
