/**
 * Fills a real PostgreSQL with a national-scale inbox by COPY: at --scale 1,
 * 1,000,000 citizens and 10,000,000 messages in ~7.5 M threads.
 *
 * Skew: a few heavy citizens (10,000–25,000 items each, e.g. a long-term patient
 * whose every lab result is a letter); everyone else draws from a log-normal (median
 * ~5, 90th percentile ~20, 99th ~70 items) so the whole comes to 10 items a citizen
 * on average. Senders are 300 organisations of every kind, so categories follow
 * from who sends; recent items are more often unread, old ones more often archived;
 * one thread in five has a conversation (2–4 messages, replies from the citizen).
 *
 * To load fast, the secondary indexes, primary/unique keys and foreign keys of the
 * three big tables are dropped first and built again after (the definitions are
 * read from the catalogue, so whatever the migrations declare comes back as it was);
 * then VACUUM ANALYZE, as autovacuum would after a while.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { inboxCategoryFor, organizationNumberFrom, parseNationalId, type MessageKind, type SenderKind } from '@innboks/core';
import { departments, sentences, subjectsByCategory } from './text.ts';

export const generatorVersion = 5;

export interface HeavyCitizen {
  id: string;
  nationalId: string;
  threads: number;
  messages: number;
}

export interface DatasetSummary {
  version: number;
  scale: number;
  citizens: number;
  threads: number;
  messages: number;
  organizations: number;
  heavyCitizens: HeavyCitizen[];
  /** Citizens with at least one item, sampled evenly (for sessions of the read benchmarks). */
  sampleCitizenIds: string[];
  distribution: { median: number; p90: number; p99: number; max: number };
  unreadShare: number;
  seconds: { load: number; keys: number; vacuum: number; total: number };
  generatedAt: string;
}

const bigTables = ['citizen', 'citizen_by_national_id', 'thread', 'message', 'sender_identifier'];
const day = 86_400_000;

