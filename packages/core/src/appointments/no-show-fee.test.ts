import { describe, expect, test } from 'vitest';
import { checkFeeSchedule, defaultNoShowFeeSchedule, feeRatesOn, noShowFeeFor } from './no-show-fee.ts';

describe('No-show fee table', () => {
  test('from 2026-01-01 somatic outpatient care costs 1 993 kr', () => {
    expect(noShowFeeFor({ date: '2026-01-01', kind: 'in-person', careArea: 'somatic' })).toEqual({ kind: 'fixed', amountNok: 1993 });
    expect(noShowFeeFor({ date: '2026-12-31', kind: 'in-person', careArea: 'somatic' })).toEqual({ kind: 'fixed', amountNok: 1993 });
  });

  test('mental health care and substance-abuse treatment cost at most 443 kr', () => {
    expect(noShowFeeFor({ date: '2026-03-29', kind: 'in-person', careArea: 'mental-health' })).toEqual({ kind: 'up-to', amountNok: 443 });
    expect(noShowFeeFor({ date: '2026-03-29', kind: 'in-person', careArea: 'substance-abuse' })).toEqual({ kind: 'up-to', amountNok: 443 });
  });

  test.each(['video', 'phone'] as const)('a %s consultation has no fee, whatever the care area', (kind) => {
    for (const careArea of ['somatic', 'mental-health', 'substance-abuse'] as const) {
      expect(noShowFeeFor({ date: '2026-05-05', kind, careArea })).toEqual({ kind: 'none', reason: 'remote-consultation' });
    }
  });

  test('an appointment before the first dated entry has no known amount', () => {
    expect(noShowFeeFor({ date: '2025-12-31', kind: 'in-person', careArea: 'somatic' })).toEqual({ kind: 'unknown' });
  });

  test('a later entry takes over from its date, in whatever order the schedule lists them', () => {
    const schedule = [{ validFrom: '2027-01-01', somaticNok: 2050, mentalHealthAndSubstanceAbuseMaxNok: 460 }, ...defaultNoShowFeeSchedule];
    expect(feeRatesOn('2026-12-31', schedule)?.somaticNok).toBe(1993);
    expect(noShowFeeFor({ date: '2027-01-01', kind: 'in-person', careArea: 'somatic' }, schedule)).toEqual({ kind: 'fixed', amountNok: 2050 });
    expect(noShowFeeFor({ date: '2027-06-01', kind: 'in-person', careArea: 'mental-health' }, schedule)).toEqual({ kind: 'up-to', amountNok: 460 });
  });

  test('a schedule from configuration is checked', () => {
    expect(checkFeeSchedule(defaultNoShowFeeSchedule)).toEqual([]);
    expect(checkFeeSchedule([{ validFrom: '2027-13-01', somaticNok: 1, mentalHealthAndSubstanceAbuseMaxNok: 1 }])).toEqual(['validFrom "2027-13-01" is not a date']);
    expect(checkFeeSchedule([{ validFrom: '2027-01-01', somaticNok: 19.5, mentalHealthAndSubstanceAbuseMaxNok: -1 }])).toHaveLength(2);
  });
});
