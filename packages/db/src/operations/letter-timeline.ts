/**
 * A letter's way through delivery as an operator may see it: the same delivery the
 * sender reads over FHIR (`loadStoredLetter`, the one reader of it), with the plan,
 * notices and dead letters beside it — and nothing of the letter itself. No subject,
 * text, attachment title, department name (`sender_name` can tell a diagnosis) nor
 * who the citizen is: the citizen is a pseudonymous reference, the same for all their
 * letters so an operator can see that two belong together, and no way back to a person.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadStoredLetter, type DeliveryAttemptView } from '../repositories/letter-aggregate.ts';

export interface FoundLetter {
  letterId: string;
  organizationName: string;
  organizationNumber: string;
  identifier: { system: string; value: string };
  sentAt: Date;
}

export type LetterSearch = { letterId: string } | { identifier: { system: string; value: string } };

export type TimelineStep =
  | { step: 'received'; at: Date }
  | { step: 'planned'; at: Date; channels: string[] }
  | { step: 'attempt'; at: Date; channel: string; state: string; detail: string | null }
  | { step: 'notice'; at: Date; channel: string; state: string; sentAt: Date | null }
  | { step: 'dead-letter'; at: Date; channel: string; reason: string; replayedAt: Date | null }
  | { step: 'read'; at: Date };

export interface LetterTimeline extends FoundLetter {
  kind: string;
  important: boolean;
  citizenReference: string;
  /** As the sender reads it, for FHIR's `status` (communicationStatus in packages/fhir). */
  delivery: DeliveryAttemptView[];
  steps: TimelineStep[];
}

/** A stable stand-in for a citizen: a hash of their random row id, never their national id or name. */
export function citizenReference(citizenId: string): string {
  return `P-${createHash('sha256').update(`innboks-operator:${citizenId}`).digest('hex').slice(0, 12)}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Letters by id, or by the sender's identifier (which is unique per organisation, so
 * it may name one letter of each of several): the lookup goes organisation by
 * organisation through the letter's own unique key, so it needs no index of its own.
 */
export async function findLetters(db: Kysely<Database>, search: LetterSearch): Promise<FoundLetter[]> {
  let query = db
    .selectFrom('message')
    .innerJoin('organization', 'organization.id', 'message.organization_id')
    .select(['message.id', 'organization.name', 'organization.org_number', 'message.identifier_system', 'message.identifier_value', 'message.sent_at'])
    .orderBy('message.sent_at', 'desc')
    .limit(20);
  if ('letterId' in search) {
    if (!uuidPattern.test(search.letterId)) return [];
    query = query.where('message.id', '=', search.letterId);
  } else {
    const { system, value } = search.identifier;
    query = query.where(
      sql<boolean>`(message.organization_id, message.identifier_system, message.identifier_value) in (select o.id, ${system}::text, ${value}::text from organization o)`,
    );
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    letterId: row.id,
    organizationName: row.name,
    organizationNumber: row.org_number,
    identifier: { system: row.identifier_system, value: row.identifier_value },
    sentAt: row.sent_at,
  }));
}

export async function letterTimeline(db: Kysely<Database>, letterId: string): Promise<LetterTimeline | undefined> {
  if (!uuidPattern.test(letterId)) return undefined;
  const owner = await db
    .selectFrom('message')
    .innerJoin('organization', 'organization.id', 'message.organization_id')
    .select(['message.citizen_id', 'message.organization_id', 'organization.name'])
    .where('message.id', '=', letterId)
    .executeTakeFirst();
  if (!owner) return undefined;
  const stored = await loadStoredLetter(db, { id: letterId, organizationId: owner.organization_id });
  if (!stored) return undefined;
  const where = { citizenId: owner.citizen_id, messageId: letterId };
  const [plan, notices, deadLetters] = await Promise.all([
    db.selectFrom('delivery_plan').select(['channels', 'created_at']).where('citizen_id', '=', where.citizenId).where('message_id', '=', where.messageId).executeTakeFirst(),
    db
      .selectFrom('notice_letter')
      .innerJoin('notice', (join) => join.onRef('notice.citizen_id', '=', 'notice_letter.citizen_id').onRef('notice.id', '=', 'notice_letter.notice_id'))
      .select(['notice.channel', 'notice.state', 'notice.created_at', 'notice.sent_at'])
      .where('notice_letter.citizen_id', '=', where.citizenId)
      .where('notice_letter.message_id', '=', where.messageId)
      .execute(),
    db.selectFrom('dead_letter').select(['step', 'reason', 'created_at', 'replayed_at']).where('citizen_id', '=', where.citizenId).where('message_id', '=', where.messageId).execute(),
  ]);
  const { message } = stored;
  const unordered: TimelineStep[] = [
    { step: 'received', at: message.sent_at },
    ...(plan ? [{ step: 'planned' as const, at: plan.created_at, channels: plan.channels }] : []),
    ...stored.delivery.flatMap((attempt) => attempt.events.map((event) => ({ step: 'attempt' as const, at: event.at, channel: attempt.channel, state: event.state, detail: event.detail }))),
    ...notices.map((notice) => ({ step: 'notice' as const, at: notice.created_at, channel: notice.channel, state: notice.state, sentAt: notice.sent_at })),
    ...deadLetters.map((dead) => ({ step: 'dead-letter' as const, at: dead.created_at, channel: dead.step, reason: dead.reason, replayedAt: dead.replayed_at })),
    ...(message.first_read_at ? [{ step: 'read' as const, at: message.first_read_at }] : []),
  ];
  // Time order; at the same instant in the order the letter goes (received, plan, attempts, …).
  const steps = unordered
    .map((step, index) => ({ step, index }))
    .sort((left, right) => left.step.at.getTime() - right.step.at.getTime() || left.index - right.index)
    .map(({ step }) => step);
  return {
    letterId,
    organizationName: owner.name,
    organizationNumber: stored.organizationNumber,
    identifier: { system: message.identifier_system, value: message.identifier_value },
    sentAt: message.sent_at,
    kind: message.kind,
    important: message.important,
    citizenReference: citizenReference(owner.citizen_id),
    delivery: stored.delivery,
    steps,
  };
}
