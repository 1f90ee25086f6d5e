/**
 * The citizen's inbox, scoped to one citizen when it is made. Every query filters
 * on `citizen_id` first — that is both the authorization (another citizen's id is
 * simply not found, exactly like a missing one) and the index every inbox query
 * uses (the data can be distributed by citizen).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { inboxCategories, itemsVisibleTo, type InboxCategory, type ItemVisibility } from '@innboks/core';
import type { Database } from '../schema.ts';
import { isUuid } from './is-uuid.ts';
import { moveAttempt } from '../delivery/attempts.ts';
import { searchPageSql, type SearchCursor } from './inbox-search.ts';
import { hiddenItemsSql, visibleItemsSql } from '../representation/item-visibility-sql.ts';
import { recorded, type ActionRecorder } from '../representation/representation-log.ts';

/** What a person sees of their own inbox (the rule table does not depend on their age for this). */
export const ownItems: ItemVisibility = itemsVisibleTo('self', 0);

export interface InboxPageRequest {
  category?: string | undefined;
  query?: string | undefined;
  archived: boolean;
  cursor?: string | undefined;
  limit: number;
}

export interface InboxThread {
  id: string;
  subject: string;
  senderName: string;
  startedBy: 'sender' | 'citizen';
  category: string;
  lastActivityAt: Date;
  unread: boolean;
  archived: boolean;
  important: boolean;
  hasAttachments: boolean;
  messageCount: number;
}

export interface ThreadMessageView {
  id: string;
  direction: 'to-citizen' | 'from-citizen';
  senderName: string;
  subject: string;
  sentAt: Date;
  textParts: string[];
  attachments: { id: string; title: string; contentType: string; size: number }[];
  /** A message carried to its organisation by Dialogmelding (the citizen's answer): where it is, by the receiver's AppRec. */
  carried?: CarriedState | undefined;
}

/** `sending` until the receiver's AppRec; `delivered` (status 1 or 3) or `rejected` (status 2, with its errors). */
export interface CarriedState {
  state: 'sending' | 'delivered' | 'rejected';
  errors: { code: string; description: string; details?: string | undefined }[];
}

export interface ThreadView extends InboxThread {
  createdAt: Date;
  /** A conversation with a municipal service: the web app asks for its service panel only then. */
  municipal: boolean;
  messages: ThreadMessageView[];
}

export interface UnreadCounts {
  total: number;
  byCategory: Record<InboxCategory, number>;
}

/** What an inbox row shows: every thread column but the words kept for search. */
const inboxThreadColumns = [
  'id',
  'citizen_id',
  'organization_id',
  'category',
  'subject',
  'sender_name',
  'started_by',
  'important',
  'unread',
  'archived',
  'has_attachments',
  'message_count',
  'last_activity_at',
  'created_at',
] as const;

/** What the inbox page shows of a thread (the `InboxItem` of the web API) and its keyset. */
const inboxItemColumns = 'id, subject, sender_name, started_by, category, last_activity_at, unread, archived, important, has_attachments, message_count';

/** Every category is named, with 0 where nothing is unread. */
function unreadCountsFrom(counts: Record<string, number>): UnreadCounts {
  const byCategory = Object.fromEntries(inboxCategories.map((category) => [category, Number(counts[category] ?? 0)])) as Record<InboxCategory, number>;
  return { total: Object.values(byCategory).reduce((sum, count) => sum + count, 0), byCategory };
}

/** A citizen's id in a statement: a value, or a column of the statement (the session's). */
export type CitizenRef = string | RawBuilder<string>;

/** The inbox screen: the page as JSON text (`InboxItem[]`), the next page's cursor, the unread counts. */
export interface InboxScreen {
  itemsJson: string;
  nextCursor: string | null;
  unread: UnreadCounts;
}

export interface InboxScreenRow {
  unread_counts: Record<string, number> | string;
  items: string;
  next_at: string | null;
  next_id: string | null;
}

