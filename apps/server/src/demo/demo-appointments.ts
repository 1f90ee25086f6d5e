/**
 * Appointments the demo citizens find in Timeavtaler on first start, one per kind
 * of rule: Kari's Helse Sør-Øst appointment comes with the appointment letter (see
 * demo-letters.ts, reply button); the ones below have no letter — Helse Vest and
 * Helse Nord (dialogue in Timeavtaler), a phone consultation, a cancelled and a past one.
 */
import type { IncomingAppointment } from '@innboks/core';
import { osloDateOf, osloWallTime } from '@innboks/core';
import { demoCitizen, demoCitizens, demoSenders } from './demo-data.ts';

export interface DemoAppointment {
  clientId: string;
  appointment: IncomingAppointment;
}

/** An Oslo wall-clock time `days` from now's Oslo date, e.g. (9, '10:00'). */
export function demoTime(now: Date, days: number, time: string): Date {
  return osloWallTime(`${osloDateOf(new Date(now.getTime() + days * 86_400_000))}T${time}`);
}

export function demoAppointment(
  clientId: string,
  nationalId: string,
  key: string,
  start: Date,
  minutes: number,
  fields: Partial<IncomingAppointment> = {},
): DemoAppointment {
  const sender = demoSenders.find((candidate) => candidate.clientId === clientId)!;
  return {
    clientId,
    appointment: {
      identifier: { system: `urn:demo:${clientId}:appointments`, value: key },
      citizenNationalId: nationalId,
      organizationNumber: sender.organizationNumber,
      status: 'booked',
      start,
      end: new Date(start.getTime() + minutes * 60_000),
      kind: 'in-person',
      careArea: 'somatic',
      clinic: undefined,
      place: undefined,
      description: undefined,
      patientInstruction: undefined,
      ...fields,
    },
  };
}

export function demoAppointments(now: Date): DemoAppointment[] {
  const kari = demoCitizens[0]!;
  const ola = demoCitizens[1]!;
  return [
    demoAppointment('vestkyst-sjukehus', demoCitizen('Emma Nordmann').nationalId, 'demo-barn-1', demoTime(now, 12, '09:30'), 30, {
      clinic: 'Barnepoliklinikken',
      place: 'Vestkyst sjukehus, inngang 1',
      description: 'Kontroll hos barnelege',
    }),
    demoAppointment('vestkyst-sjukehus', kari.nationalId, 'demo-hjerte-1', demoTime(now, 20, '13:15'), 45, {
      clinic: 'Hjertepoliklinikken',
      place: 'Vestkyst sjukehus, inngang 3, 2. etasje',
      description: 'Kontroll etter hjerteundersøkelse',
      patientInstruction: 'Ta med liste over medisinene du bruker.',
    }),
    demoAppointment('nordlys-sykehus', kari.nationalId, 'demo-lunge-1', demoTime(now, 3, '08:30'), 20, {
      kind: 'phone',
      clinic: 'Lungepoliklinikken',
      description: 'Telefonkonsultasjon om prøvesvar',
    }),
    demoAppointment('vestkyst-sjukehus', kari.nationalId, 'demo-hjerte-0', demoTime(now, 14, '09:00'), 30, {
      status: 'cancelled',
      clinic: 'Hjertepoliklinikken',
      place: 'Vestkyst sjukehus, inngang 3, 2. etasje',
      description: 'Ekkokardiografi',
    }),
    demoAppointment('sykehuset-ostfjord', kari.nationalId, 'demo-ortopedi-0', demoTime(now, -40, '11:00'), 30, {
      status: 'fulfilled',
      clinic: 'Ortopedisk poliklinikk',
      place: 'Sykehuset Østfjord, bygg 7, 2. etasje',
      description: 'Første konsultasjon',
    }),
    demoAppointment('vestkyst-sjukehus', ola.nationalId, 'demo-dps-1', demoTime(now, 6, '14:00'), 60, {
      careArea: 'mental-health',
      clinic: 'Distriktspsykiatrisk senter, poliklinikk',
      place: 'Bryggen DPS, 1. etasje',
      description: 'Samtale',
    }),
  ];
}
