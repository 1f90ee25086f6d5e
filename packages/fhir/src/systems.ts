/** Identifier systems and code systems of the sender API contract. */
export const systems = {
  nationalId: 'urn:oid:2.16.578.1.12.4.1.4.1',
  dNumber: 'urn:oid:2.16.578.1.12.4.1.4.2',
  organizationNumber: 'urn:oid:2.16.578.1.12.4.1.4.101',
  messageKind: 'urn:innboks:code:message-kind',
  appointmentReply: 'urn:innboks:code:appointment-reply',
} as const;

/** Extensions of our own design, documented in the README's sender API section. */
export const extensions = {
  important: 'urn:innboks:extension:important',
  delivery: 'urn:innboks:extension:delivery',
  deliveryAttempt: 'attempt',
  firstRead: 'firstRead',
  inboxCategory: 'urn:innboks:extension:inbox-category',
} as const;
