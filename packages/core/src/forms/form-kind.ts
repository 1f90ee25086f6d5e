import type { MessageKind, SenderKind } from '../inbox/category.ts';

/**
 * The inbox message an ordered form arrives as: research and survey senders' forms are
 * what they are ("Helseundersøkelser og forskning"); anyone else's (a questionnaire
 * before an appointment) is a letter in the sender's own category.
 */
export function formMessageKind(senderKind: SenderKind): MessageKind {
  if (senderKind === 'research') return 'research';
  if (senderKind === 'survey') return 'survey';
  return 'letter';
}
