/**
 * What the Dialogmelding door remembers (migration 0017): the messages in and out
 * with the letters they became or came from and the AppRecs that answered them, and
 * the failed deliveries of messages that could not be handled. The AMQP consumer and
 * the reply job are system actors, like the delivery worker: they reach letters only
 * through the sender's repository (openSenderRepository) and this store.
 */
import { sql, type Kysely } from 'kysely';
import { letterStatusOfReceipt } from '@innboks/core';
import type { Database, DialogParty } from '../schema.ts';
import { setMessageStatuses } from '../delivery/plan-batch.ts';

export interface AppRecOutcome {
  status: '1' | '2' | '3';
  errors: { code: string; description: string; details?: string | undefined }[];
}

export interface ExchangeToRecord {
  direction: 'in' | 'out';
  counterpartHerId: string;
  msgId: string;
  messageType: string;
  conversationId: string;
  citizenId: string | null;
  messageId: string | null;
  appRec: AppRecOutcome | null;
  /** The counterpart as it named itself in MsgHead/Sender: where an answer goes. */
  counterpart?: DialogParty | undefined;
}

/** Everything the answer job needs to write, sign and address one citizen's answer. */
export interface AnswerToSend {
  msgId: string;
  counterpartHerId: string;
  counterpart: DialogParty | null;
  conversationId: string;
  /** The MsgId of the question it answers (RefToParent). */
  refToParent: string;
  citizen: { nationalId: string; name: string };
  subject: string;
  textParts: string[];
  sentAt: Date;
  /** The receiver's AppRec has come: the answer arrived (or was refused) and is not sent again. */
  answered: boolean;
}

export interface ExchangeRow {
  direction: 'in' | 'out';
  counterpartHerId: string;
  msgId: string;
  messageType: string;
  conversationId: string;
  messageId: string | null;
  appRecStatus: string | null;
  appRecErrors: AppRecOutcome['errors'] | null;
  updatedAt: Date;
}

export interface DialogDeadLetter {
  transportMessageId: string;
  fromHerId: string;
  deliveries: number;
  lastError: string;
  deadLetteredAt: Date;
}

