/** Channel attempts that move only forward (see @innboks/core attempt-state), with their timeline. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { statesBefore, type AttemptState } from '@innboks/core';
import type { Database } from '../schema.ts';
import { recordset } from '../sql/recordset.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface AttemptChange {
  citizenId: string;
  messageId: string;
  channel: string;
  state: AttemptState;
  at: Date;
  detail: string | null;
}

/**
 * Moves an attempt to `state` if it may go there from where it is (or creates it),
 * and adds the event. Returns false when nothing moved: running a step twice is harmless.
 * `reopen` is for an operator's replay only: it lets a failed or skipped attempt be queued again.
 */
export async function moveAttempt(executor: Executor, change: AttemptChange, options: { reopen?: boolean } = {}): Promise<boolean> {
  const moved = await moveAttempts(executor, [change], options);
  return moved.size > 0;
}

/** The key of one attempt: a letter and a channel. */
export const attemptKey = (messageId: string, channel: string) => `${messageId} ${channel}`;

/**
 * Many moves in one statement (a batch of letters): each attempt is created, or moved
 * if its state allows it, and every move adds its event. Returns the keys
 * (`attemptKey`) of the attempts that moved. One letter and channel at most once.
 */
export async function moveAttempts(executor: Executor, changes: readonly AttemptChange[], options: { reopen?: boolean } = {}): Promise<Set<string>> {
  if (changes.length === 0) return new Set();
  const rows = changes.map((change) => ({
    citizen_id: change.citizenId,
    message_id: change.messageId,
    channel: change.channel,
    state: change.state,
    at: change.at.toISOString(),
    detail: change.detail,
    from_states: (options.reopen ? ['failed', 'skipped'] : statesBefore(change.state)).join(','),
  }));
  // The insert and the update see the same snapshot: a new attempt is inserted, an
  // existing one updated (only from the states allowed), never both.
  const result = await sql<{ message_id: string; channel: string }>`
    with change as (
      select * from ${recordset(rows, 'c', 'citizen_id uuid, message_id uuid, channel text, state text, at timestamptz, detail text, from_states text')}
    ),
    inserted as (
      insert into delivery_attempt (citizen_id, message_id, channel, state, created_at, updated_at)
      select citizen_id, message_id, channel, state, at, at from change
      on conflict (citizen_id, message_id, channel) do nothing
      returning message_id, channel
    ),
    updated as (
      update delivery_attempt a set state = c.state, updated_at = c.at
      from change c
      where a.message_id = c.message_id and a.channel = c.channel and a.citizen_id = c.citizen_id
        and a.state = any(string_to_array(c.from_states, ','))
      returning a.message_id, a.channel
    ),
    moved as (select message_id, channel from inserted union all select message_id, channel from updated)
    insert into delivery_event (citizen_id, message_id, channel, state, at, detail)
    select c.citizen_id, c.message_id, c.channel, c.state, c.at, c.detail
    from change c join moved m on m.message_id = c.message_id and m.channel = c.channel
    returning message_id, channel`.execute(executor);
  return new Set(result.rows.map((row) => attemptKey(row.message_id, row.channel)));
}

export async function attemptState(executor: Executor, citizenId: string, messageId: string, channel: string): Promise<AttemptState | undefined> {
  const row = await executor
    .selectFrom('delivery_attempt')
    .select('state')
    .where('citizen_id', '=', citizenId)
    .where('message_id', '=', messageId)
    .where('channel', '=', channel)
    .executeTakeFirst();
  return row?.state;
}
