/**
 * The channel plan, decided when a letter arrives (PRODUCT.md "Delivery and notices"):
 *   1. an active portal user → the inbox, plus a notice by SMS and/or e-mail;
 *   2. else a digital mailbox registered in the contact and reservation register;
 *   3. else paper, to the address in the population register.
 * The channels after the first are the fallbacks, in order. Citizens aged 12–16 get
 * hospital letters on paper (their portal access is limited). Each step can be
 * switched off per deployment.
 */
import type { SenderKind } from '../inbox/category.ts';
import { addOsloDays, ageOn } from './oslo-time.ts';

export const deliveryChannels = ['inbox', 'digital-mailbox', 'paper'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

export const noticeChannels = ['sms', 'email'] as const;
export type NoticeChannel = (typeof noticeChannels)[number];

/** What the citizen chose on the notice-settings page. */
export const noticeChoices = ['sms', 'email', 'both'] as const;
export type NoticeChoice = (typeof noticeChoices)[number];

export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
  /** Omitted for Norway. */
  country?: string | undefined;
}

/** The contact and reservation register's answer for a person. */
export interface ContactFacts {
  /** Reserved against digital contact from the public sector: no notices, no digital mailbox. */
  reserved: boolean;
  mobile: string | null;
  email: string | null;
  digitalMailbox: { provider: string; address: string } | null;
}

/** The population register's answer for a person. */
export interface PersonFacts {
  name: string;
  birthDate: string | null;
  postalAddress: PostalAddress | null;
}

/** A notice to someone other than the letter's citizen: whose channel, which, and the address. */
export interface RepresentativeNotice {
  citizenId: string;
  channel: NoticeChannel;
  recipient: string;
}

/** Who is told of a letter for a child under 16 (made by `childNoticePlan`, child-notices.ts). */
export interface ChildNoticePlan {
  /** Whether the child's own notice channels are used for this letter. */
  ownNotices: boolean;
  /** Whether a parent may read the letter in the inbox (so the inbox is a channel even for a child who never logs in). */
  readByParent: boolean;
  parentNotices: RepresentativeNotice[];
}

export interface DeliverySteps {
  inbox: boolean;
  digitalMailbox: boolean;
  paper: boolean;
}

export interface PlanInput {
  at: Date;
  portalUser: boolean;
  senderKind: SenderKind;
  important: boolean;
  /** Undefined: the person is not in the register (or it could not be reached). */
  contact: ContactFacts | undefined;
  person: PersonFacts | undefined;
  /** The citizen's own choice, if they made one. */
  noticeChoice: NoticeChoice | null;
  steps: DeliverySteps;
  noticeChannels: readonly NoticeChannel[];
  unreadFallbackDays: number;
  /** For a child under 16: who is told, by `childNoticePlan` (child-notices.ts); absent for everyone else. */
  child?: ChildNoticePlan | undefined;
}

export interface ChannelPlan {
  /** In order: the first is used now, the rest are the fallbacks. Empty: nothing can reach the citizen. */
  channels: DeliveryChannel[];
  /** Why the inbox is not the channel, when it is not (recorded as a skipped inbox attempt). */
  inboxSkipped: string | null;
  /** Notice channels that go with the inbox step. */
  notices: NoticeChannel[];
  /** Why there is no notice, when there is an inbox step without one. */
  noticeSkipped: string | null;
  /** Notices to a child's parents, on their own channels, that go with the inbox step. */
  representativeNotices: RepresentativeNotice[];
  /** When an unread important letter goes on by the next channel; null when it does not. */
  unreadFallbackAt: Date | null;
  /** Why nothing can reach the citizen, when `channels` is empty. */
  unreachable: string | null;
}

/** Where a notice on `channel` goes: the register's mobile number for SMS, its e-mail address for e-mail. */
export function noticeRecipient(channel: NoticeChannel, contact: ContactFacts | null | undefined): string | null {
  return (channel === 'sms' ? contact?.mobile : contact?.email) ?? null;
}

