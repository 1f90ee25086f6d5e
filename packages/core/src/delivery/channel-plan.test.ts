import { describe, expect, test } from 'vitest';
import { isYouth, noticeChannelsFor, planDelivery, type PlanInput } from './channel-plan.ts';
import { Temporal } from 'temporal-polyfill';
import { ageOn } from './oslo-time.ts';

const at = new Date('2026-03-27T09:00:00Z');
const address = { street: 'Storgata 1', postalCode: '0155', city: 'Oslo' };
const base: PlanInput = {
  at,
  portalUser: true,
  senderKind: 'hospital',
  important: false,
  contact: { reserved: false, mobile: '+4799000001', email: null, digitalMailbox: null },
  person: { name: 'Kari Nordmann', birthDate: '1985-04-12', postalAddress: address },
  noticeChoice: null,
  steps: { inbox: true, digitalMailbox: true, paper: true },
  noticeChannels: ['sms', 'email'],
  unreadFallbackDays: 4,
};
const mailbox = { provider: 'digipost', address: 'per#1' };

describe('Channel plan', () => {
  test('an active portal user gets the letter in the inbox with an SMS notice, paper as the fallback', () => {
    expect(planDelivery(base)).toEqual({
      channels: ['inbox', 'paper'],
      inboxSkipped: null,
      notices: ['sms'],
      noticeSkipped: null,
      representativeNotices: [],
      unreadFallbackAt: null,
      unreachable: null,
    });
  });

  test('without a portal user, a registered digital mailbox comes first, then paper', () => {
    const plan = planDelivery({ ...base, portalUser: false, contact: { ...base.contact!, digitalMailbox: mailbox } });
    expect(plan.channels).toEqual(['digital-mailbox', 'paper']);
    expect(plan.inboxSkipped).toBe('no active portal user');
    expect(plan.notices).toEqual([]);
  });

  test('with neither, the letter goes on paper', () => {
    expect(planDelivery({ ...base, portalUser: false, contact: undefined }).channels).toEqual(['paper']);
  });

  test('each step can be switched off per deployment, the digital mailbox too', () => {
    const contact = { ...base.contact!, digitalMailbox: mailbox };
    expect(planDelivery({ ...base, contact, steps: { inbox: true, digitalMailbox: true, paper: true } }).channels).toEqual(['inbox', 'digital-mailbox', 'paper']);
    expect(planDelivery({ ...base, contact, steps: { inbox: true, digitalMailbox: false, paper: true } }).channels).toEqual(['inbox', 'paper']);
    expect(planDelivery({ ...base, contact, steps: { inbox: false, digitalMailbox: true, paper: false } })).toMatchObject({
      channels: ['digital-mailbox'],
      inboxSkipped: 'inbox step switched off',
    });
  });

  test('a citizen reserved against digital contact gets no notice and no digital mailbox', () => {
    const plan = planDelivery({ ...base, contact: { ...base.contact!, reserved: true, digitalMailbox: mailbox } });
    expect(plan).toMatchObject({ channels: ['inbox', 'paper'], notices: [], noticeSkipped: 'reserved against digital contact' });
  });

  test('an important letter to the inbox goes on after 4 Oslo calendar days, across the change to summer time', () => {
    const plan = planDelivery({ ...base, important: true });
    // 10:00 on Friday 27 March (UTC+1) → 10:00 on Tuesday 31 March (UTC+2): 95 real hours.
    expect(plan.unreadFallbackAt).toEqual(new Date('2026-03-31T08:00:00Z'));
    expect((plan.unreadFallbackAt!.getTime() - at.getTime()) / 3_600_000).toBe(95);
  });

  test('an important letter with nowhere to go next has no unread fallback', () => {
    expect(planDelivery({ ...base, important: true, person: { ...base.person!, postalAddress: null } }).unreadFallbackAt).toBeNull();
  });

  test('a 12–16 year old gets hospital letters on paper, other letters in the inbox', () => {
    const youth = { ...base, person: { ...base.person!, birthDate: '2012-03-14' } };
    expect(planDelivery(youth)).toMatchObject({ channels: ['paper'], inboxSkipped: 'aged 12–16: hospital letters go on paper', notices: [] });
    expect(planDelivery({ ...youth, senderKind: 'gp' }).channels).toEqual(['inbox', 'paper']);
  });

  test('the age rule counts birthdays on the Oslo calendar: 12 from the birthday, still 16 the day before turning 17', () => {
    expect(ageOn('2014-03-27', new Date('2026-03-26T22:59:00Z'))).toBe(11); // 23:59 on 26 March in Oslo
    expect(ageOn('2014-03-27', new Date('2026-03-26T23:00:00Z'))).toBe(12); // 00:00 on 27 March in Oslo
    expect(isYouth('2009-03-28', at)).toBe(true);
    expect(isYouth('2009-03-27', at)).toBe(false);
    expect(isYouth(null, at)).toBe(false);
  });

  test('a birthday on 29 February counts from 1 March in other years, and an impossible birth date has no age', () => {
    expect(ageOn('2012-02-29', new Date('2025-02-28T12:00:00Z'))).toBe(12);
    expect(ageOn('2012-02-29', new Date('2026-02-28T12:00:00Z'))).toBe(13);
    expect(ageOn('2012-02-29', new Date('2026-03-01T12:00:00Z'))).toBe(14);
    expect(ageOn('2028-02-29', new Date('2028-02-29T12:00:00Z'))).toBe(0);
    expect(ageOn('2013-02-29', at)).toBeUndefined();
    expect(ageOn('2030-01-01', at)).toBeUndefined();
    expect(ageOn('12.04.1985', at)).toBeUndefined();
  });

  test('age agrees with the calendar’s own count of whole years on every day of four years', () => {
    for (const birth of ['2012-02-29', '2010-12-31', '2011-01-01', '2009-06-15']) {
      for (let day = 0; day < 4 * 366; day++) {
        const on = Temporal.PlainDate.from('2024-01-01').add({ days: day });
        const noon = new Date(`${on.toString()}T12:00:00Z`);
        expect(ageOn(birth, noon)).toBe(Temporal.PlainDate.from(birth).until(on, { largestUnit: 'years' }).years);
      }
    }
  });

  test('nothing to reach the citizen with gives an empty plan and says why', () => {
    const plan = planDelivery({ ...base, portalUser: false, contact: undefined, person: undefined });
    expect(plan.channels).toEqual([]);
    expect(plan.unreachable).toBe('nothing can reach the citizen: no portal user, no digital mailbox, no postal address');
  });

  test('the notice follows the citizen’s own choice where the register has the address, else the other channel', () => {
    const both = { mobile: '+47', email: 'a@b' };
    expect(noticeChannelsFor(null, both)).toEqual(['sms']);
    expect(noticeChannelsFor('email', both)).toEqual(['email']);
    expect(noticeChannelsFor('both', both)).toEqual(['sms', 'email']);
    expect(noticeChannelsFor('sms', { mobile: null, email: 'a@b' })).toEqual(['email']);
    expect(noticeChannelsFor('both', { mobile: null, email: null })).toEqual([]);
  });
});
