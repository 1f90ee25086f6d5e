/**
 * Ingest: letters through POST /fhir/R4/Communication with N concurrent senders,
 * beside the raw ceiling — the same message rows inserted straight into PostgreSQL
 * with `pg`, one INSERT per letter, at the same concurrency — and beside the same
 * rows our transaction stores (citizen, thread, message, attachments, delivery
 * attempt and event, job), written by hand as one statement.
 */
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import pg from 'pg';
import type { BenchContext, Figure } from './context.ts';
import { expectStatus } from './http.ts';
import { LeanHttpPool } from './lean-http.ts';
import { letterRequest } from './letters.ts';
import { runLoad, type LoadResult } from './load.ts';
import { round } from './stats.ts';
import { cpuText } from './cpu.ts';

export interface IngestOptions {
  name: string;
  concurrency: number;
  /** Attach a PDF of these bytes. */
  pdf?: Buffer;
}

export interface IngestFigures {
  ours: LoadResult;
  rawInsert: LoadResult;
  rawSameRows: LoadResult;
}

/** National ids to write to: citizens of the dataset when there is one (else the demo citizens). */
export async function recipients(context: BenchContext, count: number): Promise<string[]> {
  const { rows } = await context.pool.query<{ national_id: string }>(
    `select national_id from citizen tablesample system (10) limit $1`,
    [count],
  );
  if (rows.length >= 10) return rows.map((row) => row.national_id);
  const all = await context.pool.query<{ national_id: string }>('select national_id from citizen limit $1', [count]);
  return all.rows.map((row) => row.national_id);
}

