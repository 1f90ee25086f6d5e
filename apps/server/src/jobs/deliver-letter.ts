/**
 * Delivers a saved letter. For now every letter goes straight to the inbox; the
 * channel plan (notices, digital mailbox, paper) slots in here. Safe to run twice:
 * it moves the attempt only from `queued`, and a final state never moves back.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '@innboks/core';
import { recordDeliveryState, type Database } from '@innboks/db';

export function deliverLetterHandler(db: Kysely<Database>, clock: Clock) {
  return async (payload: Record<string, unknown>): Promise<void> => {
    const messageId = String(payload.messageId);
    const citizenId = String(payload.citizenId);
    await db.transaction().execute(async (tx) => {
      const attempt = await tx
        .selectFrom('delivery_attempt')
        .select(['state'])
        .where('citizen_id', '=', citizenId)
        .where('message_id', '=', messageId)
        .where('channel', '=', 'inbox')
        .forUpdate()
        .executeTakeFirst();
      if (!attempt || attempt.state !== 'queued') return;
      const now = clock.now();
      await recordDeliveryState(tx, { citizenId, messageId, channel: 'inbox', state: 'delivered', at: now, detail: null });
      await tx.updateTable('message').set({ status: 'completed', updated_at: now }).where('citizen_id', '=', citizenId).where('id', '=', messageId).execute();
    });
  };
}
