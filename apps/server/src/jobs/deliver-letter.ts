/**
 * The channel plan, made once per letter at arrival: the registers are asked for
 * contact facts and the postal address, the rules in @innboks/core decide the
 * channels, and the first one starts — all saved with the jobs of the next steps in
 * one transaction. Safe to run twice: a letter that has a plan is left alone.
 * A register that cannot be reached is tried again; on the last try the plan is made
 * without it (and says so).
 */
import { planDelivery, type ContactFacts, type PersonFacts } from '@innboks/core';
import type { JobRow } from '@innboks/db';
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';
import { runStep } from './step.ts';

export function deliverLetterHandler(runtime: DeliveryRuntime) {
  return async (payload: Record<string, unknown>, job?: JobRow): Promise<void> => {
    const { store, adapters, config, clock } = runtime;
    const letter = await store.letter(String(payload.citizenId), String(payload.messageId));
    if (!letter || letter.plan) return;

    const notes: string[] = [];
    const contact = await runStep<ContactFacts | undefined>(job, () => adapters.contactRegister.lookup(letter.nationalId));
    if (!contact.ok) notes.push(`contact register: ${contact.reason}`);
    const person = await runStep<PersonFacts | undefined>(job, () => adapters.populationRegister.lookup(letter.nationalId));
    if (!person.ok) notes.push(`population register: ${person.reason}`);
    const contactFacts = contact.ok ? contact.value : undefined;
    const personFacts = person.ok ? person.value : undefined;

    const now = clock.now();
    const plan = planDelivery({
      at: now,
      portalUser: letter.portalUser,
      senderKind: letter.senderKind,
      important: letter.important,
      contact: contactFacts,
      person: personFacts,
      noticeChoice: await store.noticeChoice(letter.citizenId),
      steps: config.steps,
      noticeChannels: config.noticeChannels,
      unreadFallbackDays: config.unreadFallbackDays,
    });
    if (notes.length > 0 && plan.unreachable) plan.unreachable = `${plan.unreachable} (${notes.join('; ')})`;
    await store.savePlan(letter, plan, { contact: contactFacts ?? null, person: personFacts ?? null, note: notes.join('; ') || undefined }, now);
  };
}
