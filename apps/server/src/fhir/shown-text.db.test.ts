import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { dataFingerprint } from '../testing/municipal.ts';

/** A sender's name and a letter's subject are shown to citizens as sent: no characters that make them read as something else. */
describe.each(testDatabaseKinds())('names and subjects shown to citizens, on %s', (kind) => {
  let server: TestServer;
  let token: string;
  const hospital = () => server.senders.find((sender) => sender.kind === 'hospital')!;

  beforeAll(async () => {
    server = await startTestServer(kind);
    token = await server.tokenFor(hospital().clientId);
  });
  afterAll(async () => server?.close());

  test.each([
    ['a sender name with a right-to-left override', { display: 'Fastlege \u202Eneslegel' }, 'Communication.sender.display'],
    ['a sender name with a zero-width space', { display: 'Helse\u200BNorge' }, 'Communication.sender.display'],
    ['a subject of only zero-width characters', { topic: '\u200B\u200C\u2060' }, 'Communication.topic.text'],
    ['a subject with a bidirectional isolate', { topic: 'Svar \u2066på\u2069 prøve' }, 'Communication.topic.text'],
    ['a subject of only spaces', { topic: '   ' }, 'Communication.topic.text'],
  ])('%s answers 400 naming the element and stores nothing', async (_name, change, expression) => {
    const body = communication(hospital(), server.citizens[0]!.nationalId);
    const sent = {
      ...body,
      ...('display' in change ? { sender: { ...body.sender, display: change.display } } : {}),
      ...('topic' in change ? { topic: { text: change.topic } } : {}),
    };
    const before = await dataFingerprint(server.database.db);
    const answer = await postLetter(server.baseUrl, token, sent);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [expect.objectContaining({ expression: [expression] })] });
    expect(await dataFingerprint(server.database.db)).toBe(before);
  });
});
