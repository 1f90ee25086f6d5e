/**
 * All a citizen may reach, for one person: their inbox, their municipal messaging, their answers to Dialogmelding questions,
 * their appointments, their notice choice, their language and their forms. Every part is filtered by `citizenId`,
 * so another person's item is "not found", like a missing one. A representative gets
 * the represented person's scope, with only the items the rule table lets them see
 * (`itemsVisibleTo`, @innboks/core), every read and action recorded in its own
 * transaction, and what they send naming them.
 */
import type { Kysely } from 'kysely';
import { itemsVisibleTo, type ItemVisibility, type NoticeChoice } from '@innboks/core';
import type { Database } from '../schema.ts';
import { CitizenInbox, ownItems } from '../repositories/citizen-inbox.ts';
import { CitizenMunicipal } from '../repositories/municipal/citizen-municipal.ts';
import { CitizenAppointments } from '../repositories/citizen-appointments.ts';
import { CitizenLanguage } from '../repositories/citizen-language.ts';
import { CitizenForms } from '../repositories/forms/citizen-forms.ts';
import { CitizenDialogAnswers } from '../dialogmelding/dialog-answers.ts';
import type { DeliveryStore } from '../delivery/delivery-store.ts';
import { recorderFor } from '../representation/representation-log.ts';
import type { PrincipalOf } from './principal.ts';

/** The principals a citizen scope is opened for: the person themselves, or someone acting for them. */
export type CitizenFacingPrincipal = PrincipalOf<'citizen'> | PrincipalOf<'representative'>;

/** Whose data a citizen-facing principal reaches: its own (a representative's: the represented person's). */
export function whoseDataFor(principal: CitizenFacingPrincipal): string {
  return principal.kind === 'representative' ? principal.person.citizenId : principal.citizenId;
}

/** Which of that person's items the principal sees. */
export function visibilityFor(principal: CitizenFacingPrincipal): ItemVisibility {
  return principal.kind === 'representative' ? itemsVisibleTo(principal.relation, principal.person.age) : ownItems;
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
    now: () => Date = () => new Date(),
  ) {
    this.citizenId = whoseDataFor(principal);
    const visibility = visibilityFor(principal);
    const representative =
      principal.kind === 'representative'
        ? { sentBy: { nationalId: principal.nationalId, name: principal.name, relation: principal.relation }, recorder: recorderFor(principal, now) }
        : undefined;
    this.inbox = new CitizenInbox(db, this.citizenId, visibility, representative?.recorder);
    this.municipal = new CitizenMunicipal(db, this.citizenId, representative);
    this.appointments = new CitizenAppointments(db, this.citizenId, visibility, representative);
    this.language = new CitizenLanguage(db, this.citizenId);
    const author = { nationalId: principal.nationalId, relation: principal.kind === 'representative' ? principal.relation : null };
    this.forms = new CitizenForms(db, this.citizenId, author, visibility, representative?.recorder);
    this.dialogAnswers = new CitizenDialogAnswers(db, this.citizenId, visibility, representative);
  }

  /** Someone acting for the person: settings that belong to the person are not theirs to change. */
  get actsForAnother(): boolean {
    return this.principal.kind === 'representative';
  }

  /** The national id the contact register knows this citizen by. */
  get nationalId(): string {
    return this.principal.kind === 'representative' ? this.principal.person.nationalId : this.principal.nationalId;
  }

  noticeChoice(): Promise<NoticeChoice | null> {
    return this.delivery.noticeChoice(this.citizenId);
  }

  saveNoticeChoice(choice: NoticeChoice, at: Date): Promise<void> {
    return this.delivery.saveNoticeChoice(this.citizenId, choice, at);
  }
}
