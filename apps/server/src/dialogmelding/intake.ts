/**
 * One Dialogmelding in: decrypt with our key, verify against the sender's registered
 * certificate, read MsgHead + Dialogmelding, check the sender against the transport
 * sender, store it as a letter by the same path as FHIR letters, and answer. Every
 * outcome the sender can act on is a receipt: AppRec status 1 only after the letter
 * is committed, status 2 with a code for what is wrong with the message, and the
 * `<sender>_error` queue with an errorCondition when the message cannot be read at
 * all. Anything else throws, and the consumer retries it (consumer.ts).
 *
 * The same queue brings the senders' AppRecs for the citizens' answers Innboks sent
 * (jobs/send-dialog-answer.ts): one whose OriginalMsgId is ours is recorded on the
 * answer (arrived or refused); any other goes back on the error queue.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock, PopulationRegister } from '@innboks/core';
import { DialogExchanges, openSenderRepository, type Database, type StoredLetter } from '@innboks/db';
import {
  appRecError,
  appRecIdFor,
  appRecMessageType,
  readAppRec,
  CmsRefused,
  cmsOnThisThread,
  msgIdOfBroken,
  readDialogMessage,
  StructureInvalid,
  toIncomingLetter,
  writeAppRec,
  XmlRefused,
  type AmqpLink,
  type AmqpMessage,
  type AppRec,
  type AppRecErrorCode,
  type Cms,
  type DialogMessage,
  type Party,
} from '@innboks/dialogmelding';
import type { AddressRegister, RegisteredParty } from './address-register.ts';

export type ErrorCondition = 'transport:not-well-formed-xml' | 'transport:invalid-field-value' | 'transport:unverified-certificate' | 'transport:internal-error';

export interface OwnParty {
  herId: string;
  name: string;
  keys: Party;
}

export interface IntakeDependencies {
  db: Kysely<Database>;
  clock: Clock;
  register: AddressRegister;
  population: PopulationRegister;
  link: AmqpLink;
  own: OwnParty;
  /** Where messages are opened and AppRecs sealed: worker threads in the door (CmsWorkers), this thread by default. */
  cms?: Cms;
}

/** What became of a message; the consumer accepts it after any of these. */
export type IntakeOutcome =
  | { kind: 'stored'; letter: StoredLetter; repeat: boolean }
  | { kind: 'receipt'; status: AppRec['status'] }
  | { kind: 'rejected'; code: string }
  | { kind: 'error-queue'; condition: ErrorCondition }
  | { kind: 'unanswerable'; reason: string };

export const asyncQueue = (herId: string) => `${herId}_async`;
export const errorQueue = (herId: string) => `${herId}_error`;
export const deadLetterQueue = (herId: string) => `${herId}_dl`;

export class DialogIntake {
  private readonly exchanges: DialogExchanges;
  private readonly cms: Cms;

  constructor(private readonly deps: IntakeDependencies) {
    this.exchanges = new DialogExchanges(deps.db);
    this.cms = deps.cms ?? cmsOnThisThread;
  }