export async function runIngest(context: BenchContext, options: IngestOptions): Promise<IngestFigures> {
  const { durationS, warmupS } = context.options;
  const sender = context.senderOf('hospital');
  const nationalIds = await recipients(context, 5_000);
  const runId = randomBytes(4).toString('hex');
  const identifierSystem = `urn:oid:2.16.578.1.12.4.1.4.101.99.bench.${runId}`;
  const pdfBase64 = options.pdf?.toString('base64');

  // Ours: a server process of its own, workers elsewhere (none here), as in production.
  const api = await context.startApi({ name: options.name });
  let ours: LoadResult;
  try {
    const token = await api.tokenFor(sender.clientId);
    const client = new LeanHttpPool(api.baseUrl, options.concurrency);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', accept: 'application/fhir+json' };
    ours = await runLoad({ concurrency: options.concurrency, durationMs: durationS * 1000, warmupMs: warmupS * 1000, serverPids: [api.pid] }, async (_worker, sequence) => {
      const request = letterRequest({
        organizationNumber: sender.organizationNumber,
        nationalId: nationalIds[sequence % nationalIds.length]!,
        identifierSystem,
        identifierValue: `ours-${sequence}`,
        ...(pdfBase64 ? { pdfBase64 } : {}),
      });
      expectStatus(await client.request('POST', '/fhir/R4/Communication', headers, request.body), 201);
    });
    client.close();
  } finally {
    await api.stop();
  }

  // The raw ceiling: the same message row, one INSERT per letter, same concurrency, into
  // 16 threads. The trigger on message adds the first letter's words to each thread and
  // leaves it alone after that (the words are the same), so this is the message row
  // alone. (Before migration 0008 every INSERT appended to its thread's ever longer
  // word list, which held this ceiling at about half of what it is.)
  const organization = await context.pool.query<{ id: string }>('select id from organization where org_number = $1', [sender.organizationNumber]);
  const organizationId = organization.rows[0]!.id;
  const rawPool = new pg.Pool({ connectionString: context.databaseUrl, max: options.concurrency });
  const citizen = await rawPool.query<{ id: string }>(
    `with claimed as (
       insert into citizen_by_national_id (national_id, citizen_id) values ($1, gen_random_uuid())
       on conflict (national_id) do update set national_id = excluded.national_id returning citizen_id),
     made as (insert into citizen (id, national_id, name) select citizen_id, $1, '' from claimed on conflict (id) do nothing)
     select citizen_id as id from claimed`,
    [nationalIds[0]],
  );
  const citizenId = citizen.rows[0]!.id;
  const threads: string[] = [];
  for (let index = 0; index < options.concurrency; index++) {
    const threadId = randomUUID();
    threads.push(threadId);
    await rawPool.query(
      `insert into thread (id, citizen_id, organization_id, category, subject, sender_name, last_activity_at) values ($1, $2, $3, 'hospital', 'Rå', 'Rå', now())`,
      [threadId, citizenId, organizationId],
    );
  }
  const sample = letterRequest({ organizationNumber: sender.organizationNumber, nationalId: nationalIds[0]!, identifierSystem, identifierValue: 'x' });
  const parsed = JSON.parse(sample.body) as { payload: { contentString?: string }[] };
  const textParts = parsed.payload.map((part) => part.contentString).filter((text): text is string => typeof text === 'string');
  const textPartsJson = JSON.stringify(textParts);
  const body = textParts.join('\n\n');
  const pdf = options.pdf;
  const pdfSha = pdf ? createHash('sha256').update(pdf).digest('base64') : '';

  const rawInsert = await runLoad({ concurrency: options.concurrency, durationMs: durationS * 1000, warmupMs: warmupS * 1000 }, async (worker, sequence) => {
    const messageId = randomUUID();
    const values = [messageId, citizenId, threads[worker], organizationId, sample.subject, sample.senderDisplay, textPartsJson, body, identifierSystem, `raw-${sequence}`];
    if (!pdf) {
      await rawPool.query({
        name: 'raw-insert-message',
        text: `insert into message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body, identifier_system, identifier_value, sent_at, updated_at)
               values ($1, $2, $3, $4, 'to-citizen', 'appointment-letter', $5, $6, $7, $8, $9, $10, now(), now())`,
        values,
      });
    } else {
      // With a PDF the same rows are the message and its attachment.
      await rawPool.query({
        name: 'raw-insert-message-attachment',
        text: `with m as (
                 insert into message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body, identifier_system, identifier_value, sent_at, updated_at)
                 values ($1, $2, $3, $4, 'to-citizen', 'appointment-letter', $5, $6, $7, $8, $9, $10, now(), now()) returning id, citizen_id)
               insert into attachment (id, citizen_id, message_id, position, title, content_type, size, sha256, data)
               select gen_random_uuid(), m.citizen_id, m.id, 3, 'Innkalling', 'application/pdf', $11, $12, $13 from m`,
        values: [...values, pdf.length, pdfSha, pdf],
      });
    }
  });

  // Every row our transaction stores, written by hand as one statement: the ceiling for the same work.
  const rawSameRows = await runLoad({ concurrency: options.concurrency, durationMs: durationS * 1000, warmupMs: warmupS * 1000 }, async (_worker, sequence) => {
    const messageId = randomUUID();
    await rawPool.query({
      name: pdf ? 'raw-same-rows-pdf' : 'raw-same-rows',
      text: `with claimed as (
               insert into citizen_by_national_id (national_id, citizen_id) values ($1, gen_random_uuid())
               on conflict (national_id) do update set national_id = excluded.national_id returning citizen_id),
             made as (insert into citizen (id, national_id, name) select citizen_id, $1, '' from claimed on conflict (id) do nothing),
             c as (select citizen_id as id from claimed),
             m as (
               insert into message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body, identifier_system, identifier_value, sent_at, updated_at)
               select $2, c.id, $2, $3, 'to-citizen', 'appointment-letter', $4, $5, $6, $7, $8, $9, now(), now() from c returning id, citizen_id, search),
             t as (
               insert into thread (id, citizen_id, organization_id, category, subject, sender_name, has_attachments, last_activity_at, search)
               select m.id, m.citizen_id, $3, 'hospital', $4, $5, $11, now(), m.search from m),
             a as (
               insert into attachment (id, citizen_id, message_id, position, title, content_type, size, sha256, data)
               select gen_random_uuid(), m.citizen_id, m.id, 3, 'Innkalling', 'application/pdf', length($10::bytea), 'x', $10::bytea from m where $11),
             d as (
               insert into delivery_attempt (citizen_id, message_id, channel, state, created_at, updated_at) select m.citizen_id, m.id, 'inbox', 'queued', now(), now() from m),
             e as (
               insert into delivery_event (citizen_id, message_id, channel, state, at) select m.citizen_id, m.id, 'inbox', 'queued', now() from m),
             i as (
               insert into sender_identifier (organization_id, kind, identifier_system, identifier_value, citizen_id, item_id) select $3, 'message', $8, $9, m.citizen_id, m.id from m)
             insert into job (citizen_id, kind, payload) select m.citizen_id, 'bench-raw', jsonb_build_object('messageId', m.id, 'citizenId', m.citizen_id) from m`,
      values: [nationalIds[sequence % nationalIds.length], messageId, organizationId, sample.subject, sample.senderDisplay, textPartsJson, body, identifierSystem, `same-${sequence}`, pdf ?? null, Boolean(pdf)],
    });
  });
  // The ingest runs without workers; its delivery jobs are not part of this benchmark.
  await rawPool.query(`delete from job where kind in ('bench-raw', 'deliver-letter')`);
  await rawPool.end();
  return { ours, rawInsert, rawSameRows };
}

