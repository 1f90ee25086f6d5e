/**
 * Operator command for dead letters: what gave up, and sending it again.
 *
 *   npm run dead-letters -- list          every dead letter not yet replayed, and every dead job
 *   npm run dead-letters -- replay <id>   queue that step again with a fresh set of tries
 *   npm run dead-letters -- replay-all    the same for all of them
 *
 * Uses DATABASE_URL like the server; with the embedded database (no DATABASE_URL)
 * stop `npm start` first, since only one process can open it.
 */
import { fileURLToPath } from 'node:url';
import { systemClock, type Clock } from '@innboks/core';
import { DeliveryStore, DialogExchanges, type DeadLetterView, type DialogDeadLetter } from '@innboks/db';
import { loadConfigOrExit } from '../config.ts';
import { openConfiguredDatabase } from '../runtime.ts';
import { deliverySettings } from '../delivery/delivery-runtime.ts';

const usage = 'usage: npm run dead-letters -- list | replay <id> | replay-all';

export async function deadLetterCommand(args: string[], store: DeliveryStore, clock: Clock, out: (line: string) => void, dialog?: DialogExchanges): Promise<number> {
  const [command = '', id] = args;
  switch (command) {
    case 'list': {
      // Dialogmelding messages moved to <her-id>_dl after ten failed deliveries: listed here, kept on that queue.
      const dialogEntries = dialog ? await dialog.deadLetters() : [];
      if (dialogEntries.length) {
        out(`${dialogEntries.length} Dialogmelding message${dialogEntries.length === 1 ? '' : 's'} moved to the dead-letter queue (<her-id>_dl):`);
        for (const entry of dialogEntries) out(formatDialogEntry(entry));
      }
      const entries = await store.deadLetters();
      if (entries.length === 0) {
        out('No dead letters.');
        return 0;
      }
      out(`${entries.length} dead letter${entries.length === 1 ? '' : 's'} (replay with: npm run dead-letters -- replay <id>)`);
      for (const entry of entries) out(formatEntry(entry));
      return 0;
    }
    case 'replay': {
      if (!id) {
        out(usage);
        return 2;
      }
      const replayed = await store.replay(id, clock.now());
      out(replayed ? `Replayed ${id}: queued again.` : `No dead letter ${id} (already replayed, or no such id).`);
      return replayed ? 0 : 1;
    }
    case 'replay-all': {
      const entries = await store.deadLetters();
      let count = 0;
      for (const entry of entries) if (await store.replay(entry.id, clock.now())) count += 1;
      out(`Replayed ${count} of ${entries.length}.`);
      return 0;
    }
    default:
      out(usage);
      return 2;
  }
}

function formatEntry(entry: DeadLetterView): string {
  const what = entry.noticeId ? `notice ${entry.noticeId}` : entry.messageId ? `letter ${entry.messageId}` : '-';
  return [entry.id.padEnd(6), entry.createdAt.toISOString(), entry.step.padEnd(16), `${entry.attempts} tries`.padEnd(9), what, `— ${entry.reason}`].join('  ');
}

function formatDialogEntry(entry: DialogDeadLetter): string {
  return [entry.deadLetteredAt.toISOString(), `from HER-id ${entry.fromHerId}`, `message-id ${entry.transportMessageId}`, `${entry.deliveries} deliveries`, `— ${entry.lastError}`].join('  ');
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openConfiguredDatabase(config);
  try {
    const store = new DeliveryStore(database.db, deliverySettings(config.delivery));
    process.exitCode = await deadLetterCommand(process.argv.slice(2), store, systemClock, (line) => console.log(line), new DialogExchanges(database.db));
  } finally {
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
