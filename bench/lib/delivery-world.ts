/**
 * The outside world of delivery for the `delivery` benchmark, in the bench process
 * over real connections (apps/server/src/testing/delivery-rig.ts): a local SMTP
 * server, an SMS gateway, a digital mailbox, a print service and both registers. Its
 * recipients are portal users with an e-mail address of their own in the contact
 * register and no mobile number, so each letter's plan is the inbox with one e-mail
 * notice, and the notice is matched to its letter by that address.
 */
import { randomBytes } from 'node:crypto';
import { startDeliveryRig, type DeliveryRig } from '../../apps/server/src/testing/delivery-rig.ts';
import type { BenchContext } from './context.ts';

export interface Recipient {
  nationalId: string;
  citizenId: string;
  email: string;
}

export interface DeliveryWorld {
  /** Tells this run's letters and addresses from any other's. */
  runId: string;
  rig: DeliveryRig;
  recipients: Recipient[];
}

/** Birth dates from 1950 on, one per recipient in turn: adults (no youth rule), and never many on one date. */
function birthDate(index: number): string {
  const date = new Date(Date.UTC(1950, 0, 1) + (index % 14_600) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

export async function startDeliveryWorld(context: BenchContext, recipientCount: number, env: Record<string, string>): Promise<DeliveryWorld> {
  const rig = await startDeliveryRig(env);
  try {
    const runId = randomBytes(3).toString('hex');
    // Each run starts its birth dates at a day of its own, so a kept database (--db)
    // that has an earlier run's recipients still gets new people; those that exist all
    // the same are made up for in another round.
    const firstDay = randomBytes(2).readUInt16BE() % 14_600;
    const recipients: Recipient[] = [];
    for (let round = 0, next = 0; recipients.length < recipientCount && round < 5; round++) {
      const people = Array.from({ length: recipientCount - recipients.length }, () => {
        const index = next++;
        const email = `citizen-${runId}-${index}@bench.test`;
        const born = birthDate(firstDay + index);
        const nationalId = rig.addPerson({ birthDate: born, portalUser: true, email, mobile: null, name: `Bench Person ${index}` });
        return { nationalId, email, birthDate: born };
      });
      recipients.push(...(await saveNewCitizens(context, people)));
    }
    if (recipients.length < recipientCount) throw new Error(`only ${recipients.length} of ${recipientCount} new citizens could be made`);
    return { runId, rig, recipients };
  } catch (error) {
    await rig.close();
    throw error;
  }
}

/**
 * One statement for thousands of citizens (the tests' saveCitizen is one round trip
 * each), each national id claimed in citizen_by_national_id first. A synthetic id that
 * is already a citizen (the generated dataset, an earlier run) is left out — the
 * claim does nothing for it: that citizen's own letters and settings would change
 * what is measured.
 */
async function saveNewCitizens(context: BenchContext, people: { nationalId: string; email: string; birthDate: string }[]): Promise<Recipient[]> {
  const { rows } = await context.pool.query<{ id: string; national_id: string }>(
    `with people as (select * from unnest($1::text[], $2::date[]) as people(national_id, birth_date)),
     claimed as (
       insert into citizen_by_national_id (national_id, citizen_id) select national_id, gen_random_uuid() from people order by national_id
       on conflict (national_id) do nothing
       returning national_id, citizen_id)
     insert into citizen (id, national_id, name, portal_user, birth_date)
     select claimed.citizen_id, people.national_id, 'Bench Person', true, people.birth_date from claimed join people using (national_id)
     returning id, national_id`,
    [people.map((person) => person.nationalId), people.map((person) => person.birthDate)],
  );
  const citizenIds = new Map(rows.map((row) => [row.national_id, row.id]));
  return people.flatMap((person) => {
    const citizenId = citizenIds.get(person.nationalId);
    return citizenId ? [{ nationalId: person.nationalId, citizenId, email: person.email }] : [];
  });
}
