/** The facts a figure means nothing without. */
import os from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type pg from 'pg';

export interface MachineFacts {
  date: string;
  host: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  gitCommit: string | undefined;
}

export async function machineFacts(pool: pg.Pool, repoRoot: string): Promise<MachineFacts> {
  const { rows } = await pool.query<{ version: string }>('select version()');
  const settings: Record<string, string> = {};
  for (const name of ['shared_buffers', 'synchronous_commit', 'max_connections', 'work_mem', 'effective_cache_size', 'wal_level', 'max_wal_size', 'autovacuum', 'random_page_cost']) {
    const result = await pool.query<Record<string, string>>(`show ${name}`);
    settings[name] = Object.values(result.rows[0] ?? {})[0] ?? '';
  }
  return {
    date: new Date().toISOString(),
    host: os.hostname(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: rows[0]?.version.split(',')[0] ?? 'unknown',
    postgresSettings: settings,
    gitCommit: await gitHead(repoRoot),
  };
}

async function gitHead(repoRoot: string): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: repoRoot });
    const { stdout: status } = await promisify(execFile)('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot });
    return `${stdout.trim()}${status.trim() ? ' (with local changes)' : ''}`;
  } catch {
    return undefined;
  }
}
