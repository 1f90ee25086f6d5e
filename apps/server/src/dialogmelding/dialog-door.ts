/**
 * The second door into the inbox: at start, connect to the AMQP 1.0 broker (or stay
 * off and say why), open the address register, and consume `<her-id>_async`. Each
 * message is accepted only after its outcome — a stored letter and its AppRec, a
 * rejection, an error-queue report — is done, so a crash or restart redelivers it
 * and the letter's MsgId makes the repeat harmless. A failure of unknown cause is
 * counted in the database and the message released for another try; the tenth moves
 * it to `<her-id>_dl`.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock, PopulationRegister } from '@innboks/core';
import { DialogExchanges, type Database } from '@innboks/db';
import { AmqpLink, CmsWorkers, type AmqpMessage, type Settlement } from '@innboks/dialogmelding';
import type { Config } from '../config.ts';
import { ensureStandInRegister, listInDemoFile, StandInAddressRegister } from './address-register.ts';
import { asyncQueue, deadLetterQueue, DialogIntake, errorQueue, type IntakeOutcome } from './intake.ts';
import { innboksName } from './outbound.ts';

export const maxDeliveries = 10;

type Log = { info(object: unknown, message: string): void; warn(object: unknown, message: string): void; error(object: unknown, message: string): void };

export interface DialogDoor {
  herId: string;
  link: AmqpLink;
  register: StandInAddressRegister;
  intake: DialogIntake;
  /** Resolves when every message taken so far is settled. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface DialogDoorOptions {
  config: Config;
  db: Kysely<Database>;
  clock: Clock;
  population: PopulationRegister;
  log?: Log;
  /** A letter was stored: wake the delivery worker. */
  onLetterSaved?: () => void;
  prefetch?: number;
}

export async function startDialogDoor(options: DialogDoorOptions): Promise<DialogDoor | { off: string }> {
  const { config, db, clock } = options;
  const settings = config.dialogmelding;
  if (!settings.amqpUrl) return { off: 'INNBOKS_AMQP_URL=off' };
  let link: AmqpLink;
  try {
    link = await AmqpLink.connect(settings.amqpUrl, { timeoutMs: 3000 });
  } catch (error) {
    return { off: (error as Error).message };
  }
  const entries = await ensureStandInRegister(settings.addressRegisterDir, settings.herId);
  await listInDemoFile(config.dataDir, settings.addressRegisterDir, entries, settings.herId);
  const register = await StandInAddressRegister.open(settings.addressRegisterDir);
  const own = { herId: settings.herId, name: innboksName, keys: await register.keysOf(settings.herId) };
  // The CMS work of the messages in flight on threads of its own: on the consumer's thread it would cap the door at one core.
  const cms = settings.cmsThreads > 0 ? new CmsWorkers(settings.cmsThreads) : undefined;
  try {
    await cms?.ready();
  } catch (error) {
    await cms?.close();
    await link.close();
    return { off: `the CMS worker threads did not start: ${(error as Error).message}` };
  }
  const intake = new DialogIntake({ db, clock, register, population: options.population, link, own, cms });
  const exchanges = new DialogExchanges(db);
  for (const queue of [errorQueue(own.herId), deadLetterQueue(own.herId)]) await link.declare(queue);

  const inFlight = new Set<Promise<void>>();
  const take = async (message: AmqpMessage, settlement: Settlement) => {
    let outcome: IntakeOutcome;
    try {
      outcome = await intake.handle(message);
    } catch (error) {
      await failed(message, settlement, error);
      return;
    }
    if (outcome.kind === 'unanswerable') {
      await deadLetter(message, outcome.reason, 1);
    } else if (outcome.kind === 'stored' && !outcome.repeat) options.onLetterSaved?.();
    settlement.accept();
  };

  const failed = async (message: AmqpMessage, settlement: Settlement, error: unknown) => {
    const key = message.messageId || createHash('sha256').update(message.body).digest('hex');
    const reason = error instanceof Error ? error.message : String(error);
    let deliveries: number;
    try {
      deliveries = await exchanges.countFailure(key, message.properties.fromHerId ?? '', reason, clock.now());
    } catch {
      // The database cannot even count: put it back and let it come again.
      setTimeout(() => settlement.release(), 1000);
      return;
    }
    options.log?.warn({ messageId: key, deliveries, reason }, 'a Dialogmelding failed; it is tried again');
    if (deliveries < maxDeliveries) {
      setTimeout(() => settlement.release(), Math.min(50 * deliveries, 1000));
      return;
    }
    await deadLetter(message, reason, deliveries);
    await exchanges.markDeadLettered(key, clock.now());
    settlement.accept();
  };

  const deadLetter = async (message: AmqpMessage, reason: string, deliveries: number) => {
    await link.send(deadLetterQueue(own.herId), {
      body: message.body,
      messageId: message.messageId || createHash('sha256').update(message.body).digest('hex'),
      subject: message.subject,
      properties: { ...message.properties, deadLetterReason: reason.slice(0, 1000), deliveries: String(deliveries) },
    });
    options.log?.error({ messageId: message.messageId, reason }, 'a Dialogmelding moved to the dead-letter queue');
  };

  const receiver = link.consume(
    asyncQueue(own.herId),
    (message, settlement) => {
      const work = take(message, settlement).catch((error: unknown) => {
        options.log?.error({ error }, 'a Dialogmelding could not be settled; the broker redelivers it');
      });
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },
    options.prefetch ?? 20,
  );

  return {
    herId: own.herId,
    link,
    register,
    intake,
    idle: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    stop: async () => {
      receiver.close();
      while (inFlight.size) await Promise.allSettled([...inFlight]);
      await link.close();
      await cms?.close();
    },
  };
}
