/**
 * Where a letter's time from arrival to notice goes, from what the database kept:
 * POST sent → letter stored (the API), stored → plan saved (the deliver-letter job's
 * wait in the queue plus both register look-ups), plan → notice marked sending (the
 * send-notice job's wait in the queue), sending → accepted by the SMTP server.
 */
import type pg from 'pg';
import { Latencies } from './stats.ts';

export interface LetterTimes {
  citizenId: string;
  /** When the bench sent the POST (ms since epoch). */
  postedAt: number;
  /** When the SMTP server accepted its notice, if it did. */
  noticeAcceptedAt: number | undefined;
}

export interface StageLatencies {
  api: Latencies;
  toPlan: Latencies;
  toNoticeSending: Latencies;
  toSmtp: Latencies;
}

export async function stageLatencies(pool: pg.Pool, letters: LetterTimes[]): Promise<StageLatencies> {
  const { rows } = await pool.query<{ citizen_id: string; stored_at: Date; planned_at: Date | null; sending_at: Date | null }>(
    `select m.citizen_id, m.sent_at as stored_at, p.created_at as planned_at, n.sending_at
       from message m
       left join delivery_plan p on p.citizen_id = m.citizen_id and p.message_id = m.id
       left join notice_letter nl on nl.citizen_id = m.citizen_id and nl.message_id = m.id
       left join notice n on n.citizen_id = nl.citizen_id and n.id = nl.notice_id
      where m.citizen_id = any($1::uuid[])`,
    [letters.map((letter) => letter.citizenId)],
  );
  const byCitizen = new Map(rows.map((row) => [row.citizen_id, row]));
  const stages: StageLatencies = { api: new Latencies(), toPlan: new Latencies(), toNoticeSending: new Latencies(), toSmtp: new Latencies() };
  for (const letter of letters) {
    const row = byCitizen.get(letter.citizenId);
    if (!row) continue;
    const stored = row.stored_at.getTime();
    stages.api.add(stored - letter.postedAt);
    if (!row.planned_at) continue;
    stages.toPlan.add(row.planned_at.getTime() - stored);
    if (!row.sending_at) continue;
    stages.toNoticeSending.add(row.sending_at.getTime() - row.planned_at.getTime());
    if (letter.noticeAcceptedAt !== undefined) stages.toSmtp.add(letter.noticeAcceptedAt - row.sending_at.getTime());
  }
  return stages;
}
