/**
 * Dead letters: steps that gave up (a channel, a notice, a plan with no channel), kept
 * for an operator beside the jobs the queue gave up on; and the operator's replay,
 * the only way a failed attempt moves again.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { enqueueJob, listDeadJobs, requeueDeadJob } from '../queue/job-queue.ts';
import { channelJob, deliverLetterJob, sendNoticeJob } from '../queue/job-kinds.ts';
import { recordset } from '../sql/recordset.ts';
import { moveAttempt, moveAttempts } from './attempts.ts';
import { deliveryTransaction } from './delivery-transaction.ts';
import type { DeadLetterView, DeliverySettings } from './delivery-types.ts';
import { lettersOfNotice } from './notice-batch.ts';

export interface DeadLetterEntry {
  citizenId: string;
  messageId: string | null;
  noticeId: string | null;
  step: string;
  reason: string;
  attempts: number;
  at: Date;
}

export async function addDeadLetters(tx: Transaction<Database>, entries: readonly DeadLetterEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    citizen_id: entry.citizenId,
    message_id: entry.messageId,
    notice_id: entry.noticeId,
    step: entry.step,
    reason: entry.reason.slice(0, 2000),
    attempts: entry.attempts,
    created_at: entry.at.toISOString(),
  }));
  await sql`
    insert into dead_letter (citizen_id, message_id, notice_id, step, reason, attempts, created_at)
    select citizen_id, message_id, notice_id, step, reason, attempts, created_at
    from ${recordset(rows, 'd', 'citizen_id uuid, message_id uuid, notice_id uuid, step text, reason text, attempts integer, created_at timestamptz')}`.execute(tx);
}

/** Dead letters not replayed yet, and jobs the queue gave up on; oldest first. */
export async function listDeadLetters(db: Kysely<Database>): Promise<DeadLetterView[]> {
  const letters = await db.selectFrom('dead_letter').selectAll().where('replayed_at', 'is', null).orderBy('id').execute();
  const jobs = await listDeadJobs(db);
  return [
    ...letters.map((row) => ({
      id: `d${row.id}`,
      kind: 'delivery' as const,
      citizenId: row.citizen_id,
      messageId: row.message_id,
      noticeId: row.notice_id,
      step: row.step,
      reason: row.reason,
      attempts: row.attempts,
      createdAt: row.created_at,
    })),
    ...jobs.map((row) => ({
      id: `j${row.id}`,
      kind: 'job' as const,
      citizenId: typeof row.payload.citizenId === 'string' ? row.payload.citizenId : null,
      messageId: typeof row.payload.messageId === 'string' ? row.payload.messageId : null,
      noticeId: typeof row.payload.noticeId === 'string' ? row.payload.noticeId : null,
      step: row.kind,
      reason: row.last_error ?? '',
      attempts: row.attempts,
      createdAt: row.created_at,
    })),
  ];
}

/**
 * An operator sends a dead letter again: the failed step is queued anew (the only
 * way a failed attempt moves again) with a fresh set of tries. False: no such entry.
 */
export async function replayDeadLetter(
  db: Kysely<Database>,
  settings: DeliverySettings,
  id: string,
  at: Date,
  /** Written in the replay's own transaction (the operator's audit row): a replay that cannot be recorded does not happen. */
  record?: (tx: Transaction<Database>, replayed: boolean) => Promise<void>,
): Promise<boolean> {
  return deliveryTransaction(db, async (tx) => {
    const replayed = await replayIn(tx, settings, id, at);
    await record?.(tx, replayed);
    return replayed;
  });
}

async function replayIn(tx: Transaction<Database>, settings: DeliverySettings, id: string, at: Date): Promise<boolean> {
  const number = Number(id.slice(1));
  if (!Number.isSafeInteger(number)) return false;
  if (id.startsWith('j')) return requeueDeadJob(tx, number, at);
  if (!id.startsWith('d')) return false;
  const entry = await tx.selectFrom('dead_letter').selectAll().where('id', '=', number).where('replayed_at', 'is', null).forUpdate().executeTakeFirst();
  if (!entry) return false;
  await tx.updateTable('dead_letter').set({ replayed_at: at }).where('id', '=', number).execute();
  const citizenId = entry.citizen_id;
  const detail = `replayed by an operator (dead letter ${id})`;
  if (entry.notice_id) {
    const notice = await tx
      .updateTable('notice')
      .set({ state: 'sending', sending_at: at, detail, updated_at: at })
      .where('citizen_id', '=', citizenId)
      .where('id', '=', entry.notice_id)
      .where('state', '=', 'failed')
      .returning('channel')
      .executeTakeFirst();
    if (notice) {
      const letters = await lettersOfNotice(tx, citizenId, entry.notice_id);
      await moveAttempts(tx, letters.map((letter) => ({ citizenId: letter.citizenId, messageId: letter.messageId, channel: notice.channel, state: 'queued' as const, at, detail })), { reopen: true });
      await enqueueJob(tx, sendNoticeJob, { citizenId, noticeId: entry.notice_id }, { runAt: at, maxAttempts: settings.maxAttempts });
    }
    return true;
  }
  if (!entry.message_id) return true;
  const ref = { citizenId, messageId: entry.message_id };
  if (entry.step === 'plan') {
    await tx.deleteFrom('delivery_plan').where('citizen_id', '=', citizenId).where('message_id', '=', entry.message_id).execute();
    await moveAttempt(tx, { ...ref, channel: 'inbox', state: 'queued', at, detail }, { reopen: true });
    await enqueueJob(tx, deliverLetterJob, ref, { runAt: at });
    return true;
  }
  if (entry.step === 'digital-mailbox' || entry.step === 'paper') {
    const reopened = await moveAttempt(tx, { ...ref, channel: entry.step, state: 'queued', at, detail }, { reopen: true });
    if (reopened) await enqueueJob(tx, channelJob[entry.step], ref, { runAt: at, maxAttempts: settings.maxAttempts });
  }
  return true;
}
