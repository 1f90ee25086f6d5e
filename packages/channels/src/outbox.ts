/**
 * The embedded stand-in for the SMS gateway and the mail server: notices are written
 * to a local "sent notices" outbox (<data dir>/dev/outbox/notices.jsonl) that the dev
 * page shows, so nothing leaves the machine until a gateway and SMTP are configured.
 * Like a real gateway it drops a repeat of the same reference.
 */
import path from 'node:path';
import type { EmailSender, SmsGateway } from '@innboks/core';
import { appendJsonLine, readJsonLines } from './jsonl.ts';

export interface OutboxEntry {
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  text: string;
  reference: string;
  at: string;
}

export class NoticeOutbox {
  readonly file: string;

  constructor(
    dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dir, 'notices.jsonl');
  }

  entries(): Promise<OutboxEntry[]> {
    return readJsonLines<OutboxEntry>(this.file);
  }

  private async add(entry: Omit<OutboxEntry, 'at'>): Promise<{ providerId: string }> {
    const earlier = (await this.entries()).find((row) => row.reference === entry.reference && row.channel === entry.channel);
    if (!earlier) await appendJsonLine(this.file, { ...entry, at: this.now().toISOString() });
    return { providerId: `outbox:${entry.reference}` };
  }

  readonly sms: SmsGateway = { send: (sms) => this.add({ channel: 'sms', to: sms.to, text: sms.text, reference: sms.reference }) };
  readonly email: EmailSender = {
    send: (mail) => this.add({ channel: 'email', to: mail.to, subject: mail.subject, text: mail.text, reference: mail.reference }),
  };
}
