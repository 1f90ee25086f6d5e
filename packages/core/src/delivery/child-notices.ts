/**
 * Who is told that a letter for a child under 16 arrived (PRODUCT.md "Acting for
 * others"): the parents with parental responsibility, on their own notice channels
 * and by their own choice, for the letters they may see (the rule table,
 * `itemsVisibleTo`, at the child's age now) — never a child's phone for what the
 * parents read. A young person of 12–15 is still told of the letters only they see
 * (unmarked, `NORN_FORANS`), on their own channels; never of a parent-only one.
 * Adults, with or without a representative, follow their own settings alone.
 */
import { ageOn } from './oslo-time.ts';
import { noticeChannelsFor, type ChildNoticePlan, type ContactFacts, type NoticeChannel, type NoticeChoice } from './channel-plan.ts';
import { isVisible, itemsVisibleTo, mayActFor, representationAges, type RepresentativeAccess } from '../representation/representation-rules.ts';

export interface ParentForNotice {
  citizenId: string;
  birthDate: string | null;
  confidentialAddress: boolean;
  /** Undefined: not in the contact register. */
  contact: ContactFacts | undefined;
  noticeChoice: NoticeChoice | null;
}

export interface ChildNoticeInput {
  at: Date;
  child: { birthDate: string | null; confidentialAddress: boolean };
  /** The letter's code from the sender, null when none. */
  access: RepresentativeAccess | null;
  /** Those with parental responsibility, as the register lists them. */
  parents: readonly ParentForNotice[];
  noticeChannels: readonly NoticeChannel[];
}


/** Undefined for anyone 16 or older (or of unknown age): their own notice settings apply. */
export function childNoticePlan(input: ChildNoticeInput): ChildNoticePlan | undefined {
  const age = ageOn(input.child.birthDate, input.at);
  if (age === undefined || age >= representationAges.parentalAccessEnds) return undefined;
  const parentsSee = isVisible(itemsVisibleTo('FO', age), input.access);
  const readers = input.parents.filter(
    (parent) =>
      parentsSee &&
      mayActFor({ relation: 'FO', representative: { birthDate: parent.birthDate, confidentialAddress: parent.confidentialAddress }, person: input.child }, input.at).allowed,
  );
  const parentNotices = readers.flatMap((parent) => {
    if (!parent.contact || parent.contact.reserved) return [];
    return noticeChannelsFor(parent.noticeChoice, parent.contact)
      .filter((channel) => input.noticeChannels.includes(channel))
      .flatMap((channel) => {
        const recipient = channel === 'sms' ? parent.contact?.mobile : parent.contact?.email;
        return recipient ? [{ citizenId: parent.citizenId, channel, recipient }] : [];
      });
  });
  const ownNotices = age >= representationAges.youngPerson && isVisible(itemsVisibleTo('self', age), input.access);
  return { ownNotices, readByParent: readers.length > 0, parentNotices };
}
