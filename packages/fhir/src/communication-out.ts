/** Turns a stored letter into the FHIR Communication the sender reads back. */
import { extensions, systems } from './systems.ts';

/** What the mapping needs of a stored letter (the data layer's StoredLetter fits). */
export interface LetterForSender {
  message: {
    id: string;
    kind: string;
    direction: 'to-citizen' | 'from-citizen';
    subject: string;
    sender_name: string;
    text_parts: string[];
    priority: string;
    important: boolean;
    identifier_system: string;
    identifier_value: string;
    sent_at: Date;
    first_read_at: Date | null;
    updated_at: Date;
    /** A representative who wrote it for the person (null or absent: the person themselves). */
    sent_by_national_id?: string | null;
    sent_by_name?: string | null;
    sent_by_relation?: string | null;
  };
  citizenNationalId: string;
  organizationNumber: string;
  threadCategory: string;
  /** On a citizen's message: the organisation (and service) it went to, as the citizen saw it. */
  threadSenderName: string;
  inResponseTo: string | null;
  attachments: { id: string; position: number; title: string; contentType: string; size: number; sha256: string }[];
  delivery: { channel: string; state: string; updatedAt: Date; events: { state: string; at: Date; detail: string | null }[] }[];
  /** The appointment it is about; on a citizen's reply also the reason code and the late flag. */
  appointment?: { id: string; identifierSystem: string; identifierValue: string; reason: string | null; late: boolean | null } | null;
}

/** FHIR Communication.status from the delivery attempts. */
export function communicationStatus(delivery: LetterForSender['delivery']): 'in-progress' | 'completed' | 'not-done' {
  if (delivery.some((attempt) => attempt.state === 'delivered' || attempt.state === 'read')) return 'completed';
  if (delivery.length > 0 && delivery.every((attempt) => attempt.state === 'failed' || attempt.state === 'skipped')) return 'not-done';
  return 'in-progress';
}

/**
 * The letter's version: it changes whenever what the sender reads changes, and only
 * then — with each delivery event (status and the delivery extension follow from them)
 * and with the first read (`received`). Counted from rows the letter keeps anyway, so
 * no write on the letter's hot paths keeps a counter.
 */
export function communicationVersion(letter: Pick<LetterForSender, 'message' | 'delivery'>): number {
  const events = letter.delivery.reduce((sum, attempt) => sum + attempt.events.length, 0);
  return Math.max(1, events + (letter.message.first_read_at ? 1 : 0));
}

export function toCommunication(letter: LetterForSender, baseUrl: string) {
  const { message } = letter;
  const citizen = { identifier: { system: nationalIdSystem(letter.citizenNationalId), value: letter.citizenNationalId } };
  const organization = { identifier: { system: systems.organizationNumber, value: letter.organizationNumber }, display: message.sender_name };
  const textPayloads = message.text_parts.map((text) => ({ contentString: text }));
  const attachmentPayloads = letter.attachments.map((attachment) => ({
    contentAttachment: {
      contentType: attachment.contentType,
      title: attachment.title,
      size: attachment.size,
      // FHIR's hash is SHA-1; we state SHA-256 in an extension instead of computing a weaker one.
      url: `${baseUrl}/fhir/R4/Binary/${attachment.id}`,
      extension: [{ url: 'urn:innboks:extension:sha256', valueBase64Binary: attachment.sha256 }],
    },
  }));
  const firstRead = message.first_read_at;
  const appointment = letter.appointment;
  return {
    resourceType: 'Communication' as const,
    id: message.id,
    meta: { versionId: String(communicationVersion(letter)), lastUpdated: latest(message, letter.delivery).toISOString() },
    identifier: [{ system: message.identifier_system, value: message.identifier_value }],
    // A citizen's message is with the organisation once stored: it fetches it from here.
    status: message.direction === 'from-citizen' ? 'completed' : communicationStatus(letter.delivery),
    category: [{ coding: [{ system: systems.messageKind, code: message.kind }] }],
    priority: message.priority,
    subject: citizen,
    ...(message.direction === 'to-citizen'
      ? { sender: organization, recipient: [citizen] }
      : // A citizen's message: the citizen wrote it (display: their name), the organisation receives it.
        { sender: { ...citizen, display: message.sender_name }, recipient: [{ identifier: organization.identifier, display: letter.threadSenderName }] }),
    topic: { text: message.subject },
    sent: message.sent_at.toISOString(),
    ...(firstRead ? { received: firstRead.toISOString() } : {}),
    ...(letter.inResponseTo ? { inResponseTo: [{ reference: `Communication/${letter.inResponseTo}` }] } : {}),
    ...(appointment
      ? { about: [{ reference: `Appointment/${appointment.id}`, type: 'Appointment', identifier: { system: appointment.identifierSystem, value: appointment.identifierValue } }] }
      : {}),
    ...(appointment?.reason ? { reasonCode: [{ coding: [{ system: systems.appointmentReply, code: appointment.reason }] }] } : {}),
    payload: [...textPayloads, ...attachmentPayloads],
    extension: [
      { url: extensions.important, valueBoolean: message.important },
      { url: extensions.inboxCategory, valueCode: letter.threadCategory },
      ...(appointment && appointment.late !== null ? [{ url: extensions.lateReply, valueBoolean: appointment.late }] : []),
      ...sentByExtension(message),
      ...deliveryExtension(letter.delivery, firstRead),
    ],
  };
}

/**
 * On what the citizen side sent: who wrote it (`valueReference`) and by which relation
 * (its `relation` extension: `self` when the person did, else FO, FU or VE),
 * SENDER-API "Representation". `sender` stays the person acted for.
 */
function sentByExtension(message: LetterForSender['message']) {
  if (message.direction !== 'from-citizen') return [];
  const representative = message.sent_by_national_id && message.sent_by_relation;
  // The relation rides on the reference itself: an extension has a value or extensions, never both (ext-1).
  const relation = [{ url: 'relation', valueCode: representative ? message.sent_by_relation : 'self' }];
  return [
    {
      url: extensions.sentBy,
      valueReference: representative
        ? { identifier: { system: systems.nationalId, value: message.sent_by_national_id }, display: message.sent_by_name ?? '', extension: relation }
        : { display: message.sender_name, extension: relation },
    },
  ];
}

/** Each channel attempt's events and the first read; nothing at all when there is neither (ext-1: no empty extension). */
function deliveryExtension(delivery: LetterForSender['delivery'], firstRead: Date | null) {
  const parts = [
    ...delivery.flatMap((attempt) =>
      attempt.events.map((event) => ({
        url: extensions.deliveryAttempt,
        extension: [
          { url: 'channel', valueCode: attempt.channel },
          { url: 'state', valueCode: event.state },
          { url: 'time', valueInstant: event.at.toISOString() },
          ...(event.detail ? [{ url: 'detail', valueString: event.detail }] : []),
        ],
      })),
    ),
    ...(firstRead ? [{ url: extensions.firstRead, valueInstant: firstRead.toISOString() }] : []),
  ];
  return parts.length > 0 ? [{ url: extensions.delivery, extension: parts }] : [];
}

function nationalIdSystem(nationalId: string): string {
  return Number(nationalId.slice(0, 1)) >= 4 ? systems.dNumber : systems.nationalId;
}

function latest(message: LetterForSender['message'], delivery: LetterForSender['delivery']): Date {
  const changed = message.first_read_at && message.first_read_at > message.updated_at ? message.first_read_at : message.updated_at;
  return delivery.reduce((max, attempt) => (attempt.updatedAt > max ? attempt.updatedAt : max), changed);
}
