/**
 * The outside systems delivery talks to, as interfaces. Each has a real
 * implementation (HTTP or SMTP) and an embedded stand-in in @innboks/channels.
 * Adapters throw ChannelError so the caller knows whether to try again.
 */
import type { ContactFacts, PersonFacts, PostalAddress } from './channel-plan.ts';

export type ChannelFailure = 'transient' | 'permanent';

export class ChannelError extends Error {
  readonly failure: ChannelFailure;
  /** From a Retry-After answer: wait at least this long. */
  readonly retryAfterMs: number | undefined;

  constructor(failure: ChannelFailure, message: string, options: { retryAfterMs?: number | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChannelError';
    this.failure = failure;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isChannelError(error: unknown): error is ChannelError {
  return error instanceof ChannelError;
}

export interface ContactRegister {
  /** Undefined when the person is not in the register. */
  lookup(nationalId: string): Promise<ContactFacts | undefined>;
  /** Many people in one call (at most `registerBatchLimit`); anyone not in the register is absent. */
  lookupMany(nationalIds: readonly string[]): Promise<Map<string, ContactFacts>>;
}

export interface PopulationRegister {
  lookup(nationalId: string): Promise<PersonFacts | undefined>;
  /** Many people in one call (at most `registerBatchLimit`); anyone not in the register is absent. */
  lookupMany(nationalIds: readonly string[]): Promise<Map<string, PersonFacts>>;
}

/** The most people one register call asks for (the national registers' bulk look-ups take 1,000). */
export const registerBatchLimit = 1000;

export interface SmsGateway {
  /** `reference` is the same on every try of one notice; the gateway drops repeats. */
  send(sms: { to: string; text: string; reference: string }): Promise<{ providerId: string }>;
}

export interface EmailSender {
  /** `reference` becomes the Message-ID, the same on every try of one notice. */
  send(mail: { to: string; subject: string; text: string; reference: string }): Promise<{ providerId: string }>;
}

export interface DigitalMailboxLetter {
  /** Our letter id; the mailbox treats a repeat as the same letter. */
  letterId: string;
  recipient: { nationalId: string; provider: string; address: string };
  sender: { name: string; organizationNumber: string };
  subject: string;
  sentAt: Date;
  textParts: string[];
  attachments: { title: string; contentType: string; data: Uint8Array }[];
}

export interface DigitalMailboxReceipt {
  receiptId: string;
  receivedAt: string;
}

export interface DigitalMailbox {
  deliver(letter: DigitalMailboxLetter): Promise<DigitalMailboxReceipt>;
}

export interface PrintJob {
  letterId: string;
  recipient: { name: string; address: PostalAddress };
  pdf: Uint8Array;
  pages: number;
}

export interface PrintService {
  submit(job: PrintJob): Promise<{ printJobId: string }>;
}
