import { describe, expect, test } from 'vitest';
import { isVisible, itemsVisibleTo, mayActFor, powerOfAttorneyRefusal, seesRepresentativesLog, type RepresentationFacts } from './representation-rules.ts';

const nobodyHidden = { confidentialAddress: false };
const parentOf = (childBirthDate: string): RepresentationFacts => ({
  relation: 'FO',
  representative: { birthDate: '1985-04-12', ...nobodyHidden },
  person: { birthDate: childBirthDate, ...nobodyHidden },
});
/** Midnight at the start of an Oslo calendar day, in winter (UTC+1) or summer (UTC+2). */
const osloMidnight = (date: string) => new Date(`${date}T00:00:00${['04', '05', '06', '07', '08', '09'].includes(date.slice(5, 7)) ? '+02:00' : '+01:00'}`);

describe('Which items a parent sees, by the child\'s age', () => {
  test('a parent of a child under 12 sees everything but items hidden from parents', () => {
    const visibility = itemsVisibleTo('FO', 11);
    expect(isVisible(visibility, null)).toBe(true);
    expect(isVisible(visibility, 'N')).toBe(true);
    expect(isVisible(visibility, 'NORN_UNGDOM')).toBe(true);
    expect(isVisible(visibility, 'NORN_FORANS')).toBe(false);
  });

  test('a parent of a 12-year-old sees only what the sender opened to parents; unmarked letters are hidden', () => {
    const visibility = itemsVisibleTo('FO', 12);
    expect(isVisible(visibility, null)).toBe(false);
    expect(isVisible(visibility, 'N')).toBe(true);
    expect(isVisible(visibility, 'NORN_UNGDOM')).toBe(true);
    expect(isVisible(visibility, 'NORN_FORANS')).toBe(false);
  });

  test('a parent of a 15-year-old still sees what was opened to parents', () => {
    expect(isVisible(itemsVisibleTo('FO', 15), 'N')).toBe(true);
  });

  test('a parent of a 16-year-old sees nothing at all', () => {
    const visibility = itemsVisibleTo('FO', 16);
    for (const code of [null, 'N', 'NORN_UNGDOM', 'NORN_FORANS'] as const) expect(isVisible(visibility, code)).toBe(false);
  });

  test('the young person never sees parent-only items, and sees the ones hidden from parents', () => {
    const own = itemsVisibleTo('self', 14);
    expect(isVisible(own, 'NORN_UNGDOM')).toBe(false);
    expect(isVisible(own, 'NORN_FORANS')).toBe(true);
    expect(isVisible(own, null)).toBe(true);
  });

  test('a holder of a power of attorney sees exactly what the person sees, never more', () => {
    for (const code of [null, 'N', 'NORN_UNGDOM', 'NORN_FORANS'] as const) {
      expect(isVisible(itemsVisibleTo('FU', 40), code)).toBe(isVisible(itemsVisibleTo('self', 40), code));
      expect(isVisible(itemsVisibleTo('VE', 40), code)).toBe(isVisible(itemsVisibleTo('self', 40), code));
    }
  });
});

