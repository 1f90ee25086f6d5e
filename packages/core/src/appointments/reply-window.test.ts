import { describe, expect, test } from 'vitest';
import { osloWallTime } from './reply-deadline.ts';
import { decideAppointmentReply, replyWindow } from './reply-window.ts';

const start = osloWallTime('2026-03-29T10:00');
const booked = { start, status: 'booked' };
const at = (local: string) => osloWallTime(local);

describe('Reply window', () => {
  test('is open until the deadline, late after it, and closed from the start', () => {
    expect(replyWindow(booked, at('2026-03-27T12:00')).state).toBe('open');
    expect(replyWindow(booked, at('2026-03-28T09:00')).state).toBe('open');
    expect(replyWindow(booked, new Date(at('2026-03-28T09:00').getTime() + 1)).state).toBe('late');
    expect(replyWindow(booked, at('2026-03-29T09:59')).state).toBe('late');
    expect(replyWindow(booked, at('2026-03-29T10:00')).state).toBe('started');
    expect(replyWindow(booked, at('2026-03-27T12:00')).deadline.toISOString()).toBe('2026-03-28T08:00:00.000Z');
  });

  test('is closed for a cancelled appointment, even well before it', () => {
    expect(replyWindow({ start, status: 'cancelled' }, at('2026-03-01T12:00')).state).toBe('cancelled');
    expect(replyWindow({ start, status: 'entered-in-error' }, at('2026-03-01T12:00')).state).toBe('cancelled');
  });
});

describe('Deciding a reply', () => {
  const now = at('2026-03-27T12:00');

  test('Helse Sør-Øst takes "cannot attend", on time or late', () => {
    expect(decideAppointmentReply({ reason: 'cannot-attend', text: undefined }, booked, 'reply-button', now)).toEqual({ ok: true, late: false });
    expect(decideAppointmentReply({ reason: 'cannot-attend', text: 'Syk' }, booked, 'reply-button', at('2026-03-29T08:00'))).toEqual({ ok: true, late: true });
  });

  test('a reason the region does not offer is refused', () => {
    expect(decideAppointmentReply({ reason: 'confirm', text: undefined }, booked, 'reply-button', now)).toEqual({ ok: false, problem: 'reason-not-offered' });
    expect(decideAppointmentReply({ reason: 'cannot-attend', text: undefined }, booked, 'dialogue', now)).toEqual({ ok: false, problem: 'reason-not-offered' });
    expect(decideAppointmentReply({ reason: 'confirm', text: undefined }, booked, 'none', now)).toEqual({ ok: false, problem: 'reason-not-offered' });
  });

  test('a question needs a text', () => {
    expect(decideAppointmentReply({ reason: 'question', text: '  ' }, booked, 'dialogue', now)).toEqual({ ok: false, problem: 'text-required' });
    expect(decideAppointmentReply({ reason: 'question', text: 'Kan jeg spise før?' }, booked, 'dialogue', now)).toEqual({ ok: true, late: false });
  });

  test('nothing goes after the start or once cancelled', () => {
    expect(decideAppointmentReply({ reason: 'cannot-attend', text: undefined }, booked, 'reply-button', at('2026-03-29T10:30'))).toEqual({ ok: false, problem: 'started' });
    expect(decideAppointmentReply({ reason: 'confirm', text: undefined }, { start, status: 'cancelled' }, 'dialogue', now)).toEqual({ ok: false, problem: 'cancelled' });
  });
});
