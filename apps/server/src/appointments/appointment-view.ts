/** A citizen's appointment as the web app shows it: the rules of its region and the fee, worked out now. */
import { isCancelledStatus, noShowFeeFor, osloDateOf, regionKeyOf, replyModeFor, replyWindow } from '@innboks/core';
import type { AppointmentReplyReason, AppointmentView } from '@innboks/contracts';
import type { CitizenAppointmentRecord } from '@innboks/db';
import type { AppointmentConfig } from './appointment-config.ts';

export function toAppointmentView(record: CitizenAppointmentRecord, now: Date, config: AppointmentConfig): AppointmentView {
  const window = replyWindow(record, now);
  return {
    id: record.id,
    status: record.status,
    cancelled: isCancelledStatus(record.status),
    start: record.start.toISOString(),
    end: record.end.toISOString(),
    kind: record.kind,
    careArea: record.careArea,
    hospital: record.organizationName,
    clinic: record.clinic,
    place: record.place,
    description: record.description,
    patientInstruction: record.patientInstruction,
    region: regionKeyOf(record.region),
    replyMode: replyModeFor(record.region, config.replyModes),
    reply: { state: window.state, deadline: window.deadline.toISOString() },
    fee: noShowFeeFor({ date: osloDateOf(record.start), kind: record.kind, careArea: record.careArea }, config.feeSchedule),
    letterId: record.letterThreadId,
    replies: record.replies.map((reply) => ({
      reason: reply.reason as AppointmentReplyReason,
      sentAt: reply.sentAt.toISOString(),
      late: reply.late,
      threadId: reply.threadId,
    })),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** Upcoming (not yet over) soonest first; past newest first. */
export function splitByTime(views: AppointmentView[], now: Date): { upcoming: AppointmentView[]; past: AppointmentView[] } {
  const upcoming = views.filter((view) => Date.parse(view.end) > now.getTime()).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const past = views.filter((view) => Date.parse(view.end) <= now.getTime()).sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return { upcoming, past };
}
