/**
 * Dev page for a newcomer: what delivery "sent" through the embedded stand-ins —
 * the local outbox of notices, the notices still waiting (and when they go), what the digital mailbox stand-in received (with its
 * receipts, and a switch to make it fail), and the print batches with their PDFs.
 * Only registered when INNBOKS_DEV_PAGES is on (by default: stand-ins in use, not production).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { NoticeOutbox, PrintBatchFolder, StandInDigitalMailbox, StandInFailMode } from '@innboks/channels';
import type { DialogDeadLetter, ExchangeRow, HeldNotice } from '@innboks/db';

export interface DevRouteOptions {
  outbox?: NoticeOutbox | undefined;
  /** Notices waiting to go; given by the composition, as the dev routes get no database. */
  heldNotices?: (() => Promise<HeldNotice[]>) | undefined;
  digitalMailbox?: StandInDigitalMailbox | undefined;
  printFolder?: PrintBatchFolder | undefined;
  /** Dialogmelding over AMQP: messages in and out with their AppRecs, and the dead-lettered ones. */
  dialogTraffic?: (() => Promise<{ exchanges: ExchangeRow[]; deadLetters: DialogDeadLetter[] }>) | undefined;
}

const css = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}h2{margin-top:2.5rem}.empty{color:#555}form{display:inline}`;

export async function registerDeliveryDevRoutes(parent: FastifyInstance, options: DevRouteOptions): Promise<void> {
  await parent.register(async (app) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.get('/dev/dev.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(css));

  app.get('/dev/delivery', async (_request, reply) => {
    const sections: string[] = [];
    if (options.outbox) {
      const entries = (await options.outbox.entries()).reverse();
      sections.push(`<h2>Sendte varsler (lokal utboks)</h2>
<p>SMS og e-post som ville ha gått ut. Filen: <code>${escape(options.outbox.file)}</code></p>
${table(['Tid', 'Kanal', 'Til', 'Emne', 'Tekst', 'Referanse'], entries.map((entry) => [entry.at, entry.channel === 'sms' ? 'SMS' : 'E-post', entry.to, entry.subject ?? '', entry.text, entry.reference]))}`);
    }
    if (options.heldNotices) {
      const held = await options.heldNotices();
      sections.push(`<h2>Varsler som venter</h2>
<p>SMS går ikke mellom kl. 22 og 08, og en innbygger får ikke to varsler for tett; de venter til tiden under.</p>
${table(['Går', 'Kanal', 'Til', 'Brev', 'Laget'], held.map((notice) => [osloTime(notice.dueAt), notice.channel === 'sms' ? 'SMS' : 'E-post', notice.recipient, String(notice.letters), osloTime(notice.createdAt)]))}`);
    }
    if (options.digitalMailbox) {
      const received = (await options.digitalMailbox.received()).reverse();
      const mode = await options.digitalMailbox.failMode();
      sections.push(`<h2>Digital postkasse (stand-in)</h2>
<p>Svarer nå: <strong>${mode === 'none' ? 'kvittering (OK)' : mode === 'reject' ? 'avvist for godt (400)' : 'feil, prøv igjen (500)'}</strong>.
${(['none', 'reject', 'error'] as const)
  .filter((candidate) => candidate !== mode)
  .map((candidate) => `<form method="post" action="/dev/digital-mailbox/fail-mode"><input type="hidden" name="mode" value="${candidate}"><button type="submit">${candidate === 'none' ? 'Svar OK' : candidate === 'reject' ? 'Avvis brev' : 'Svar med feil'}</button></form>`)
  .join(' ')}</p>
${table(['Mottatt', 'Kvittering', 'Mottaker', 'Postkasse', 'Avsender', 'Emne', 'Vedlegg'], received.map((letter) => [letter.receipt.receivedAt, letter.receipt.receiptId, letter.recipient.nationalId, `${letter.recipient.provider}: ${letter.recipient.address}`, letter.sender.name, letter.subject, letter.attachments.map((attachment) => attachment.title).join(', ')]))}`);
    }
    if (options.dialogTraffic) {
      const traffic = await options.dialogTraffic();
      const appRec = (row: ExchangeRow) => (row.appRecStatus ? `${row.appRecStatus}${row.appRecErrors?.length ? ` (${row.appRecErrors.map((error) => `${error.code} ${error.details ?? error.description}`).join('; ')})` : ''}` : '—');
      sections.push(`<h2>Dialogmelding over AMQP</h2>
<p>Meldinger inn og ut, med AppRec (1 = OK, 2 = avvist). Feilkø-meldinger går til avsenderens <code>_error</code>-kø.</p>
${table(['Sist endret', 'Retning', 'HER-id', 'Type', 'MsgId', 'Brev', 'AppRec'], traffic.exchanges.map((row) => [osloTime(row.updatedAt), row.direction === 'in' ? 'inn' : 'ut', row.counterpartHerId, row.messageType, row.msgId, row.messageId ?? '—', appRec(row)]))}
<h3>Flyttet til dead-letter-køen</h3>
${table(['Tid', 'Fra HER-id', 'AMQP message-id', 'Leveringer', 'Siste feil'], traffic.deadLetters.map((entry) => [osloTime(entry.deadLetteredAt), entry.fromHerId, entry.transportMessageId, String(entry.deliveries), entry.lastError]))}`);
    }
    if (options.printFolder) {
      const batches = await options.printFolder.batches();
      const rows = batches.flatMap((batch) =>
        batch.entries.map((entry) => [batch.batch, entry.at, { html: `<a href="/dev/print/${encodeURIComponent(batch.batch)}/${encodeURIComponent(entry.file)}">${escape(entry.file)}</a>` }, entry.name, `${entry.postalCode} ${entry.city}`, String(entry.pages)]),
      );
      sections.push(`<h2>Utskrift (print-batch-mappe)</h2>
<p>PDF-er klare for trykkeriet, med manifest per dag. Mappen: <code>${escape(options.printFolder.dir)}</code></p>
${table(['Batch', 'Tid', 'PDF', 'Mottaker', 'Poststed', 'Sider'], rows)}`);
    }
    const html = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Levering – utviklerside</title><link rel="stylesheet" href="/dev/dev.css"></head>
<body><main><h1>Levering – hva de lokale stand-in-tjenestene mottok</h1>
<p>Bare i utviklingsmodus. Ingenting her har forlatt maskinen.</p>
${sections.join('\n') || '<p class="empty">Alle kanaler er koblet til ekte tjenester.</p>'}
</main></body></html>`;
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Params: { batch: string; file: string } }>('/dev/print/:batch/:file', async (request, reply) => {
    const { batch, file } = request.params;
    if (!options.printFolder || !/^\d{4}-\d{2}-\d{2}$/.test(batch) || !/^[a-zA-Z0-9._-]+\.pdf$/.test(file)) return reply.code(404).send();
    try {
      const bytes = await readFile(path.join(options.printFolder.dir, batch, file));
      return reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').header('content-disposition', `inline; filename="${file}"`).type('application/pdf').send(bytes);
    } catch {
      return reply.code(404).send();
    }
  });

  app.post<{ Body: { mode?: string } }>('/dev/digital-mailbox/fail-mode', async (request, reply) => {
    const mode = request.body?.mode;
    if (!options.digitalMailbox || (mode !== 'none' && mode !== 'reject' && mode !== 'error')) return reply.code(400).send();
    await options.digitalMailbox.setFailMode(mode as StandInFailMode);
    return reply.redirect('/dev/delivery', 303);
  });
  });
}

type Cell = string | { html: string };

const osloFormat = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Oslo' });
const osloTime = (date: Date) => `${osloFormat.format(date)} (norsk tid)`;

function table(headings: string[], rows: Cell[][]): string {
  if (rows.length === 0) return '<p class="empty">Ingenting ennå.</p>';
  const cell = (value: Cell) => (typeof value === 'string' ? escape(value) : value.html);
  return `<table><thead><tr>${headings.map((heading) => `<th scope="col">${escape(heading)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((value) => `<td>${cell(value)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