  async handle(transport: AmqpMessage): Promise<IntakeOutcome> {
    const fromHerId = transport.properties.fromHerId;
    if (!fromHerId) return { kind: 'unanswerable', reason: 'no fromHerId application property: there is nobody to answer' };
    const party = await this.deps.register.party(fromHerId);
    if (!party) return this.toErrorQueue(fromHerId, transport, 'transport:invalid-field-value', `HER-id ${fromHerId} is not in the address register`);

    let content: Uint8Array;
    try {
      content = await this.cms.decryptThenVerify(transport.body, this.deps.own.keys, party.certificatePem);
    } catch (error) {
      if (!(error instanceof CmsRefused)) throw error;
      if (error.reason === 'not-cms') return this.toErrorQueue(fromHerId, transport, 'transport:invalid-field-value', error.message);
      if (error.reason === 'not-for-us') return this.toErrorQueue(fromHerId, transport, 'transport:unverified-certificate', error.message);
      const named = error.unverifiedContent ? msgIdOfBroken(decodeText(error.unverifiedContent)) : undefined;
      if (!named) return this.toErrorQueue(fromHerId, transport, 'transport:unverified-certificate', error.message);
      return this.reject(party, named, error.reason === 'signature' ? 'signature' : 'certificate', error.message);
    }

    const xml = decodeText(content);
    if (transport.subject === appRecMessageType || /^\s*(<\?xml[^>]*\?>\s*)?<([\w.-]+:)?AppRec[\s>]/.test(xml)) return this.receipt(party, transport, xml);
    let message: DialogMessage;
    try {
      message = readDialogMessage(xml);
    } catch (error) {
      if (error instanceof XmlRefused) return this.toErrorQueue(fromHerId, transport, 'transport:not-well-formed-xml', error.message);
      if (!(error instanceof StructureInvalid)) throw error;
      const named = msgIdOfBroken(xml);
      if (!named) return this.toErrorQueue(fromHerId, transport, 'transport:invalid-field-value', error.message);
      return this.reject(party, named, 'notValid', error.message);
    }

    // The envelope must say who the transport says: a message sent in another's name is never a letter.
    const senderHerIds = [message.sender.herId, message.sender.department?.herId];
    if (!senderHerIds.includes(fromHerId)) {
      return this.toErrorQueue(fromHerId, transport, 'transport:invalid-field-value', `MsgHead/MsgInfo/Sender HER-id ${message.sender.herId} is not the transport's fromHerId ${fromHerId}`);
    }
    if (message.sender.organisationNumber && message.sender.organisationNumber !== party.organisationNumber) {
      return this.reject(party, message, 'notValid', 'MsgHead/MsgInfo/Sender organisation number is not the registered one for this HER-id');
    }
    if (message.receiver.herId !== this.deps.own.herId) return this.reject(party, message, 'receiverUnknown', `MsgHead/MsgInfo/Receiver HER-id ${message.receiver.herId} is not Innboks (${this.deps.own.herId})`);

    return this.store(party, message);
  }

  private async store(party: RegisteredParty, message: DialogMessage): Promise<IntakeOutcome> {
    const parent = message.conversationRef ? await this.exchanges.letterOf(party.herId, message.conversationRef.refToParent) : undefined;
    const mapped = toIncomingLetter(message, party.organisationNumber, parent?.messageId);
    if (!mapped.ok) return this.reject(party, message, mapped.error, mapped.details);
    if (!(await this.deps.population.lookup(message.patient.nationalId))) {
      return this.reject(party, message, 'patientNotFound', 'the national id in MsgHead/MsgInfo/Patient is not in the population register');
    }
    const repository = await openSenderRepository(this.deps.db, { clientId: `her-id:${party.herId}`, organizationNumber: party.organisationNumber });
    if (!repository) return this.reject(party, message, 'other', `organisation ${party.organisationNumber} is not a registered sender in Innboks`);

    const respond = () => ({ statusCode: 201, location: '', body: {} });
    let outcome = await repository.createLetter(mapped.letter, this.deps.clock.now(), undefined, respond);
    // A parent of another citizen does not join this letter to it: the letter starts a thread of its own.
    if (outcome.outcome === 'in-response-to-not-found') outcome = await repository.createLetter({ ...mapped.letter, inResponseTo: undefined }, this.deps.clock.now(), undefined, respond);
    if (outcome.outcome === 'identifier-of-other-citizen') return this.reject(party, message, 'msgIdInvalid', 'this MsgId was already used for a message about another patient');
    if (outcome.outcome !== 'created' && outcome.outcome !== 'existing') throw new Error(`unexpected outcome of storing a Dialogmelding: ${outcome.outcome}`);

    const letter = outcome.letter;
    await this.exchanges.record(
      {
        direction: 'in',
        counterpartHerId: party.herId,
        msgId: message.msgId,
        messageType: message.type,
        conversationId: message.conversationRef?.refToConversation ?? parent?.conversationId ?? message.msgId,
        citizenId: letter.message.citizen_id,
        messageId: letter.message.id,
        appRec: { status: '1', errors: [] },
        counterpart: message.sender,
      },
      this.deps.clock.now(),
    );
    // Only now, with the letter committed, the OK receipt; its date is the letter's, so a repeat is the same receipt.
    if (message.ackRequested) await this.sendAppRec(party, message, { status: '1', errors: [] }, letter.message.sent_at);
    return { kind: 'stored', letter, repeat: outcome.outcome === 'existing' };
  }

