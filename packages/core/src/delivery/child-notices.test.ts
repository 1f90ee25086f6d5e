import { describe, expect, test } from 'vitest';
import { childNoticePlan, type ParentForNotice } from './child-notices.ts';

const at = new Date('2026-12-05T12:00:00Z');
const parent = (citizenId: string, overrides: Partial<ParentForNotice> = {}): ParentForNotice => ({
  citizenId,
  birthDate: '1985-01-01',
  confidentialAddress: false,
  contact: { reserved: false, mobile: `+47${citizenId}`, email: `${citizenId}@example.test`, digitalMailbox: null },
  noticeChoice: null,
  ...overrides,
});
const plan = (childBirthDate: string, access: 'N' | 'NORN_FORANS' | 'NORN_UNGDOM' | null, parents = [parent('90000001'), parent('90000002', { noticeChoice: 'email' })]) =>
  childNoticePlan({ at, child: { birthDate: childBirthDate, confidentialAddress: false }, access, parents, noticeChannels: ['sms', 'email'] });

describe('Who is told of a child\'s letter', () => {
  test('for a child under 12 each parent is told by their own choice, and the child is not', () => {
    expect(plan('2018-09-01', null)).toEqual({
      ownNotices: false,
      readByParent: true,
      parentNotices: [
        { citizenId: '90000001', channel: 'sms', recipient: '+4790000001' },
        { citizenId: '90000002', channel: 'email', recipient: '90000002@example.test' },
      ],
    });
  });

  test('a letter hidden from parents tells no parent', () => {
    expect(plan('2018-09-01', 'NORN_FORANS')).toMatchObject({ readByParent: false, parentNotices: [] });
  });

  test('for a 14-year-old: marked N, parents and the young person; unmarked, only the young person; parent-only, only the parents', () => {
    expect(plan('2012-03-14', 'N')).toMatchObject({ ownNotices: true, readByParent: true });
    expect(plan('2012-03-14', null)).toEqual({ ownNotices: true, readByParent: false, parentNotices: [] });
    expect(plan('2012-03-14', 'NORN_UNGDOM')).toMatchObject({ ownNotices: false, readByParent: true });
  });

  test('from the 16th birthday the person\'s own settings apply alone', () => {
    expect(plan('2010-12-05', 'N')).toBeUndefined();
    expect(plan('1980-01-01', null)).toBeUndefined();
  });

  test('a parent with a confidential address, or one reserved against digital contact, is not told', () => {
    const result = plan('2018-09-01', null, [parent('90000001', { confidentialAddress: true }), parent('90000002', { contact: { reserved: true, mobile: '+4790000002', email: null, digitalMailbox: null } })]);
    expect(result).toEqual({ ownNotices: false, readByParent: true, parentNotices: [] });
  });
});
