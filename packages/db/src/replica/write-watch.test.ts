import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { compileOnly } from '../testing/compile-only.ts';
import { WriteWatch } from './write-watch.ts';

describe('Telling a write from a read', () => {
  function wroteWhile(run: (db: typeof compileOnly) => unknown): boolean {
    let wrote = false;
    run(compileOnly.withPlugin(new WriteWatch(() => (wrote = true))));
    return wrote;
  }

  test('selects, built or written as SQL, are reads', () => {
    expect(wroteWhile((db) => db.selectFrom('thread').select('id').where('citizen_id', '=', 'c').compile())).toBe(false);
    expect(wroteWhile((db) => sql`/* prepared */ select 1`.compile(db))).toBe(false);
  });

  test('updates, inserts, deletes and statements that only might write are writes', () => {
    expect(wroteWhile((db) => db.updateTable('thread').set({ archived: true }).where('id', '=', 't').compile())).toBe(true);
    expect(wroteWhile((db) => db.deleteFrom('citizen_session').where('id', '=', 's').compile())).toBe(true);
    expect(wroteWhile((db) => sql`with moved as (update thread set unread = false returning id) select * from moved`.compile(db))).toBe(true);
  });
});