function pageSql(citizenId: CitizenRef, request: InboxPageRequest, visibility: ItemVisibility) {
  const filters = [sql`citizen_id = ${citizenId}`, sql`archived = ${request.archived}`, visibleItemsSql(visibility, 'representative_access')];
  if (request.category) filters.push(sql`category = ${request.category}`);
  const after = decodeCursor(request.cursor);
  // The thread holds the words of all its messages (migration 0007); the search is its own module.
  if (request.query) return searchPageSql(citizenId, request.query, filters, after, request.limit, inboxItemColumns);
  // A row comparison is one range condition on the index, so the scan starts right at
  // the cursor (page 50 costs what page 1 does); the OR form it equals scans from the top.
  const conditions = after ? [...filters, sql`(last_activity_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`] : filters;
  return sql`select ${sql.raw(inboxItemColumns)} from thread where ${sql.join(conditions, sql` and `)} order by last_activity_at desc, id desc limit ${request.limit + 1}`;
}

/**
 * Unread, not archived threads per category, as kept by the triggers on thread
 * (migration 0009), less those the viewer may not see (an item a sender hid from
 * them): a count must not tell of an item the list leaves out. The hidden ones are
 * few and found by a partial index.
 */
function unreadCountsSql(citizenId: CitizenRef, visibility: ItemVisibility) {
  return sql`select kept.category, kept.unread - coalesce(hidden.count, 0) as count
    from citizen_unread kept
    left join (select category, count(*) as count from thread
               where citizen_id = ${citizenId} and unread and not archived and ${hiddenItemsSql(visibility, 'representative_access')}
               group by category) hidden on hidden.category = kept.category
    where kept.citizen_id = ${citizenId} and kept.unread - coalesce(hidden.count, 0) > 0`;
}

export class CitizenInbox {
  constructor(
    private readonly db: Kysely<Database>,
    readonly citizenId: string,
    /** Which of the person's threads the viewer sees (rule table in @innboks/core). */
    private readonly visibility: ItemVisibility = ownItems,
    /** Records a representative's reads and actions in their transaction; none for the person. */
    private readonly recorder?: ActionRecorder,
  ) {}

  private visible(column = 'thread.representative_access') {
    return visibleItemsSql(this.visibility, column);
  }

  /**
   * The inbox screen for a viewer who is not the session's own citizen (a
   * representative): the same statement, read in a transaction with its record.
   */
  async screen(page: InboxPageRequest): Promise<InboxScreen> {
    return recorded(
      this.db,
      this.recorder,
      async (executor) => {
        const { rows } = await CitizenInbox.pageWithUnreadCountsSql(this.citizenId, page, this.visibility).execute(executor);
        return CitizenInbox.screenFrom(rows[0]);
      },
      () => ({ action: 'list', objectKind: 'inbox' }),
    );
  }

  static isValidCursor(cursor: string): boolean {
    return decodeCursor(cursor) !== undefined;
  }

  /**
   * The inbox screen in one statement: a page of threads, newest activity first, by
   * keyset so page 50 costs what page 1 does, and the unread counts; for the citizen
   * `citizenId`, an id or the column of a statement it is joined into — the citizen's
   * session, so the screen and the session are one round trip (`readAsCitizen` in
   * apps/server), which is what the inbox's latency is made of. Either way every part
   * of it filters on that citizen first. Send it prepared unless it is a search (see
   * `preparedStatement`).
   *
   * The page comes as JSON text, the web API's `InboxItem[]` (packages/contracts),
   * built by PostgreSQL: 21 rows of 13 columns parsed into objects and written out
   * again as JSON cost the server more CPU than anything else in the request. Written
   * as SQL rather than with the query builder: this runs for every inbox screen.
   */
  static pageWithUnreadCountsSql(citizenId: CitizenRef, request: InboxPageRequest, visibility: ItemVisibility = ownItems): RawBuilder<InboxScreenRow> {
    return sql<InboxScreenRow>`
      select counts.unread as unread_counts, page.items, page.next_at, page.next_id
      from (
        select coalesce(json_object_agg(category, count), '{}'::json) as unread
        from (${unreadCountsSql(citizenId, visibility)}) as per_category
      ) as counts
      cross join lateral (
        select
          coalesce(json_agg(json_build_object(
            'id', id, 'subject', subject, 'senderName', sender_name, 'startedBy', started_by, 'category', category, 'lastActivityAt', at,
            'unread', unread, 'archived', archived, 'important', important, 'hasAttachments', has_attachments, 'messageCount', message_count
          ) order by ${request.query ? sql`search_tier, ` : sql``}position) filter (where position <= ${request.limit}), '[]'::json)::text as items,
          min(at) filter (where position = ${request.limit} and more) as next_at,
          min(id::text) filter (where position = ${request.limit} and more) as next_id
        from (
          select *, to_char(last_activity_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
            row_number() over (order by last_activity_at desc, id desc) as position,
            count(*) over () > ${request.limit} as more
          from (${pageSql(citizenId, request, visibility)}) as page_rows
        ) as page
      ) as page`;
  }

