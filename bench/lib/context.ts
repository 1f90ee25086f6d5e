/**
 * What every benchmark gets: the options, a database of the suite's own (made and
 * dropped by the run), the generated dataset, the demo senders with their keys,
 * and ways to start API servers and workers as processes of their own.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { JWK } from 'jose';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { systemClock } from '@innboks/core';
import { migrateToLatest, openDatabase } from '@innboks/db';
import { withAdmin } from '@innboks/db/testing';
import { seedDemoData } from '../../apps/server/src/demo/seed.ts';
import { demoSenders, type DemoSender } from '../../apps/server/src/demo/demo-data.ts';
import { fetchSenderAccessToken } from '../../apps/server/src/identity/sender-token/testing.ts';
import { freePort } from '../../apps/server/src/testing/test-server.ts';
import { existingDataset, generateDataset, refuseLoadStoppedPartWay, type DatasetSummary } from '../generate/generate.ts';
import type { BenchOptions } from './options.ts';
import { logPath, startProcess, type ProcessHandle } from './processes.ts';

export interface Figure {
  benchmark: string;
  /** What is measured, e.g. "letters/s" or "p99 ms". */
  figure: string;
  ours: number | string | null;
  /** The raw PostgreSQL ceiling for the same work, where there is one. */
  ceiling?: number | null;
  /** ours / ceiling (for latencies: ceiling / ours, so higher is better either way). */
  ratio?: number | null;
  goal?: string;
  met?: boolean | null;
  note?: string;
}

export interface Benchmark {
  /** Short name, used by --only / --skip. */
  name: string;
  description: string;
  /** Needs the generated dataset (the big data). */
  needsDataset: boolean;
  run(context: BenchContext): Promise<Figure[]>;
}

export interface ApiServer extends ProcessHandle {
  baseUrl: string;
  /** A sender access token from this server's embedded identity provider. */
  tokenFor(clientId: string): Promise<string>;
}

export class BenchContext {
  readonly pool: pg.Pool;
  readonly senders: (DemoSender & { privateJwk: JWK })[] = [];
  dataset: DatasetSummary | undefined;
  private readonly processes = new Set<ProcessHandle>();
  private serverCount = 0;

