/** The shapes the delivery modules share: settings, the stored plan and what a letter's delivery reads. */
import type { ChannelPlan, ContactFacts, DeliveryChannel, Language, NoticeChannel, NoticeChoice, NoticeConcerns, PersonFacts, QuietHours, RepresentativeAccess, RepresentativeNotice, SenderKind } from '@innboks/core';

export interface DeliverySettings {
  noticeWindowMs: number;
  quietHours: QuietHours | null;
  /** Tries per channel step before it counts as failed. */
  maxAttempts: number;
  noticeChannels: readonly NoticeChannel[];
}

export interface LetterRef {
  citizenId: string;
  messageId: string;
}

/** The register facts a plan was made from; later steps use them (addresses, names). */
export interface DeliveryFacts {
  contact: ContactFacts | null;
  person: PersonFacts | null;
  /** Set when a register could not be reached and the plan was made without it. */
  note?: string | undefined;
  /** For a child's letter: the parents told on their own channels when it is in the inbox (child-notices.ts in core). */
  parentNotices?: RepresentativeNotice[] | undefined;
}

/** A letter's plan as stored: its channels, the one it is on (`step`) and its unread fallback. */
export interface PlanRow {
  channels: DeliveryChannel[];
  step: number;
  notices: NoticeChannel[];
  facts: DeliveryFacts;
  unreadFallbackAt: Date | null;
  unreadFallbackDone: boolean;
}

export interface PlanToSave {
  letter: LetterRef;
  plan: ChannelPlan;
  facts: DeliveryFacts;
}

export interface LetterForDelivery {
  messageId: string;
  citizenId: string;
  nationalId: string;
  portalUser: boolean;
  senderKind: SenderKind;
  organizationNumber: string;
  organizationName: string;
  senderName: string;
  subject: string;
  textParts: string[];
  important: boolean;
  sentAt: Date;
  firstReadAt: Date | null;
  /** What the citizen chose on the notice-settings page, if anything. */
  noticeChoice: NoticeChoice | null;
  /** The citizen's language for the printed letter's fixed text; Bokmål if none chosen. */
  language: Language;
  /** The sender's code on the letter's thread (who besides the citizen sees it), null when none. */
  representativeAccess: RepresentativeAccess | null;
  plan: PlanRow | undefined;
}

/** Whether a notice may go now (see notice-batch.ts `beginNotices`). */
export type NoticeStart =
  | {
      action: 'send';
      channel: NoticeChannel;
      recipient: string;
      /** The language of the one it goes to, Bokmål if none chosen. */
      language: Language;
      /** `child` when it stands only for a child's letters (a parent's notice). */
      concerns: NoticeConcerns;
    }
  | { action: 'done'; why: string }
  | { action: 'later'; at: Date; why: string };

export interface DeadLetterView {
  id: string;
  kind: 'delivery' | 'job';
  citizenId: string | null;
  messageId: string | null;
  noticeId: string | null;
  step: string;
  reason: string;
  attempts: number;
  createdAt: Date;
}
