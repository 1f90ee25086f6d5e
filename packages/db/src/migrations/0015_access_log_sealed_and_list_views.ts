import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * The access log, keyed and complete.
 *
 * `access_log_seal`: for each row, an HMAC of its chain hash under a key the database
 * never holds (`ACCESS_LOG_KEY`, or a key under the data dir). The chain alone can be
 * recomputed by whoever owns the table after rewriting or dropping rows; the seals
 * cannot, and as each hash covers every row before it, one seal vouches for the whole
 * chain up to its row. Append-only, like the log.
 *
 * `thread-summary`: staff lists (a service's inbox, the answer to a change) show the
 * citizen's name and the subject, and are logged as such.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table access_log drop constraint access_log_object_type_check;
    alter table access_log add constraint access_log_object_type_check
      check (object_type in ('thread','message','attachment','thread-summary'));

    create table access_log_seal (
      seq bigint primary key,
      mac text not null
    );
    create trigger access_log_seal_append_only before update or delete on access_log_seal for each row execute function access_log_refuse_change();
    create trigger access_log_seal_no_truncate before truncate on access_log_seal for each statement execute function access_log_refuse_change();
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop table access_log_seal;
    alter table access_log drop constraint access_log_object_type_check;
    alter table access_log add constraint access_log_object_type_check check (object_type in ('thread','message','attachment'));
  `,
  );
}