  private constructor(
    readonly options: BenchOptions,
    readonly databaseName: string,
    readonly databaseUrl: string,
    /** Data dir shared by the servers of this run: sender keys, provider keys. */
    readonly workDir: string,
    private readonly dropOnClose: boolean,
  ) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 40 });
    // pool.end() resolves before its idle connections have closed; the drop at close()
    // (`with (force)`) may end one first, which the pool reports as an error event.
    this.pool.on('error', () => undefined);
  }

  static async open(options: BenchOptions, log: (message: string) => void): Promise<BenchContext> {
    const admin = new URL(options.databaseUrl);
    const name = options.keepDatabase ?? `innboks_bench_${randomBytes(4).toString('hex')}`;
    if (!/^innboks_bench[a-z0-9_]*$/.test(name)) throw new Error(`--db must start with innboks_bench (got ${name}); the suite never touches other databases`);
    const exists = await withAdmin(options.databaseUrl, async (client) => {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (!rowCount) await client.query(`create database ${name}`);
      return Boolean(rowCount);
    });
    const url = new URL(admin);
    url.pathname = `/${name}`;
    log(`database ${name} ${exists ? '(kept from an earlier run)' : '(new)'}`);
    if (exists) await refuseLoadStoppedPartWay(url.toString());
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-bench-'));
    const context = new BenchContext(options, name, url.toString(), workDir, options.keepDatabase === undefined);
    await context.migrateAndSeed();
    return context;
  }

  private async migrateAndSeed(): Promise<void> {
    const handle = await openDatabase({ url: this.databaseUrl, poolSize: 2 });
    try {
      await migrateToLatest(handle.db as Kysely<unknown>);
      await seedDemoData({ db: handle.db, dataDir: this.workDir, baseUrl: 'http://127.0.0.1', clock: systemClock });
    } finally {
      await handle.close();
    }
    for (const sender of demoSenders) {
      const privateJwk = JSON.parse(await readFile(path.join(this.workDir, 'dev', 'senders', `${sender.clientId}.jwk.json`), 'utf8')) as JWK;
      this.senders.push({ ...sender, privateJwk });
    }
    await this.pool.query('create extension if not exists pg_stat_statements').catch(() => undefined);
  }

  /**
   * Before each benchmark: VACUUM ANALYZE every table the one before left with more
   * than 1,000 dead rows. The ingest benchmarks delete the delivery jobs of some 30,000
   * letters when they end; a job queue claimed through an index full of dead entries
   * took the delivery benchmark that followed from 500 to 340 letters/s. A running
   * service has autovacuum (for `job`, tuned to run often: migration 0008), which
   * cleans such a burst within a minute; benchmarks seconds apart measure the
   * work, not that minute.
   */
  async settle(log: (message: string) => void): Promise<void> {
    const { rows } = await this.pool.query<{ relname: string }>(
      `select relname from pg_stat_user_tables where schemaname = 'public' and n_dead_tup > 1000 order by relname`,
    );
    if (rows.length === 0) return;
    const started = performance.now();
    for (const { relname } of rows) await this.pool.query(`vacuum (analyze) ${pg.escapeIdentifier(relname)}`);
    log(`settled: vacuum analyze ${rows.map((row) => row.relname).join(', ')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }

  /** The big data: made once per database and scale, then reused with --db. */
  async ensureDataset(log: (message: string) => void): Promise<DatasetSummary> {
    if (this.dataset) return this.dataset;
    const existing = await existingDataset(this.databaseUrl, this.options.scale);
    if (existing) {
      log(`dataset at scale ${this.options.scale} already here: ${existing.messages.toLocaleString('en')} messages`);
      this.dataset = existing;
    } else {
      this.dataset = await generateDataset(this.databaseUrl, { scale: this.options.scale, log });
    }
    return this.dataset;
  }

  senderOf(kind: DemoSender['kind']): DemoSender & { privateJwk: JWK } {
    return this.senders.find((sender) => sender.kind === kind) ?? this.senders[0]!;
  }

  /** Starts an API server process on this run's database (worker off unless asked). */
  async startApi(options: { name?: string; env?: Record<string, string>; publicUrl?: string; port?: number } = {}): Promise<ApiServer> {
    const port = options.port ?? (await freePort());
    const name = options.name ?? `api-${++this.serverCount}`;
    const handle = await startProcess({
      kind: 'api',
      port,
      logFile: logPath(this.workDir, name),
      nodeFlags: this.profileFlags(name),
      env: {
        DATABASE_URL: this.databaseUrl,
        INNBOKS_DATA_DIR: this.workDir,
        INNBOKS_DEMO_DATA: 'false',
        INNBOKS_WORKER: 'false',
        PUBLIC_URL: options.publicUrl ?? `http://127.0.0.1:${port}`,
        ...options.env,
      },
    });
    this.processes.add(handle);
    const baseUrl = handle.baseUrl!;
    const issuer = options.publicUrl ?? baseUrl;
    return {
      ...handle,
      baseUrl,
      stop: async () => {
        this.processes.delete(handle);
        await handle.stop();
      },
      tokenFor: async (clientId) => {
        const sender = this.senders.find((candidate) => candidate.clientId === clientId);
        if (!sender) throw new Error(`no demo sender ${clientId}`);
        return fetchSenderAccessToken(issuer, clientId, sender.privateJwk);
      },
    };
  }

  /** Starts a worker process (apps/server/src/worker-main.ts) on this run's database. */
  async startWorker(options: { name?: string; env?: Record<string, string> } = {}): Promise<ProcessHandle> {
    const name = options.name ?? `worker-${++this.serverCount}`;
    const handle = await startProcess({
      kind: 'worker',
      logFile: logPath(this.workDir, name),
      nodeFlags: this.profileFlags(name),
      env: { DATABASE_URL: this.databaseUrl, INNBOKS_DATA_DIR: this.workDir, INNBOKS_DEMO_DATA: 'false', ...options.env },
    });
    this.processes.add(handle);
    return {
      ...handle,
      stop: async () => {
        this.processes.delete(handle);
        await handle.stop();
      },
    };
  }

  private profileFlags(name: string): string[] {
    return this.options.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(this.options.resultsDir, 'profiles', name)}`] : [];
  }

  /**
   * Citizen sessions made directly in `citizen_session` (as a login would), for the
   * read benchmarks: the cookie token for each citizen.
   */
  async createSessions(citizenIds: string[]): Promise<Map<string, string>> {
    const tokens = new Map<string, string>();
    const rows: string[] = [];
    const values: unknown[] = [];
    for (const citizenId of citizenIds) {
      const token = randomBytes(32).toString('base64url');
      tokens.set(citizenId, token);
      values.push(createHash('sha256').update(token).digest('hex'), citizenId);
      rows.push(`($${values.length - 1}, $${values.length}, 'idporten-loa-high', now(), now(), now() + interval '1 day')`);
      if (rows.length === 1000) {
        await this.insertSessions(rows, values);
        rows.length = 0;
        values.length = 0;
      }
    }
    if (rows.length) await this.insertSessions(rows, values);
    return tokens;
  }

  private async insertSessions(rows: string[], values: unknown[]): Promise<void> {
    await this.pool.query(`insert into citizen_session (id, citizen_id, acr, created_at, last_seen_at, expires_at) values ${rows.join(', ')}`, values);
  }

  async close(): Promise<void> {
    for (const handle of [...this.processes]) await handle.stop().catch(() => undefined);
    await this.pool.end();
    if (this.dropOnClose) {
      await withAdmin(this.options.databaseUrl, (client) => client.query(`drop database if exists ${this.databaseName} with (force)`));
    }
    if (!this.options.keepLogs) await rm(this.workDir, { recursive: true, force: true });
  }
}

