/**
 * The Dialogmelding consumer on its own, against a PostgreSQL server (DATABASE_URL):
 * more consumers beside the server's own, and the process the crash test kills. Each
 * message is settled only after its outcome is saved and answered, so a killed
 * consumer loses nothing; the next one gets the message again.
 */
import { systemClock } from '@innboks/core';
import { loadConfig } from './config.ts';
import { openConfiguredDatabase } from './runtime.ts';
import { createDeliveryRuntime } from './delivery/delivery-runtime.ts';
import { startDialogDoor } from './dialogmelding/dialog-door.ts';

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('dialog-main needs DATABASE_URL; with the embedded database, `npm start` runs the consumer in the server.');
  process.exit(1);
}
const database = await openConfiguredDatabase(config);
const door = await startDialogDoor({ config, db: database.db, clock: systemClock, population: createDeliveryRuntime(database.db, systemClock, config).adapters.populationRegister, log: console });
if ('off' in door) {
  console.error(`Dialogmelding over AMQP is off: ${door.off}`);
  process.exit(1);
}
console.log(`Innboks Dialogmelding consumer ${process.pid} listening on ${door.herId}_async`);
const stop = async () => {
  await door.stop();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