describe('Parental responsibility ends on the 16th birthday, Oslo time', () => {
  const child = parentOf('2010-06-20');

  test('on the last evening before the birthday the parent still acts for the child', () => {
    expect(mayActFor(child, new Date('2026-06-19T21:59:59Z'))).toEqual({ allowed: true, personAge: 15 });
  });

  test('at midnight in Oslo on the birthday (still the day before in UTC) the access has ended', () => {
    expect(mayActFor(child, new Date('2026-06-19T22:00:00Z'))).toEqual({ allowed: false, reason: 'too-old' });
  });

  test('the 12th birthday moves the child into the young-person band the same Oslo day, in winter time', () => {
    const boy = parentOf('2014-01-10');
    expect(mayActFor(boy, new Date('2026-01-09T22:59:59Z'))).toEqual({ allowed: true, personAge: 11 });
    expect(mayActFor(boy, osloMidnight('2026-01-10'))).toEqual({ allowed: true, personAge: 12 });
  });

  test('a child born on 29 February has their birthday on 1 March in a year without it, and on the day itself in a leap year', () => {
    const leapChild = parentOf('2012-02-29');
    expect(mayActFor(leapChild, new Date('2027-02-28T22:59:59Z'))).toEqual({ allowed: true, personAge: 14 });
    expect(mayActFor(leapChild, osloMidnight('2027-03-01'))).toEqual({ allowed: true, personAge: 15 });
    expect(mayActFor(leapChild, osloMidnight('2028-02-29'))).toEqual({ allowed: false, reason: 'too-old' });
  });

  test('across the spring DST change the birthday still starts at Oslo midnight', () => {
    const springChild = parentOf('2010-03-30');
    // The clocks went forward on 29 March 2026; Oslo midnight of the 30th is 22:00 UTC the day before.
    expect(mayActFor(springChild, new Date('2026-03-29T21:59:59Z'))).toEqual({ allowed: true, personAge: 15 });
    expect(mayActFor(springChild, new Date('2026-03-29T22:00:00Z'))).toEqual({ allowed: false, reason: 'too-old' });
  });
});

describe('Powers of attorney', () => {
  const adult = (birthDate: string) => ({ birthDate, ...nobodyHidden });
  const at = new Date('2026-12-05T12:00:00Z');

  test('a person of 16 may give one to a person of 18', () => {
    expect(powerOfAttorneyRefusal({ person: adult('2010-12-05'), representative: adult('2008-12-05') }, at)).toBeUndefined();
  });

  test('a person of 15 may not give one, and a person of 17 may not hold one', () => {
    expect(powerOfAttorneyRefusal({ person: adult('2010-12-06'), representative: adult('1980-01-01') }, at)).toBe('too-young');
    expect(powerOfAttorneyRefusal({ person: adult('1950-01-01'), representative: adult('2008-12-06') }, at)).toBe('too-young');
  });

  test('a power of attorney until a date holds through that Oslo day and ends after it', () => {
    const facts: RepresentationFacts = { relation: 'FU', person: adult('1948-02-20'), representative: adult('1972-11-03'), validUntil: '2026-12-31' };
    expect(mayActFor(facts, new Date('2026-12-31T22:59:59Z')).allowed).toBe(true);
    expect(mayActFor(facts, new Date('2026-12-31T23:00:00Z'))).toEqual({ allowed: false, reason: 'expired' });
  });

  test('an open-ended power of attorney holds for an adult of any age', () => {
    expect(mayActFor({ relation: 'FU', person: adult('1930-01-01'), representative: adult('1972-11-03'), validUntil: null }, at)).toEqual({ allowed: true, personAge: 96 });
  });
});

describe('Confidential addresses', () => {
  test('nobody with a confidential address is represented, and the reason does not say whose it is', () => {
    const facts = parentOf('2018-09-01');
    const refusedForChild = mayActFor({ ...facts, person: { ...facts.person, confidentialAddress: true } }, new Date('2026-12-05T12:00:00Z'));
    const refusedForParent = mayActFor({ ...facts, representative: { ...facts.representative, confidentialAddress: true } }, new Date('2026-12-05T12:00:00Z'));
    expect(refusedForChild).toEqual({ allowed: false, reason: 'confidential-address' });
    expect(refusedForParent).toEqual(refusedForChild);
  });

  test('nobody with a confidential address gives or holds a power of attorney', () => {
    expect(powerOfAttorneyRefusal({ person: { birthDate: '1950-01-01', confidentialAddress: true }, representative: { birthDate: '1970-01-01', confidentialAddress: false } }, new Date())).toBe(
      'confidential-address',
    );
  });
});

describe('The representatives\' log', () => {
  test('an adult sees it at once, a child from 16', () => {
    expect(seesRepresentativesLog(15)).toBe(false);
    expect(seesRepresentativesLog(16)).toBe(true);
  });
});