  /** The inbox screen from the row of `pageWithUnreadCountsSql`. */
  static screenFrom(row: InboxScreenRow | undefined): InboxScreen {
    if (!row) throw new Error('the inbox statement answers one row');
    const counts = typeof row.unread_counts === 'string' ? (JSON.parse(row.unread_counts) as Record<string, number>) : row.unread_counts;
    return {
      itemsJson: row.items,
      nextCursor: row.next_at && row.next_id ? encodeCursor(row.next_at, row.next_id) : null,
      unread: unreadCountsFrom(counts),
    };
  }

  /** Unread threads per category (archived ones not counted), exact, as kept beside the threads. */
  async unreadCounts(): Promise<UnreadCounts> {
    const { rows } = await sql<{ category: string; count: number }>`${unreadCountsSql(this.citizenId, this.visibility)}`.execute(this.db);
    return unreadCountsFrom(Object.fromEntries(rows.map((row) => [row.category, Number(row.count)])));
  }

  /** Opens a thread: its messages oldest first; marks it read and records the first read. */
  async open(threadId: string, now: Date): Promise<ThreadView | undefined> {
    if (!isUuid(threadId)) return undefined;
    return this.db.transaction().execute(async (tx) => {
      const thread = await tx
        .updateTable('thread')
        .set({ unread: false })
        .where('citizen_id', '=', this.citizenId)
        .where('id', '=', threadId)
        .where(this.visible('representative_access'))
        .returning(inboxThreadColumns)
        .executeTakeFirst();
      if (!thread) return undefined;
      await this.recorder?.record(tx, { action: 'read', objectKind: 'thread', objectId: threadId });
      const firstReads = await tx
        .updateTable('message')
        .set({ first_read_at: now })
        .where('citizen_id', '=', this.citizenId)
        .where('thread_id', '=', threadId)
        .where('direction', '=', 'to-citizen')
        .where('first_read_at', 'is', null)
        .returning(['id'])
        .execute();
      for (const { id } of firstReads) {
        await moveAttempt(tx, { citizenId: this.citizenId, messageId: id, channel: 'inbox', state: 'read', at: now, detail: null });
      }
      const messages = await tx
        .selectFrom('message')
        .leftJoin('dialog_exchange as carried', (join) =>
          join.onRef('carried.citizen_id', '=', 'message.citizen_id').onRef('carried.message_id', '=', 'message.id').on('carried.direction', '=', 'out'),
        )
        .select(['message.id', 'message.direction', 'message.sender_name', 'message.subject', 'message.sent_at', 'message.text_parts', 'carried.msg_id as carried_msg_id', 'carried.app_rec_status', 'carried.app_rec_errors'])
        .where('message.citizen_id', '=', this.citizenId)
        .where('message.thread_id', '=', threadId)
        .orderBy('message.sent_at')
        .orderBy('message.id')
        .execute();
      const attachments = await tx
        .selectFrom('attachment')
        .select(['id', 'message_id', 'title', 'content_type', 'size'])
        .where('citizen_id', '=', this.citizenId)
        .where(
          'message_id',
          'in',
          messages.map((message) => message.id),
        )
        .orderBy('position')
        .execute();
      const municipal = await tx
        .selectFrom('municipal_thread')
        .select('thread_id')
        .where('citizen_id', '=', this.citizenId)
        .where('thread_id', '=', threadId)
        .executeTakeFirst();
      return {
        ...toInboxThread(thread),
        createdAt: thread.created_at,
        municipal: municipal !== undefined,
        messages: messages.map((message) => ({
          id: message.id,
          direction: message.direction,
          senderName: message.sender_name,
          subject: message.subject,
          sentAt: message.sent_at,
          textParts: message.text_parts,
          carried: message.carried_msg_id ? carriedState(message.app_rec_status, message.app_rec_errors) : undefined,
          attachments: attachments
            .filter((attachment) => attachment.message_id === message.id)
            .map((attachment) => ({ id: attachment.id, title: attachment.title, contentType: attachment.content_type, size: attachment.size })),
        })),
      };
    });
  }

