/** A sender's letter as the message, thread and attachment rows it is saved as, by either way of saving it. */
import { createHash, randomUUID } from 'node:crypto';
import { inboxCategoryFor, type IncomingLetter, type SenderKind } from '@innboks/core';
import type { OrganizationRow } from '../schema.ts';
import type { StoredAttachmentMeta } from './letter-aggregate.ts';
import type { MessageToAppend, NewThread } from './append-message.ts';

export type AttachmentToStore = StoredAttachmentMeta & { data: Uint8Array };

export function letterMessage(organization: OrganizationRow, letter: IncomingLetter, id: string, now: Date): MessageToAppend {
  return {
    id,
    organizationId: organization.id,
    direction: 'to-citizen',
    kind: letter.kind,
    subject: letter.subject,
    // The service or department the sender names, else the organisation.
    senderName: letter.senderDisplay ?? organization.name,
    textParts: letter.textParts,
    priority: letter.priority,
    important: letter.important,
    identifier: letter.identifier,
    inResponseTo: letter.inResponseTo ?? null,
    sentAt: now,
    hasAttachments: letter.attachments.length > 0,
  };
}

/** The thread a letter starts when it answers none. */
export function letterThread(organization: OrganizationRow, letter: IncomingLetter): NewThread {
  return {
    category: inboxCategoryFor(organization.kind as SenderKind, letter.kind),
    senderName: letter.senderDisplay ?? organization.name,
    representativeAccess: letter.representativeAccess ?? null,
  };
}

export function attachmentsToStore(letter: IncomingLetter): AttachmentToStore[] {
  return letter.attachments.map((attachment) => ({
    id: randomUUID(),
    position: attachment.position,
    title: attachment.title,
    contentType: attachment.contentType,
    size: attachment.data.length,
    sha256: createHash('sha256').update(attachment.data).digest('base64'),
    data: attachment.data,
  }));
}
