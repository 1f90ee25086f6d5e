/**
 * A citizen's answer to a question that came by Dialogmelding (a `Foresporsel`): saved
 * in the thread first, with its outgoing exchange and the `send-dialog-answer` job in
 * the same transaction, so the answer is never lost between the citizen's click and
 * the sender's queue. Which threads take an answer: those with a Dialogmelding
 * question in them. A `Notat` is a letter, and letters are not answered here, by
 * either door; the answer names the newest question of the thread.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, DialogParty } from '../schema.ts';
import { appendMessage } from '../repositories/append-message.ts';
import { citizenMessageIdentifierSystem } from '../repositories/identifier-systems.ts';
import { isUuid } from '../repositories/is-uuid.ts';
import { enqueueJob } from '../queue/job-queue.ts';
import { itemsVisibleTo, type ItemVisibility } from '@innboks/core';
import type { SentBy } from '../repositories/append-message.ts';
import { visibleItemsSql } from '../representation/item-visibility-sql.ts';
import type { ActionRecorder } from '../representation/representation-log.ts';

/** The Dialogmelding message type of an answer to a question ("Svar på forespørsel"). */
export const dialogAnswerType = 'DIALOG_SVAR';

export type AnswerOutcome =
  | { outcome: 'sent'; threadId: string; messageId: string }
  | { outcome: 'not-found' }
  /** The thread holds no Dialogmelding question: nobody asked, so there is nowhere to answer. */
  | { outcome: 'not-answerable' };

interface Question {
  messageId: string;
  organizationId: string;
  counterpartHerId: string;
  counterpart: DialogParty | null;
  conversationId: string;
}

export class CitizenDialogAnswers {
  constructor(
    private readonly db: Kysely<Database>,
    readonly citizenId: string,
    /** Which of the person's threads the viewer sees (a representative: as the rule table allows). */
    private readonly visibility: ItemVisibility = itemsVisibleTo('self', 0),
    /** Someone acting for the person: the answer names them, and is recorded in its transaction. */
    private readonly representative?: { sentBy: SentBy; recorder: ActionRecorder },
  ) {}

  /** Whether the thread holds a Dialogmelding question the citizen may answer. */
  async canAnswer(threadId: string): Promise<boolean> {
    if (!isUuid(threadId)) return false;
    const thread = await this.db.selectFrom('thread').select('id').where('citizen_id', '=', this.citizenId).where('id', '=', threadId).where(visibleItemsSql(this.visibility, 'representative_access')).executeTakeFirst();
    return thread !== undefined && (await this.questionIn(this.db, threadId)) !== undefined;
  }

  /** Saves the answer in the thread, records it as going out, and enqueues its sending. */
  async answer(threadId: string, text: string, now: Date): Promise<AnswerOutcome> {
    if (!isUuid(threadId)) return { outcome: 'not-found' };
    return this.db.transaction().execute(async (tx) => {
      const thread = await tx.selectFrom('thread').select(['subject']).where('citizen_id', '=', this.citizenId).where('id', '=', threadId).where(visibleItemsSql(this.visibility, 'representative_access')).forUpdate().executeTakeFirst();
      if (!thread) return { outcome: 'not-found' as const };
      const question = await this.questionIn(tx, threadId);
      if (!question) return { outcome: 'not-answerable' as const };
      const citizen = await tx.selectFrom('citizen').select('name').where('id', '=', this.citizenId).executeTakeFirstOrThrow();
      const messageId = randomUUID();
      await appendMessage(tx, this.citizenId, { joins: threadId }, {
        id: messageId,
        organizationId: question.organizationId,
        direction: 'from-citizen',
        kind: 'message',
        subject: thread.subject,
        senderName: citizen.name || 'Innbygger',
        textParts: [text],
        priority: 'routine',
        important: false,
        identifier: { system: citizenMessageIdentifierSystem, value: messageId },
        inResponseTo: question.messageId,
        sentAt: now,
        hasAttachments: false,
        carried: true,
        sentBy: this.representative?.sentBy,
      });
      await this.representative?.recorder.record(tx, { action: 'send', objectKind: 'dialog-answer', objectId: messageId });
      // The answer's MsgId is its message id: every sending of it is the same message to the receiver.
      await tx
        .insertInto('dialog_exchange')
        .values({
          direction: 'out',
          counterpart_her_id: question.counterpartHerId,
          msg_id: messageId,
          message_type: dialogAnswerType,
          conversation_id: question.conversationId,
          citizen_id: this.citizenId,
          message_id: messageId,
          app_rec_status: null,
          app_rec_errors: null,
          counterpart: question.counterpart ? JSON.stringify(question.counterpart) : null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await enqueueJob(tx, 'send-dialog-answer', { citizenId: this.citizenId, messageId });
      return { outcome: 'sent' as const, threadId, messageId };
    });
  }

  private async questionIn(executor: Kysely<Database> | Transaction<Database>, threadId: string): Promise<Question | undefined> {
    const row = await executor
      .selectFrom('message')
      .innerJoin('dialog_exchange', (join) => join.onRef('dialog_exchange.message_id', '=', 'message.id').onRef('dialog_exchange.citizen_id', '=', 'message.citizen_id'))
      .select(['message.id', 'message.organization_id', 'dialog_exchange.counterpart_her_id', 'dialog_exchange.counterpart', 'dialog_exchange.conversation_id'])
      .where('message.citizen_id', '=', this.citizenId)
      .where('message.thread_id', '=', threadId)
      .where('dialog_exchange.direction', '=', 'in')
      .where('dialog_exchange.message_type', '=', 'DIALOG_FORESPORSEL')
      .orderBy('message.sent_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row
      ? { messageId: row.id, organizationId: row.organization_id, counterpartHerId: row.counterpart_her_id, counterpart: row.counterpart, conversationId: row.conversation_id }
      : undefined;
  }
}
