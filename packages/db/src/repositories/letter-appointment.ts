/**
 * An appointment letter's `about`: the Appointment sent with it (contained: created
 * or replaced, as a PUT would) or one sent before (by identifier or id). It must be
 * this organisation's and the same citizen's, or the whole letter is refused.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AppointmentReference } from '@innboks/core';
import type { Database } from '../schema.ts';
import { findAppointmentByIdentifier, loadAppointment, saveAppointment } from './sender-appointments.ts';

/** Thrown inside the letter's transaction so nothing of the letter is kept. */
export class AboutRejected extends Error {
  constructor(readonly problem: 'not-found' | 'other-citizen') {
    super(`about: ${problem}`);
  }
}

export async function resolveAbout(
  tx: Transaction<Database>,
  organization: { id: string },
  about: AppointmentReference,
  citizenNationalId: string,
  now: Date,
): Promise<string> {
  if (about.kind === 'contained') {
    if (about.appointment.citizenNationalId !== citizenNationalId) throw new AboutRejected('other-citizen');
    const saved = await saveAppointment(tx, organization, about.appointment, now, 'replace');
    if (saved.outcome === 'citizen-mismatch') throw new AboutRejected('other-citizen');
    if (saved.outcome === 'version-conflict') throw new Error('A contained appointment is saved without If-Match, so no version can conflict');
    return saved.appointment.id;
  }
  const found =
    about.kind === 'identifier'
      ? await findAppointmentByIdentifier(tx, organization.id, about.system, about.value)
      : await loadAppointment(tx, organization.id, about.id);
  if (!found) throw new AboutRejected('not-found');
  if (found.citizenNationalId !== citizenNationalId) throw new AboutRejected('other-citizen');
  return found.id;
}

/** Links a letter to the appointment it is about (the letter's `about`). */
export async function linkLetterToAppointment(executor: Kysely<Database> | Transaction<Database>, link: { citizenId: string; messageId: string; appointmentId: string; at: Date }) {
  await executor
    .insertInto('appointment_message')
    .values({ citizen_id: link.citizenId, message_id: link.messageId, appointment_id: link.appointmentId, role: 'letter', reason: null, late: null, created_at: link.at })
    .execute();
}