export class DialogExchanges {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records a message and what answered it; recording it again (a redelivery) keeps the first row and its letter. */
  async record(exchange: ExchangeToRecord, now: Date): Promise<void> {
    await this.db
      .insertInto('dialog_exchange')
      .values({
        direction: exchange.direction,
        counterpart_her_id: exchange.counterpartHerId,
        msg_id: exchange.msgId,
        message_type: exchange.messageType,
        conversation_id: exchange.conversationId,
        citizen_id: exchange.citizenId,
        message_id: exchange.messageId,
        app_rec_status: exchange.appRec?.status ?? null,
        app_rec_errors: exchange.appRec ? JSON.stringify(exchange.appRec.errors) : null,
        counterpart: exchange.counterpart ? JSON.stringify(exchange.counterpart) : null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(['direction', 'counterpart_her_id', 'msg_id']).doUpdateSet({
          message_id: sql`coalesce(dialog_exchange.message_id, excluded.message_id)`,
          citizen_id: sql`coalesce(dialog_exchange.citizen_id, excluded.citizen_id)`,
          app_rec_status: sql`coalesce(excluded.app_rec_status, dialog_exchange.app_rec_status)`,
          app_rec_errors: sql`coalesce(excluded.app_rec_errors, dialog_exchange.app_rec_errors)`,
          counterpart: sql`coalesce(dialog_exchange.counterpart, excluded.counterpart)`,
          updated_at: now,
        }),
      )
      .execute();
  }

  /** The letter a ConversationRef's parent names: a message this counterpart sent us, or one we sent it. */
  async letterOf(counterpartHerId: string, msgId: string): Promise<{ messageId: string; conversationId: string } | undefined> {
    const row = await this.db
      .selectFrom('dialog_exchange')
      .select(['message_id', 'conversation_id'])
      .where('counterpart_her_id', '=', counterpartHerId)
      .where('msg_id', '=', msgId)
      .where('message_id', 'is not', null)
      .executeTakeFirst();
    return row?.message_id ? { messageId: row.message_id, conversationId: row.conversation_id } : undefined;
  }

  /** The incoming Dialogmelding a letter came from, for answering it on the same conversation. */
  async incomingFor(messageId: string): Promise<{ counterpartHerId: string; msgId: string; conversationId: string } | undefined> {
    const row = await this.db
      .selectFrom('dialog_exchange')
      .select(['counterpart_her_id', 'msg_id', 'conversation_id'])
      .where('message_id', '=', messageId)
      .where('direction', '=', 'in')
      .executeTakeFirst();
    return row ? { counterpartHerId: row.counterpart_her_id, msgId: row.msg_id, conversationId: row.conversation_id } : undefined;
  }

  /**
   * Records the AppRec a counterpart sent for one of our messages, and moves the
   * message it carried (a citizen's answer) to what the receipt says: arrived or
   * refused. False when the MsgId is none of ours to this counterpart.
   */
  async recordAppRecFor(counterpartHerId: string, msgId: string, appRec: AppRecOutcome, now: Date): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .updateTable('dialog_exchange')
        .set({ app_rec_status: appRec.status, app_rec_errors: JSON.stringify(appRec.errors), updated_at: now })
        .where('direction', '=', 'out')
        .where('counterpart_her_id', '=', counterpartHerId)
        .where('msg_id', '=', msgId)
        .returning(['citizen_id', 'message_id'])
        .executeTakeFirst();
      if (!row) return false;
      if (row.citizen_id && row.message_id) await setMessageStatuses(tx, [{ citizenId: row.citizen_id, messageId: row.message_id, status: letterStatusOfReceipt(appRec.status) }], now);
      return true;
    });
  }

  /** A citizen's answer as it goes out, with its question and its receiver; undefined when there is no such answer. */
  async answerToSend(citizenId: string, messageId: string): Promise<AnswerToSend | undefined> {
    const row = await this.db
      .selectFrom('dialog_exchange as answer')
      .innerJoin('message', (join) => join.onRef('message.citizen_id', '=', 'answer.citizen_id').onRef('message.id', '=', 'answer.message_id'))
      .innerJoin('citizen', 'citizen.id', 'message.citizen_id')
      .innerJoin('dialog_exchange as question', (join) =>
        join.onRef('question.citizen_id', '=', 'message.citizen_id').onRef('question.message_id', '=', 'message.in_response_to').on('question.direction', '=', 'in'),
      )
      .select([
        'answer.msg_id',
        'answer.counterpart_her_id',
        'answer.counterpart',
        'answer.conversation_id',
        'answer.app_rec_status',
        'question.msg_id as question_msg_id',
        'citizen.national_id',
        'citizen.name',
        'message.subject',
        'message.text_parts',
        'message.sent_at',
      ])
      .where('answer.citizen_id', '=', citizenId)
      .where('answer.message_id', '=', messageId)
      .where('answer.direction', '=', 'out')
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      msgId: row.msg_id,
      counterpartHerId: row.counterpart_her_id,
      counterpart: row.counterpart,
      conversationId: row.conversation_id,
      refToParent: row.question_msg_id,
      citizen: { nationalId: row.national_id, name: row.name },
      subject: row.subject,
      textParts: row.text_parts,
      sentAt: row.sent_at,
      answered: row.app_rec_status !== null,
    };
  }

  async recent(limit = 50): Promise<ExchangeRow[]> {
    const rows = await this.db.selectFrom('dialog_exchange').selectAll().orderBy('updated_at', 'desc').limit(limit).execute();
    return rows.map((row) => ({
      direction: row.direction,
      counterpartHerId: row.counterpart_her_id,
      msgId: row.msg_id,
      messageType: row.message_type,
      conversationId: row.conversation_id,
      messageId: row.message_id,
      appRecStatus: row.app_rec_status,
      appRecErrors: row.app_rec_errors,
      updatedAt: row.updated_at,
    }));
  }

  /** Counts one more failed delivery of a transport message; answers how many there have been. */
  async countFailure(transportMessageId: string, fromHerId: string, error: string, now: Date): Promise<number> {
    const row = await this.db
      .insertInto('dialog_failure')
      .values({ transport_message_id: transportMessageId, from_her_id: fromHerId, deliveries: 1, last_error: error.slice(0, 2000), updated_at: now })
      .onConflict((conflict) =>
        conflict.column('transport_message_id').doUpdateSet({ deliveries: sql`dialog_failure.deliveries + 1`, last_error: error.slice(0, 2000), updated_at: now }),
      )
      .returning('deliveries')
      .executeTakeFirstOrThrow();
    return row.deliveries;
  }

  async markDeadLettered(transportMessageId: string, now: Date): Promise<void> {
    await this.db.updateTable('dialog_failure').set({ dead_lettered_at: now, updated_at: now }).where('transport_message_id', '=', transportMessageId).execute();
  }

  async deadLetters(limit = 200): Promise<DialogDeadLetter[]> {
    const rows = await this.db.selectFrom('dialog_failure').selectAll().where('dead_lettered_at', 'is not', null).orderBy('dead_lettered_at', 'desc').limit(limit).execute();
    return rows.map((row) => ({ transportMessageId: row.transport_message_id, fromHerId: row.from_her_id, deliveries: row.deliveries, lastError: row.last_error, deadLetteredAt: row.dead_lettered_at! }));
  }
}
