/**
 * The process's Prometheus metrics (prom-client), in one registry per process. What
 * happens in this process is counted as it happens (HTTP, letters accepted, calls to
 * the channels, notice hand-off); what the processes share is read from the database
 * when scraped (queue depth and age, dead letters), so any one process tells the
 * whole queue. Default Node metrics bring the event-loop lag.
 */
import client from 'prom-client';
import type { Kysely } from 'kysely';
import type { Clock } from '@innboks/core';
import { openDeadLetterCounts, queueDepths, type Database, type PoolUse, type ReadReason, type ReadReplica, type ReadTarget } from '@innboks/db';

export type ChannelOutcome = 'accepted' | 'rejected' | 'failed';

export interface Metrics {
  registry: client.Registry;
  httpRequestSeconds: client.Histogram<'method' | 'route' | 'status'>;
  /** A letter saved (201), by the sender organisation's kind and the door it came in by. */
  letterAccepted(door: string, senderKind: string): void;
  /** A call to an outside channel (sms, email, digital-mailbox, paper) and how it ended. */
  channelCall(channel: string, outcome: ChannelOutcome): void;
  /** A notice taken by the SMS gateway or mail server, seconds after its job was queued. */
  noticeHandedOff(channel: string, seconds: number): void;
  /** A citizen's read (inbox, search, appointments) served by the replica or the primary, and why. */
  readServed(target: ReadTarget, reason: ReadReason): void;
}

export interface MetricsSources {
  db: Kysely<Database>;
  clock: Clock;
  poolUse?: () => PoolUse;
  /** The read replica (DATABASE_READ_URL), when configured. */
  readReplica?: ReadReplica | undefined;
}

export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'innboks_' });
  const httpRequestSeconds = new client.Histogram({
    name: 'innboks_http_request_duration_seconds',
    help: 'HTTP requests by route pattern (never the path with its ids) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const lettersAccepted = new client.Counter({
    name: 'innboks_letters_accepted_total',
    help: 'Letters saved and acknowledged, by sender kind and door',
    labelNames: ['sender_kind', 'door'] as const,
    registers: [registry],
  });
  const channelCalls = new client.Counter({
    name: 'innboks_channel_deliveries_total',
    help: 'Hand-offs to an outside channel by this process, by channel and outcome (accepted, rejected, failed: tried again or dead-lettered)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry],
  });
  const noticeHandoff = new client.Histogram({
    name: 'innboks_notice_handoff_seconds',
    help: "Seconds from a notice's job being queued to the gateway taking it (quiet hours included)",
    labelNames: ['channel'] as const,
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 36_000],
    registers: [registry],
  });
  const reads = new client.Counter({
    name: 'innboks_db_reads_total',
    help: "Citizens' reads (inbox, search, appointments) by where they were served (replica, primary) and why (replica, own-write, replica-down, replica-lagging, replica-failed, session-not-on-replica)",
    labelNames: ['target', 'reason'] as const,
    registers: [registry],
  });
  registerDatabaseGauges(registry, sources);
  return {
    registry,
    httpRequestSeconds,
    letterAccepted: (door, senderKind) => lettersAccepted.inc({ door, sender_kind: senderKind }),
    channelCall: (channel, outcome) => channelCalls.inc({ channel, outcome }),
    noticeHandedOff: (channel, seconds) => noticeHandoff.observe({ channel }, seconds),
    readServed: (target, reason) => reads.inc({ target, reason }),
  };
}

/** Gauges filled when scraped, from the shared database and this process's pool. */
function registerDatabaseGauges(registry: client.Registry, { db, clock, poolUse, readReplica }: MetricsSources): void {
  // Both queue gauges come from one statement; a scrape asks each, and the second
  // gets the read the first started.
  let queueRead: ReturnType<typeof queueDepths> | undefined;
  const readQueue = () => (queueRead ??= queueDepths(db, clock.now()).finally(() => (queueRead = undefined)));
  new client.Gauge({
    name: 'innboks_queue_jobs',
    help: 'Jobs in the queue by kind and state (queued, running, dead)',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    async collect() {
      const rows = await readQueue();
      this.reset();
      for (const row of rows) this.set({ kind: row.kind, state: row.state }, row.jobs);
    },
  });
  new client.Gauge({
    name: 'innboks_queue_oldest_due_seconds',
    help: 'Seconds the oldest due job of each kind has waited',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      const rows = await readQueue();
      this.reset();
      for (const row of rows) if (row.state === 'queued') this.set({ kind: row.kind }, row.oldestDueSeconds);
    },
  });
  new client.Gauge({
    name: 'innboks_dead_letters',
    help: 'Open (not replayed) dead letters by step and cause',
    labelNames: ['step', 'cause'] as const,
    registers: [registry],
    async collect() {
      const rows = await openDeadLetterCounts(db);
      this.reset();
      for (const row of rows) this.set({ step: row.step, cause: row.cause }, row.count);
    },
  });
  if (readReplica) {
    // Asked at the scrape (or the last few milliseconds' check): how the replica stands now.
    new client.Gauge({
      name: 'innboks_db_replica_up',
      help: 'The read replica answers as a standby (1) or not (0: citizens read from the primary)',
      registers: [registry],
      async collect() {
        this.set((await readReplica.refresh()).up ? 1 : 0);
      },
    });
    new client.Gauge({
      name: 'innboks_db_replica_lag_seconds',
      help: 'How far the read replica is behind its primary (0 when it has applied all it received); NaN while it is down (innboks_db_replica_up)',
      registers: [registry],
      async collect() {
        const state = await readReplica.refresh();
        this.set(state.up ? state.lagSeconds : Number.NaN);
      },
    });
  }
  if (poolUse) {
    new client.Gauge({
      name: 'innboks_db_pool_connections',
      help: 'PostgreSQL pool of this process: max, open, idle, and queries waiting for a connection',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        for (const [state, value] of Object.entries(poolUse())) this.set({ state }, value);
      },
    });
  }
}
