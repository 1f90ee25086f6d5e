import { describe, expect, test } from 'vitest';
import { organizationNumberFrom, syntheticNationalId } from '@innboks/core';
import { parseAppointment } from './appointment-in.ts';
import { readAbout } from './communication-about.ts';

const citizen = syntheticNationalId('1985-04-12', 123);
const org = organizationNumberFrom(91000011);
const appointment = (fields: Record<string, unknown> = {}) => ({
  resourceType: 'Appointment',
  identifier: [{ system: 'urn:test', value: 'a-1' }],
  status: 'booked',
  start: '2026-03-29T10:00:00+02:00',
  end: '2026-03-29T10:30:00+02:00',
  participant: [
    { actor: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: citizen } } },
    { actor: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: org }, display: 'Hjertepoliklinikken' } },
    { actor: { reference: 'Location/7', display: 'Inngang 3' } },
    { actor: { reference: 'Practitioner/9', display: 'Dr. Hansen' } },
  ],
  ...fields,
});

describe('Reading a FHIR Appointment', () => {
  test('takes the citizen, the organisation, clinic and place from the participants, and defaults kind and care area', () => {
    const parsed = parseAppointment(appointment());
    expect(parsed).toEqual({
      ok: true,
      appointment: expect.objectContaining({
        citizenNationalId: citizen,
        organizationNumber: org,
        clinic: 'Hjertepoliklinikken',
        place: 'Inngang 3',
        kind: 'in-person',
        careArea: 'somatic',
        start: new Date('2026-03-29T08:00:00Z'),
      }),
    });
  });

  test('reads kind and care area from serviceType as well', () => {
    const parsed = parseAppointment(
      appointment({
        serviceType: [
          { coding: [{ system: 'urn:innboks:code:appointment-kind', code: 'video' }] },
          { coding: [{ system: 'urn:innboks:code:care-area', code: 'substance-abuse' }] },
        ],
      }),
    );
    expect(parsed.ok && parsed.appointment).toMatchObject({ kind: 'video', careArea: 'substance-abuse' });
  });

  test('two different kinds, a time without a zone, or a missing citizen each name their element', () => {
    const twoKinds = parseAppointment(
      appointment({
        appointmentType: { coding: [{ system: 'urn:innboks:code:appointment-kind', code: 'video' }] },
        serviceType: [{ coding: [{ system: 'urn:innboks:code:appointment-kind', code: 'phone' }] }],
      }),
    );
    expect(!twoKinds.ok && twoKinds.issues[0]!.expression).toEqual(['Appointment.serviceType[0].coding[0].code']);
    const noZone = parseAppointment(appointment({ start: '2026-03-29T10:00:00' }));
    expect(!noZone.ok && noZone.issues[0]!.expression).toEqual(['Appointment.start']);
    const noCitizen = parseAppointment(appointment({ participant: appointment().participant.slice(1) }), 'Communication.contained[0]');
    expect(!noCitizen.ok && noCitizen.issues[0]!.expression).toEqual(['Communication.contained[0].participant']);
  });
});

describe('Reading Communication.about', () => {
  const fail = () => {
    throw new Error('no issue expected');
  };

  test('a contained appointment, by id, by identifier, or by conditional reference', () => {
    expect(readAbout({ about: [{ reference: '#a' }], contained: [{ ...appointment(), id: 'a' }] }, citizen, fail)).toMatchObject({ kind: 'contained' });
    expect(readAbout({ about: [{ reference: 'Appointment/6F1C2F4E-8F0E-4A4B-9A37-0D1B2C3D4E5F' }] }, citizen, fail)).toEqual({ kind: 'id', id: '6f1c2f4e-8f0e-4a4b-9a37-0d1b2c3d4e5f' });
    expect(readAbout({ about: [{ identifier: { system: 'urn:test', value: 'a-1' } }] }, citizen, fail)).toEqual({ kind: 'identifier', system: 'urn:test', value: 'a-1' });
    expect(readAbout({ about: [{ reference: 'Appointment?identifier=urn%3Atest|a-1' }] }, citizen, fail)).toEqual({ kind: 'identifier', system: 'urn:test', value: 'a-1' });
  });

  test("a contained appointment of another citizen than the letter's is refused", () => {
    const issues: string[] = [];
    readAbout({ about: [{ reference: '#a' }], contained: [{ ...appointment(), id: 'a' }] }, syntheticNationalId('1972-11-03', 234), (_code, _message, expression) => issues.push(expression));
    expect(issues).toEqual(['Communication.contained[0].participant']);
  });
});