/** mulberry32: a small seeded PRNG, so a scale always makes the same data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char]!) : value;
}

class CopyWriter {
  private parts: string[] = [];
  private size = 0;
  rows = 0;

  constructor(private readonly stream: Writable) {}

  async push(line: string): Promise<void> {
    this.parts.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }
}

async function openCopy(pool: pg.Pool, statement: string): Promise<{ writer: CopyWriter; release: () => void }> {
  const client = await pool.connect();
  await client.query('set synchronous_commit = off');
  const stream = client.query(copyFrom(statement));
  return { writer: new CopyWriter(stream), release: () => client.release() };
}

function checkDigit(digits: number[], weights: number[]): number | undefined {
  const sum = weights.reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  const remainder = 11 - (sum % 11);
  if (remainder === 11) return 0;
  return remainder === 10 ? undefined : remainder;
}

/** Synthetic national ids (month + 80), valid check digits, all different. */
function* nationalIds(random: () => number, taken: Set<string>): Generator<{ nationalId: string; birthDate: string }> {
  const start = Date.UTC(1925, 0, 1);
  const dates = Math.floor((Date.UTC(2023, 11, 31) - start) / day);
  for (let round = 0; ; round++) {
    const offset = Math.floor(random() * dates);
    for (let index = 0; index < dates; index++) {
      const date = new Date(start + ((index + offset) % dates) * day);
      const year = date.getUTCFullYear();
      const individual = (year >= 2000 ? 500 : 0) + round;
      if (individual > (year >= 2000 ? 749 : 499)) continue;
      const base =
        String(date.getUTCDate()).padStart(2, '0') +
        String(date.getUTCMonth() + 1 + 80).padStart(2, '0') +
        String(year % 100).padStart(2, '0') +
        String(individual).padStart(3, '0');
      const digits = [...base].map(Number);
      const k1 = checkDigit(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
      if (k1 === undefined) continue;
      const k2 = checkDigit([...digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
      if (k2 === undefined) continue;
      const nationalId = `${base}${k1}${k2}`;
      if (taken.has(nationalId)) continue;
      if (index % 997 === 0 && !parseNationalId(nationalId)) throw new Error(`generated an invalid national id ${nationalId}`);
      yield { nationalId, birthDate: date.toISOString().slice(0, 10) };
    }
  }
}

interface Organization {
  id: string;
  kind: SenderKind;
  name: string;
  identifierSystem: string;
}

const firstNames = ['Kari', 'Ola', 'Ingrid', 'Lars', 'Sofie', 'Jonas', 'Emma', 'Nora', 'Ahmed', 'Fatima', 'Per', 'Anne', 'Liv', 'Magnus', 'Sara', 'Erik'];
const lastNames = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Berg', 'Haugen', 'Hagen', 'Ali', 'Bakken', 'Moen'];
const municipalities = ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Drammen', 'Kristiansand', 'Tromsø', 'Bodø', 'Lillehammer', 'Ålesund'];

const messageKindsFor: Record<SenderKind, MessageKind[]> = {
  hospital: ['letter', 'appointment-letter', 'appointment-letter', 'letter', 'message'],
  gp: ['message', 'letter', 'message'],
  'municipal-service': ['letter', 'message', 'appointment-letter'],
  research: ['research', 'survey'],
  survey: ['survey'],
  forms: ['form-receipt'],
};

async function createOrganizations(pool: pg.Pool, random: () => number): Promise<Organization[]> {
  // Roughly the national mix: many GP offices and municipal services, fewer hospitals.
  const plan: [SenderKind, number][] = [
    ['hospital', 40],
    ['gp', 150],
    ['municipal-service', 80],
    ['research', 10],
    ['survey', 10],
    ['forms', 10],
  ];
  const organizations: Organization[] = [];
  let serial = 0;
  for (const [kind, count] of plan) {
    for (let index = 0; index < count; index++) {
      serial++;
      const orgNumber = organizationNumberFrom(97_000_000 + serial * 7);
      const name = `${kind === 'gp' ? 'Legekontor' : kind === 'hospital' ? 'Helseforetak' : kind === 'municipal-service' ? 'Kommune helse' : 'Tjeneste'} ${serial}`;
      const region = kind === 'hospital' ? ['helse-sor-ost', 'helse-vest', 'helse-nord', 'helse-midt'][serial % 4]! : null;
      const { rows } = await pool.query<{ id: string }>(
        `insert into organization (org_number, name, kind, region) values ($1, $2, $3, $4)
         on conflict (org_number) do update set name = excluded.name returning id`,
        [orgNumber, name, kind, region],
      );
      organizations.push({ id: rows[0]!.id, kind, name, identifierSystem: `urn:oid:2.16.578.1.12.4.1.4.101.${orgNumber}` });
    }
  }
  void random;
  return organizations;
}

interface KeyDefinitions {
  foreignKeys: { table: string; name: string; definition: string }[];
  keys: { table: string; name: string; definition: string }[];
  indexes: { name: string; definition: string }[];
}

async function readKeyDefinitions(pool: pg.Pool): Promise<KeyDefinitions> {
  const constraints = await pool.query<{ table: string; name: string; definition: string; type: string }>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition, c.contype as type
       from pg_constraint c
      where c.contype in ('p', 'u', 'f')
        and (c.conrelid = any($1::regclass[]) or c.confrelid = any($1::regclass[]))
      order by c.conname`,
    [bigTables],
  );
  const indexes = await pool.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
      order by i.indexname`,
    [bigTables],
  );
  return {
    foreignKeys: constraints.rows.filter((row) => row.type === 'f'),
    // Keys only of the big tables: keys of other tables stay where they are.
    keys: constraints.rows.filter((row) => row.type !== 'f' && bigTables.includes(row.table)),
    indexes: indexes.rows,
  };
}

async function dropKeys(pool: pg.Pool, defs: KeyDefinitions): Promise<void> {
  for (const fk of defs.foreignKeys) await pool.query(`alter table ${fk.table} drop constraint ${fk.name}`);
  for (const key of defs.keys) await pool.query(`alter table ${key.table} drop constraint ${key.name}`);
  for (const index of defs.indexes) await pool.query(`drop index ${index.name}`);
}

/** Builds statements on `parallel` connections with a generous maintenance_work_mem. */
async function runParallel(pool: pg.Pool, statements: string[], parallel: number): Promise<void> {
  const queue = [...statements];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      const client = await pool.connect();
      try {
        await client.query(`set maintenance_work_mem = '1GB'`);
        await client.query('set max_parallel_maintenance_workers = 2');
        for (let statement = queue.shift(); statement; statement = queue.shift()) await client.query(statement);
      } finally {
        client.release();
      }
    }),
  );
}

