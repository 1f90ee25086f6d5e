/** A MsgHead 1.2 with one Dialogmelding 1.1, as read from or written to the wire. */
import type { DialogMessageType } from './standards.ts';

export interface Organisation {
  name: string;
  herId: string;
  /** Enhetsregisteret's number; on the top organisation only. */
  organisationNumber?: string | undefined;
  /** The department or service within it, when named. */
  department?: { name: string; herId: string | undefined } | undefined;
}

export interface DialogAttachment {
  description: string;
  mimeType: string;
  data: Uint8Array;
}

export type DialogBody =
  | { kind: 'notat'; topic: string; text: string; topicCode?: { v: string; dn: string | undefined } | undefined }
  | { kind: 'foresporsel'; questionType: { v: string; dn: string | undefined }; topic: string; text: string };

export interface DialogMessage {
  type: DialogMessageType;
  msgId: string;
  genDate: string;
  /** `Ack=J`: the sender wants an AppRec. */
  ackRequested: boolean;
  conversationRef?: { refToParent: string; refToConversation: string } | undefined;
  sender: Organisation;
  receiver: Organisation;
  patient: { nationalId: string; givenName?: string | undefined; familyName?: string | undefined };
  body: DialogBody;
  attachments: DialogAttachment[];
}
