/**
 * A streaming replica for reads, and the rule for when a read may go to it: the
 * replica is up, no further behind than the bound, and — for a reader who just wrote
 * — has replayed past that write's WAL position (read-your-writes). Otherwise the read
 * goes to the primary. The replica's position is asked at most every few milliseconds
 * and shared by every read in between; replay only moves forward, so a position a
 * little old is still a safe "at least".
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { DatabaseHandle } from '../database.ts';
import { walPosition, type WalPosition } from './wal-position.ts';

export type ReadTarget = 'replica' | 'primary';
/** Why a read went where it did (the metric's label). */
export type ReadReason = 'replica' | 'own-write' | 'replica-down' | 'replica-lagging' | 'replica-failed' | 'session-not-on-replica';

export interface ReplicaState {
  up: boolean;
  /** The last WAL position it has applied. */
  replayed: WalPosition;
  /** How far behind the primary it is: 0 when it has applied all it received and is streaming. */
  lagSeconds: number;
  /** performance.now() of the check. */
  checkedAt: number;
}

export interface ReadChoice {
  target: ReadTarget;
  reason: ReadReason;
}

export interface ReadReplicaOptions {
  maxLagSeconds: number;
  /** How long a check of a live replica serves reads. */
  freshForMs?: number;
  /** How long a replica found down (or failing) is left alone before it is asked again. */
  downForMs?: number;
}

const unknown: ReplicaState = { up: false, replayed: 0n, lagSeconds: Number.POSITIVE_INFINITY, checkedAt: Number.NEGATIVE_INFINITY };

export class ReadReplica {
  private state: ReplicaState = unknown;
  private checking: Promise<ReplicaState> | undefined;
  private readonly freshForMs: number;
  private readonly downForMs: number;

  constructor(
    private readonly replica: DatabaseHandle,
    private readonly options: ReadReplicaOptions,
  ) {
    this.freshForMs = options.freshForMs ?? 10;
    this.downForMs = options.downForMs ?? 1000;
  }

  get db(): Kysely<Database> {
    return this.replica.db;
  }

  /** Behind by more than this, the replica is not read. */
  get maxLagSeconds(): number {
    return this.options.maxLagSeconds;
  }

  /**
   * Where a read goes, for a reader whose last write ended at `written` (none: any
   * replica within the bound will do).
   */
  async choose(written: WalPosition | undefined): Promise<ReadChoice> {
    const state = await this.current();
    if (!state.up) return { target: 'primary', reason: 'replica-down' };
    if (state.lagSeconds > this.options.maxLagSeconds) return { target: 'primary', reason: 'replica-lagging' };
    if (written !== undefined && state.replayed < written) return { target: 'primary', reason: 'own-write' };
    return { target: 'replica', reason: 'replica' };
  }

  /** A read on the replica failed for the replica's sake (connection, recovery conflict): leave it alone for a while. */
  failed(): void {
    this.state = { ...unknown, checkedAt: performance.now() };
  }

  /** How the replica stands: the last check if fresh, else a new one (for a scrape). */
  async refresh(): Promise<ReplicaState> {
    return this.current();
  }

  close(): Promise<void> {
    return this.replica.close();
  }

  // Cache ages are measured on the process's monotonic timer, not the injected clock:
  // they are no time of the domain, and a test's fixed clock must not freeze them.
  private current(): Promise<ReplicaState> {
    const age = performance.now() - this.state.checkedAt;
    if (age < (this.state.up ? this.freshForMs : this.downForMs)) return Promise.resolve(this.state);
    return (this.checking ??= this.check().finally(() => (this.checking = undefined)));
  }

  private async check(): Promise<ReplicaState> {
    try {
      const { rows } = await replicaPositionSql.execute(this.replica.db);
      const row = rows[0]!;
      // Not in recovery: a primary (promoted, or the wrong URL), which has not got our writes.
      this.state = row.replayed === null ? { ...unknown, checkedAt: performance.now() } : { up: true, replayed: walPosition(row.replayed), lagSeconds: Number(row.lag_seconds), checkedAt: performance.now() };
    } catch {
      this.state = { ...unknown, checkedAt: performance.now() };
    }
    return this.state;
  }
}

/**
 * The replica's applied position and its lag. Lag is 0 when it has applied all it has
 * received and its WAL receiver is streaming; else the age of the last transaction it
 * applied (a replica cut off from its primary, or with replay paused, grows older).
 * Reading the receiver's status needs `pg_read_all_stats` (or a superuser); without it
 * an idle replica counts as behind by the age of its last transaction.
 */
const replicaPositionSql = sql<{ replayed: string | null; lag_seconds: number | string }>`
  select pg_last_wal_replay_lsn()::text as replayed,
    case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
              and exists (select 1 from pg_stat_wal_receiver where status = 'streaming') then 0
         else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 1e9)
    end::float8 as lag_seconds`;

/** An error of the replica's rather than of the read: its connection, or a conflict with the WAL it applies. */
export function isReplicaTrouble(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return true; // no SQLSTATE: the connection itself (refused, reset, timed out)
  // 40001: canceled for a conflict with recovery; 57P0x: shut down or starting; 08xxx: connection.
  return code === '40001' || code.startsWith('57P') || code.startsWith('08');
}
