import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { toAppointmentView } from './appointment-view.ts';
import type { CitizenAppointmentRecord } from '@innboks/db';

const record = (region: string | null, fields: Partial<CitizenAppointmentRecord> = {}): CitizenAppointmentRecord => ({
  id: '6f1c2f4e-8f0e-4a4b-9a37-0d1b2c3d4e5f',
  status: 'booked',
  start: new Date('2027-03-01T09:00:00Z'),
  end: new Date('2027-03-01T09:30:00Z'),
  kind: 'in-person',
  careArea: 'somatic',
  clinic: null,
  place: null,
  description: null,
  patientInstruction: null,
  organizationName: 'Midtdalen sykehus HF',
  region,
  version: 1,
  updatedAt: new Date('2027-01-01T00:00:00Z'),
  letterThreadId: null,
  replies: [],
  ...fields,
});
const now = new Date('2027-02-01T12:00:00Z');

describe('Appointment configuration', () => {
  test('Helse Midt-Norge and senders outside the regions answer as the deployment chooses', () => {
    const defaults = loadConfig({}).appointments;
    expect(toAppointmentView(record('helse-midt'), now, defaults).replyMode).toBe('reply-button');
    expect(toAppointmentView(record(null), now, defaults)).toMatchObject({ region: 'other', replyMode: 'none' });

    const chosen = loadConfig({ APPOINTMENT_REPLY_MODES: 'helse-midt=dialogue, other=reply-button' }).appointments;
    expect(toAppointmentView(record('helse-midt'), now, chosen).replyMode).toBe('dialogue');
    expect(toAppointmentView(record(null), now, chosen).replyMode).toBe('reply-button');
    expect(toAppointmentView(record('helse-sor-ost'), now, chosen).replyMode).toBe('reply-button');
  });

  test('refuses to start when configuration tries to change a fixed region or names an unknown mode', () => {
    expect(() => loadConfig({ APPOINTMENT_REPLY_MODES: 'helse-vest=none' })).toThrow(ConfigError);
    expect(() => loadConfig({ APPOINTMENT_REPLY_MODES: 'helse-midt=telegram' })).toThrow(/unknown reply mode "telegram"/);
  });

  test('later fee amounts are added by configuration, dated', () => {
    const config = loadConfig({
      NO_SHOW_FEE_SCHEDULE: JSON.stringify([{ validFrom: '2027-01-01', somaticNok: 2050, mentalHealthAndSubstanceAbuseMaxNok: 460 }]),
    }).appointments;
    expect(toAppointmentView(record('helse-vest'), now, config).fee).toEqual({ kind: 'fixed', amountNok: 2050 });
    expect(toAppointmentView(record('helse-vest', { start: new Date('2026-12-31T09:00:00Z'), end: new Date('2026-12-31T09:30:00Z') }), now, config).fee).toEqual({
      kind: 'fixed',
      amountNok: 1993,
    });
    expect(() => loadConfig({ NO_SHOW_FEE_SCHEDULE: '[{"validFrom":"2027"}]' })).toThrow(ConfigError);
    expect(() => loadConfig({ NO_SHOW_FEE_SCHEDULE: 'not json' })).toThrow(/JSON/);
  });
});
