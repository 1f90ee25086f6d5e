/**
 * All a citizen may reach, for one citizen: their inbox, their municipal messaging, their answers to Dialogmelding questions,
 * their appointments, their notice choice and their language. Every part is filtered by `citizenId`,
 * so another person's item is "not found", like a missing one.
 */
import type { Kysely } from 'kysely';
import type { NoticeChoice } from '@innboks/core';
import type { Database } from '../schema.ts';
import { CitizenInbox } from '../repositories/citizen-inbox.ts';
import { CitizenMunicipal } from '../repositories/municipal/citizen-municipal.ts';
import { CitizenAppointments } from '../repositories/citizen-appointments.ts';
import { CitizenLanguage } from '../repositories/citizen-language.ts';
import { CitizenForms } from '../repositories/forms/citizen-forms.ts';
import { CitizenDialogAnswers } from '../dialogmelding/dialog-answers.ts';
import type { DeliveryStore } from '../delivery/delivery-store.ts';
import type { PrincipalOf } from './principal.ts';

/** The principals a citizen scope is opened for (a representative will be one more). */
export type CitizenFacingPrincipal = PrincipalOf<'citizen'>;

/** Whose data a citizen-facing principal reaches: its own (a representative's: the represented person's). */
export function whoseDataFor(principal: CitizenFacingPrincipal): string {
  return principal.citizenId;
}

export class CitizenScope {
  readonly audience = 'citizen';
  /** The citizen whose data this scope reaches. */
  readonly citizenId: string;
  readonly inbox: CitizenInbox;
  readonly municipal: CitizenMunicipal;
  readonly appointments: CitizenAppointments;
  /** The language they chose for pages, notices and letters. */
  readonly language: CitizenLanguage;
  /** Forms ordered for the citizen, the catalogue, drafts, and the reservation against research. */
  readonly forms: CitizenForms;
  /** Answers to questions that came by Dialogmelding, sent back to their senders. */
  readonly dialogAnswers: CitizenDialogAnswers;

  constructor(
    db: Kysely<Database>,
    private readonly delivery: DeliveryStore,
    readonly principal: CitizenFacingPrincipal,
  ) {
    this.citizenId = whoseDataFor(principal);
    this.inbox = new CitizenInbox(db, this.citizenId);
    this.municipal = new CitizenMunicipal(db, this.citizenId);
    this.appointments = new CitizenAppointments(db, this.citizenId);
    this.language = new CitizenLanguage(db, this.citizenId);
    this.forms = new CitizenForms(db, this.citizenId);
    this.dialogAnswers = new CitizenDialogAnswers(db, this.citizenId);
  }

  /** The national id the contact register knows this citizen by. */
  get nationalId(): string {
    return this.principal.nationalId;
  }

  noticeChoice(): Promise<NoticeChoice | null> {
    return this.delivery.noticeChoice(this.citizenId);
  }

  saveNoticeChoice(choice: NoticeChoice, at: Date): Promise<void> {
    return this.delivery.saveNoticeChoice(this.citizenId, choice, at);
  }
}
