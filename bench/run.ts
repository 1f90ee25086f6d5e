/**
 * `npm run bench`: every benchmark in the registry against a database of its own,
 * each beside the raw PostgreSQL ceiling for the same work; prints a table and the
 * machine facts, and writes the same as JSON under bench/results/.
 */
import { performance } from 'node:perf_hooks';
import { benchmarks } from './benchmarks/index.ts';
import { BenchContext, type Figure } from './lib/context.ts';
import { hostSpeed } from './lib/host-speed.ts';
import { machineFacts } from './lib/machine.ts';
import { parseOptions, usage } from './lib/options.ts';
import { repoRoot } from './lib/paths.ts';
import { renderMachine, renderTable, writeReport, type BenchReport } from './lib/report.ts';

const log = (message: string) => console.log(`[bench] ${message}`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(usage);
    return;
  }
  if (options.list) {
    for (const benchmark of benchmarks) console.log(`${benchmark.name.padEnd(16)} ${benchmark.description}`);
    return;
  }
  const unknown = [...(options.only ?? []), ...options.skip].filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length) throw new Error(`No benchmark named ${unknown.join(', ')}; --list shows them`);
  const selected = benchmarks.filter((benchmark) => (options.only ? options.only.includes(benchmark.name) : true) && !options.skip.includes(benchmark.name));

  const started = performance.now();
  const context = await BenchContext.open(options, log);
  const figures: Figure[] = [];
  let report: BenchReport | undefined;
  try {
    const machine = await machineFacts(context.pool, repoRoot);
    const speedAtStart = await hostSpeed(context.pool);
    if (selected.some((benchmark) => benchmark.needsDataset)) await context.ensureDataset(log);
    for (const benchmark of selected) {
      log(`${benchmark.name}: ${benchmark.description}`);
      await context.settle(log);
      const before = performance.now();
      try {
        const result = await benchmark.run(context);
        figures.push(...result);
        console.log(renderTable(result));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error(error);
        figures.push({ benchmark: benchmark.name, figure: 'failed', ours: message.slice(0, 200), met: false });
      }
      log(`${benchmark.name} took ${((performance.now() - before) / 1000).toFixed(0)} s`);
    }
    const { sampleCitizenIds: _sample, ...dataset } = context.dataset ?? ({} as never);
    const { databaseUrl: _url, resultsDir: _dir, ...shownOptions } = options;
    report = {
      machine,
      hostSpeed: { atStart: speedAtStart, atEnd: await hostSpeed(context.pool) },
      options: shownOptions,
      dataset: context.dataset ? dataset : undefined,
      figures,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    if (options.keepLogs) log(`server logs kept in ${context.workDir}`);
    await context.close();
  }
  console.log(`\n${renderMachine(report)}\n\n${renderTable(report.figures)}\n`);
  const file = await writeReport(options.resultsDir, report);
  log(`written ${file} in ${report.seconds.toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
