/**
 * The way out for a citizen's answer: a Dialogmelding written with the one writer,
 * signed with Innboks's key, encrypted to the receiver's certificate from the address
 * register, and put on the receiver's `<her-id>_async` queue. The connection is opened
 * at the first answer and again after a failure, in whichever process runs the job
 * (the server or a worker of its own). Every failure throws with its reason, so the
 * job queue tries again by its rules and the answer stays saved.
 */
import { AmqpLink, signThenEncrypt, writeDialogMessage, type DialogMessage, type Organisation } from '@innboks/dialogmelding';
import type { AnswerToSend } from '@innboks/db';
import type { Config } from '../config.ts';
import { StandInAddressRegister } from './address-register.ts';
import { asyncQueue } from './intake.ts';

/** How Innboks names itself in MsgHead, as the intake's receipts do. */
export const innboksName = 'Helsenorge Innboks';

export class DialogOutbound {
  private link: Promise<AmqpLink> | undefined;

  constructor(private readonly settings: Config['dialogmelding']) {}

  /** Sends one answer; resolves when the broker has taken it. */
  async send(answer: AnswerToSend): Promise<DialogMessage> {
    const { amqpUrl, herId, addressRegisterDir } = this.settings;
    if (!amqpUrl) throw new Error('the Dialogmelding door is off (INNBOKS_AMQP_URL=off): the answer waits until it is on');
    let register: StandInAddressRegister;
    try {
      // Read now, not at start: a certificate registered or renewed since is the one to use.
      register = await StandInAddressRegister.open(addressRegisterDir);
    } catch (error) {
      throw new Error(`the address register in ${addressRegisterDir} cannot be read: ${(error as Error).message}`, { cause: error });
    }
    const receiver = await register.party(answer.counterpartHerId);
    if (!receiver) throw new Error(`HER-id ${answer.counterpartHerId} has no certificate in the address register: the answer cannot be encrypted to it`);
    const message = answerMessage(answer, herId, { name: receiver.name, herId: receiver.herId, organisationNumber: receiver.organisationNumber || undefined });
    const body = await signThenEncrypt(new TextEncoder().encode(writeDialogMessage(message)), await register.keysOf(herId), receiver.certificatePem);
    const link = await this.connected(amqpUrl);
    try {
      await link.send(asyncQueue(answer.counterpartHerId), {
        body,
        // The MsgId as the transport id too: every sending of one answer is the same message.
        messageId: message.msgId,
        subject: message.type,
        properties: { fromHerId: herId, toHerId: answer.counterpartHerId, applicationTimeStamp: answer.sentAt.toISOString() },
      });
    } catch (error) {
      this.link = undefined;
      void link.close();
      throw error;
    }
    return message;
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    if (link) await link.then((open) => open.close(), () => undefined);
  }

  private connected(url: string): Promise<AmqpLink> {
    if (!this.link) {
      const opening = AmqpLink.connect(url, { timeoutMs: 3000 });
      opening.catch(() => {
        if (this.link === opening) this.link = undefined;
      });
      this.link = opening;
    }
    return this.link;
  }
}

/**
 * The answer as a Dialogmelding: "Svar på forespørsel" with the answer as a Notat,
 * from Innboks to the question's sender as it named itself (department included),
 * about the citizen, joined to the question by ConversationRef. Every part comes from
 * the saved answer, so writing it again gives the same message.
 */
export function answerMessage(answer: AnswerToSend, innboksHerId: string, registered: Organisation): DialogMessage {
  return {
    type: 'DIALOG_SVAR',
    msgId: answer.msgId,
    genDate: answer.sentAt.toISOString().slice(0, 19),
    ackRequested: true,
    conversationRef: { refToParent: answer.refToParent, refToConversation: answer.conversationId },
    sender: { name: innboksName, herId: innboksHerId },
    receiver: answer.counterpart ?? registered,
    patient: { nationalId: answer.citizen.nationalId, ...namesOf(answer.citizen.name) },
    body: { kind: 'notat', topic: answer.subject, text: answer.textParts.join('\n\n') },
    attachments: [],
  };
}

/** The population register's "given names family name" as MsgHead's two parts; the last word is the family name. */
function namesOf(name: string): { givenName?: string; familyName?: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return {};
  return { givenName: words.slice(0, -1).join(' '), familyName: words.at(-1)! };
}
