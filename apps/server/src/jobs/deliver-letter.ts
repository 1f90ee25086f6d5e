/**
 * The channel plan, made once per letter at arrival, for every letter the worker
 * claimed at once: both registers are asked in one call each for the whole batch,
 * the rules in @innboks/core decide each letter's channels, and the plans are saved
 * with their first channels and the jobs of the next steps in one transaction.
 * A letter for a child under 16 also names the parents to tell (child-letters.ts).
 * Safe to run twice: a letter that has a plan is left alone.
 * A register that cannot be reached is tried again (each letter by its own job's
 * tries); on a letter's last try its plan is made without it (and says so).
 */
import { planDelivery, registerBatchLimit, type ChildNoticePlan, type ContactFacts, type PersonFacts } from '@innboks/core';
import type { JobOf, LetterForDelivery, LetterJob, PlanToSave } from '@innboks/db';
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';
import type { BatchJobHandler } from './worker.ts';
import { failedStep } from './step.ts';
import { childNoticePlans } from './child-letters.ts';

type Lookup<Facts> = { found: Map<string, Facts> } | { error: unknown };

async function lookupAll<Facts>(nationalIds: string[], lookupMany: (ids: readonly string[]) => Promise<Map<string, Facts>>): Promise<Lookup<Facts>> {
  try {
    const found = new Map<string, Facts>();
    for (let start = 0; start < nationalIds.length; start += registerBatchLimit) {
      for (const [id, facts] of await lookupMany(nationalIds.slice(start, start + registerBatchLimit))) found.set(id, facts);
    }
    return { found };
  } catch (error) {
    return { error };
  }
}

export function deliverLetterHandler(runtime: DeliveryRuntime): BatchJobHandler<LetterJob> {
  return {
    async batch(jobs: JobOf<LetterJob>[]) {
      const { store, adapters, clock } = runtime;
      const failures = new Map<JobOf<LetterJob>, unknown>();
      const letters = await store.letters(jobs.map((job) => ({ citizenId: job.payload.citizenId, messageId: job.payload.messageId })));
      // A letter queued twice (a sweep, a replay) is planned once; its other job just ends.
      const planned = new Set<string>();
      const todo = jobs.flatMap((job) => {
        const letter = letters.get(job.payload.messageId);
        if (!letter || letter.plan || planned.has(letter.messageId)) return [];
        planned.add(letter.messageId);
        return [{ job, letter }];
      });
      if (todo.length === 0) return failures;

      const nationalIds = [...new Set(todo.map(({ letter }) => letter.nationalId))];
      const [contacts, people] = await Promise.all([
        lookupAll(nationalIds, (ids) => adapters.contactRegister.lookupMany(ids)),
        lookupAll(nationalIds, (ids) => adapters.populationRegister.lookupMany(ids)),
      ]);
      const now = clock.now();
      // Children's letters, by message id; asked only when the population register answered (their ages come from it).
      const forChildren = todo.map(({ letter }) => ({ messageId: letter.messageId, nationalId: letter.nationalId, access: letter.representativeAccess, person: 'found' in people ? people.found.get(letter.nationalId) : undefined }));
      const children: Lookup<ChildNoticePlan> = await childNoticePlans(forChildren, { adapters, store, at: now, noticeChannels: runtime.config.noticeChannels }).then(
        (found) => ({ found }),
        (error: unknown) => ({ error }),
      );
      const plans: PlanToSave[] = [];
      for (const { job, letter } of todo) {
        try {
          plans.push(planLetter(runtime, letter, job, contacts, people, children, now));
        } catch (retry) {
          failures.set(job, retry);
        }
      }
      await store.savePlans(plans, now);
      return failures;
    },
  };
}

/** One letter's plan from the batch's register answers; throws RetryLater when a register failed and this job has tries left. */
function planLetter(
  runtime: DeliveryRuntime,
  letter: LetterForDelivery,
  job: JobOf<LetterJob>,
  contacts: Lookup<ContactFacts>,
  people: Lookup<PersonFacts>,
  children: Lookup<ChildNoticePlan>,
  now: Date,
): PlanToSave {
  const notes: string[] = [];
  const answer = <Facts>(lookup: Lookup<Facts>, register: string): Facts | undefined => {
    if ('found' in lookup) return lookup.found.get(letter.nationalId);
    notes.push(`${register}: ${failedStep(job, lookup.error).reason}`);
    return undefined;
  };
  const contact = answer(contacts, 'contact register');
  const person = answer(people, 'population register');
  // Without the children's relations a child's letter would reach nobody who reads it: tried again like a register.
  const child = 'found' in children ? children.found.get(letter.messageId) : (notes.push(`relations: ${failedStep(job, children.error).reason}`), undefined);
  const { config } = runtime;
  const plan = planDelivery({
    at: now,
    portalUser: letter.portalUser,
    senderKind: letter.senderKind,
    important: letter.important,
    contact,
    person,
    noticeChoice: letter.noticeChoice,
    steps: config.steps,
    noticeChannels: config.noticeChannels,
    unreadFallbackDays: config.unreadFallbackDays,
    child,
  });
  if (notes.length > 0 && plan.unreachable) plan.unreachable = `${plan.unreachable} (${notes.join('; ')})`;
  return {
    letter: { citizenId: letter.citizenId, messageId: letter.messageId },
    plan,
    facts: {
      contact: contact ?? null,
      person: person ?? null,
      note: notes.join('; ') || undefined,
      ...(plan.representativeNotices.length > 0 ? { parentNotices: plan.representativeNotices } : {}),
    },
  };
}
