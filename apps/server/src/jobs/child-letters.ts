/**
 * For the letters of a batch addressed to children under 16: who of their parents is
 * told, asked of the population register (the child's relations, then each parent's
 * facts and confidential-address flag) and the contact register (the parents' own
 * addresses), with each parent's own notice choice from our records. The rule is
 * core's `childNoticePlan`; this module only gathers its facts. Adults are not asked
 * about at all: their own settings apply.
 */
import { ageOn, childNoticePlan, representationAges, type ChildNoticePlan, type PersonFacts, type RepresentativeAccess } from '@innboks/core';
import type { DeliveryStore } from '@innboks/db';
import type { DeliveryAdapters } from '../delivery/adapters.ts';

export interface ChildLetter {
  messageId: string;
  nationalId: string;
  access: RepresentativeAccess | null;
  person: PersonFacts | undefined;
}

export async function childNoticePlans(
  letters: readonly ChildLetter[],
  context: { adapters: DeliveryAdapters; store: DeliveryStore; at: Date; noticeChannels: Parameters<typeof childNoticePlan>[0]['noticeChannels'] },
): Promise<Map<string, ChildNoticePlan>> {
  const { adapters, store, at } = context;
  const children = letters.filter((letter) => {
    const age = ageOn(letter.person?.birthDate, at);
    return age !== undefined && age < representationAges.parentalAccessEnds;
  });
  const plans = new Map<string, ChildNoticePlan>();
  if (children.length === 0) return plans;

  const register = adapters.populationRegister;
  const childIds = [...new Set(children.map((letter) => letter.nationalId))];
  const childRelations = new Map(await Promise.all(childIds.map(async (id) => [id, await register.relations(id)] as const)));
  const parentIds = [...new Set([...childRelations.values()].flatMap((facts) => (facts?.responsibleAdults ?? []).filter((adult) => adult.relation === 'FO').map((adult) => adult.nationalId)))];
  const [parentPeople, parentContacts, parentRelations] = await Promise.all([
    register.lookupMany(parentIds),
    adapters.contactRegister.lookupMany(parentIds),
    Promise.all(parentIds.map(async (id) => [id, await register.relations(id)] as const)).then((entries) => new Map(entries)),
  ]);
  const known = parentIds.flatMap((nationalId) => {
    const facts = parentPeople.get(nationalId);
    return facts ? [{ nationalId, name: facts.name, birthDate: facts.birthDate }] : [];
  });
  const holders = await store.noticeHolders(known);

  for (const letter of children) {
    const relations = childRelations.get(letter.nationalId);
    const parents = (relations?.responsibleAdults ?? []).flatMap((adult) => {
      const holder = adult.relation === 'FO' ? holders.get(adult.nationalId) : undefined;
      if (!holder) return [];
      return [
        {
          citizenId: holder.citizenId,
          birthDate: parentPeople.get(adult.nationalId)?.birthDate ?? null,
          confidentialAddress: parentRelations.get(adult.nationalId)?.confidentialAddress ?? false,
          contact: parentContacts.get(adult.nationalId),
          noticeChoice: holder.noticeChoice,
        },
      ];
    });
    const plan = childNoticePlan({
      at,
      child: { birthDate: letter.person?.birthDate ?? null, confidentialAddress: relations?.confidentialAddress ?? false },
      access: letter.access,
      parents,
      noticeChannels: context.noticeChannels,
    });
    if (plan) plans.set(letter.messageId, plan);
  }
  return plans;
}
