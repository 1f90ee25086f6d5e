/**
 * `npm run bench:explain -- --db innboks_bench_full`: EXPLAIN (ANALYZE, BUFFERS) of the
 * hot queries on a generated dataset (kept with `npm run bench -- --db …`), as the
 * server sends them — the plans ARCHITECTURE.md quotes. Writes in a transaction
 * that is rolled back.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { CitizenInbox, type Database } from '@innboks/db';

const { values } = parseArgs({ args: process.argv.slice(2), options: { db: { type: 'string' }, 'database-url': { type: 'string' } } });
if (!values.db) throw new Error('--db <database with a generated dataset> is required');
const url = new URL(values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
url.pathname = `/${values.db}`;
const client = new pg.Client({ connectionString: url.toString() });
/** An inbox row's columns: everything but the search words. */
const threadColumns = 'id, citizen_id, organization_id, category, subject, sender_name, important, unread, archived, has_attachments, message_count, last_activity_at, created_at';
await client.connect();
/** Compiles the server's statements to SQL (it never connects). */
const compiler = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }) });

const { rows: summaryRows } = await client.query<{ summary: { sampleCitizenIds: string[]; heavyCitizens: { id: string; nationalId: string }[] } }>(
  'select summary from bench_dataset where id = 1',
);
const summary = summaryRows[0]!.summary;
const citizen = summary.sampleCitizenIds[Math.floor(summary.sampleCitizenIds.length / 2)]!;
const heavy = summary.heavyCitizens[0]!.id;
const cursor = (await client.query<{ last_activity_at: Date; id: string }>(
  'select last_activity_at, id from thread where citizen_id = $1 and archived = false order by last_activity_at desc, id desc offset 979 limit 1',
  [heavy],
)).rows[0]!;
const org = (await client.query<{ id: string }>(`select organization_id as id from message where direction = 'from-citizen' limit 1`)).rows[0]!.id;

async function explain(title: string, text: string, params: unknown[]): Promise<void> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off, timing on, summary on) ${text}`, params);
  console.log(`\n### ${title}\n\n\`\`\`sql\n${text.replace(/\s+/g, ' ').trim()}\n\`\`\`\n\n\`\`\`\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n\`\`\``);
}

// Warm once so the plans show steady state, not a cold cache.
for (let round = 0; round < 2; round++) {
  const print = round === 1;
  const run = print ? explain : async (_t: string, text: string, params: unknown[]) => void (await client.query(text, params));
  await run('Inbox first page (random citizen)', `select ${threadColumns} from thread where citizen_id = $1 and archived = false order by last_activity_at desc, id desc limit 21`, [citizen]);
  await run('Unread counts per category, as kept (random citizen)', 'select category, unread from citizen_unread where citizen_id = $1 and unread > 0', [citizen]);
  await run('Inbox page 1 (heavy citizen)', `select ${threadColumns} from thread where citizen_id = $1 and archived = false order by last_activity_at desc, id desc limit 21`, [heavy]);
  await run(
    'Inbox page 50 (heavy citizen, keyset)',
    `select ${threadColumns} from thread where citizen_id = $1 and archived = false and (last_activity_at, id) < ($2::timestamptz, $3::uuid) order by last_activity_at desc, id desc limit 21`,
    [heavy, cursor.last_activity_at, cursor.id],
  );
  await run('Unread counts, as kept (heavy citizen)', 'select category, unread from citizen_unread where citizen_id = $1 and unread > 0', [heavy]);
  for (const [who, id] of [
    ['random citizen', citizen],
    ['heavy citizen', heavy],
  ] as const) {
    for (const term of ['time', 'frikort', 'røntgen']) {
      // The server's own search screen, with the citizen a value here (the server joins it to the session).
      const search = CitizenInbox.pageWithUnreadCountsSql(id, { archived: false, limit: 20, query: term }).compile(compiler);
      await run(`Search "${term}" (${who})`, search.sql, [...search.parameters]);
    }
  }
  // The server's own statement (the session lookup joins it in front: readAsCitizen).
  const screen = CitizenInbox.pageWithUnreadCountsSql(heavy, { archived: false, limit: 20 }).compile(compiler);
  await run('Inbox screen as the server sends it: first page as JSON and unread counts in one statement (heavy citizen)', screen.sql, [...screen.parameters]);
  await run(
    "Sender's replies from citizens (fans out by organisation)",
    `select id from message where organization_id = $1 and direction = 'from-citizen' and updated_at > now() - interval '30 days' order by updated_at, id limit 51`,
    [org],
  );
}

// The one-statement save of a new letter (letter-insert.ts), in a transaction rolled back;
// the thread is saved with the letter's words, so the trigger on message leaves it as it is.
await client.query('begin');
const messageId = randomUUID();
const nationalId = summary.heavyCitizens[0]!.nationalId;
await explain(
  'Saving a new letter (one statement; rolled back)',
  `with found as (select citizen_id from citizen_by_national_id where national_id = $1),
   claimed as (insert into citizen_by_national_id (national_id, citizen_id) select $1, gen_random_uuid() where not exists (select 1 from found)
               on conflict (national_id) do update set national_id = excluded.national_id returning citizen_id),
   made as (insert into citizen (id, national_id, name) select citizen_id, $1, '' from claimed on conflict (id) do nothing),
   c as (select citizen_id as id from found union all select citizen_id from claimed),
   m as (insert into message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body, priority, important, identifier_system, identifier_value, in_response_to, sent_at, updated_at)
         select $2::uuid, c.id, $2::uuid, $3::uuid, 'to-citizen', 'letter', 'Innkalling', 'Ortopedisk poliklinikk', '["Du har fått time."]'::jsonb, 'Du har fått time.', 'routine', false, 'urn:explain', $2::text, null, now(), now() from c returning id, citizen_id, search),
   t as (insert into thread (id, citizen_id, organization_id, category, subject, sender_name, important, has_attachments, last_activity_at, search)
         select m.id, m.citizen_id, $3::uuid, 'hospital', 'Innkalling', 'Ortopedisk poliklinikk', false, false, now(), m.search from m),
   d as (insert into delivery_attempt (citizen_id, message_id, channel, state, created_at, updated_at) select m.citizen_id, m.id, 'inbox', 'queued', now(), now() from m),
   e as (insert into delivery_event (citizen_id, message_id, channel, state, at, detail) select m.citizen_id, m.id, 'inbox', 'queued', now(), null from m),
   i as (insert into sender_identifier (organization_id, kind, identifier_system, identifier_value, citizen_id, item_id) select $3::uuid, 'message', 'urn:explain', $2::text, m.citizen_id, m.id from m),
   j as (insert into job (citizen_id, kind, payload) select m.citizen_id, 'deliver-letter', jsonb_build_object('messageId', m.id, 'citizenId', m.citizen_id) from m)
   select citizen_id from m`,
  [nationalId, messageId, org],
);
await client.query('rollback');
await client.end();
await compiler.destroy();
