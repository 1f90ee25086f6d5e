/**
 * A Dialogmelding as the domain's incoming letter, checked by the same rules as a
 * FHIR letter: the shown text, the attachments' types read from their bytes, the
 * limits. A `Notat` is a letter; a `Foresporsel` a message that asks for an answer.
 * The sender's MsgId is the letter's identifier, so the same message twice is one letter.
 */
import {
  attachmentLimits,
  checkAttachment,
  checkShownText,
  describeAttachmentProblem,
  isValidNationalId,
  shownTextRule,
  subjectMaxLength,
  textPartMaxLength,
  type IncomingAttachment,
  type IncomingLetter,
} from '@innboks/core';
import type { DialogMessage } from './dialog-message.ts';
import type { AppRecErrorCode } from './standards.ts';

/** The identifier system of letters that came as Dialogmelding, per sender HER-id. */
export function dialogIdentifierSystem(senderHerId: string): string {
  return `urn:innboks:dialogmelding:her-id:${senderHerId}:msg-id`;
}

export type LetterMapping =
  | { ok: true; letter: IncomingLetter }
  | { ok: false; error: AppRecErrorCode; details: string };

export function toIncomingLetter(message: DialogMessage, organizationNumber: string, inResponseTo: string | undefined): LetterMapping {
  const refuse = (error: AppRecErrorCode, details: string): LetterMapping => ({ ok: false, error, details });
  if (!isValidNationalId(message.patient.nationalId)) return refuse('patientIdWrong', 'MsgHead/MsgInfo/Patient/Ident/Id is not a valid national id or D-number');

  const subject = checkShownText(message.body.topic);
  const subjectPath = message.body.kind === 'notat' ? 'Notat/Tema' : 'Foresporsel/EmneSporsmal';
  if (!subject.ok) return refuse('notValid', `Dialogmelding/${subjectPath} ${subject.problem === 'empty' ? 'is empty' : shownTextRule}`);
  if (subject.text.length > subjectMaxLength) return refuse('notValid', `Dialogmelding/${subjectPath} is longer than ${subjectMaxLength} characters`);
  if (message.body.text.length > textPartMaxLength) return refuse('notValid', `the Dialogmelding text is longer than ${textPartMaxLength} characters`);
  const department = message.sender.department?.name;
  const shownSender = department ? checkShownText(department) : undefined;
  if (shownSender && !shownSender.ok) return refuse('notValid', `MsgHead/MsgInfo/Sender/Organisation/Organisation/OrganisationName ${shownTextRule}`);

  if (message.attachments.length > attachmentLimits.maxAttachments) return refuse('notValid', describeAttachmentProblem({ code: 'too-many', max: attachmentLimits.maxAttachments }));
  const attachments: IncomingAttachment[] = [];
  let total = 0;
  for (const [index, attachment] of message.attachments.entries()) {
    const problem = checkAttachment(attachment.mimeType, attachment.data);
    if (problem) return refuse('notValid', `MsgHead/Document[${index + 2}]/RefDoc: ${describeAttachmentProblem(problem)}`);
    total += attachment.data.length;
    const title = attachment.description.trim() || `Vedlegg ${index + 1}`;
    attachments.push({ title: title.slice(0, attachmentLimits.maxTitleLength), contentType: attachment.mimeType.split(';')[0]!.trim().toLowerCase(), data: attachment.data, position: index + 1 });
  }
  if (total > attachmentLimits.maxTotalBytes) return refuse('notValid', describeAttachmentProblem({ code: 'total-too-large', max: attachmentLimits.maxTotalBytes }));

  return {
    ok: true,
    letter: {
      citizenNationalId: message.patient.nationalId,
      organizationNumber,
      senderDisplay: shownSender?.ok ? shownSender.text : undefined,
      identifier: { system: dialogIdentifierSystem(message.sender.herId), value: message.msgId },
      subject: subject.text,
      kind: message.body.kind === 'foresporsel' ? 'message' : 'letter',
      priority: 'routine',
      important: false,
      textParts: [message.body.text],
      attachments,
      inResponseTo,
    },
  };
}
