/**
 * A worker process on its own, for running any number of workers against one
 * PostgreSQL server (DATABASE_URL). The embedded database is one process only,
 * so there the server runs the worker itself.
 */
import { getPriority, setPriority } from 'node:os';
import { systemClock } from '@innboks/core';
import { loadConfig } from './config.ts';
import { openConfiguredDatabase, startBackgroundWork } from './runtime.ts';
import { createMetrics } from './metrics/metrics.ts';
import { startOperatorPort } from './metrics/metrics-endpoints.ts';
import { ignoreBrokenStandardStreams } from './lifecycle/log-stream.ts';
import { shutDownOnSignals } from './lifecycle/graceful-shutdown.ts';

ignoreBrokenStandardStreams();

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('worker-main needs DATABASE_URL; with the embedded database, `npm start` runs the worker in the server.');
  process.exit(1);
}
// On a machine shared with API processes the worker gives way: when both want the CPU,
// the sender's POST goes first (it is waited on), and the worker's plans and notices,
// which have seconds to spare, run in larger and cheaper batches (ARCHITECTURE.md,
// "The worker gives way to the API"). Lowering one's own priority needs no privilege;
// a process started lower already (a nice shell, a container) is left where it is.
if (getPriority() < config.worker.nice) setPriority(config.worker.nice);
const database = await openConfiguredDatabase(config);
const metrics = createMetrics({ db: database.db, clock: systemClock, ...(database.poolUse ? { poolUse: database.poolUse } : {}) });
const background = startBackgroundWork(database.db, systemClock, config, console, metrics);
console.log(`Innboks worker ${process.pid} running`);
// Signals are handled from here on; the operator's port, opened last, is closed if it was.
const operator: { port?: Awaited<ReturnType<typeof startOperatorPort>> } = {};
shutDownOnSignals({
  graceMs: config.operations.shutdownGraceMs,
  log: { info: (object, message) => console.log(message, object), error: (object, message) => console.error(message, object) },
  steps: [
    { name: 'jobs in hand', run: () => background.stop() },
    { name: 'operator port', run: async () => operator.port?.close() },
    { name: 'database', run: () => database.close() },
  ],
});
// Several workers on one machine each need a port of their own: METRICS_PORT per process.
operator.port = await startOperatorPort(config, { metrics, db: database.db, log: console });
