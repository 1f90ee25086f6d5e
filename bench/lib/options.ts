/** Command-line options of `npm run bench -- …`. */
import { parseArgs } from 'node:util';
import { resultsDir } from './paths.ts';

export interface BenchOptions {
  /** 1 = 1,000,000 citizens and 10,000,000 messages. */
  scale: number;
  /** Seconds each measured phase runs (after the warm-up). */
  durationS: number;
  warmupS: number;
  only: string[] | undefined;
  skip: string[];
  /** Admin URL of the PostgreSQL server; the suite makes its own database there. */
  databaseUrl: string;
  /** --db NAME: use (and keep) this database, so the big data is made once. */
  keepDatabase: string | undefined;
  /** Start every server with --cpu-prof (profiles under bench/results/profiles). */
  profile: boolean;
  keepLogs: boolean;
  /** The inbox benchmark also runs with its reads on a streaming replica of the server (made and removed by the run). */
  replica: boolean;
  resultsDir: string;
}

export const usage = `npm run bench -- [options]

  --scale N         data size: 1 = 1,000,000 citizens / 10,000,000 messages (default 0.02)
  --duration S      seconds per measured phase (default 8)
  --warmup S        seconds of warm-up before each phase (default 2)
  --only a,b        run only these benchmarks (names in the table)
  --skip a,b        skip these
  --database-url U  PostgreSQL server (default $BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres);
                    the suite creates a database innboks_bench_* of its own and drops it
  --db NAME         use and keep database NAME (innboks_bench…): the data is generated once, later runs reuse it
  --profile         run servers with --cpu-prof; profiles in bench/results/profiles
  --keep-logs       keep the servers' logs (the run prints where)
  --replica         inbox: also measure with DATABASE_READ_URL on a streaming replica of the local server
                    (pg_basebackup of the whole cluster, as root or the postgres user; apps/server/src/testing/streaming-replica.ts)
  --list            list the benchmarks
`;

export function parseOptions(argv: string[]): BenchOptions & { list: boolean; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      skip: { type: 'string' },
      'database-url': { type: 'string' },
      db: { type: 'string' },
      profile: { type: 'boolean' },
      'keep-logs': { type: 'boolean' },
      replica: { type: 'boolean' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const number = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} takes a positive number`);
    return parsed;
  };
  const list = (value: string | undefined) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : undefined);
  return {
    scale: number(values.scale, 0.02, 'scale'),
    durationS: number(values.duration, 8, 'duration'),
    warmupS: values.warmup === '0' ? 0 : number(values.warmup, 2, 'warmup'),
    only: list(values.only),
    skip: list(values.skip) ?? [],
    databaseUrl: values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    keepDatabase: values.db,
    profile: values.profile ?? false,
    keepLogs: values['keep-logs'] ?? false,
    replica: values.replica ?? false,
    resultsDir,
    list: values.list ?? false,
    help: values.help ?? false,
  };
}
