/** Each hand-off to a channel is counted by how it ended: taken, refused for good, or failed for now. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { systemClock } from '@innboks/core';
import { openDatabase, type DatabaseHandle } from '@innboks/db';
import { loadConfig } from '../config.ts';
import { buildDeliveryAdapters } from '../delivery/adapters.ts';
import { createMetrics } from './metrics.ts';
import { countedChannels } from './counted-channels.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup) await step();
});

test('the digital mailbox taking a letter, rejecting one and being unavailable are counted as accepted, rejected and failed', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-counted-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const database: DatabaseHandle = await openDatabase({});
  cleanup.push(() => database.close());
  const metrics = createMetrics({ db: database.db, clock: systemClock });
  const adapters = buildDeliveryAdapters(loadConfig({ INNBOKS_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  const counted = countedChannels(adapters, metrics);
  const letter = (letterId: string) => ({
    letterId,
    recipient: { nationalId: '01810112345', provider: 'digipost', address: 'kari#1' },
    sender: { name: 'Sykehuset', organizationNumber: '983974899' },
    subject: 'Svar',
    sentAt: new Date(),
    textParts: ['Hei'],
    attachments: [],
  });

  await counted.digitalMailbox.deliver(letter('l1'));
  await adapters.standIns.digitalMailbox!.setFailMode('reject');
  await expect(counted.digitalMailbox.deliver(letter('l2'))).rejects.toThrow(/rejected/);
  await adapters.standIns.digitalMailbox!.setFailMode('error');
  await expect(counted.digitalMailbox.deliver(letter('l3'))).rejects.toThrow(/unavailable/);
  await expect(counted.digitalMailbox.deliver(letter('l4'))).rejects.toThrow(/unavailable/);

  const text = await metrics.registry.getSingleMetricAsString('innboks_channel_deliveries_total');
  expect(text).toContain('innboks_channel_deliveries_total{channel="digital-mailbox",outcome="accepted"} 1');
  expect(text).toContain('innboks_channel_deliveries_total{channel="digital-mailbox",outcome="rejected"} 1');
  expect(text).toContain('innboks_channel_deliveries_total{channel="digital-mailbox",outcome="failed"} 2');
}, 60_000); // the metrics' database (never asked here) is an embedded one, which takes a few seconds to start
