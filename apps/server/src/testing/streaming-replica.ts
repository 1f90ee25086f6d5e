/**
 * A real PostgreSQL streaming replica of the local server, for tests and the benchmark:
 * `pg_basebackup -R` of the whole cluster into a temporary data directory, started on a
 * free port on loopback, stopped and removed after. The local server is a Debian cluster
 * run by the `postgres` user, so the copy and the replica run as that user (`runuser`).
 *
 * It copies the whole cluster, other people's databases too: as long as the cluster is
 * big (seconds for test databases; 82–104 s here with a 16 GB benchmark database in it).
 * Mind a shared server with a big cluster: while PostgreSQL 15 sends a base backup, a
 * `DROP DATABASE … WITH (FORCE)` elsewhere on it waits for the backup's process to take
 * its signal barrier (seen here: other test files' drops held for minutes), and on a
 * busy machine the backup's WAL stream can hit `wal_sender_timeout` and fail.
 * Without a replication slot, so a run that dies leaves nothing on the shared server
 * that keeps WAL.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { withAdmin } from './test-database.ts';
import { freePort } from './test-server.ts';

const run = promisify(execFile);

export interface StreamingReplica {
  port: number;
  /** The replica's URL for a database of the primary (the same name). */
  urlFor(primaryUrl: string): string;
  /** Stops applying WAL (it is still received): the replica stands still until `resumeReplay`. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the replica has applied everything the primary had written when asked. */
  caughtUp(primaryUrl: string, timeoutMs?: number): Promise<void>;
  /** Stops the replica server (fast shutdown); its directory stays until `remove`. */
  stop(): Promise<void>;
  /** Stops it if running and deletes its data directory. */
  remove(): Promise<void>;
}

/** What the local server must allow; named in the error when it does not. */
class ReplicaSetupError extends Error {
  constructor(what: string, cause?: unknown) {
    super(`A streaming replica of the local PostgreSQL cannot be made: ${what}`, cause === undefined ? {} : { cause });
  }
}

async function binDirectory(version: string): Promise<string> {
  const dir = `/usr/lib/postgresql/${version}/bin`;
  if (!existsSync(path.join(dir, 'pg_basebackup'))) throw new ReplicaSetupError(`${dir}/pg_basebackup is missing (install postgresql-${version} or its client tools).`);
  return dir;
}

