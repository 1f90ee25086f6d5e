/**
 * Print service adapter.
 *
 * Embedded default — a print-batch folder: one folder per Oslo day under
 * PRINT_BATCH_DIR (default <data dir>/print), each letter as <letter id>.pdf, and
 * manifest.jsonl with one line per letter (file, letter id, recipient name, postal
 * code and city, pages, SHA-256, time) for the print house to pick up.
 *
 * Real — HTTP:
 *   POST <PRINT_SERVICE_URL>/print-jobs
 *   Authorization: Bearer <PRINT_SERVICE_TOKEN>
 *   Idempotency-Key: <letter id>
 *   { "letterId": "…", "recipient": { "name": "…", "address": { "street", "postalCode", "city", "country"? } },
 *     "pages": 3, "pdf": "<base64>" }
 *   → 2xx { "printJobId": "…" }   (a repeat of a letter id: the same job)
 */
import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ChannelError, type PrintJob, type PrintService } from '@innboks/core';
import { postJson, type HttpEndpoint } from './http.ts';
import { appendJsonLine, readJsonLines } from './jsonl.ts';
import { writeWholeFile } from './whole-file.ts';
import { safeName } from './digital-mailbox.ts';

export interface ManifestEntry {
  file: string;
  letterId: string;
  name: string;
  postalCode: string;
  city: string;
  pages: number;
  sha256: string;
  at: string;
}

export class PrintBatchFolder implements PrintService {
  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async submit(job: PrintJob): Promise<{ printJobId: string }> {
    const batch = osloDay(this.now());
    const folder = path.join(this.dir, batch);
    await mkdir(folder, { recursive: true });
    const file = `${safeName(job.letterId)}.pdf`;
    const target = path.join(folder, file);
    const manifest = path.join(folder, 'manifest.jsonl');
    const listed = (await readJsonLines<ManifestEntry>(manifest)).some((entry) => entry.letterId === job.letterId);
    if (listed && (await exists(target))) return { printJobId: `${batch}/${file}` };
    await writeWholeFile(target, job.pdf);
    if (!listed) {
      await appendJsonLine(manifest, {
        file,
        letterId: job.letterId,
        name: job.recipient.name,
        postalCode: job.recipient.address.postalCode,
        city: job.recipient.address.city,
        pages: job.pages,
        sha256: createHash('sha256').update(job.pdf).digest('hex'),
        at: this.now().toISOString(),
      } satisfies ManifestEntry);
    }
    return { printJobId: `${batch}/${file}` };
  }

  /** Every batch folder with its manifest, newest first. */
  async batches(): Promise<{ batch: string; entries: ManifestEntry[] }[]> {
    const { readdir } = await import('node:fs/promises');
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const batches = [];
    for (const batch of names.filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).sort().reverse()) {
      batches.push({ batch, entries: await readJsonLines<ManifestEntry>(path.join(this.dir, batch, 'manifest.jsonl')) });
    }
    return batches;
  }
}

export class HttpPrintService implements PrintService {
  constructor(private readonly endpoint: HttpEndpoint) {}

  async submit(job: PrintJob): Promise<{ printJobId: string }> {
    const answer = await postJson<{ printJobId?: string }>(
      this.endpoint,
      'print-jobs',
      { letterId: job.letterId, recipient: job.recipient, pages: job.pages, pdf: Buffer.from(job.pdf).toString('base64') },
      { idempotencyKey: job.letterId },
    );
    if (!answer?.printJobId) throw new ChannelError('transient', 'the print service answered without a printJobId');
    return { printJobId: answer.printJobId };
  }
}

function osloDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
