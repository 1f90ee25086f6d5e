/**
 * A worker process on its own, for running any number of workers against one
 * PostgreSQL server (DATABASE_URL). The embedded database is one process only,
 * so there the server runs the worker itself.
 */
import { systemClock } from '@innboks/core';
import { loadConfig } from './config.ts';
import { jobHandlers, openConfiguredDatabase } from './runtime.ts';
import { startWorker } from './jobs/worker.ts';

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('worker-main needs DATABASE_URL; with the embedded database, `npm start` runs the worker in the server.');
  process.exit(1);
}
const database = await openConfiguredDatabase(config);
const worker = startWorker({ db: database.db, clock: systemClock, handlers: jobHandlers(database.db, systemClock), log: console });
console.log(`Innboks worker ${process.pid} running`);
const stop = async () => {
  await worker.stop();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
