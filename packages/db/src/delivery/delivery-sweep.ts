/**
 * The sweeper's search: delivery work that is waiting with no job to do it (a job
 * deleted by hand, a bug), queued again. Everything is queued in the same transaction
 * as its state, so in normal running this finds nothing.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { enqueueJob } from '../queue/job-queue.ts';
import { channelJob, deliverLetterJob, sendNoticeJob, unreadFallbackJob, type JobKind } from '../queue/job-kinds.ts';
import { deliveryTransaction } from './delivery-transaction.ts';
import type { DeliverySettings } from './delivery-types.ts';

export interface SweepFound {
  plans: number;
  channels: number;
  notices: number;
  fallbacks: number;
}

export async function sweepDelivery(db: Kysely<Database>, settings: DeliverySettings, now: Date, stuckBefore: Date, limit = 500): Promise<SweepFound> {
  const noJob = (kind: JobKind, key: 'messageId' | 'noticeId', column: string) =>
    sql<boolean>`not exists (select 1 from job where job.kind = ${kind} and job.payload->>${key} = ${sql.ref(column)}::text)`;

  const unplanned = await db
    .selectFrom('delivery_attempt')
    .select(['delivery_attempt.citizen_id', 'delivery_attempt.message_id'])
    .where('delivery_attempt.channel', '=', 'inbox')
    .where('delivery_attempt.state', '=', 'queued')
    .where('delivery_attempt.updated_at', '<', stuckBefore)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('delivery_plan').select('step').whereRef('delivery_plan.citizen_id', '=', 'delivery_attempt.citizen_id').whereRef('delivery_plan.message_id', '=', 'delivery_attempt.message_id'))),
    )
    .where(noJob(deliverLetterJob, 'messageId', 'delivery_attempt.message_id'))
    .limit(limit)
    .execute();
  const channels = await db
    .selectFrom('delivery_attempt')
    .select(['citizen_id', 'message_id', 'channel'])
    .where('state', 'in', ['queued', 'sending'])
    .where('channel', 'in', ['digital-mailbox', 'paper'])
    .where('updated_at', '<', stuckBefore)
    .where((eb) =>
      eb.or([
        eb.and([eb('channel', '=', 'digital-mailbox'), noJob(channelJob['digital-mailbox'], 'messageId', 'delivery_attempt.message_id')]),
        eb.and([eb('channel', '=', 'paper'), noJob(channelJob.paper, 'messageId', 'delivery_attempt.message_id')]),
      ]),
    )
    .limit(limit)
    .execute();
  const notices = await db
    .selectFrom('notice')
    .select(['citizen_id', 'id', 'due_at'])
    .where('state', 'in', ['pending', 'sending'])
    .where('updated_at', '<', stuckBefore)
    .where(noJob(sendNoticeJob, 'noticeId', 'notice.id'))
    .limit(limit)
    .execute();
  const fallbacks = await db
    .selectFrom('delivery_plan')
    .select(['citizen_id', 'message_id'])
    .where('unread_fallback_at', '<=', now)
    .where('unread_fallback_done', '=', false)
    .where(noJob(unreadFallbackJob, 'messageId', 'delivery_plan.message_id'))
    .limit(limit)
    .execute();

  await deliveryTransaction(db, async (tx) => {
    for (const row of unplanned) await enqueueJob(tx, deliverLetterJob, { citizenId: row.citizen_id, messageId: row.message_id }, { runAt: now });
    for (const row of channels) {
      await enqueueJob(tx, channelJob[row.channel as 'paper' | 'digital-mailbox'], { citizenId: row.citizen_id, messageId: row.message_id }, { runAt: now, maxAttempts: settings.maxAttempts });
    }
    for (const row of notices) {
      await enqueueJob(tx, sendNoticeJob, { citizenId: row.citizen_id, noticeId: row.id }, { runAt: row.due_at > now ? row.due_at : now, maxAttempts: settings.maxAttempts });
    }
    for (const row of fallbacks) await enqueueJob(tx, unreadFallbackJob, { citizenId: row.citizen_id, messageId: row.message_id }, { runAt: now });
  });
  return { plans: unplanned.length, channels: channels.length, notices: notices.length, fallbacks: fallbacks.length };
}
