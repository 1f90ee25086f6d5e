/**
 * The sender system's side of the exchange, as an integrator's program does it: sign
 * and encrypt a MsgHead to Innboks's certificate and put it on Innboks's queue; read
 * its own queue and decrypt the AppRecs and Dialogmeldinger (citizens' answers) that
 * come back, answer those with an AppRec, and read its error queue. The CLI (`npm run dialog`), the tests and the benchmark use it.
 */
import { randomUUID } from 'node:crypto';
import type { AmqpLink, AmqpMessage } from './amqp.ts';
import { decryptThenVerify, signThenEncrypt, type Party } from './cms.ts';
import { appRecIdFor, readAppRec, writeAppRec, type AppRec } from './apprec.ts';
import { readDialogMessage } from './msghead-reader.ts';
import type { DialogMessage } from './dialog-message.ts';

export interface SenderIdentity {
  herId: string;
  keys: Party;
}

export interface Counterpart {
  herId: string;
  certificatePem: string;
}

export type Received =
  | { kind: 'apprec'; appRec: AppRec; transport: AmqpMessage }
  | { kind: 'message'; xml: string; message: DialogMessage; transport: AmqpMessage }
  | { kind: 'unreadable'; error: string; transport: AmqpMessage };

export class DialogSenderClient {
  constructor(
    private readonly link: AmqpLink,
    readonly sender: SenderIdentity,
    readonly innboks: Counterpart,
  ) {}

  /** Signs, encrypts and sends; answers the AMQP message id. */
  async send(xml: string, options: { subject?: string; messageId?: string; fromHerId?: string; body?: Uint8Array } = {}): Promise<string> {
    const messageId = options.messageId ?? randomUUID();
    const body = options.body ?? (await signThenEncrypt(new TextEncoder().encode(xml), this.sender.keys, this.innboks.certificatePem));
    await this.link.send(`${this.innboks.herId}_async`, {
      body,
      messageId,
      subject: options.subject ?? 'DIALOG_NOTAT',
      properties: { fromHerId: options.fromHerId ?? this.sender.herId, toHerId: this.innboks.herId, applicationTimeStamp: new Date().toISOString() },
    });
    return messageId;
  }

  /**
   * Answers a Dialogmelding Innboks sent (a citizen's answer) with an AppRec, as the
   * sender's system does once it has taken it in: status 1, or 2 with the errors.
   * Its Id comes from the message's MsgId, so a repeat is the same receipt.
   */
  async sendAppRec(original: DialogMessage, status: AppRec['status'], errors: AppRec['errors'] = []): Promise<AppRec> {
    const appRec: AppRec = {
      id: appRecIdFor(this.sender.herId, original.msgId),
      genDate: new Date().toISOString().slice(0, 19),
      status,
      errors,
      sender: { name: original.receiver.name, herId: this.sender.herId },
      receiver: { name: original.sender.name, herId: this.innboks.herId },
      original: { msgType: original.type, msgId: original.msgId, issueDate: original.genDate },
    };
    await this.send(writeAppRec(appRec), { subject: 'APPREC', messageId: appRec.id });
    return appRec;
  }

  /** Everything that arrives on the sender's `_async` queue, decrypted and verified against Innboks's certificate. */
  onAsync(handle: (received: Received) => void): { close(): void } {
    const receiver = this.link.consume(`${this.sender.herId}_async`, (transport, settlement) => {
      void this.open(transport).then((received) => {
        handle(received);
        settlement.accept();
      });
    });
    return { close: () => receiver.close() };
  }

  /** The reports on the sender's `_error` queue: the message as sent, with errorCondition and errorDescription. */
  onError(handle: (transport: AmqpMessage) => void): { close(): void } {
    const receiver = this.link.consume(`${this.sender.herId}_error`, (transport, settlement) => {
      handle(transport);
      settlement.accept();
    });
    return { close: () => receiver.close() };
  }

  private async open(transport: AmqpMessage): Promise<Received> {
    try {
      const xml = new TextDecoder().decode(await decryptThenVerify(transport.body, this.sender.keys, this.innboks.certificatePem));
      return xml.includes('<AppRec') || transport.subject === 'APPREC' ? { kind: 'apprec', appRec: readAppRec(xml), transport } : { kind: 'message', xml, message: readDialogMessage(xml), transport };
    } catch (error) {
      return { kind: 'unreadable', error: (error as Error).message, transport };
    }
  }
}
