/** What the delivery steps read: letters with their plans, attachments, the citizen's notice choice. */
import { sql } from 'kysely';
import type { DeliveryChannel, Language, NoticeChannel, NoticeChoice, RepresentativeAccess, SenderKind } from '@innboks/core';
import { recordset } from '../sql/recordset.ts';
import type { Executor } from './attempts.ts';
import type { DeliveryFacts, LetterForDelivery, LetterRef, PlanRow } from './delivery-types.ts';

interface PlanColumns {
  channels: unknown;
  step: number;
  notices: unknown;
  facts: unknown;
  unread_fallback_at: Date | null;
  unread_fallback_done: boolean;
}

interface LetterRow extends PlanColumns {
  id: string;
  citizen_id: string;
  national_id: string;
  portal_user: boolean;
  kind: string;
  org_number: string;
  organization_name: string;
  sender_name: string;
  subject: string;
  text_parts: string[];
  important: boolean;
  sent_at: Date;
  first_read_at: Date | null;
  notice_choice: NoticeChoice | null;
  language: Language;
  representative_access: RepresentativeAccess | null;
  planned: boolean;
}

function planRow(row: PlanColumns): PlanRow {
  return {
    channels: row.channels as DeliveryChannel[],
    step: row.step,
    notices: row.notices as NoticeChannel[],
    facts: row.facts as DeliveryFacts,
    unreadFallbackAt: row.unread_fallback_at,
    unreadFallbackDone: row.unread_fallback_done,
  };
}

/** Letters with what planning needs (plan, notice choice), in one statement; by message id. */
export async function readLetters(executor: Executor, refs: readonly LetterRef[]): Promise<Map<string, LetterForDelivery>> {
  if (refs.length === 0) return new Map();
  const { rows } = await sql<LetterRow>`
    select m.id, m.citizen_id, c.national_id, c.portal_user, o.kind, o.org_number, o.name as organization_name,
           m.sender_name, m.subject, m.text_parts, m.important, m.sent_at, m.first_read_at, s.choice as notice_choice,
           coalesce(c.language, 'nb') as language, t.representative_access,
           p.channels, p.step, p.notices, p.facts, p.unread_fallback_at, p.unread_fallback_done, p.message_id is not null as planned
    from ${recordset(refs.map((ref) => ({ citizen_id: ref.citizenId, id: ref.messageId })), 'r', 'citizen_id uuid, id uuid')}
    join message m on m.citizen_id = r.citizen_id and m.id = r.id
    join citizen c on c.id = m.citizen_id
    join thread t on t.citizen_id = m.citizen_id and t.id = m.thread_id
    join organization o on o.id = m.organization_id
    left join notice_setting s on s.citizen_id = m.citizen_id
    left join delivery_plan p on p.citizen_id = m.citizen_id and p.message_id = m.id`.execute(executor);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        messageId: row.id,
        citizenId: row.citizen_id,
        nationalId: row.national_id,
        portalUser: row.portal_user,
        senderKind: row.kind as SenderKind,
        organizationNumber: row.org_number,
        organizationName: row.organization_name,
        senderName: row.sender_name,
        subject: row.subject,
        textParts: row.text_parts,
        important: row.important,
        sentAt: row.sent_at,
        firstReadAt: row.first_read_at,
        noticeChoice: row.notice_choice,
        language: row.language,
        representativeAccess: row.representative_access,
        plan: row.planned ? planRow(row) : undefined,
      },
    ]),
  );
}

/** A letter's plan; `lock` holds it (FOR UPDATE) for a step that moves it on. */
export async function readPlan(executor: Executor, ref: LetterRef, lock = false): Promise<PlanRow | undefined> {
  let query = executor.selectFrom('delivery_plan').selectAll().where('citizen_id', '=', ref.citizenId).where('message_id', '=', ref.messageId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? planRow(row) : undefined;
}

export async function readAttachments(executor: Executor, ref: LetterRef) {
  const rows = await executor
    .selectFrom('attachment')
    .select(['title', 'content_type', 'data'])
    .where('citizen_id', '=', ref.citizenId)
    .where('message_id', '=', ref.messageId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ title: row.title, contentType: row.content_type, data: new Uint8Array(row.data) }));
}

export async function readNoticeChoice(executor: Executor, citizenId: string): Promise<NoticeChoice | null> {
  const row = await executor.selectFrom('notice_setting').select('choice').where('citizen_id', '=', citizenId).executeTakeFirst();
  return row?.choice ?? null;
}

export async function saveNoticeChoice(executor: Executor, citizenId: string, choice: NoticeChoice, at: Date): Promise<void> {
  await executor
    .insertInto('notice_setting')
    .values({ citizen_id: citizenId, choice, updated_at: at })
    .onConflict((conflict) => conflict.column('citizen_id').doUpdateSet({ choice, updated_at: at }))
    .execute();
}

/** Whether the citizen has opened the letter; undefined when there is no such letter. */
export async function firstReadAt(executor: Executor, ref: LetterRef): Promise<{ at: Date | null } | undefined> {
  const row = await executor.selectFrom('message').select('first_read_at').where('citizen_id', '=', ref.citizenId).where('id', '=', ref.messageId).executeTakeFirst();
  return row ? { at: row.first_read_at } : undefined;
}

/**
 * The people a child's letter may notify (the parents the register names), as our
 * records know them: made on first mention (a parent who never logged in still has
 * notice settings of their own: none yet), with each one's notice choice. By national id:
 * each claimed in citizen_by_national_id first (repositories/citizens.ts), then written.
 */
export async function noticeHolders(
  executor: Executor,
  people: readonly { nationalId: string; name: string; birthDate: string | null }[],
): Promise<Map<string, { citizenId: string; noticeChoice: NoticeChoice | null }>> {
  if (people.length === 0) return new Map();
  const rows = [...new Map(people.map((person) => [person.nationalId, { national_id: person.nationalId, name: person.name, birth_date: person.birthDate }])).values()];
  const { rows: found } = await sql<{ id: string; national_id: string; choice: NoticeChoice | null }>`
    with p as (select * from ${recordset(rows, 'p', 'national_id text, name text, birth_date text')}),
    claimed as (
      insert into citizen_by_national_id (national_id, citizen_id)
      select national_id, gen_random_uuid() from p order by national_id
      on conflict (national_id) do update set national_id = excluded.national_id
      returning national_id, citizen_id
    ),
    upserted as (
      insert into citizen as c (id, national_id, name, birth_date)
      select claimed.citizen_id, p.national_id, p.name, p.birth_date::date from claimed join p using (national_id)
      order by claimed.citizen_id
      on conflict (id) do update set name = case when c.name = '' then excluded.name else c.name end
      returning c.id, c.national_id
    )
    select u.id, u.national_id, s.choice from upserted u left join notice_setting s on s.citizen_id = u.id`.execute(executor);
  return new Map(found.map((row) => [row.national_id, { citizenId: row.id, noticeChoice: row.choice }]));
}
