/**
 * The operator's charts, read off timestamps the delivery already keeps (delivery
 * events, notices, dead letters) and off the queue samples the sweeper writes
 * (`sampleQueue`): the job table forgets finished jobs, so its depth over time must
 * be written down as it goes. Counts and times only: no letter, no citizen.
 * Hours are whole UTC hours (epoch arithmetic, so the session's time zone does not matter).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface HourCount {
  hour: Date;
  series: string;
  value: number;
}

const hourOf = (column: string) => sql.raw(`to_timestamp(floor(extract(epoch from ${column}) / 3600) * 3600)`);

/** Letters handed to each channel per hour (a delivery event `delivered`), from `from` to `now`. */
export async function lettersPerHour(db: Kysely<Database>, from: Date, now: Date): Promise<HourCount[]> {
  const result = await sql<HourCount>`
    select ${hourOf('at')} as "hour", channel as "series", count(*)::int as "value"
    from delivery_event
    where at >= ${from} and at <= ${now} and state = 'delivered'
    group by 1, 2 order by 1, 2`.execute(db);
  return result.rows;
}

/** Per hour and notice channel: the 95th percentile in seconds from a notice being made to the gateway taking it. */
export async function noticeHandOffP95(db: Kysely<Database>, from: Date, now: Date): Promise<HourCount[]> {
  const result = await sql<HourCount>`
    select ${hourOf('sent_at')} as "hour", channel as "series",
      round((percentile_cont(0.95) within group (order by extract(epoch from sent_at - created_at)))::numeric, 1)::float8 as "value"
    from notice
    where sent_at >= ${from} and sent_at <= ${now} and state = 'sent'
    group by 1, 2 order by 1, 2`.execute(db);
  return result.rows;
}

/** The deepest the queue was in each hour: queued jobs per kind (the sweeper's samples), and `all`. */
export async function queueDepthPerHour(db: Kysely<Database>, from: Date, now: Date): Promise<HourCount[]> {
  const result = await sql<HourCount>`
    select ${hourOf('sampled_at')} as "hour", kind as "series", max(queued)::int as "value"
    from queue_sample
    where sampled_at >= ${from} and sampled_at <= ${now}
    group by 1, 2 order by 1, 2`.execute(db);
  return result.rows;
}

/**
 * Dead letters per hour: `open` at the hour's end (made by then, not replayed by then)
 * and `new` within it. Dead letters are few; replayed ones long ago are not read.
 */
export async function deadLettersPerHour(db: Kysely<Database>, slots: readonly Date[]): Promise<HourCount[]> {
  if (slots.length === 0) return [];
  const first = slots[0]!;
  const result = await sql<{ hour: Date; open: number; new: number }>`
    select h.hour as "hour",
      count(d.id) filter (where d.created_at < h.hour + interval '1 hour' and (d.replayed_at is null or d.replayed_at >= h.hour + interval '1 hour'))::int as "open",
      count(d.id) filter (where d.created_at >= h.hour and d.created_at < h.hour + interval '1 hour')::int as "new"
    from unnest(${slots.map((slot) => slot.toISOString())}::timestamptz[]) as h(hour)
    left join dead_letter d on d.replayed_at is null or d.replayed_at >= ${first}
    group by h.hour order by h.hour`.execute(db);
  return result.rows.flatMap((row) => [
    { hour: row.hour, series: 'open', value: row.open },
    { hour: row.hour, series: 'new', value: row.new },
  ]);
}

const sampleSlotSeconds = 300;
const sampleKeptDays = 8;

/**
 * Writes the queue's depth per kind (and `all`, always, so an empty queue shows as
 * zero) for the five-minute slot that holds `now`, and forgets samples older than
 * eight days. Safe to run twice, and from several workers: the first write of a slot wins.
 */
export async function sampleQueue(db: Kysely<Database>, now: Date): Promise<void> {
  await sql`
    with slot as (select to_timestamp(floor(extract(epoch from ${now}::timestamptz) / ${sampleSlotSeconds}) * ${sampleSlotSeconds}) as at),
    counts as (
      select kind,
        count(*) filter (where state = 'queued')::int as queued,
        count(*) filter (where state = 'running')::int as running,
        count(*) filter (where state = 'dead')::int as dead
      from job group by kind
    )
    insert into queue_sample (sampled_at, kind, queued, running, dead)
    select slot.at, counts.kind, counts.queued, counts.running, counts.dead from slot, counts
    union all
    select slot.at, 'all', coalesce(sum(queued), 0)::int, coalesce(sum(running), 0)::int, coalesce(sum(dead), 0)::int from slot, counts group by slot.at
    union all
    select slot.at, 'all', 0, 0, 0 from slot where not exists (select 1 from counts)
    on conflict (sampled_at, kind) do nothing`.execute(db);
  await sql`delete from queue_sample where sampled_at < ${new Date(now.getTime() - sampleKeptDays * 86_400_000)}`.execute(db);
}
