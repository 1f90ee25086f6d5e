/**
 * The forms jobs: failing an order at its closing moment, and writing a submitted
 * form's receipt with its PDF. Both re-read the database and do nothing when the
 * work is done, so a job run twice is harmless.
 */
import type { Kysely } from 'kysely';
import { answeredLines, type Clock, type RepresentationRelation } from '@innboks/core';
import { expireFormTask, FormReceipts, type Database, type FormResponseJob, type FormTaskJob, type ReceiptContent } from '@innboks/db';
import { osloTime, renderFormReceiptPdf } from '@innboks/channels';

export function expireFormTaskHandler(db: Kysely<Database>, clock: Clock) {
  return async ({ citizenId, taskId }: FormTaskJob): Promise<void> => {
    await expireFormTask(db, citizenId, taskId, clock.now());
  };
}

export function formReceiptHandler(db: Kysely<Database>, clock: Clock) {
  const receipts = new FormReceipts(db);
  return async ({ citizenId, responseId }: FormResponseJob): Promise<void> => {
    const content = await receipts.toWrite(citizenId, responseId);
    if (!content) return;
    const filledInBy = filledInByText(content);
    const pdf = await renderFormReceiptPdf({
      title: content.title,
      organizationName: content.organizationName,
      submittedAt: content.submittedAt,
      reference: content.reference,
      filledInBy,
      lines: answeredLines(content.questionnaire.item, content.items),
    });
    const text = [
      `Skjemaet «${content.title}» er sendt til ${content.organizationName}.`,
      `Sendt inn: ${osloTime(content.submittedAt)}\nReferanse: ${content.reference}\nFylt ut av: ${filledInBy}`,
      'Spørsmålene og svarene dine står i vedlegget.',
    ];
    await receipts.save(citizenId, content, text, pdf, clock.now());
  };
}

/** How the receipt names a representative's relation to the person. */
const relationWords: Record<RepresentationRelation, string> = { FO: 'forelder', FU: 'fullmektig', VE: 'verge' };

/**
 * The person who filled it in: their name where the registers gave one, and always
 * their birth date part of the id, never the whole number; a representative with
 * their relation and for whom ("Kari Nordmann (forelder) for Emma Nordmann").
 */
export function filledInByText(content: Pick<ReceiptContent, 'authorNationalId' | 'authorName' | 'authorRelation' | 'personName'>): string {
  const masked = `${content.authorNationalId.slice(0, 6)} *****`;
  if (content.authorRelation) return `${content.authorName || masked} (${relationWords[content.authorRelation]}) for ${content.personName}`;
  return content.authorName ? `${content.authorName} (${masked})` : masked;
}
