/**
 * The queue's hot statements as SQL, compared with the files under __snapshots__, so a
 * change to what every worker runs many times a second shows in review as a diff of
 * SQL. A change on purpose: `npx vitest run -u packages/db/src/queue`.
 */
import { describe, expect, test } from 'vitest';
import type { CompiledQuery } from 'kysely';
import { compileOnly as compiler } from '../testing/compile-only.ts';
import { claimStatement, enqueueStatement } from './job-queue.ts';


/** The statement and its parameters, as a reviewer reads them. */
function readable(query: CompiledQuery): string {
  const parameters = query.parameters.map((value, index) => `-- $${index + 1} = ${value instanceof Date ? value.toISOString() : typeof value === 'string' ? `'${value}'` : JSON.stringify(value)}`);
  return `${query.sql.trim().replace(/^ {4}/gm, '')}\n\n${parameters.join('\n')}\n`;
}

const now = new Date('2026-12-05T08:00:00Z');

describe('The job queue statements', () => {
  test('a claim takes the due jobs and those whose lease ran out, each by its own index, in one statement', async () => {
    const sql = readable(claimStatement('worker-1', 100, 60_000, now).compile(compiler));
    await expect(sql).toMatchFileSnapshot('./__snapshots__/claim-jobs.sql');
  });

  test('a batch of jobs is enqueued as one insert of one JSON parameter', async () => {
    const sql = readable(
      enqueueStatement([
        { kind: 'deliver-letter', payload: { citizenId: 'c1', messageId: 'm1' } },
        { kind: 'send-notice', payload: { citizenId: 'c1', noticeId: 'n1' }, runAt: now, maxAttempts: 5 },
      ]).compile(compiler),
    );
    await expect(sql).toMatchFileSnapshot('./__snapshots__/enqueue-jobs.sql');
  });
});