/** As the `postgres` user when we are root (the server's files are theirs); as ourselves otherwise. */
async function asPostgres(command: string, args: string[], timeoutMs = 600_000): Promise<string> {
  const [file, fileArgs] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  try {
    const { stdout } = await run(file, fileArgs, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    throw new ReplicaSetupError(`${path.basename(command)} failed: ${failed.stderr?.trim() || failed.message}`, error);
  }
}

/**
 * Lets `replication` connections in from 127.0.0.1 when the server does not yet:
 * one line added to its pg_hba.conf (once) and a configuration reload — never a
 * restart, other people's tests run on it. `.ci/run` does the same.
 */
async function allowReplicationOnLoopback(client: pg.Client): Promise<void> {
  const allowed = await client.query(`select 1 from pg_hba_file_rules where type = 'host' and 'replication' = any(database) and address = '127.0.0.1'`);
  if (allowed.rowCount) return;
  const { rows } = await client.query<{ hba_file: string }>('show hba_file');
  const hbaFile = rows[0]!.hba_file;
  const line = 'host replication all 127.0.0.1/32 trust';
  const current = await readFile(hbaFile, 'utf8').catch((error: unknown) => {
    throw new ReplicaSetupError(`${hbaFile} cannot be read to allow replication connections; add "${line}" to it and reload.`, error);
  });
  if (!current.split('\n').some((existing) => existing.trim() === line)) {
    await appendFile(hbaFile, `${current.endsWith('\n') ? '' : '\n'}# streaming replicas on loopback (Innboks tests, apps/server/src/testing/streaming-replica.ts)\n${line}\n`).catch((error: unknown) => {
      throw new ReplicaSetupError(`${hbaFile} cannot be written; add "${line}" to it and reload.`, error);
    });
  }
  await client.query('select pg_reload_conf()');
  // The postmaster rereads it asynchronously.
  for (let tries = 0; tries < 50; tries++) {
    const reread = await client.query(`select 1 from pg_hba_file_rules where 'replication' = any(database) and address = '127.0.0.1'`);
    if (reread.rowCount) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new ReplicaSetupError(`the server did not take the replication line of ${hbaFile} after a reload.`);
}

interface PrimaryFacts {
  version: string;
  /** Settings a hot standby needs at least as high as its primary's. */
  standbyMinimums: Record<string, string>;
}

async function primaryFacts(adminUrl: string): Promise<PrimaryFacts> {
  return withAdmin(adminUrl, async (client) => {
    const settings = await client.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('server_version_num', 'wal_level', 'max_wal_senders', 'max_connections', 'max_worker_processes', 'max_prepared_transactions', 'max_locks_per_transaction')`,
    );
    const setting = Object.fromEntries(settings.rows.map((row) => [row.name, row.setting]));
    if (setting.wal_level === 'minimal') throw new ReplicaSetupError('wal_level is minimal; set wal_level = replica and restart the server.');
    if (Number(setting.max_wal_senders) < 1) throw new ReplicaSetupError('max_wal_senders is 0; set it to at least 2 and restart the server.');
    const busy = await client.query<{ used: number }>('select count(*)::int as used from pg_stat_replication');
    if (busy.rows[0]!.used + 2 > Number(setting.max_wal_senders)) throw new ReplicaSetupError(`all ${setting.max_wal_senders} WAL senders (max_wal_senders) are in use; raise it.`);
    await allowReplicationOnLoopback(client);
    const { server_version_num: versionNum = '', wal_level: _walLevel, ...standbyMinimums } = setting;
    return { version: String(Math.floor(Number(versionNum) / 10_000)), standbyMinimums };
  });
}

/** Makes and starts a streaming replica of the server at `adminUrl` (a loopback PostgreSQL). */
export async function startStreamingReplica(adminUrl: string, log: (message: string) => void = () => undefined): Promise<StreamingReplica> {
  const primary = new URL(adminUrl);
  const facts = await primaryFacts(adminUrl);
  const bin = await binDirectory(facts.version);
  const parent = await mkdtemp(path.join(os.tmpdir(), 'innboks-replica-'));
  const dataDir = path.join(parent, 'data');
  let started = false;
  const pgCtl = (...args: string[]) => asPostgres(path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
  const remove = async () => {
    if (started) await pgCtl('stop', '-m', 'immediate', '-w').catch(() => undefined);
    started = false;
    await rm(parent, { recursive: true, force: true });
  };
  try {
    if (process.getuid?.() === 0) await chown(parent, ...(await postgresIds()));
    const began = Date.now();
    // A fast checkpoint: a spread one would wait minutes for the server's own.
    await asPostgres(path.join(bin, 'pg_basebackup'), ['-R', '-X', 'stream', '-c', 'fast', '-D', dataDir, '-h', primary.hostname, '-p', primary.port || '5432', '-U', decodeURIComponent(primary.username) || 'postgres']);
    log(`replica: base backup of the local cluster in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    const port = await freePort();
    // Debian keeps the configuration outside the data directory, so the copy has none of its own.
    const minimums = Object.entries(facts.standbyMinimums).map(([name, value]) => `${name} = ${value}`);
    await writeFile(
      path.join(dataDir, 'postgresql.conf'),
      [`port = ${port}`, `listen_addresses = '127.0.0.1'`, `unix_socket_directories = '${dataDir}'`, 'hot_standby = on', 'shared_buffers = 64MB', 'fsync = off', 'logging_collector = off', ...minimums, ''].join('\n'),
    );
    await writeFile(path.join(dataDir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    await writeFile(path.join(dataDir, 'pg_ident.conf'), '');
    if (process.getuid?.() === 0) for (const file of ['postgresql.conf', 'pg_hba.conf', 'pg_ident.conf']) await chown(path.join(dataDir, file), ...(await postgresIds()));
    await pgCtl('start', '-w', '-t', '120', '-l', path.join(parent, 'replica.log'));
    started = true;
    const replicaUrl = (url: string) => {
      const replica = new URL(url);
      replica.hostname = '127.0.0.1';
      replica.port = String(port);
      return replica.toString();
    };
    const onReplica = (sql: string) => withAdmin(replicaUrl(adminUrl), (client) => client.query(sql));
    const replica: StreamingReplica = {
      port,
      urlFor: replicaUrl,
      pauseReplay: async () => {
        await onReplica('select pg_wal_replay_pause()');
      },
      resumeReplay: async () => {
        await onReplica('select pg_wal_replay_resume()');
      },
      caughtUp: async (url, timeoutMs = 30_000) => {
        const target = await withAdmin(url, (client) => client.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn'));
        const lsn = target.rows[0]!.lsn;
        const until = Date.now() + timeoutMs;
        for (;;) {
          const { rows } = await withAdmin(replicaUrl(url), (client) => client.query<{ done: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn]));
          if (rows[0]!.done) return;
          if (Date.now() > until) throw new Error(`the replica did not replay up to ${lsn} within ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
      stop: async () => {
        if (started) await pgCtl('stop', '-m', 'fast', '-w');
        started = false;
      },
      remove,
    };
    await replica.caughtUp(adminUrl, 120_000);
    return replica;
  } catch (error) {
    await remove();
    throw error;
  }
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return [Number(uid), Number(gid)];
}
