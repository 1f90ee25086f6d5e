/**
 * All an operator may reach: delivery metadata for the whole service — the charts, a
 * letter's delivery timeline, the dead letters and their replay — and the audit log.
 * Never a letter's contents or who the citizen is (operations/letter-timeline.ts).
 * Every call records itself in `operator_audit`, in the read's own transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { hourSlots } from '@innboks/core';
import type { Database, OperatorAction } from '../schema.ts';
import type { DeliveryStore } from '../delivery/delivery-store.ts';
import { listDeadLetters } from '../delivery/dead-letters.ts';
import type { PrincipalOf } from './principal.ts';
import { deadLettersPerHour, lettersPerHour, noticeHandOffP95, queueDepthPerHour, type HourCount } from '../operations/operator-charts.ts';
import { citizenReference, findLetters, letterTimeline, type FoundLetter, type LetterSearch, type LetterTimeline } from '../operations/letter-timeline.ts';
import { operatorAuditLog, recordOperatorAction, type OperatorAuditEntry } from '../operations/operator-audit.ts';
import { deadLetterCause, type DeadLetterCause } from '../operations/operations-picture.ts';

export interface OperatorOverview {
  hours: Date[];
  lettersPerHour: HourCount[];
  noticeHandOffP95: HourCount[];
  queueDepth: HourCount[];
  deadLetters: HourCount[];
}

export interface OperatorDeadLetter {
  id: string;
  step: string;
  cause: DeadLetterCause | 'job';
  reason: string;
  attempts: number;
  createdAt: Date;
  letterId: string | null;
  citizenReference: string | null;
}

export class OperatorScope {
  readonly audience = 'operator';

  constructor(
    private readonly db: Kysely<Database>,
    private readonly delivery: DeliveryStore,
    readonly principal: PrincipalOf<'staff'>,
    private readonly now: () => Date,
  ) {}

  /** The charts for the last `hours` hours (24 or 168); the queue and the dead letters always for the last day. */
  overview(hours: number): Promise<OperatorOverview> {
    return this.recorded('overview', [], `${hours} hours`, async (tx, now) => {
      const slots = hourSlots(now, hours);
      const day = hourSlots(now, 24);
      return {
        hours: slots,
        lettersPerHour: await lettersPerHour(tx, slots[0]!, now),
        noticeHandOffP95: await noticeHandOffP95(tx, day[0]!, now),
        queueDepth: await queueDepthPerHour(tx, day[0]!, now),
        deadLetters: await deadLettersPerHour(tx, day),
      };
    });
  }

  search(search: LetterSearch): Promise<FoundLetter[]> {
    const what = 'letterId' in search ? `letter id ${search.letterId}` : `identifier ${search.identifier.system}|${search.identifier.value}`;
    return this.recorded('search', [], what, (tx) => findLetters(tx, search), (found) => found.map((letter) => letter.letterId));
  }

  timeline(letterId: string): Promise<LetterTimeline | undefined> {
    return this.recorded('timeline', [letterId], null, (tx) => letterTimeline(tx, letterId));
  }

  deadLetters(): Promise<OperatorDeadLetter[]> {
    // In the audit's transaction (the embedded database has one connection): the CLI's list, dead-letters.ts.
    return this.recorded('dead-letters', [], null, async (tx) =>
      (await listDeadLetters(tx)).map((entry) => ({
        id: entry.id,
        step: entry.step,
        cause: entry.kind === 'job' ? ('job' as const) : deadLetterCause(entry.reason),
        reason: entry.reason,
        attempts: entry.attempts,
        createdAt: entry.createdAt,
        letterId: entry.messageId,
        citizenReference: entry.citizenId ? citizenReference(entry.citizenId) : null,
      })),
    );
  }

  /**
   * The CLI's replay (DeliveryStore.replay, one implementation): the failed step queued
   * again with fresh tries. False when there is nothing to replay (no such id, or
   * replayed already), so a second replay does nothing.
   */
  async replay(id: string): Promise<boolean> {
    const at = this.now();
    return this.delivery.replay(id, at, (tx, replayed) =>
      recordOperatorAction(tx, { ...this.who(), action: 'replay', objectIds: [id], detail: replayed ? 'queued again' : 'nothing to replay', at }),
    );
  }

  /** A replay of many stopped by the operator: which were done, and which were left. */
  async stopped(replayed: string[], left: string[]): Promise<void> {
    await recordOperatorAction(this.db, { ...this.who(), action: 'stop', objectIds: left, detail: `stopped after ${replayed.length}; replayed ${replayed.join(', ') || 'none'}`, at: this.now() });
  }

  auditLog(limit = 200): Promise<OperatorAuditEntry[]> {
    return this.recorded('audit-log', [], null, (tx) => operatorAuditLog(tx, limit));
  }

  private who() {
    return { staffId: this.principal.staffId, staffName: this.principal.name };
  }

  /** The read and its audit row in one transaction; `idsFound` adds the ids the read found. */
  private recorded<T>(
    action: OperatorAction,
    objectIds: string[],
    detail: string | null,
    read: (tx: Transaction<Database>, now: Date) => Promise<T>,
    idsFound: (result: T) => string[] = () => [],
  ): Promise<T> {
    return this.db.transaction().execute(async (tx) => {
      const at = this.now();
      const result = await read(tx, at);
      await recordOperatorAction(tx, { ...this.who(), action, objectIds: [...objectIds, ...idsFound(result)], detail, at });
      return result;
    });
  }
}
