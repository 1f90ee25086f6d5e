/**
 * `npm start`: one process with the citizen web app, the sender API, the embedded
 * identity provider and the job worker, on the embedded database unless
 * DATABASE_URL says otherwise.
 */
import { systemClock } from '@innboks/core';
import { loadConfigOrExit } from './config.ts';
import { buildApp } from './app.ts';
import { accessLogKey, citizenClientSecret, openConfiguredDatabase, startBackgroundWork } from './runtime.ts';
import { seedDemoData } from './demo/seed.ts';
import { createDeliveryRuntime } from './delivery/delivery-runtime.ts';
import { startDialogDoor } from './dialogmelding/dialog-door.ts';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const clock = systemClock;
  const database = await openConfiguredDatabase(config);
  const { db } = database;
  let demoFile: string | undefined;
  if (config.demoData) demoFile = await seedDemoData({ db, dataDir: config.dataDir, baseUrl: config.publicUrl, clock });

  let background: ReturnType<typeof startBackgroundWork> | undefined;
  const app = await buildApp({
    config,
    db,
    clock,
    citizenClientSecret: await citizenClientSecret(config),
    accessLogKey: await accessLogKey(config),
    onLetterSaved: () => background?.worker.wake(),
  });
  if (config.runWorker) background = startBackgroundWork(db, clock, config, app.log);
  const dialogDoor = await startDialogDoor({
    config,
    db,
    clock,
    population: (background?.delivery ?? createDeliveryRuntime(db, clock, config)).adapters.populationRegister,
    log: app.log,
    onLetterSaved: () => background?.worker.wake(),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    if (!('off' in dialogDoor)) await dialogDoor.stop();
    await background?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.dataDir}/pgdata` : 'PostgreSQL from DATABASE_URL';
  console.log(`\nInnboks is running at ${config.publicUrl}  (database: ${where})`);
  if (demoFile) console.log(`Demo citizens, senders and keys: ${demoFile}`);
  if ('off' in dialogDoor) console.log(`Dialogmelding over AMQP: off (${dialogDoor.off})`);
  else console.log(`Dialogmelding over AMQP: listening on ${dialogDoor.herId}_async (HER-id ${dialogDoor.herId}); certificates in ${config.dialogmelding.addressRegisterDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