/** thread_load → thread, each thread with the words of all its messages (what the trigger on message keeps). */
async function fillThreads(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`set work_mem = '1GB'`);
    // The unread counts are put together once as well, not one thread at a time.
    await client.query('alter table thread disable trigger thread_counts_unread_insert');
    await client.query(`
      insert into thread (id, citizen_id, organization_id, category, subject, sender_name, important, unread, archived, has_attachments, message_count, last_activity_at, created_at, search)
      select t.id, t.citizen_id, t.organization_id, t.category, t.subject, t.sender_name, t.important, t.unread, t.archived, t.has_attachments, t.message_count, t.last_activity_at, t.created_at,
             coalesce(words.search, ''::tsvector)
      from thread_load t
      left join (select thread_id, tsvector_agg(search) as search from message group by thread_id) as words on words.thread_id = t.id`);
    await client.query(`
      insert into citizen_unread as kept (citizen_id, category, unread)
      select citizen_id, category, count(*) from thread_load where unread and not archived group by citizen_id, category
      on conflict (citizen_id, category) do update set unread = kept.unread + excluded.unread`);
    await client.query('alter table thread enable trigger thread_counts_unread_insert');
    await client.query('drop table thread_load');
    await client.query('alter table message enable trigger message_adds_to_thread_search');
  } finally {
    client.release();
  }
}

async function restoreKeys(pool: pg.Pool, defs: KeyDefinitions): Promise<void> {
  // Primary and unique keys first (foreign keys need them), the biggest first.
  const bySize = (table: string) => ({ message: 0, thread: 1, citizen: 2 })[table] ?? 3;
  const keys = [...defs.keys].sort((a, b) => bySize(a.table) - bySize(b.table));
  await runParallel(pool, keys.map((key) => `alter table ${key.table} add constraint ${key.name} ${key.definition}`), 2);
  // The GIN index is by far the slowest: start it first so the rest overlaps it.
  const indexes = [...defs.indexes].sort((a, b) => Number(b.definition.includes('gin')) - Number(a.definition.includes('gin')));
  await runParallel(pool, indexes.map((index) => index.definition), 2);
  await runParallel(pool, defs.foreignKeys.map((fk) => `alter table ${fk.table} add constraint ${fk.name} ${fk.definition}`), 2);
}

export interface GenerateOptions {
  scale: number;
  log: (message: string) => void;
}