  /** Archive or restore, mark read or unread. */
  async update(threadId: string, change: { archived?: boolean | undefined; unread?: boolean | undefined }): Promise<InboxThread | undefined> {
    if (!isUuid(threadId)) return undefined;
    const row = await recorded(this.db, this.recorder, (executor) => executor
      .updateTable('thread')
      .set({
        ...(change.archived !== undefined ? { archived: change.archived } : {}),
        ...(change.unread !== undefined ? { unread: change.unread } : {}),
      })
      .where('citizen_id', '=', this.citizenId)
      .where('id', '=', threadId)
      .where(this.visible('representative_access'))
      .returning(inboxThreadColumns)
      .executeTakeFirst(), (updated) => (updated ? { action: 'update', objectKind: 'thread', objectId: threadId } : undefined));
    return row ? toInboxThread(row) : undefined;
  }

  async attachment(attachmentId: string) {
    if (!isUuid(attachmentId)) return undefined;
    return recorded(
      this.db,
      this.recorder,
      (executor) =>
      executor
        .selectFrom('attachment')
        .select(['id', 'title', 'content_type', 'size', 'data'])
        .where('citizen_id', '=', this.citizenId)
        .where('id', '=', attachmentId)
        .where(
          sql<boolean>`exists (select 1 from message join thread on thread.citizen_id = message.citizen_id and thread.id = message.thread_id
            where message.citizen_id = attachment.citizen_id and message.id = attachment.message_id and ${this.visible()})`,
        )
        .executeTakeFirst(),
      (found) => (found ? { action: 'download', objectKind: 'attachment', objectId: attachmentId } : undefined),
    );
  }
}

function carriedState(status: '1' | '2' | '3' | null, errors: CarriedState['errors'] | null): CarriedState {
  if (status === null) return { state: 'sending', errors: [] };
  return { state: status === '2' ? 'rejected' : 'delivered', errors: errors ?? [] };
}

function toInboxThread(row: {
  id: string;
  subject: string;
  sender_name: string;
  started_by: 'sender' | 'citizen';
  category: string;
  last_activity_at: Date;
  unread: boolean;
  archived: boolean;
  important: boolean;
  has_attachments: boolean;
  message_count: number;
}): InboxThread {
  return {
    id: row.id,
    subject: row.subject,
    senderName: row.sender_name,
    startedBy: row.started_by,
    category: row.category,
    lastActivityAt: row.last_activity_at,
    unread: row.unread,
    archived: row.archived,
    important: row.important,
    hasAttachments: row.has_attachments,
    messageCount: row.message_count,
  };
}

/** The keyset position after a row: its last activity (ISO 8601, as `Date.toISOString` writes it) and id. */
function encodeCursor(atIso: string, id: string): string {
  return Buffer.from(`${atIso}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): SearchCursor | undefined {
  if (!cursor) return undefined;
  // A third part was a search tier (before searches were one walk); a position is still its first two.
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !isUuid(id) || Number.isNaN(at.getTime())) return undefined;
  return { at, id };
}
