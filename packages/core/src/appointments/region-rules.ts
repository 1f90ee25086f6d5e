/**
 * How a citizen answers an appointment, decided by the hospital's health region:
 * one table, read by the server (which replies it accepts) and the web app (which
 * controls it shows). Browser-safe.
 *
 * - Helse Sør-Øst: a reply button on the appointment letter ("Timen passer ikke").
 * - Helse Vest, Helse Nord: no button on the letter; the citizen starts a dialogue
 *   from the appointment in Timeavtaler (the functions of the national
 *   appointment-dialogue service).
 * - Helse Midt-Norge and senders without a region: chosen by configuration
 *   (`APPOINTMENT_REPLY_MODES`), with the defaults below.
 */

export const healthRegions = ['helse-sor-ost', 'helse-vest', 'helse-nord', 'helse-midt'] as const;
export type HealthRegion = (typeof healthRegions)[number];

/** The key of the rule table: a health region, or `other` for senders outside them. */
export type RegionKey = HealthRegion | 'other';
export const regionKeys = [...healthRegions, 'other'] as const satisfies readonly RegionKey[];

/** Codes of `urn:innboks:code:appointment-reply`: why the citizen writes. */
export const appointmentReplyReasons = ['cannot-attend', 'confirm', 'question', 'request-change', 'request-end-of-treatment'] as const;
export type AppointmentReplyReason = (typeof appointmentReplyReasons)[number];

/** Reasons that mean the citizen may not come as booked: the no-show fee deadline matters for these. */
export const reasonsAffectingAttendance: readonly AppointmentReplyReason[] = ['cannot-attend', 'request-change', 'request-end-of-treatment'];

export const replyModes = ['reply-button', 'dialogue', 'none'] as const;
export type ReplyMode = (typeof replyModes)[number];

export interface ReplyModeRule {
  /** The appointment letter shows the "Timen passer ikke" button. */
  letterReplyButton: boolean;
  /** The appointment in Timeavtaler offers the dialogue. */
  dialogueInAppointments: boolean;
  /** The reasons the citizen may give, in the order they are offered. */
  reasons: readonly AppointmentReplyReason[];
  /** Reasons that need a written message (a question is nothing without one). */
  textRequiredFor: readonly AppointmentReplyReason[];
}

export const replyModeRules: Readonly<Record<ReplyMode, ReplyModeRule>> = {
  'reply-button': { letterReplyButton: true, dialogueInAppointments: false, reasons: ['cannot-attend'], textRequiredFor: [] },
  dialogue: {
    letterReplyButton: false,
    dialogueInAppointments: true,
    reasons: ['confirm', 'question', 'request-change', 'request-end-of-treatment'],
    textRequiredFor: ['question'],
  },
  none: { letterReplyButton: false, dialogueInAppointments: false, reasons: [], textRequiredFor: [] },
};

export interface RegionRule {
  /** How citizens answer this region's appointments unless configured otherwise. */
  mode: ReplyMode;
  /** Whether a deployment may choose another mode (`APPOINTMENT_REPLY_MODES`). */
  configurable: boolean;
}

/** The rule table, keyed by region. */
export const regionRules: Readonly<Record<RegionKey, RegionRule>> = {
  'helse-sor-ost': { mode: 'reply-button', configurable: false },
  'helse-vest': { mode: 'dialogue', configurable: false },
  'helse-nord': { mode: 'dialogue', configurable: false },
  'helse-midt': { mode: 'reply-button', configurable: true },
  other: { mode: 'none', configurable: true },
};

/** Modes a deployment chose for the configurable regions. */
export type ConfiguredReplyModes = Partial<Record<RegionKey, ReplyMode>>;

export function regionKeyOf(region: string | null | undefined): RegionKey {
  return (healthRegions as readonly string[]).includes(region ?? '') ? (region as HealthRegion) : 'other';
}

/** The effective mode for a sender's region: the table, with configuration where the table allows it. */
export function replyModeFor(region: string | null | undefined, configured: ConfiguredReplyModes = {}): ReplyMode {
  const key = regionKeyOf(region);
  const rule = regionRules[key];
  return (rule.configurable ? configured[key] : undefined) ?? rule.mode;
}

/** The effective rule for a sender's region. */
export function replyRuleFor(region: string | null | undefined, configured: ConfiguredReplyModes = {}): ReplyModeRule & { mode: ReplyMode } {
  const mode = replyModeFor(region, configured);
  return { mode, ...replyModeRules[mode] };
}

/**
 * Checks a deployment's choice: only configurable regions, only known modes.
 * Answers the problems as sentences, empty when fine.
 */
export function checkConfiguredReplyModes(configured: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, mode] of Object.entries(configured)) {
    if (!(regionKeys as readonly string[]).includes(key)) problems.push(`unknown region "${key}" (known: ${regionKeys.join(', ')})`);
    else if (!regionRules[key as RegionKey].configurable) problems.push(`the reply mode of ${key} is fixed (${regionRules[key as RegionKey].mode})`);
    if (!(replyModes as readonly string[]).includes(mode)) problems.push(`unknown reply mode "${mode}" for ${key} (known: ${replyModes.join(', ')})`);
  }
  return problems;
}
