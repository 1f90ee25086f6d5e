/**
 * Which inbox category a letter lands in follows from who sent it and what kind of
 * message it is: a rule table, not conditions spread over the code.
 */
export const inboxCategories = ['hospital', 'gp', 'municipal', 'research', 'receipts'] as const;
export type InboxCategory = (typeof inboxCategories)[number];

export const senderKinds = ['hospital', 'gp', 'municipal-service', 'research', 'survey', 'forms'] as const;
export type SenderKind = (typeof senderKinds)[number];

export const messageKinds = ['letter', 'appointment-letter', 'message', 'survey', 'research', 'form-receipt'] as const;
export type MessageKind = (typeof messageKinds)[number];

const bySenderKind: Record<SenderKind, InboxCategory> = {
  hospital: 'hospital',
  gp: 'gp',
  'municipal-service': 'municipal',
  research: 'research',
  survey: 'research',
  forms: 'receipts',
};

/** The message kind wins where it says more than the sender does. */
const byMessageKind: Partial<Record<MessageKind, InboxCategory>> = {
  survey: 'research',
  research: 'research',
  'form-receipt': 'receipts',
};

export function inboxCategoryFor(senderKind: SenderKind, messageKind: MessageKind): InboxCategory {
  return byMessageKind[messageKind] ?? bySenderKind[senderKind];
}
