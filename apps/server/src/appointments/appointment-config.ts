/**
 * Appointment configuration, read once at start with the rest (config.ts):
 * - `APPOINTMENT_REPLY_MODES`: how citizens answer appointments where the region
 *   table lets the deployment choose, e.g. `helse-midt=dialogue,other=none`
 *   (modes: reply-button, dialogue, none).
 * - `NO_SHOW_FEE_SCHEDULE`: later no-show fee amounts, a JSON list of
 *   `{ "validFrom": "2027-01-01", "somaticNok": 2050, "mentalHealthAndSubstanceAbuseMaxNok": 460 }`;
 *   added to the built-in schedule (from 2026-01-01: 1 993 kr / at most 443 kr), an
 *   entry with the same date replaces the built-in one.
 */
import {
  checkConfiguredReplyModes,
  checkFeeSchedule,
  defaultNoShowFeeSchedule,
  type ConfiguredReplyModes,
  type NoShowFeeRates,
} from '@innboks/core';

export interface AppointmentConfig {
  replyModes: ConfiguredReplyModes;
  feeSchedule: readonly NoShowFeeRates[];
}

export class AppointmentConfigError extends Error {}

export function loadAppointmentConfig(environment: Record<string, string | undefined>): AppointmentConfig {
  return {
    replyModes: parseReplyModes(environment.APPOINTMENT_REPLY_MODES ?? ''),
    feeSchedule: parseFeeSchedule(environment.NO_SHOW_FEE_SCHEDULE ?? ''),
  };
}

function parseReplyModes(text: string): ConfiguredReplyModes {
  const pairs = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [key = '', mode = ''] = part.split('=').map((side) => side.trim());
      return [key, mode] as const;
    });
  const configured = Object.fromEntries(pairs);
  const problems = checkConfiguredReplyModes(configured);
  if (problems.length > 0) throw new AppointmentConfigError(`APPOINTMENT_REPLY_MODES: ${problems.join('; ')}`);
  return configured as ConfiguredReplyModes;
}

function parseFeeSchedule(text: string): readonly NoShowFeeRates[] {
  if (!text.trim()) return defaultNoShowFeeSchedule;
  let extra: unknown;
  try {
    extra = JSON.parse(text);
  } catch {
    throw new AppointmentConfigError('NO_SHOW_FEE_SCHEDULE must be a JSON list');
  }
  const entries = Array.isArray(extra) ? (extra as NoShowFeeRates[]) : undefined;
  const shapeOk = entries?.every(
    (entry) => typeof entry === 'object' && entry !== null && typeof entry.validFrom === 'string' && typeof entry.somaticNok === 'number' && typeof entry.mentalHealthAndSubstanceAbuseMaxNok === 'number',
  );
  if (!entries || !shapeOk) {
    throw new AppointmentConfigError('NO_SHOW_FEE_SCHEDULE entries need validFrom (YYYY-MM-DD), somaticNok and mentalHealthAndSubstanceAbuseMaxNok');
  }
  const problems = checkFeeSchedule(entries);
  if (problems.length > 0) throw new AppointmentConfigError(`NO_SHOW_FEE_SCHEDULE: ${problems.join('; ')}`);
  const replaced = new Set(entries.map((entry) => entry.validFrom));
  return [...defaultNoShowFeeSchedule.filter((entry) => !replaced.has(entry.validFrom)), ...entries];
}
