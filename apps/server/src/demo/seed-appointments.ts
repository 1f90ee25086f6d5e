/**
 * Demo appointments without a letter (see demo-appointments.ts). Saved as a conditional
 * create by identifier, so a later start keeps the ones already there as they are.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '@innboks/core';
import { openSenderRepository, SenderAppointments, type Database } from '@innboks/db';
import { demoSenders } from './demo-data.ts';
import { demoAppointments } from './demo-appointments.ts';

export async function seedDemoAppointments(db: Kysely<Database>, clock: Clock): Promise<void> {
  const now = clock.now();
  for (const { clientId, appointment } of demoAppointments(now)) {
    const sender = demoSenders.find((candidate) => candidate.clientId === clientId)!;
    const repository = await openSenderRepository(db, { clientId, organizationNumber: sender.organizationNumber });
    await new SenderAppointments(db, repository!.organization).save(appointment, now, 'create');
  }
}