export function ingestFigures(benchmark: string, result: IngestFigures, pdfBytes: number | undefined, goalRatio: number | undefined): Figure[] {
  const { ours, rawInsert, rawSameRows } = result;
  const ratio = ours.perSecond / rawInsert.perSecond;
  const sameRowsRatio = ours.perSecond / rawSameRows.perSecond;
  const figures: Figure[] = [
    {
      benchmark,
      figure: 'letters/s (raw: one INSERT)',
      ours: round(ours.perSecond),
      ceiling: round(rawInsert.perSecond),
      ratio: round(ratio, 2),
      ...(goalRatio !== undefined ? { goal: `ratio ≥ ${goalRatio}`, met: ratio >= goalRatio } : { goal: 'reported' }),
      ...(ours.errors ? { note: `${ours.errors} errors: ${ours.firstError}` } : {}),
    },
    {
      benchmark,
      figure: 'letters/s (raw: same rows, 1 stmt)',
      ours: round(ours.perSecond),
      ceiling: round(rawSameRows.perSecond),
      ratio: round(sameRowsRatio, 2),
      // The ceiling is "the same rows inserted directly with pg": this row. The
      // one above is stricter: one message row, where a letter writes six.
      ...(goalRatio !== undefined ? { goal: `ratio ≥ ${goalRatio}`, met: sameRowsRatio >= goalRatio } : {}),
      note: 'raw: the citizen, thread, message, attachment, delivery attempt and event and job of a letter, as one statement; one INSERT: the message row alone (its thread already holds its words)',
    },
    { benchmark, figure: 'p50 ms', ours: round(ours.latency.percentile(50), 2), ceiling: round(rawInsert.latency.percentile(50), 2) },
    { benchmark, figure: 'p99 ms', ours: round(ours.latency.percentile(99), 2), ceiling: round(rawInsert.latency.percentile(99), 2) },
    {
      benchmark,
      figure: 'CPU ms/letter: server · PG · client',
      ours: cpuText(ours.cpuMsPerOperation),
      note: `raw one INSERT: ${cpuText(rawInsert.cpuMsPerOperation, false)}; raw same rows: ${cpuText(rawSameRows.cpuMsPerOperation, false)}`,
    },
  ];
  if (pdfBytes) {
    const megabytes = (perSecond: number) => round((perSecond * pdfBytes) / 1024 ** 2, 2);
    figures.push({ benchmark, figure: 'PDF MB/s', ours: megabytes(ours.perSecond), ceiling: megabytes(rawInsert.perSecond), ratio: round(ratio, 2), goal: 'reported' });
  }
  return figures;
}
