/**
 * The job registry: every kind of job and the payload it carries, in one place. Every
 * enqueue is typed by it (`enqueueJob`, `enqueueJobs`), and the worker's handler
 * table is `{ [K in JobKind]: handler of JobPayloads[K] }`, so a kind without a
 * handler, or a payload a handler does not expect, fails the type check. Payloads
 * carry ids only: a handler re-reads the database, so a job run twice does no harm.
 */
import type { DeliveryChannel } from '@innboks/core';

/** A job about one letter. */
export interface LetterJob {
  citizenId: string;
  messageId: string;
}

/** A job about one notice (which may stand for several letters). */
export interface NoticeJob {
  citizenId: string;
  noticeId: string;
}

/** A job about one ordered form. */
export interface FormTaskJob {
  citizenId: string;
  taskId: string;
}

/** A job about one submitted form. */
export interface FormResponseJob {
  citizenId: string;
  responseId: string;
}

export interface JobPayloads {
  'deliver-letter': LetterJob;
  'send-notice': NoticeJob;
  'send-digital-mailbox': LetterJob;
  'print-letter': LetterJob;
  'unread-fallback': LetterJob;
  'expire-form-task': FormTaskJob;
  'form-receipt': FormResponseJob;
  'send-dialog-answer': LetterJob;
}

export type JobKind = keyof JobPayloads;

/** What each kind does; the mapped type makes a new kind in JobPayloads a compile error here until it is described. */
const jobDescriptions: { [K in JobKind]: string } = {
  'deliver-letter': "plans a new letter's channels and starts the first",
  'send-notice': 'tells the citizen by SMS or e-mail that letters wait in the inbox',
  'send-digital-mailbox': "hands a letter to the citizen's digital mailbox",
  'print-letter': 'renders a letter for the envelope window and hands it to the print service',
  'unread-fallback': 'sends an important letter still unread by its next channel',
  'expire-form-task': 'fails an ordered form not submitted by its closing moment',
  'form-receipt': 'writes the receipt of a submitted form, with its PDF, to the citizen\'s inbox',
  'send-dialog-answer': "sends a citizen's answer to a Dialogmelding question back to its sender, signed and encrypted, on its queue",
};

/** Every kind, for the check that each has a handler. */
export const jobKinds = Object.keys(jobDescriptions) as JobKind[];

/** The job that plans and starts a new letter's delivery. */
export const deliverLetterJob = 'deliver-letter' satisfies JobKind;
export const sendNoticeJob = 'send-notice' satisfies JobKind;
export const unreadFallbackJob = 'unread-fallback' satisfies JobKind;

/** The job that runs a channel after the inbox. */
export const channelJob = {
  'digital-mailbox': 'send-digital-mailbox',
  paper: 'print-letter',
} as const satisfies Record<Exclude<DeliveryChannel, 'inbox'>, JobKind>;

export const expireFormTaskJob = 'expire-form-task' satisfies JobKind;
export const formReceiptJob = 'form-receipt' satisfies JobKind;
export const sendDialogAnswerJob = 'send-dialog-answer' satisfies JobKind;
