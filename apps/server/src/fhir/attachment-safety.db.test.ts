import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { dataFingerprint } from '../testing/municipal.ts';
import { minimalPdf } from '../demo/minimal-pdf.ts';

/** An attachment is what its bytes are: a polyglot is refused, and a download is named by its real type. */
describe.each(testDatabaseKinds())('attachments that pretend, on %s', (kind) => {
  let server: TestServer;
  let token: string;
  const hospital = () => server.senders.find((sender) => sender.kind === 'hospital')!;
  const withAttachment = (title: string, bytes: Uint8Array) =>
    communication(hospital(), server.citizens[0]!.nationalId, {
      payload: [{ contentString: 'Se vedlegg.' }, { contentAttachment: { contentType: 'application/pdf', title, data: Buffer.from(bytes).toString('base64') } }],
    });

  beforeAll(async () => {
    server = await startTestServer(kind);
    token = await server.tokenFor(hospital().clientId);
  });
  afterAll(async () => server?.close());

  test('a PDF polyglot (%PDF- then HTML) titled .html is refused naming its data, and nothing is stored', async () => {
    const polyglot = new TextEncoder().encode('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n');
    const before = await dataFingerprint(server.database.db);
    const answer = await postLetter(server.baseUrl, token, withAttachment('svar.html', polyglot));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ issue: [expect.objectContaining({ expression: ['Communication.payload[1].contentAttachment.data'] })] });
    expect(await dataFingerprint(server.database.db)).toBe(before);
  });

  test('a real PDF titled .html downloads with the .pdf extension', async () => {
    const created = await postLetter(server.baseUrl, token, withAttachment('svar.html', minimalPdf(['Svar'])));
    expect(created.status).toBe(201);
    const url = (created.body!.payload as { contentAttachment?: { url: string } }[])[1]!.contentAttachment!.url;
    const download = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="svar.html.pdf"; filename*=UTF-8''svar.html.pdf`);
  });
});
