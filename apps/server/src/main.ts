/**
 * `npm start`: one process with the citizen web app, the sender API, the embedded
 * identity provider and the job worker, on the embedded database unless
 * DATABASE_URL says otherwise.
 */
import { systemClock } from '@innboks/core';
import { loadConfigOrExit } from './config.ts';
import { buildApp } from './app.ts';
import { accessLogKey, citizenClientSecret, openConfiguredDatabase, openReadReplica, startBackgroundWork } from './runtime.ts';
import { seedDemoData } from './demo/seed.ts';
import { createDeliveryRuntime } from './delivery/delivery-runtime.ts';
import { startDialogDoor } from './dialogmelding/dialog-door.ts';
import { createMetrics } from './metrics/metrics.ts';
import { startOperatorPort } from './metrics/metrics-endpoints.ts';
import { ignoreBrokenStandardStreams, nonBlockingStdout } from './lifecycle/log-stream.ts';
import { closeHttp, shutDownOnSignals } from './lifecycle/graceful-shutdown.ts';

async function main(): Promise<void> {
  ignoreBrokenStandardStreams();
  const config = loadConfigOrExit();
  const clock = systemClock;
  const database = await openConfiguredDatabase(config);
  const { db } = database;
  const readReplica = await openReadReplica(config.readReplica, database, config.databasePoolSize);
  let demoFile: string | undefined;
  if (config.demoData) demoFile = await seedDemoData({ db, dataDir: config.dataDir, baseUrl: config.publicUrl, clock });

  const metrics = createMetrics({ db, clock, readReplica, ...(database.poolUse ? { poolUse: database.poolUse } : {}) });
  let background: ReturnType<typeof startBackgroundWork> | undefined;
  const app = await buildApp({
    config,
    db,
    readReplica,
    clock,
    citizenClientSecret: await citizenClientSecret(config),
    accessLogKey: await accessLogKey(config),
    onLetterSaved: () => background?.worker.wake(),
    metrics,
    logStream: nonBlockingStdout(),
  });
  if (config.runWorker) background = startBackgroundWork(db, clock, config, app.log, metrics);
  const dialogDoor = await startDialogDoor({
    config,
    db,
    clock,
    population: (background?.delivery ?? createDeliveryRuntime(db, clock, config)).adapters.populationRegister,
    log: app.log,
    onLetterSaved: () => background?.worker.wake(),
  });
  const operatorPort = await startOperatorPort(config, { metrics, db, log: app.log });

  shutDownOnSignals({
    graceMs: config.operations.shutdownGraceMs,
    log: app.log,
    steps: [
      { name: 'requests in flight', run: () => closeHttp(app) },
      // Unsettled AMQP messages go back to the broker for the next consumer.
      { name: 'Dialogmelding door', run: async () => (!('off' in dialogDoor) ? dialogDoor.stop() : undefined) },
      { name: 'jobs in hand', run: async () => background?.stop() },
      { name: 'operator port', run: async () => operatorPort?.close() },
      {
        name: 'database',
        run: async () => {
          await Promise.all([database.close(), readReplica?.close()]);
        },
      },
    ],
  });

  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.dataDir}/pgdata` : `PostgreSQL from DATABASE_URL${readReplica ? ', citizens\' reads from DATABASE_READ_URL' : ''}`;
  console.log(`\nInnboks is running at ${config.publicUrl}  (database: ${where})`);
  if (demoFile) console.log(`Demo citizens, senders and keys: ${demoFile}`);
  if ('off' in dialogDoor) console.log(`Dialogmelding over AMQP: off (${dialogDoor.off})`);
  else console.log(`Dialogmelding over AMQP: listening on ${dialogDoor.herId}_async (HER-id ${dialogDoor.herId}); certificates in ${config.dialogmelding.addressRegisterDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