  /** A sender's AppRec for one of our messages (a citizen's answer), recorded on that answer. */
  private async receipt(party: RegisteredParty, transport: AmqpMessage, xml: string): Promise<IntakeOutcome> {
    let appRec: AppRec;
    try {
      appRec = readAppRec(xml);
    } catch (error) {
      if (error instanceof XmlRefused) return this.toErrorQueue(party.herId, transport, 'transport:not-well-formed-xml', error.message);
      if (error instanceof StructureInvalid) return this.toErrorQueue(party.herId, transport, 'transport:invalid-field-value', error.message);
      throw error;
    }
    if (appRec.sender.herId !== party.herId) {
      return this.toErrorQueue(party.herId, transport, 'transport:invalid-field-value', `AppRec/Sender HER-id ${appRec.sender.herId} is not the transport's fromHerId ${party.herId}`);
    }
    const ours = await this.exchanges.recordAppRecFor(party.herId, appRec.original.msgId, { status: appRec.status, errors: appRec.errors }, this.deps.clock.now());
    if (!ours) return this.toErrorQueue(party.herId, transport, 'transport:invalid-field-value', `AppRec/OriginalMsgId/Id ${appRec.original.msgId} is no message Innboks sent to HER-id ${party.herId}`);
    return { kind: 'receipt', status: appRec.status };
  }

  private async reject(party: RegisteredParty, message: { msgId: string; type: string; genDate: string }, code: AppRecErrorCode, details: string): Promise<IntakeOutcome> {
    const error = appRecError(code, details.slice(0, 1000));
    await this.exchanges.record(
      { direction: 'in', counterpartHerId: party.herId, msgId: message.msgId, messageType: message.type, conversationId: message.msgId, citizenId: null, messageId: null, appRec: { status: '2', errors: [error] } },
      this.deps.clock.now(),
    );
    await this.sendAppRec(party, message, { status: '2', errors: [error] }, this.deps.clock.now());
    return { kind: 'rejected', code: error.code };
  }

  private async sendAppRec(party: RegisteredParty, original: { msgId: string; type: string; genDate: string }, result: Pick<AppRec, 'status' | 'errors'>, at: Date): Promise<void> {
    const own = this.deps.own;
    const receipt: AppRec = {
      id: appRecIdFor(party.herId, original.msgId),
      genDate: at.toISOString().slice(0, 19),
      ...result,
      sender: { name: own.name, herId: own.herId },
      receiver: { name: party.name, herId: party.herId },
      original: { msgType: original.type, msgId: original.msgId, issueDate: original.genDate },
    };
    const body = await this.cms.signThenEncrypt(new TextEncoder().encode(writeAppRec(receipt)), own.keys, party.certificatePem);
    await this.deps.link.send(asyncQueue(party.herId), {
      body,
      messageId: receipt.id,
      subject: 'APPREC',
      properties: { fromHerId: own.herId, toHerId: party.herId, applicationTimeStamp: at.toISOString() },
    });
  }

  private async toErrorQueue(fromHerId: string, transport: AmqpMessage, condition: ErrorCondition, description: string): Promise<IntakeOutcome> {
    await this.deps.link.send(errorQueue(fromHerId), {
      body: transport.body,
      messageId: randomUUID(),
      subject: transport.subject,
      properties: {
        errorCondition: condition,
        errorDescription: description.slice(0, 1000),
        originalMessageId: transport.messageId,
        fromHerId: this.deps.own.herId,
        toHerId: fromHerId,
        applicationTimeStamp: this.deps.clock.now().toISOString(),
      },
    });
    return { kind: 'error-queue', condition };
  }
}

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
