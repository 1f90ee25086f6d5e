import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inboxPageSchema, type InboxPage, type InboxSearch, type Letter, type Problem } from '@innboks/contracts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { communication, postLetter } from '../testing/letters.ts';
import { getFhir } from '../testing/fhir-client.ts';
import { CookieJar, csrfHeaders, loginAsCitizen } from '../testing/cookie-jar.ts';

describe.each(testDatabaseKinds())('Citizen inbox API on %s', (kind) => {
  let server: TestServer;
  let kari: CookieJar;
  let ola: CookieJar;
  const tokens = new Map<string, string>();
  const sender = (senderKind: string) => server.senders.find((candidate) => candidate.kind === senderKind)!;
  const kariId = () => server.citizens[0]!.nationalId;

  /** Kari's pages (`read` of each cursor) followed to the end: the ids in order, each page at most `limit`, newest activity first throughout. */
  async function everyPage(limit: number, read: (cursor: string | undefined) => Promise<{ body: InboxPage }>): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    let lastActivity = Infinity;
    do {
      const page: { body: InboxPage } = await read(cursor ?? undefined);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      for (const item of page.body.items) {
        const at = new Date(item.lastActivityAt).getTime();
        expect(at).toBeLessThanOrEqual(lastActivity);
        lastActivity = at;
        seen.push(item.id);
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    return seen;
  }

  async function send(senderKind: string, nationalId: string, overrides: Record<string, unknown> = {}) {
    const from = sender(senderKind);
    if (!tokens.has(from.clientId)) tokens.set(from.clientId, await server.tokenFor(from.clientId));
    const response = await postLetter(server.baseUrl, tokens.get(from.clientId), communication(from, nationalId, overrides));
    expect(response.status).toBe(201);
    return response.body!.id as string;
  }

  const get = async <T>(jar: CookieJar, path: string) => {
    const response = await jar.fetch(`${server.baseUrl}${path}`);
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  };
  /** POST /api/inbox/search: the search words in the body, never in the URL. */
  const search = async (jar: CookieJar, body: InboxSearch, headers = csrfHeaders(jar)) => {
    const response = await jar.fetch(`${server.baseUrl}/api/inbox/search`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as InboxPage };
  };
  const patch = (jar: CookieJar, id: string, body: unknown, headers = csrfHeaders(jar)) =>
    jar.fetch(`${server.baseUrl}/api/letters/${id}`, { method: 'PATCH', headers, body: JSON.stringify(body) });

  beforeAll(async () => {
    server = await startTestServer(kind);
    kari = await loginAsCitizen(server.baseUrl, kariId());
    ola = await loginAsCitizen(server.baseUrl, server.citizens[1]!.nationalId);
  });
  afterAll(async () => server?.close());

  test('a new letter is at the top, unread, and counted in its category and the total', async () => {
    const before = await get<InboxPage>(kari, '/api/inbox');
    const id = await send('hospital', kariId(), { topic: { text: 'Ny time ved øyeavdelingen' } });
    const after = await get<InboxPage>(kari, '/api/inbox');
    expect(after.headers.get('cache-control')).toBe('no-store');
    expect(after.body.items[0]).toMatchObject({ id, subject: 'Ny time ved øyeavdelingen', unread: true, category: 'hospital', hasAttachments: true, senderName: 'Kardiologisk poliklinikk' });
    expect(after.body.unread.total).toBe(before.body.unread.total + 1);
    expect(Object.keys(after.body.unread.byCategory).sort()).toEqual(['gp', 'hospital', 'municipal', 'receipts', 'research']);
    expect(after.body.unread.byCategory.hospital).toBe(before.body.unread.byCategory.hospital + 1);
  });

  test('opening a letter shows its text and attachments, marks it read, and tells the sender when it was first read', async () => {
    const id = await send('gp', kariId(), { topic: { text: 'Resept fornyet' } });
    const before = await get<InboxPage>(kari, '/api/inbox');
    const letter = await get<Letter>(kari, `/api/letters/${id}`);
    expect(letter.status).toBe(200);
    expect(letter.body).toMatchObject({ id, subject: 'Resept fornyet', category: 'gp' });
    expect(letter.body.messages[0]!.text[0]).toContain('hjertepoliklinikken');
    expect(letter.body.messages[0]!.attachments[0]).toMatchObject({ title: 'Epikrise', contentType: 'application/pdf' });
    const after = await get<InboxPage>(kari, '/api/inbox');
    expect(after.body.items.find((item) => item.id === id)!.unread).toBe(false);
    expect(after.body.unread.total).toBe(before.body.unread.total - 1);

    const fhir = await getFhir(server.baseUrl, tokens.get(sender('gp').clientId)!, `/fhir/R4/Communication/${id}`);
    expect(fhir.body.received).toBeDefined();
  });

  test('a PDF attachment opens inline with safe headers, and downloads with download=1', async () => {
    const id = await send('hospital', kariId());
    const letter = await get<Letter>(kari, `/api/letters/${id}`);
    const url = letter.body.messages[0]!.attachments[0]!.url;
    const inline = await kari.fetch(`${server.baseUrl}${url}`);
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-type')).toBe('application/pdf');
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; filename="Epikrise.pdf"/);
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff');
    expect(inline.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await inline.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const download = await kari.fetch(`${server.baseUrl}${url}?download=1`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  test('mark as unread brings the unread marker and the count back', async () => {
    const id = await send('hospital', kariId());
    await get(kari, `/api/letters/${id}`);
    const before = await get<InboxPage>(kari, '/api/inbox');
    const response = await patch(kari, id, { unread: true });
    expect(response.status).toBe(200);
    const after = await get<InboxPage>(kari, '/api/inbox');
    expect(after.body.items.find((item) => item.id === id)!.unread).toBe(true);
    expect(after.body.unread.total).toBe(before.body.unread.total + 1);
  });

  test('an archived letter leaves the inbox and its count, shows under the archive, and can be restored', async () => {
    const id = await send('hospital', kariId(), { topic: { text: 'Til arkivet' } });
    const before = await get<InboxPage>(kari, '/api/inbox');
    expect((await patch(kari, id, { archived: true })).status).toBe(200);
    const inbox = await get<InboxPage>(kari, '/api/inbox');
    expect(inbox.body.items.map((item) => item.id)).not.toContain(id);
    expect(inbox.body.unread.total).toBe(before.body.unread.total - 1);
    const archive = await get<InboxPage>(kari, '/api/inbox?archived=true');
    expect(archive.body.items.map((item) => item.id)).toContain(id);
    expect((await patch(kari, id, { archived: false })).status).toBe(200);
    expect((await get<InboxPage>(kari, '/api/inbox')).body.items.map((item) => item.id)).toContain(id);
  });

  test('search finds a letter by another form of a Norwegian word in its text, within one category', async () => {
    const id = await send('hospital', kariId(), {
      topic: { text: 'Svar etter undersøkelse' },
      payload: [{ contentString: 'Røntgenbildene fra kneet ditt er vurdert av legen.' }],
    });
    const found = await search(kari, { q: 'røntgenbilde' });
    expect(found.body.items.map((item) => item.id)).toContain(id);
    const inCategory = await search(kari, { q: 'røntgenbilde', category: 'gp' });
    expect(inCategory.body.items.map((item) => item.id)).not.toContain(id);
    const none = await search(kari, { q: 'sjiraffe' });
    expect(none.body.items).toEqual([]);
  });

  test('search words are refused in a URL, and a search needs a session and the CSRF header', async () => {
    const id = await send('hospital', kariId(), { topic: { text: 'Svar på allergitest' }, payload: [{ contentString: 'Du reagerte på bjørkepollen.' }] });
    const inUrl = await get<Problem>(kari, `/api/inbox?q=${encodeURIComponent('bjørkepollen')}`);
    expect(inUrl.status).toBe(400);
    expect(inUrl.body.errors?.map((error) => error.field)).toEqual(['q']);
    const found = await search(kari, { q: 'bjørkepollen' });
    expect(found.status).toBe(200);
    expect(inboxPageSchema.parse(found.body).items.map((item) => item.id)).toEqual([id]);
    expect((await search(kari, { q: 'bjørkepollen' }, { 'content-type': 'application/json' })).status).toBe(403);
    expect((await search(ola, { q: 'bjørkepollen' })).body.items).toEqual([]);
    expect((await search(kari, { q: '  ' })).status).toBe(400);
    const anonymous = await fetch(`${server.baseUrl}/api/inbox/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"q":"bjørkepollen"}' });
    expect(anonymous.status).toBe(401);
    // The API description has the search's body, and says `q` is refused in the inbox's URL.
    const openapi = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string; description?: string }[] }>>;
    };
    expect(openapi.paths['/api/inbox/search']?.post?.requestBody).toBeDefined();
    expect(openapi.paths['/api/inbox']?.get?.parameters?.find((parameter) => parameter.name === 'q')?.description).toMatch(/^Refused/);
  });

  test('search finds a conversation by a word only its later answer holds, and by the words of its first letter still', async () => {
    const first = await send('hospital', kariId(), { topic: { text: 'Innkalling' }, payload: [{ contentString: 'Du er kalt inn til kontroll av kneet.' }] });
    expect((await search(kari, { q: 'gipsen' })).body.items).toEqual([]);
    await send('hospital', kariId(), {
      topic: { text: 'Oppfølging' },
      payload: [{ contentString: 'Gipsen kan tas av ved neste besøk.' }],
      inResponseTo: [{ reference: `Communication/${first}` }],
    });
    const byAnswer = await search(kari, { q: 'gipsen' });
    expect(byAnswer.body.items.map((item) => item.id)).toEqual([first]);
    const byFirstLetter = await search(kari, { q: 'kneet kontroll' });
    expect(byFirstLetter.body.items.map((item) => item.id)).toContain(first);
  });

  test('search finds the first part of a Norwegian compound word, whole words first on the page, and never across two words', async () => {
    const ids = async (q: string) => (await search(kari, { q })).body.items.map((item) => item.id);
    const xray = await send('hospital', kariId(), { topic: { text: 'Svar på røntgenundersøkelse' } });
    const samples = await send('gp', kariId(), { topic: { text: 'Svar fra legekontoret' }, payload: [{ contentString: 'Blodprøvene dine er fine.' }] });
    const wholeWord = await send('gp', kariId(), { topic: { text: 'Melding om blod' }, payload: [{ contentString: 'Vi fant litt blod i urinen.' }] });
    const twoWords = await send('gp', kariId(), { topic: { text: 'Blod og trykk' }, payload: [{ contentString: 'Vi målte blod og trykk hver for seg.' }] });
    const newest = await send('gp', kariId(), { topic: { text: 'Blodtrykket ditt' } });

    expect(await ids('røntgen')).toContain(xray);
    const blod = await ids('blod');
    expect(blod).toEqual(expect.arrayContaining([samples, wholeWord, twoWords, newest]));
    // On a page of the newest matches, whole-word hits first, newest first among them; then the compounds, although newer.
    expect(blod.indexOf(twoWords)).toBeLessThan(blod.indexOf(newest));
    expect(blod.indexOf(wholeWord)).toBeLessThan(blod.indexOf(samples));
    // "blodtrykk" is one word: two letters that hold "blod" and "trykk" apart are not it.
    const blodtrykk = await ids('blodtrykk');
    expect(blodtrykk).toContain(newest);
    expect(blodtrykk).not.toContain(twoWords);
    expect(await ids('genunder')).toEqual([]);

    // Page by page the cursor runs through every match once, newest first (one a page: no tiers to order).
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: InboxPage } = await search(kari, { q: 'blod', limit: 1, cursor: cursor ?? undefined });
      paged.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
      if (paged.length > blod.length) break;
    } while (cursor);
    expect([...paged].sort()).toEqual([...blod].sort());
    expect(paged.indexOf(newest)).toBeLessThan(paged.indexOf(twoWords));
    expect(paged.indexOf(wholeWord)).toBeLessThan(paged.indexOf(samples));
  });

  test('the inbox page is the contract\'s InboxPage: each row as the letter shows it, times in UTC ISO 8601', async () => {
    const subject = 'Svar på "prøve" \\ med\tfane, æøå og 👍';
    const id = await send('gp', kariId(), { topic: { text: subject } });
    const page = await get<InboxPage>(kari, '/api/inbox');
    expect(page.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(inboxPageSchema.strict().parse(page.body)).toEqual(page.body);
    const item = page.body.items.find((candidate) => candidate.id === id)!;
    expect(Object.keys(item).sort()).toEqual(['archived', 'category', 'hasAttachments', 'id', 'important', 'lastActivityAt', 'messageCount', 'senderName', 'startedBy', 'subject', 'unread']);
    expect(item).toMatchObject({ subject, startedBy: 'sender', category: 'gp', unread: true, archived: false, important: false, hasAttachments: true, messageCount: 1 });
    expect(new Date(item.lastActivityAt).toISOString()).toBe(item.lastActivityAt);
    const letter = await get<Letter>(kari, `/api/letters/${id}`);
    expect(letter.body.subject).toBe(subject);
  });

  test('paging walks every thread once, newest activity first', async () => {
    for (let index = 0; index < 5; index++) await send('research', kariId(), { topic: { text: `Spørreskjema ${index}` } });
    const seen = await everyPage(2, (cursor) => get<InboxPage>(kari, `/api/inbox?category=research&limit=2${cursor ? `&cursor=${cursor}` : ''}`));
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('search results page newest first with the cursor, each once, and only the citizen\'s own', async () => {
    const mine: string[] = [];
    for (let index = 0; index < 5; index++) mine.push(await send('hospital', kariId(), { topic: { text: `Ryggsøylen, kontroll ${index}` } }));
    const someoneElses = await send('hospital', server.citizens[1]!.nationalId, { topic: { text: 'Ryggsøylen, kontroll' } });
    const seen = await everyPage(2, (cursor) => search(kari, { q: 'ryggsøyle', limit: 2, cursor }));
    expect([...seen].sort()).toEqual([...mine].sort());
    expect(seen).not.toContain(someoneElses);
  });

  test('an answer from the hospital joins the thread, moves it to the top and makes it unread again', async () => {
    const first = await send('hospital', kariId(), { topic: { text: 'Tråd med svar' } });
    await get(kari, `/api/letters/${first}`);
    await send('gp', kariId());
    await send('hospital', kariId(), { topic: { text: 'Oppfølging' }, inResponseTo: [{ reference: `Communication/${first}` }] });
    const inbox = await get<InboxPage>(kari, '/api/inbox');
    expect(inbox.body.items[0]).toMatchObject({ id: first, unread: true, messageCount: 2, subject: 'Tråd med svar' });
    const thread = await get<Letter>(kari, `/api/letters/${first}`);
    expect(thread.body.messages.map((message) => message.subject)).toEqual(['Tråd med svar', 'Oppfølging']);
  });

  test('the unread counts stay exactly those of the threads through letters, answers, opening, archiving, restoring and marking unread', async () => {
    const counted = async () => {
      const { rows } = await sql<{ category: string; count: number | string }>`
        select t.category, count(*) as count from thread t join citizen c on c.id = t.citizen_id
        where c.national_id = ${kariId()} and t.unread and not t.archived group by t.category`.execute(server.database.db);
      return Object.fromEntries(rows.map((row) => [row.category, Number(row.count)]));
    };
    const shown = async () => {
      const inbox = await get<InboxPage>(kari, '/api/inbox');
      return Object.fromEntries(Object.entries(inbox.body.unread.byCategory).filter(([, count]) => count > 0));
    };
    const research = await send('research', kariId());
    const gp = await send('gp', kariId());
    const hospital = await send('hospital', kariId());
    expect(await shown()).toEqual(await counted());
    // Each change is made twice: a repeat changes no thread, so it must not count again.
    await get(kari, `/api/letters/${hospital}`);
    await get(kari, `/api/letters/${hospital}`);
    await send('hospital', kariId(), { inResponseTo: [{ reference: `Communication/${hospital}` }] });
    await send('hospital', kariId(), { inResponseTo: [{ reference: `Communication/${hospital}` }] });
    expect(await shown()).toEqual(await counted());
    await patch(kari, research, { archived: true });
    await patch(kari, research, { archived: true });
    await patch(kari, gp, { unread: false });
    expect(await shown()).toEqual(await counted());
    await patch(kari, gp, { unread: true, archived: true });
    await patch(kari, gp, { archived: false });
    await patch(kari, research, { archived: false, unread: false });
    const final = await shown();
    expect(final).toEqual(await counted());
    expect(final.gp).toBeGreaterThanOrEqual(1);
  });

  test('another citizen\'s letter and attachment answer 404, exactly like missing ones', async () => {
    const id = await send('hospital', kariId());
    const kariLetter = await get<Letter>(kari, `/api/letters/${id}`);
    const attachmentUrl = kariLetter.body.messages[0]!.attachments[0]!.url;
    const missing = '00000000-0000-4000-8000-000000000000';
    const probe = await get<Record<string, unknown>>(ola, `/api/letters/${id}`);
    const absent = await get<Record<string, unknown>>(ola, `/api/letters/${missing}`);
    expect(probe.status).toBe(404);
    expect(absent.status).toBe(404);
    expect({ ...probe.body, instance: undefined }).toEqual({ ...absent.body, instance: undefined });
    expect((await ola.fetch(`${server.baseUrl}${attachmentUrl}`)).status).toBe(404);
    expect((await patch(ola, id, { archived: true })).status).toBe(404);
    const stillThere = await get<InboxPage>(kari, '/api/inbox');
    expect(stillThere.body.items.find((item) => item.id === id)!.archived).toBe(false);
  });

  test('without a session every inbox call is 401 problem details', async () => {
    const response = await fetch(`${server.baseUrl}/api/inbox`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('the inbox screen, which reads the session in the same statement, ends and touches sessions as every other citizen request', async () => {
    const sessionOf = (jar: CookieJar) => createHash('sha256').update(jar.cookies.get('innboks_session')!).digest('hex');
    const row = async (jar: CookieJar) =>
      server.database.db.selectFrom('citizen_session').select(['last_seen_at', 'expires_at']).where('id', '=', sessionOf(jar)).executeTakeFirst();
    const setSession = (jar: CookieJar, values: { last_seen_at?: Date; expires_at?: Date }) =>
      server.database.db.updateTable('citizen_session').set(values).where('id', '=', sessionOf(jar)).execute();
    const now = server.clock.now().getTime();
    const idleMs = server.config.session.idleTimeoutSeconds * 1000;

    const touched = await loginAsCitizen(server.baseUrl, kariId());
    await setSession(touched, { last_seen_at: new Date(now - 120_000) });
    expect((await get<InboxPage>(touched, '/api/inbox')).status).toBe(200);
    expect((await row(touched))!.last_seen_at.getTime()).toBeGreaterThanOrEqual(now);

    const idle = await loginAsCitizen(server.baseUrl, kariId());
    await setSession(idle, { last_seen_at: new Date(now - idleMs - 1000) });
    const idleAnswer = await get<Record<string, unknown>>(idle, '/api/inbox');
    expect(idleAnswer.status).toBe(401);
    expect(idleAnswer.body).not.toHaveProperty('items');
    expect(await row(idle)).toBeUndefined();

    const old = await loginAsCitizen(server.baseUrl, kariId());
    await setSession(old, { expires_at: new Date(now - 1000) });
    expect((await get(old, '/api/inbox')).status).toBe(401);
    expect(await row(old)).toBeUndefined();

    // Logged out in one tab (or process), the old cookie replayed: 401.
    const loggedOut = await loginAsCitizen(server.baseUrl, kariId());
    expect((await get(loggedOut, '/api/inbox')).status).toBe(200);
    const replay = new CookieJar();
    replay.cookies.set('innboks_session', loggedOut.cookies.get('innboks_session')!);
    const logout = await loggedOut.fetch(`${server.baseUrl}/auth/logout`, { method: 'POST', headers: csrfHeaders(loggedOut) });
    expect(logout.status).toBe(200);
    expect((await get(replay, '/api/inbox')).status).toBe(401);
  });

  test('a state change without the CSRF token is refused and changes nothing', async () => {
    const id = await send('hospital', kariId());
    const response = await patch(kari, id, { archived: true }, { 'content-type': 'application/json' });
    expect(response.status).toBe(403);
    expect((await get<InboxPage>(kari, '/api/inbox')).body.items.find((item) => item.id === id)!.archived).toBe(false);
  });

  test('bad query and body values are 400 problem details that name the field', async () => {
    const limit = await get<{ errors: { field: string }[] }>(kari, '/api/inbox?limit=1000');
    expect(limit.status).toBe(400);
    expect(limit.body.errors.map((error) => error.field)).toContain('limit');
    const category = await get<{ errors: { field: string }[] }>(kari, '/api/inbox?category=postkort');
    expect(category.body.errors.map((error) => error.field)).toContain('category');
    const cursor = await get<{ errors: { field: string }[] }>(kari, '/api/inbox?cursor=rubbish');
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors.map((error) => error.field)).toContain('cursor');
    const id = await send('hospital', kariId());
    const body = await patch(kari, id, { archived: 'yes' });
    expect(body.status).toBe(400);
    expect(((await body.json()) as { errors: { field: string }[] }).errors.map((error) => error.field)).toContain('archived');
  });

  test('the footer facts come from configuration', async () => {
    const response = await fetch(`${server.baseUrl}/api/config`);
    expect(await response.json()).toMatchObject({
      helpdesk: {
        phone: '23 32 70 00',
        weekdays: { opens: '08:00', closes: '15:30' },
        text: {
          nb: { name: 'Veiledning Helsenorge', hours: 'Åpent hverdager 08:00–15:30.' },
          nn: { name: 'Rettleiing Helsenorge', hours: 'Ope kvardagar 08:00–15:30.' },
          se: { hours: 'Rabas árgabeivviid 08:00–15:30.' },
          en: { hours: 'Open weekdays 08:00–15:30.' },
        },
      },
    });
  });
});
