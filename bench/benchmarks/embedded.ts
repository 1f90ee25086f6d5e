import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { JWK } from 'jose';
import type { Kysely } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { durableStartParams, migrateToLatest, openDatabase } from '@innboks/db';
import { demoCitizens, demoSenders } from '../../apps/server/src/demo/demo-data.ts';
import { fetchSenderAccessToken } from '../../apps/server/src/identity/sender-token/testing.ts';
import { loginAsCitizen } from '../../apps/server/src/testing/cookie-jar.ts';
import { freePort } from '../../apps/server/src/testing/test-server.ts';
import type { Benchmark, Figure } from '../lib/context.ts';
import { expectStatus } from '../lib/http.ts';
import { LeanHttpPool } from '../lib/lean-http.ts';
import { letterRequest } from '../lib/letters.ts';
import { runLoad } from '../lib/load.ts';
import { logPath, startProcess } from '../lib/processes.ts';
import { round } from '../lib/stats.ts';

/**
 * The embedded mode (`npm start` without DATABASE_URL: PGlite in the process, fsync
 * on): a first start on an empty data dir — migrations, demo data, keys — to the
 * first inbox page a citizen sees after logging in; then letters/s through the
 * sender API, beside raw INSERTs into a PGlite of the bench's own on disk.
 */
export const embedded: Benchmark = {
  name: 'embedded',
  description: 'embedded mode (PGlite): first start to first inbox page; ingest letters/s vs raw PGlite INSERT',
  needsDataset: false,
  async run(context) {
    const { durationS, warmupS } = context.options;
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-bench-embedded-'));
    const port = await freePort();
    const figures: Figure[] = [];
    const started = performance.now();
    const server = await startProcess({
      kind: 'api',
      port,
      logFile: logPath(context.workDir, 'embedded'),
      env: { DATABASE_URL: '', INNBOKS_DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}`, INNBOKS_WORKER: 'true' },
      readyTimeoutMs: 120_000,
    });
    try {
      const listening = performance.now();
      const baseUrl = server.baseUrl!;
      const citizen = demoCitizens[0]!;
      const jar = await loginAsCitizen(baseUrl, citizen.nationalId);
      const page = await jar.fetch(`${baseUrl}/api/inbox`);
      if (page.status !== 200) throw new Error(`first inbox page answered ${page.status}`);
      const items = ((await page.json()) as { items: unknown[] }).items.length;
      const firstPage = performance.now();
      const startSeconds = (firstPage - started) / 1000;
      figures.push({
        benchmark: 'embedded',
        figure: 'first start to first page s',
        ours: round(startSeconds, 2),
        goal: '≤ 10 s',
        met: startSeconds <= 10,
        note: `listening after ${round((listening - started) / 1000, 2)} s (migrations, demo data, keys); login + page ${round((firstPage - listening) / 1000, 2)} s; ${items} items`,
      });

      const sender = demoSenders.find((candidate) => candidate.kind === 'hospital')!;
      const privateJwk = JSON.parse(await readFile(path.join(dataDir, 'dev', 'senders', `${sender.clientId}.jwk.json`), 'utf8')) as JWK;
      const token = await fetchSenderAccessToken(baseUrl, sender.clientId, privateJwk);
      const client = new LeanHttpPool(baseUrl, 16);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', accept: 'application/fhir+json' };
      const identifierSystem = `urn:oid:2.16.578.1.12.4.1.4.101.99.embedded.${randomBytes(4).toString('hex')}`;
      const ours = await runLoad({ concurrency: 16, durationMs: durationS * 1000, warmupMs: warmupS * 1000 }, async (_worker, sequence) => {
        const request = letterRequest({
          organizationNumber: sender.organizationNumber,
          nationalId: demoCitizens[sequence % demoCitizens.length]!.nationalId,
          identifierSystem,
          identifierValue: `ours-${sequence}`,
        });
        expectStatus(await client.request('POST', '/fhir/R4/Communication', headers, request.body), 201);
      });
      client.close();
      const memory = await server.memory();

      // Raw: a PGlite of our own on disk, same start parameters (fsync on), same message row.
      const rawDir = await mkdtemp(path.join(os.tmpdir(), 'innboks-bench-pglite-'));
      const handle = await openDatabase({ dataDir: rawDir });
      await migrateToLatest(handle.db as Kysely<unknown>);
      await handle.close();
      const pglite = await PGlite.create({ dataDir: rawDir, relaxedDurability: false, startParams: durableStartParams(), extensions: { btree_gin } });
      const organization = await pglite.query<{ id: string }>(`insert into organization (org_number, name, kind) values ('999999999', 'Rå', 'hospital') returning id`);
      const organizationId = organization.rows[0]!.id;
      const citizenRow = await pglite.query<{ id: string }>(
        `with claimed as (insert into citizen_by_national_id (national_id, citizen_id) values ($1, gen_random_uuid()) returning citizen_id)
         insert into citizen (id, national_id, name) select citizen_id, $1, '' from claimed returning id`,
        [demoCitizens[0]!.nationalId],
      );
      const citizenId = citizenRow.rows[0]!.id;
      const threadId = randomUUID();
      await pglite.query(`insert into thread (id, citizen_id, organization_id, category, subject, sender_name, last_activity_at) values ($1, $2, $3, 'hospital', 'Rå', 'Rå', now())`, [
        threadId,
        citizenId,
        organizationId,
      ]);
      const sample = letterRequest({ organizationNumber: '999999999', nationalId: demoCitizens[0]!.nationalId, identifierSystem, identifierValue: 'x' });
      const parts = (JSON.parse(sample.body) as { payload: { contentString: string }[] }).payload.map((part) => part.contentString);
      const raw = await runLoad({ concurrency: 16, durationMs: durationS * 1000, warmupMs: warmupS * 1000 }, async (_worker, sequence) => {
        await pglite.query(
          `insert into message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body, identifier_system, identifier_value, sent_at, updated_at)
           values ($1, $2, $3, $4, 'to-citizen', 'appointment-letter', $5, $6, $7, $8, $9, $10, now(), now())`,
          [randomUUID(), citizenId, threadId, organizationId, sample.subject, sample.senderDisplay, JSON.stringify(parts), parts.join('\n\n'), identifierSystem, `raw-${sequence}`],
        );
      });
      await pglite.close();
      await rm(rawDir, { recursive: true, force: true });
      figures.push(
        {
          benchmark: 'embedded',
          figure: 'ingest letters/s (raw: one INSERT)',
          ours: round(ours.perSecond),
          ceiling: round(raw.perSecond),
          ratio: round(ours.perSecond / raw.perSecond, 2),
          goal: 'reported',
          ...(ours.errors ? { note: `${ours.errors} errors: ${ours.firstError}` } : {}),
        },
        { benchmark: 'embedded', figure: 'ingest p99 ms', ours: round(ours.latency.percentile(99), 2), ceiling: round(raw.latency.percentile(99), 2) },
        { benchmark: 'embedded', figure: 'server peak RSS MB', ours: round(memory.peakMb), goal: 'reported' },
      );
      return figures;
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
