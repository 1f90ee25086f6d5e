/**
 * What the forms jobs write. Each re-reads the database and changes only what is still
 * to be changed, so a job run twice finds nothing to do: an order fails once, at its
 * closing moment, and only from a state that may move to failed; a response gets one
 * receipt, kept by the response's `receipt_message_id`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { taskStatesBefore, type IncomingLetter, type RepresentationRelation, type RepresentativeAccess } from '@innboks/core';
import type { Database } from '../../schema.ts';
import { insertLetterRows } from '../letter-rows.ts';
import { letterThread } from '../letter-message.ts';

/** Fails the order if it is still open at its closing moment; true when it did. */
export async function expireFormTask(db: Kysely<Database>, citizenId: string, taskId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('form_task')
    .set((eb) => ({ status: 'failed', status_reason: 'expired', updated_at: now, version_id: eb('version_id', '+', 1) }))
    .where('citizen_id', '=', citizenId)
    .where('id', '=', taskId)
    .where('status', 'in', taskStatesBefore('failed'))
    .where('closes_at', '<=', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** What a receipt shows: the form, who received it, when, a reference, who filled it in, and the answers. */
export interface ReceiptContent {
  responseId: string;
  title: string;
  organizationName: string;
  submittedAt: Date;
  reference: string;
  authorNationalId: string;
  authorName: string;
  /** How the author acts for the person (FO, FU, VE); null when the person filled it in. */
  authorRelation: RepresentationRelation | null;
  /** The person the form is for. */
  personName: string;
  /** Who besides the person sees the receipt: the order's code; `N` for a catalogue form a representative filled in. */
  representativeAccess: RepresentativeAccess | null;
  questionnaire: Record<string, unknown>;
  items: unknown[];
}

/** The reference the citizen quotes: short, from the response's id. */
export function receiptReference(responseId: string): string {
  return responseId.replace(/-/g, '').slice(0, 10).toUpperCase();
}

export const formReceiptLetterSystem = 'urn:innboks:form-receipt';

export class FormReceipts {
  constructor(private readonly db: Kysely<Database>) {}

  /** The receipt still to write, or undefined when it is written (or the response is not submitted). */
  async toWrite(citizenId: string, responseId: string): Promise<ReceiptContent | undefined> {
    const row = await this.db
      .selectFrom('form_response as r')
      .innerJoin('questionnaire as q', 'q.id', 'r.questionnaire_id')
      .innerJoin('organization as o', 'o.id', 'r.organization_id')
      .innerJoin('citizen as person', 'person.id', 'r.citizen_id')
      .leftJoin('form_task as t', 't.id', 'r.task_id')
      .leftJoin('citizen_by_national_id as author_id', 'author_id.national_id', 'r.author_national_id')
      .leftJoin('citizen as author', 'author.id', 'author_id.citizen_id')
      .select(['r.id', 'r.task_id', 'r.items', 'r.authored_at', 'r.updated_at', 'r.author_national_id', 'r.author_relation', 'author.name as author_name', 'person.name as person_name', 't.representative_access', 'q.title', 'q.resource', 'o.name'])
      .where('r.citizen_id', '=', citizenId)
      .where('r.id', '=', responseId)
      .where('r.status', '=', 'completed')
      .where('r.receipt_message_id', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      responseId: row.id,
      title: row.title,
      organizationName: row.name,
      submittedAt: row.authored_at ?? row.updated_at,
      reference: receiptReference(row.id),
      authorNationalId: row.author_national_id,
      authorName: row.author_name ?? '',
      authorRelation: row.author_relation,
      personName: row.person_name,
      representativeAccess: row.task_id ? row.representative_access : row.author_relation ? 'N' : null,
      questionnaire: row.resource,
      items: row.items,
    };
  }

  /** Writes the receipt letter (from the receiving organisation, under Kvitteringer) once. */
  async save(citizenId: string, content: ReceiptContent, textParts: string[], pdf: Uint8Array, now: Date): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const response = await tx
        .selectFrom('form_response as r')
        .innerJoin('organization as o', 'o.id', 'r.organization_id')
        .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
        .selectAll('o')
        .select(['c.national_id as citizen_national_id'])
        .where('r.citizen_id', '=', citizenId)
        .where('r.id', '=', content.responseId)
        .where('r.receipt_message_id', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!response) return false;
      const { citizen_national_id: citizenNationalId, ...organization } = response;
      const messageId = randomUUID();
      const letter: IncomingLetter = {
        citizenNationalId,
        organizationNumber: organization.org_number,
        senderDisplay: undefined,
        identifier: { system: formReceiptLetterSystem, value: content.responseId },
        subject: `Kvittering: ${content.title}`,
        kind: 'form-receipt',
        priority: 'routine',
        important: false,
        textParts,
        attachments: [{ title: `Kvittering ${content.reference}.pdf`, contentType: 'application/pdf', data: pdf, position: 0 }],
        inResponseTo: undefined,
        representativeAccess: content.representativeAccess ?? undefined,
      };
      await insertLetterRows(tx, organization, citizenId, { starts: letterThread(organization, letter) }, letter, messageId, now);
      await tx.updateTable('form_response').set({ receipt_message_id: messageId }).where('citizen_id', '=', citizenId).where('id', '=', content.responseId).execute();
      return true;
    });
  }
}
