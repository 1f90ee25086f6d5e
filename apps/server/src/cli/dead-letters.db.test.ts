import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Directory, type DeliveryStore } from '@innboks/db';
import { systemClock } from '@innboks/core';
import { loadConfig } from '../config.ts';
import { createTestDatabase, testDatabaseKinds } from '../testing/test-database.ts';
import { freshNationalId, saveLetter } from '../testing/delivery-rig.ts';
import { demoSenders } from '../demo/demo-data.ts';
import { createDeliveryRuntime } from '../delivery/delivery-runtime.ts';
import { deliverLetterHandler } from '../jobs/deliver-letter.ts';
import { runJobNow } from '../jobs/worker.ts';
import { deadLetterCommand } from './dead-letters.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('Operator dead-letter command, its answers', () => {
  test('an unknown command shows the usage; a replay of an unknown id says so and exits 1', async () => {
    const lines: string[] = [];
    const store = { deadLetters: async () => [], replay: async () => false } as unknown as DeliveryStore;
    expect(await deadLetterCommand(['nonsense'], store, systemClock, (line) => lines.push(line))).toBe(2);
    expect(await deadLetterCommand(['replay', 'd999'], store, systemClock, (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual(['usage: npm run dead-letters -- list | replay <id> | replay-all', 'No dead letter d999 (already replayed, or no such id).']);
  });
});

describe.each(testDatabaseKinds())('Operator dead-letter command on %s', (kind) => {
  test('lists a dead letter, replays it by id, and then lists none', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-cli-'));
    const database = await createTestDatabase(kind, kind === 'pglite' ? { dataDir: path.join(dataDir, 'pgdata') } : {});
    try {
      const config = loadConfig({ INNBOKS_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      const sender = demoSenders[0]!;
      await new Directory(database.db).saveOrganization({ organizationNumber: sender.organizationNumber, name: sender.name, kind: sender.kind, region: sender.region });
      // Someone no register knows: nothing can reach them, so the plan leaves a dead letter.
      const { messageId } = await saveLetter(database.db, freshNationalId('1966-06-06'), new Date());
      await runJobNow(deliverLetterHandler(createDeliveryRuntime(database.db, systemClock, config)), { citizenId: (await database.db.selectFrom('message').select('citizen_id').where('id', '=', messageId).executeTakeFirstOrThrow()).citizen_id, messageId });
      if (kind === 'pglite') await database.close(); // the embedded database opens in one process at a time

      const cli = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/dead-letters.ts', ...args], {
          cwd: repoRoot,
          encoding: 'utf8',
          env: { ...process.env, INNBOKS_DATA_DIR: dataDir, DATABASE_URL: database.url ?? '', LOG_LEVEL: 'silent' },
        });
      const list = cli('list');
      expect(list.status).toBe(0);
      expect(list.stdout).toContain('1 dead letter');
      expect(list.stdout).toContain(`letter ${messageId}`);
      expect(list.stdout).toContain('nothing can reach the citizen');
      const id = /^(d\d+)\s/m.exec(list.stdout)![1]!;
      const replay = cli('replay', id);
      expect(replay.stdout).toContain(`Replayed ${id}: queued again.`);
      expect(cli('list').stdout).toContain('No dead letters.');
    } finally {
      if (kind === 'postgres') await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
