import type { MessageKind } from '../inbox/category.ts';

/** A letter or message as a sender hands it over, already checked field by field. */
export interface IncomingLetter {
  citizenNationalId: string;
  organizationNumber: string;
  /** The service or department named by the sender, shown as the sender in the inbox. */
  senderDisplay: string | undefined;
  identifier: { system: string; value: string };
  subject: string;
  kind: MessageKind;
  priority: 'routine' | 'urgent';
  /** Important letters go on by the next channel when left unopened. */
  important: boolean;
  textParts: string[];
  attachments: IncomingAttachment[];
  /** Id of the message this one answers; it joins that thread. */
  inResponseTo: string | undefined;
}

export interface IncomingAttachment {
  title: string;
  contentType: string;
  data: Uint8Array;
  /** Where in the payload list it stood, so the order is kept. */
  position: number;
}

export const subjectMaxLength = 200;
export const textPartMaxLength = 100_000;
