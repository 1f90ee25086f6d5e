/**
 * The no-show fee (gebyr for ikke-møtt time), charged when a citizen neither comes
 * nor says so at least 24 hours before. Dated configuration: each entry holds from
 * its date (Oslo calendar date of the appointment) until the next entry. Browser-safe.
 */
import type { AppointmentKind, CareArea } from './appointment.ts';

export interface NoShowFeeRates {
  /** First appointment date (YYYY-MM-DD, Oslo) these amounts apply to. */
  validFrom: string;
  /** Somatic outpatient care: this amount. */
  somaticNok: number;
  /** Mental health care and substance-abuse treatment: at most this amount. */
  mentalHealthAndSubstanceAbuseMaxNok: number;
}

/** The schedule as the regulations set it; a deployment may add later entries (`NO_SHOW_FEE_SCHEDULE`). */
export const defaultNoShowFeeSchedule: readonly NoShowFeeRates[] = [{ validFrom: '2026-01-01', somaticNok: 1993, mentalHealthAndSubstanceAbuseMaxNok: 443 }];

export type NoShowFee =
  /** No fee at all: video and phone consultations. */
  | { kind: 'none'; reason: 'remote-consultation' }
  /** The amount (somatic outpatient care). */
  | { kind: 'fixed'; amountNok: number }
  /** Up to the amount (mental health, substance abuse). */
  | { kind: 'up-to'; amountNok: number }
  /** The schedule has no entry for that date. */
  | { kind: 'unknown' };

export interface FeeQuestion {
  /** The appointment's Oslo calendar date, YYYY-MM-DD. */
  date: string;
  kind: AppointmentKind;
  careArea: CareArea;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The rates in force on a date: the latest entry that starts on or before it. */
export function feeRatesOn(date: string, schedule: readonly NoShowFeeRates[] = defaultNoShowFeeSchedule): NoShowFeeRates | undefined {
  if (!isoDate.test(date)) throw new Error(`Not a calendar date: ${date}`);
  return [...schedule].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).filter((rates) => rates.validFrom <= date).at(-1);
}

/** The fee that applies to an appointment if the citizen does not come or cancels late. */
export function noShowFeeFor(question: FeeQuestion, schedule: readonly NoShowFeeRates[] = defaultNoShowFeeSchedule): NoShowFee {
  if (question.kind === 'video' || question.kind === 'phone') return { kind: 'none', reason: 'remote-consultation' };
  const rates = feeRatesOn(question.date, schedule);
  if (!rates) return { kind: 'unknown' };
  switch (question.careArea) {
    case 'somatic':
      return { kind: 'fixed', amountNok: rates.somaticNok };
    case 'mental-health':
    case 'substance-abuse':
      return { kind: 'up-to', amountNok: rates.mentalHealthAndSubstanceAbuseMaxNok };
  }
}

/** Checks a schedule from configuration; answers the problems as sentences. */
export function checkFeeSchedule(schedule: readonly NoShowFeeRates[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rates of schedule) {
    if (!isoDate.test(rates.validFrom) || Number.isNaN(Date.parse(`${rates.validFrom}T00:00:00Z`))) problems.push(`validFrom "${rates.validFrom}" is not a date`);
    if (seen.has(rates.validFrom)) problems.push(`two entries from ${rates.validFrom}`);
    seen.add(rates.validFrom);
    for (const amount of [rates.somaticNok, rates.mentalHealthAndSubstanceAbuseMaxNok]) {
      if (!Number.isInteger(amount) || amount < 0) problems.push(`amounts are whole kroner, not ${amount}`);
    }
  }
  return problems;
}