export const youthAge = { from: 12, to: 16 } as const;

export function isYouth(birthDate: string | null | undefined, at: Date): boolean {
  const age = ageOn(birthDate, at);
  return age !== undefined && age >= youthAge.from && age <= youthAge.to;
}

export function planDelivery(input: PlanInput): ChannelPlan {
  const youthHospitalLetter = input.senderKind === 'hospital' && isYouth(input.person?.birthDate, input.at);
  const reserved = input.contact?.reserved ?? false;

  // A child's letter a parent may read is read in the inbox, though the child never logs in.
  const canInbox = input.steps.inbox && (input.portalUser || Boolean(input.child?.readByParent)) && !youthHospitalLetter;
  const canMailbox = input.steps.digitalMailbox && !youthHospitalLetter && !reserved && Boolean(input.contact?.digitalMailbox);
  const canPaper = input.steps.paper && Boolean(input.person?.postalAddress);

  const channels: DeliveryChannel[] = [];
  if (canInbox) channels.push('inbox');
  if (canMailbox) channels.push('digital-mailbox');
  if (canPaper) channels.push('paper');

  let inboxSkipped: string | null = null;
  if (!canInbox) {
    if (youthHospitalLetter) inboxSkipped = 'aged 12–16: hospital letters go on paper';
    else if (!input.steps.inbox) inboxSkipped = 'inbox step switched off';
    else inboxSkipped = 'no active portal user';
  }

  let notices: NoticeChannel[] = [];
  let noticeSkipped: string | null = null;
  if (canInbox) {
    if (input.child && !input.child.ownNotices) noticeSkipped = 'a child: the parents are told, on their own channels';
    else if (!input.portalUser) noticeSkipped = 'no active portal user: the parents are told';
    else if (!input.contact) noticeSkipped = 'not in the contact register';
    else if (reserved) noticeSkipped = 'reserved against digital contact';
    else {
      notices = noticeChannelsFor(input.noticeChoice, input.contact).filter((channel) => input.noticeChannels.includes(channel));
      if (notices.length === 0) noticeSkipped = 'no mobile number or e-mail address for the chosen notice';
    }
  }

  const unreadFallbackAt =
    input.important && channels[0] === 'inbox' && channels.length > 1 ? addOsloDays(input.at, input.unreadFallbackDays) : null;

  let unreachable: string | null = null;
  if (channels.length === 0) {
    const missing = [
      youthHospitalLetter ? 'hospital letter to a 12–16 year old' : input.portalUser ? 'inbox switched off' : 'no portal user',
      input.contact?.digitalMailbox && !reserved ? 'digital mailbox switched off' : 'no digital mailbox',
      input.person?.postalAddress ? 'paper switched off' : 'no postal address',
    ];
    unreachable = `nothing can reach the citizen: ${missing.join(', ')}`;
  }
  const representativeNotices = canInbox ? (input.child?.parentNotices ?? []) : [];
  return { channels, inboxSkipped, notices, noticeSkipped, representativeNotices, unreadFallbackAt, unreachable };
}

/**
 * The citizen's own choice where the register has the address for it; without a
 * choice, SMS when there is a mobile number, else e-mail.
 */
export function noticeChannelsFor(choice: NoticeChoice | null, contact: Pick<ContactFacts, 'mobile' | 'email'>): NoticeChannel[] {
  const has = { sms: Boolean(contact.mobile), email: Boolean(contact.email) };
  const wanted: NoticeChannel[] = choice === 'both' ? ['sms', 'email'] : choice ? [choice] : ['sms'];
  const available = wanted.filter((channel) => has[channel]);
  if (available.length > 0) return available;
  // The chosen channel has no address in the register: use the other one rather than none.
  return (['sms', 'email'] as const).filter((channel) => has[channel]).slice(0, 1);
}