export async function generateDataset(databaseUrl: string, options: GenerateOptions): Promise<DatasetSummary> {
  const started = Date.now();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  try {
    const random = prng(20_250_601);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const citizenCount = Math.max(200, Math.round(1_000_000 * options.scale));
    const messageTarget = Math.max(2_000, Math.round(10_000_000 * options.scale));
    const heavyCount = Math.max(2, Math.round(20 * options.scale));

    const organizations = await createOrganizations(pool, random);
    const orgWeights: [SenderKind, number][] = [
      ['hospital', 0.38],
      ['gp', 0.3],
      ['municipal-service', 0.17],
      ['research', 0.03],
      ['survey', 0.02],
      ['forms', 0.1],
    ];
    const orgsByKind = new Map<SenderKind, Organization[]>();
    for (const organization of organizations) orgsByKind.set(organization.kind, [...(orgsByKind.get(organization.kind) ?? []), organization]);
    const pickOrganization = (): Organization => {
      let roll = random();
      for (const [kind, weight] of orgWeights) {
        roll -= weight;
        if (roll <= 0) {
          const list = orgsByKind.get(kind)!;
          return list[Math.floor(random() * list.length)]!;
        }
      }
      return organizations[0]!;
    };

    // How many items each citizen has.
    const counts = new Int32Array(citizenCount);
    let heavyTotal = 0;
    for (let index = 0; index < heavyCount; index++) {
      counts[index] = 10_000 + Math.floor(random() * 15_000);
      heavyTotal += counts[index]!;
    }
    const sigma = 1.1;
    const mean = Math.max(1, (messageTarget - heavyTotal) / (citizenCount - heavyCount));
    const mu = Math.log(mean) - (sigma * sigma) / 2;
    for (let index = heavyCount; index < citizenCount; index++) {
      counts[index] = Math.min(2_000, Math.round(Math.exp(mu + sigma * normal())));
    }
    const sortedCounts = Array.from(counts.subarray(heavyCount)).sort((a, b) => a - b);
    const quantile = (q: number) => sortedCounts[Math.min(sortedCounts.length - 1, Math.floor(q * sortedCounts.length))] ?? 0;

    // Marked before the keys go, so a load that stops part-way is known as one.
    await saveDatasetSummary(pool, { version: generatorVersion, scale: options.scale, loading: true });
    const defs = await readKeyDefinitions(pool);
    await dropKeys(pool, defs);
    options.log(`generating ${citizenCount.toLocaleString('en')} citizens, ~${messageTarget.toLocaleString('en')} messages (keys dropped for the load)`);

    const citizenCopy = await openCopy(pool, 'copy citizen (id, national_id, name, portal_user, municipality, birth_date, created_at) from stdin');
    // Each citizen's national id in the directory (migration 0025), as the API claims it.
    const nationalIdCopy = await openCopy(pool, 'copy citizen_by_national_id (national_id, citizen_id) from stdin');
    // Threads go to a staging table first: a thread's search words are those of its
    // messages, put together once all are loaded (see fillThreads), and the trigger
    // that does it one message at a time is off for the load.
    await pool.query('create unlogged table thread_load (like thread including defaults)');
    await pool.query('alter table message disable trigger message_adds_to_thread_search');
    const threadCopy = await openCopy(
      pool,
      'copy thread_load (id, citizen_id, organization_id, category, subject, sender_name, important, unread, archived, has_attachments, message_count, last_activity_at, created_at) from stdin',
    );
    const messageCopies = [
      await openCopy(
        pool,
        'copy message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body, priority, important, identifier_system, identifier_value, in_response_to, status, sent_at, first_read_at, updated_at) from stdin',
      ),
      await openCopy(
        pool,
        'copy message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body, priority, important, identifier_system, identifier_value, in_response_to, status, sent_at, first_read_at, updated_at) from stdin',
      ),
    ];

    const now = Date.now();
    const fiveYears = 5 * 365 * day;
    const existing = await pool.query<{ national_id: string }>('select national_id from citizen_by_national_id');
    const ids = nationalIds(random, new Set(existing.rows.map((row) => row.national_id)));
    const heavyCitizens: HeavyCitizen[] = [];
    const sampleEvery = Math.max(1, Math.floor(citizenCount / 20_000));
    const sampleCitizenIds: string[] = [];
    let threads = 0;
    let messages = 0;
    let unreadThreads = 0;
    let serial = 0;
    let lastLog = Date.now();

    for (let index = 0; index < citizenCount; index++) {
      const citizenId = randomUUID();
      const { nationalId, birthDate } = ids.next().value as { nationalId: string; birthDate: string };
      const name = `${firstNames[index % firstNames.length]} ${lastNames[Math.floor(index / firstNames.length) % lastNames.length]}`;
      const created = new Date(now - fiveYears - Math.floor(random() * fiveYears)).toISOString();
      await citizenCopy.writer.push(
        `${citizenId}\t${nationalId}\t${name}\t${random() < 0.7 ? 't' : 'f'}\t${municipalities[index % municipalities.length]}\t${birthDate}\t${created}\n`,
      );
      await nationalIdCopy.writer.push(`${nationalId}\t${citizenId}\n`);
      const itemCount = counts[index]!;
      const heavy = index < heavyCount;
      let citizenThreads = 0;
      const messageCopy = messageCopies[index % 2]!.writer;
      for (let left = itemCount; left > 0; ) {
        const size = Math.min(left, random() < 0.8 ? 1 : 2 + Math.floor(random() * 3));
        left -= size;
        citizenThreads++;
        const organization = pickOrganization();
        const kinds = messageKindsFor[organization.kind];
        const kind = kinds[Math.floor(random() * kinds.length)]!;
        const category = inboxCategoryFor(organization.kind, kind);
        const subjects = subjectsByCategory[category]!;
        const subject = subjects[Math.floor(random() * subjects.length)]!;
        const senderName = organization.kind === 'hospital' ? departments[Math.floor(random() * 8)]! : organization.name;
        // Recent activity is denser than old: age = 5 years × u².
        const u = random();
        let at = now - Math.floor(u * u * fiveYears) - size * 3 * day;
        const threadId = randomUUID();
        const threadStart = at;
        let previous: string | undefined;
        const ageDays = (now - at) / day;
        const unread = random() < (ageDays < 30 ? 0.55 : ageDays < 365 ? 0.08 : 0.02);
        const archived = !unread && random() < (ageDays > 90 ? 0.15 : 0.02);
        const important = random() < 0.03;
        const hasAttachments = random() < 0.3;
        for (let position = 0; position < size; position++) {
          if (position > 0) at += 1 + Math.floor(random() * 3 * day);
          const messageId = position === 0 ? threadId : randomUUID();
          const fromCitizen = position % 2 === 1;
          // The letter itself is mostly in the PDF; the text parts are a sentence or two.
          const first = Math.floor(random() * sentences.length);
          const parts = random() < 0.7 ? [sentences[first]!] : [sentences[first]!, sentences[(first + 7) % sentences.length]!];
          const body = parts.join('\n\n');
          const sentAt = new Date(at).toISOString();
          const read = !(unread && position === size - 1) && !fromCitizen;
          serial++;
          await messageCopy.push(
            `${messageId}\t${citizenId}\t${threadId}\t${organization.id}\t${fromCitizen ? 'from-citizen' : 'to-citizen'}\t${fromCitizen ? 'message' : kind}\t` +
              `${position === 0 ? subject : `Sv: ${subject}`}\t${fromCitizen ? name : senderName}\t${copyText(JSON.stringify(parts))}\t${copyText(body)}\t` +
              `${random() < 0.05 ? 'urgent' : 'routine'}\t${important && position === 0 ? 't' : 'f'}\t${organization.identifierSystem}\tgen-${serial}\t` +
              `${previous ?? '\\N'}\t${fromCitizen ? 'completed' : 'completed'}\t${sentAt}\t${read ? new Date(at + 3_600_000).toISOString() : '\\N'}\t${sentAt}\n`,
          );
          previous = messageId;
        }
        if (unread) unreadThreads++;
        await threadCopy.writer.push(
          `${threadId}\t${citizenId}\t${organization.id}\t${category}\t${subject}\t${senderName}\t${important ? 't' : 'f'}\t${unread ? 't' : 'f'}\t` +
            `${archived ? 't' : 'f'}\t${hasAttachments ? 't' : 'f'}\t${size}\t${new Date(at).toISOString()}\t${new Date(threadStart).toISOString()}\n`,
        );
        messages += size;
      }
      threads += citizenThreads;
      if (heavy) heavyCitizens.push({ id: citizenId, nationalId, threads: citizenThreads, messages: itemCount });
      else if (itemCount > 0 && index % sampleEvery === 0 && sampleCitizenIds.length < 20_000) sampleCitizenIds.push(citizenId);
      if (Date.now() - lastLog > 15_000) {
        lastLog = Date.now();
        options.log(`  ${index.toLocaleString('en')} citizens, ${messages.toLocaleString('en')} messages, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
    }
    for (const copy of [citizenCopy, nationalIdCopy, threadCopy, ...messageCopies]) {
      await copy.writer.end();
      copy.release();
    }
    options.log(`copied in ${((Date.now() - started) / 1000).toFixed(0)} s; threads with their messages' search words`);
    await fillThreads(pool);
    // Each copied letter's identifier in the senders' directory (migration 0022), as the
    // API files it; the few letters written through the API before the load are there.
    await pool.query(`insert into sender_identifier (organization_id, kind, identifier_system, identifier_value, citizen_id, item_id)
      select organization_id, 'message', identifier_system, identifier_value, citizen_id, id from message m
      where not exists (select 1 from sender_identifier filed where filed.item_id = m.id)`);
    const loaded = Date.now();
    options.log(`loaded in ${((loaded - started) / 1000).toFixed(0)} s; building keys and indexes`);
    await restoreKeys(pool, defs);
    const keyed = Date.now();
    options.log(`keys and indexes in ${((keyed - loaded) / 1000).toFixed(0)} s; vacuum analyze`);
    await pool.query('vacuum (analyze) citizen, citizen_by_national_id, thread, message, sender_identifier');
    const vacuumed = Date.now();

    const summary: DatasetSummary = {
      version: generatorVersion,
      scale: options.scale,
      citizens: citizenCount,
      threads,
      messages,
      organizations: organizations.length,
      heavyCitizens,
      sampleCitizenIds,
      distribution: { median: quantile(0.5), p90: quantile(0.9), p99: quantile(0.99), max: Math.max(...heavyCitizens.map((h) => h.messages)) },
      unreadShare: unreadThreads / Math.max(1, threads),
      seconds: {
        load: (loaded - started) / 1000,
        keys: (keyed - loaded) / 1000,
        vacuum: (vacuumed - keyed) / 1000,
        total: (vacuumed - started) / 1000,
      },
      generatedAt: new Date().toISOString(),
    };
    await saveDatasetSummary(pool, summary);
    return summary;
  } finally {
    await pool.end();
  }
}

/** What bench_dataset holds while the load runs, until the summary replaces it. */
interface LoadingMarker {
  version: number;
  scale: number;
  loading: true;
}

async function saveDatasetSummary(pool: pg.Pool, summary: DatasetSummary | LoadingMarker): Promise<void> {
  await pool.query('create table if not exists bench_dataset (id integer primary key, summary jsonb not null)');
  await pool.query('insert into bench_dataset (id, summary) values (1, $1) on conflict (id) do update set summary = excluded.summary', [JSON.stringify(summary)]);
}

/**
 * The dataset already in the database, if it was made by this generator at this scale;
 * `undefined` when none was ever loaded. A database that holds another dataset
 * (another scale or generator version) or a load that stopped part-way is an error
 * naming the way out: generating on top of it would break its unique keys after
 * minutes of copying.
 */
export async function existingDataset(databaseUrl: string, scale: number): Promise<DatasetSummary | undefined> {
  const { database, summary } = await readDatasetRow(databaseUrl);
  if (!summary) return undefined;
  if ('loading' in summary) throw loadStoppedPartWay(database);
  if (summary.version === generatorVersion && summary.scale === scale) return summary;
  throw new Error(
    `${database} holds the scale ${summary.scale} dataset of generator version ${summary.version}, not scale ${scale} of version ${generatorVersion}: ` +
      `run with --scale ${summary.scale}, name another --db, or drop ${database}`,
  );
}

/** A load that stopped part-way left the tables without their keys: nothing else can run on them. */
export async function refuseLoadStoppedPartWay(databaseUrl: string): Promise<void> {
  const { database, summary } = await readDatasetRow(databaseUrl);
  if (summary && 'loading' in summary) throw loadStoppedPartWay(database);
}

function loadStoppedPartWay(database: string): Error {
  return new Error(`${database} holds a load that stopped part-way (its keys are dropped): name another --db, or drop ${database}`);
}

async function readDatasetRow(databaseUrl: string): Promise<{ database: string; summary: DatasetSummary | LoadingMarker | undefined }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ summary: DatasetSummary | LoadingMarker }>(
      `select summary from bench_dataset where id = 1 and to_regclass('bench_dataset') is not null`,
    ).catch(() => ({ rows: [] as { summary: DatasetSummary | LoadingMarker }[] }));
    return { database: client.database ?? 'the database', summary: rows[0]?.summary };
  } finally {
    await client.end();
  }
}
