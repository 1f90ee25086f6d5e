/**
 * Digital mailbox (Digipost, e-Boks) adapter.
 *
 *   POST <DIGITAL_MAILBOX_URL>/messages
 *   Authorization: Bearer <DIGITAL_MAILBOX_TOKEN>
 *   Idempotency-Key: <letter id>
 *   {
 *     "letterId": "…",
 *     "recipient": { "nationalId": "…", "provider": "digipost", "address": "per.digitalsen#1234" },
 *     "sender": { "name": "…", "organizationNumber": "…" },
 *     "subject": "…", "sentAt": "2026-…Z",
 *     "text": ["…", "…"],
 *     "attachments": [{ "title": "…", "contentType": "application/pdf", "data": "<base64>" }]
 *   }
 *   → 200/201 { "receiptId": "…", "receivedAt": "2026-…Z" }   (a repeat of a letter id: the same receipt)
 *   → 4xx: rejected for good (unknown recipient, …); 429/5xx/no answer: try again.
 *
 * The embedded stand-in keeps what it received as files under <data dir>/dev/digital-mailbox,
 * answers with a receipt, and can be told to fail (file `fail-mode`: `reject` or `error`).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ChannelError, type DigitalMailbox, type DigitalMailboxLetter, type DigitalMailboxReceipt } from '@innboks/core';
import { postJson, type HttpEndpoint } from './http.ts';
import { writeWholeFile } from './whole-file.ts';

export function digitalMailboxRequest(letter: DigitalMailboxLetter) {
  return {
    letterId: letter.letterId,
    recipient: letter.recipient,
    sender: letter.sender,
    subject: letter.subject,
    sentAt: letter.sentAt.toISOString(),
    text: letter.textParts,
    attachments: letter.attachments.map((attachment) => ({
      title: attachment.title,
      contentType: attachment.contentType,
      data: Buffer.from(attachment.data).toString('base64'),
    })),
  };
}

export class HttpDigitalMailbox implements DigitalMailbox {
  constructor(private readonly endpoint: HttpEndpoint) {}

  async deliver(letter: DigitalMailboxLetter): Promise<DigitalMailboxReceipt> {
    const answer = await postJson<Partial<DigitalMailboxReceipt>>(this.endpoint, 'messages', digitalMailboxRequest(letter), { idempotencyKey: letter.letterId });
    if (!answer?.receiptId) throw new ChannelError('transient', 'the digital mailbox answered without a receiptId');
    return { receiptId: answer.receiptId, receivedAt: answer.receivedAt ?? new Date().toISOString() };
  }
}

export type StandInFailMode = 'none' | 'reject' | 'error';

export interface StoredMailboxLetter {
  receipt: DigitalMailboxReceipt;
  letterId: string;
  recipient: DigitalMailboxLetter['recipient'];
  sender: DigitalMailboxLetter['sender'];
  subject: string;
  text: string[];
  attachments: { title: string; contentType: string; size: number }[];
}

export class StandInDigitalMailbox implements DigitalMailbox {
  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async failMode(): Promise<StandInFailMode> {
    try {
      const mode = (await readFile(path.join(this.dir, 'fail-mode'), 'utf8')).trim();
      return mode === 'reject' || mode === 'error' ? mode : 'none';
    } catch {
      return 'none';
    }
  }

  async setFailMode(mode: StandInFailMode): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(path.join(this.dir, 'fail-mode'), mode);
  }

  async deliver(letter: DigitalMailboxLetter): Promise<DigitalMailboxReceipt> {
    const mode = await this.failMode();
    if (mode === 'reject') throw new ChannelError('permanent', 'digital mailbox stand-in: recipient rejected (fail-mode reject)');
    if (mode === 'error') throw new ChannelError('transient', 'digital mailbox stand-in: unavailable (fail-mode error)');
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${safeName(letter.letterId)}.json`);
    try {
      return (JSON.parse(await readFile(file, 'utf8')) as StoredMailboxLetter).receipt;
    } catch {
      // not received before
    }
    const receipt = { receiptId: `dm-${randomUUID()}`, receivedAt: this.now().toISOString() };
    const stored: StoredMailboxLetter = {
      receipt,
      letterId: letter.letterId,
      recipient: letter.recipient,
      sender: letter.sender,
      subject: letter.subject,
      text: letter.textParts,
      attachments: letter.attachments.map((attachment) => ({ title: attachment.title, contentType: attachment.contentType, size: attachment.data.length })),
    };
    await writeWholeFile(file, JSON.stringify(stored, null, 2));
    return receipt;
  }

  async received(): Promise<StoredMailboxLetter[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const letters: StoredMailboxLetter[] = [];
    for (const name of names.filter((candidate) => candidate.endsWith('.json'))) {
      try {
        letters.push(JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as StoredMailboxLetter);
      } catch {
        // skip a file being written
      }
    }
    return letters.sort((a, b) => a.receipt.receivedAt.localeCompare(b.receipt.receivedAt));
  }
}

export function safeName(id: string): string {
  return id.replace(/[^a-zA-Z0-9._-]/g, '_');
}
