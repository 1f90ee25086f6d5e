/**
 * Notices waiting to go — held by the SMS quiet hours (22–08) or the notice window —
 * with when they will go, for the dev page: without them a held SMS looks like nothing
 * happened. Not citizen-scoped: the dev page only runs on the local stand-ins.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface HeldNotice {
  channel: 'sms' | 'email';
  recipient: string;
  dueAt: Date;
  createdAt: Date;
  /** How many letters it stands for. */
  letters: number;
}

export async function heldNotices(db: Kysely<Database>, limit = 100): Promise<HeldNotice[]> {
  const rows = await db
    .selectFrom('notice')
    .select((eb) => [
      'notice.channel',
      'notice.recipient',
      'notice.due_at',
      'notice.created_at',
      eb
        .selectFrom('notice_letter')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .whereRef('notice_letter.citizen_id', '=', 'notice.citizen_id')
        .whereRef('notice_letter.notice_id', '=', 'notice.id')
        .as('letters'),
    ])
    .where('notice.state', '=', 'pending')
    .orderBy('notice.due_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ channel: row.channel, recipient: row.recipient, dueAt: new Date(row.due_at), createdAt: new Date(row.created_at), letters: Number(row.letters ?? 0) }));
}
