/** Channel attempts that move only forward (see @innboks/core attempt-state), with their timeline. */
import type { Kysely, Transaction } from 'kysely';
import { statesBefore, type AttemptState } from '@innboks/core';
import type { Database } from '../schema.ts';

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
  const inserted = await executor
    .insertInto('delivery_attempt')
    .values({
      citizen_id: change.citizenId,
      message_id: change.messageId,
      channel: change.channel,
      state: change.state,
      created_at: change.at,
      updated_at: change.at,
    })
    .onConflict((conflict) => conflict.columns(['message_id', 'channel']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const from: AttemptState[] = options.reopen ? ['failed', 'skipped'] : [...statesBefore(change.state)];
    if (from.length === 0) return false;
    const updated = await executor
      .updateTable('delivery_attempt')
      .set({ state: change.state, updated_at: change.at })
      .where('citizen_id', '=', change.citizenId)
      .where('message_id', '=', change.messageId)
      .where('channel', '=', change.channel)
      .where('state', 'in', from)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
  }
  await executor
    .insertInto('delivery_event')
    .values({ citizen_id: change.citizenId, message_id: change.messageId, channel: change.channel, state: change.state, at: change.at, detail: change.detail })
    .execute();
  return true;
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
