/**
 * Backup and restore of the one database, for either engine:
 * - PostgreSQL: `pg_dump --format=custom` and `pg_restore` (PostgreSQL's own client
 *   tools, on PATH). The dump is consistent (one snapshot); the access log's triggers
 *   are restored after its rows (pg_dump's post-data section), so the rows, their
 *   hash chain and seals come back as they were.
 * - Embedded (PGlite): its data directory as a gzip tarball (`dumpDataDir`), taken
 *   while no server has it open (PGlite is one process), and loaded into a new one.
 * A restore goes only into an empty database or a data directory that does not exist
 * yet: it never mixes a backup into live data.
 */
import { spawn } from 'node:child_process';
import { open, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { durableStartParams } from '../database.ts';

export type BackupFormat = 'postgres-custom' | 'embedded-tarball';

export type BackupTarget = { url: string } | { dataDir: string };

export async function backupDatabase(source: BackupTarget, file: string): Promise<BackupFormat> {
  if ('url' in source) {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], source.url);
    return 'postgres-custom';
  }
  const pglite = await openEmbedded(source.dataDir);
  try {
    const tarball = await pglite.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
  } finally {
    await pglite.close();
  }
  return 'embedded-tarball';
}

/** What a backup file is, by its first bytes: pg_dump's custom format begins `PGDMP`, a gzip stream 1f 8b. */
export async function backupFormatOf(file: string): Promise<BackupFormat> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgres-custom';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'embedded-tarball';
  } finally {
    await handle.close();
  }
  throw new Error(`${file} is neither a pg_dump custom-format file nor an embedded database backup`);
}

export async function restoreDatabase(file: string, target: BackupTarget): Promise<void> {
  const format = await backupFormatOf(file);
  if ('url' in target) {
    if (format !== 'postgres-custom') throw new Error(`${file} is a backup of the embedded database; restore it with INNBOKS_DATA_DIR, without DATABASE_URL`);
    await refuseUnlessEmpty(target.url);
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', file], target.url);
    return;
  }
  if (format !== 'embedded-tarball') throw new Error(`${file} is a pg_dump of PostgreSQL; restore it with DATABASE_URL set to an empty database`);
  const existing = await readdir(target.dataDir).catch(() => []);
  if (existing.length > 0) throw new Error(`${target.dataDir} is not empty: restore into a new data directory`);
  await mkdir(target.dataDir, { recursive: true, mode: 0o700 });
  const pglite = await openEmbedded(target.dataDir, new Blob([await readFile(file)]));
  await pglite.close();
}

function openEmbedded(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create({ dataDir, relaxedDurability: false, startParams: durableStartParams(), extensions: { btree_gin }, ...(loadDataDir ? { loadDataDir } : {}) });
}

async function refuseUnlessEmpty(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(`select count(*)::int as count from pg_tables where schemaname = 'public'`);
    if (rows[0]!.count > 0) throw new Error('The target database has tables: restore into a new, empty database');
  } finally {
    await client.end();
  }
}

/** Runs a PostgreSQL client tool on the database of `url`; the password goes in the environment, never on the command line (`ps` shows that). */
function run(command: string, args: string[], url: string): Promise<void> {
  const withoutPassword = new URL(url);
  const password = decodeURIComponent(withoutPassword.password);
  withoutPassword.password = '';
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
    const child = spawn(command, [...args, `--dbname=${withoutPassword.toString()}`], { stdio: ['ignore', 'inherit', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new Error(`${command} could not be started (${error.message}); install PostgreSQL's client tools`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr.trim()}`))));
  });
}
