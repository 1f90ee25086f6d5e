/**
 * A closed-loop load generator: `concurrency` workers each run `task` again and
 * again until the time is up (or `maxOperations` are done), after a warm-up whose
 * results are thrown away. Bounded in count and time, always.
 */
import { performance } from 'node:perf_hooks';
import { Latencies } from './stats.ts';
import { cpuPerOperation, cpuSnapshot, type CpuSnapshot } from './cpu.ts';

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
  /** Hard cap on operations in the measured phase. */
  maxOperations?: number;
  /** Server processes whose CPU per operation is reported (beside PostgreSQL's and this generator's). */
  serverPids?: number[];
}

export interface LoadResult {
  operations: number;
  errors: number;
  firstError: string | undefined;
  seconds: number;
  perSecond: number;
  latency: Latencies;
  /** CPU milliseconds per operation in the measured phase: servers, PostgreSQL, load generator. */
  cpuMsPerOperation: CpuSnapshot;
}

export async function runLoad(options: LoadOptions, task: (worker: number, sequence: number) => Promise<void>): Promise<LoadResult> {
  const warmupMs = options.warmupMs ?? 0;
  const maxOperations = options.maxOperations ?? Number.POSITIVE_INFINITY;
  const latency = new Latencies();
  let operations = 0;
  let errors = 0;
  let firstError: string | undefined;
  let sequence = 0;
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const stopAt = measureFrom + options.durationMs;

  async function worker(index: number): Promise<void> {
    for (;;) {
      const now = performance.now();
      if (now >= stopAt || operations >= maxOperations) return;
      const begin = performance.now();
      try {
        await task(index, sequence++);
        const end = performance.now();
        if (begin >= measureFrom && end <= stopAt) {
          operations++;
          latency.add(end - begin);
        }
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
        if (errors > 1000 && errors > operations) throw new Error(`Too many errors; first: ${firstError}`, { cause: error });
      }
    }
  }

  // CPU is read when the measured phase starts and when it ends (or the work does).
  let cpuBefore: Promise<CpuSnapshot> | undefined;
  const startCpu = setTimeout(() => (cpuBefore = cpuSnapshot(options.serverPids ?? [])), warmupMs);
  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => worker(index)));
  clearTimeout(startCpu);
  const before = (await cpuBefore) ?? (await cpuSnapshot(options.serverPids ?? []));
  const after = await cpuSnapshot(options.serverPids ?? []);
  const seconds = (Math.min(performance.now(), stopAt) - measureFrom) / 1000;
  return { operations, errors, firstError, seconds, perSecond: operations / seconds, latency, cpuMsPerOperation: cpuPerOperation(before, after, operations) };
}
