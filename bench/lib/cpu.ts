/**
 * Where the CPU goes: seconds of CPU (user + system) used by given processes, by all
 * PostgreSQL processes, and by this load generator, read from /proc. Divided by the
 * operations of a phase it says how much of the machine one letter or one page costs
 * in the server, in the database and in the client — which on a machine where all
 * three share two cores is what throughput is made of.
 */
import { readdir, readFile } from 'node:fs/promises';

const ticksPerSecond = 100; // USER_HZ on Linux

async function processCpuSeconds(pid: number): Promise<{ name: string; seconds: number } | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  const close = stat.lastIndexOf(')');
  const name = stat.slice(stat.indexOf('(') + 1, close);
  const fields = stat.slice(close + 2).split(' ');
  // Fields after the name: state is [0], utime [11], stime [12].
  return { name, seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond };
}

export interface CpuSnapshot {
  servers: number;
  postgres: number;
  generator: number;
}

/** CPU seconds of these processes together (those that have ended count nothing). */
export async function processesCpuSeconds(pids: readonly number[]): Promise<number> {
  let seconds = 0;
  for (const pid of pids) seconds += (await processCpuSeconds(pid))?.seconds ?? 0;
  return seconds;
}

/** CPU seconds of each process with this command name (`postgres`, RabbitMQ's `beam.smp`), by pid. */
export async function namedProcessesCpu(name: string): Promise<Map<number, number>> {
  const byPid = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const usage = await processCpuSeconds(Number(entry));
    if (usage?.name === name) byPid.set(Number(entry), usage.seconds);
  }
  return byPid;
}

/** CPU seconds of every process with this command name together. */
export async function namedProcessesCpuSeconds(name: string): Promise<number> {
  let seconds = 0;
  for (const value of (await namedProcessesCpu(name)).values()) seconds += value;
  return seconds;
}

/** CPU seconds these pids used between two readings (a process started in between counts from zero). */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>, pids: Iterable<number>): number {
  let seconds = 0;
  for (const pid of pids) seconds += (after.get(pid) ?? 0) - (before.get(pid) ?? 0);
  return seconds;
}

export async function cpuSnapshot(serverPids: number[]): Promise<CpuSnapshot> {
  const servers = await processesCpuSeconds(serverPids);
  const postgres = await namedProcessesCpuSeconds('postgres');
  const own = process.cpuUsage();
  return { servers, postgres, generator: (own.user + own.system) / 1e6 };
}

/** CPU milliseconds per operation between two snapshots. */
export function cpuPerOperation(before: CpuSnapshot, after: CpuSnapshot, operations: number): CpuSnapshot {
  const per = (key: keyof CpuSnapshot) => (operations > 0 ? ((after[key] - before[key]) * 1000) / operations : Number.NaN);
  return { servers: per('servers'), postgres: per('postgres'), generator: per('generator') };
}

/** "server · PostgreSQL · client" CPU ms per operation, as a figure's text. */
export function cpuText(cpu: CpuSnapshot, withServer = true): string {
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '—');
  return `${withServer ? ms(cpu.servers) : '—'} · ${ms(cpu.postgres)} · ${ms(cpu.generator)}`;
}
