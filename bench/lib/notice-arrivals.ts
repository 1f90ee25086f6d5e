/**
 * Which letters' notices the local SMTP server has accepted, and when. A notice text
 * says nothing about its letter (no health words, by design), so it is matched by its
 * recipient: each benchmark citizen has an e-mail address of their own and gets one
 * letter in the run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SmtpTestServer } from '@innboks/channels/testing';
import type pg from 'pg';

export class NoticeArrivals {
  /** Recipient address → when the SMTP server accepted the first mail to it (ms since epoch). */
  private readonly acceptedAt = new Map<string, number>();
  private scanned = 0;

  constructor(private readonly smtp: SmtpTestServer) {}

  /** When the notice to `email` was accepted, if it was. */
  at(email: string): number | undefined {
    this.scan();
    return this.acceptedAt.get(email);
  }

  /** How many of `emails` have had their notice. */
  count(emails: Iterable<string>): number {
    this.scan();
    let count = 0;
    for (const email of emails) if (this.acceptedAt.has(email)) count++;
    return count;
  }

  private scan(): void {
    const mails = this.smtp.mails;
    for (; this.scanned < mails.length; this.scanned++) {
      const mail = mails[this.scanned]!;
      for (const to of mail.to) if (!this.acceptedAt.has(to.toLowerCase())) this.acceptedAt.set(to.toLowerCase(), mail.at);
    }
  }
}

/**
 * Waits until every one of `emails` has had its notice, at most `limitMs`. Gives up
 * sooner when none of these citizens' jobs is due any more and nothing arrived for a
 * few seconds: then the missing notices are not coming (a failed plan, a dead job).
 */
export async function waitForNotices(
  arrivals: NoticeArrivals,
  emails: string[],
  options: { pool: pg.Pool; citizenIds: string[]; limitMs: number },
): Promise<{ waitedMs: number; missing: number }> {
  const started = Date.now();
  let lastCount = -1;
  let lastProgress = started;
  for (;;) {
    const count = arrivals.count(emails);
    const now = Date.now();
    if (count === emails.length) return { waitedMs: now - started, missing: 0 };
    if (count !== lastCount) {
      lastCount = count;
      lastProgress = now;
    }
    if (now - started > options.limitMs) return { waitedMs: now - started, missing: emails.length - count };
    if (now - lastProgress > 5_000) {
      const { rows } = await options.pool.query<{ count: number }>(
        `select count(*)::int as count from job where state <> 'dead' and run_at <= now() + interval '1 minute' and payload->>'citizenId' = any($1::text[])`,
        [options.citizenIds],
      );
      if (rows[0]!.count === 0) return { waitedMs: now - started, missing: emails.length - count };
    }
    await sleep(100);
  }
}
