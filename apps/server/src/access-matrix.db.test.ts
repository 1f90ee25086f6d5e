/**
 * The access matrix: every citizen and staff endpoint (every route under /api/ and
 * /ansatt/api/, taken from Fastify's own route table) against every kind of caller.
 * Only the allowed combinations succeed; every other answers 404 — with the same body
 * as a missing id — or 401 without a session of the right kind, and writes nothing.
 * A new route without an entry here fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DialogExchanges, MunicipalDirectory } from '@innboks/db';
import { startTestServer, type TestServer } from './testing/test-server.ts';
import { testDatabaseKinds } from './testing/test-database.ts';
import { CookieJar, loginAsCitizen } from './testing/cookie-jar.ts';
import { loginAsStaff } from './testing/staff-login.ts';
import { communication, postLetter } from './testing/letters.ts';
import { appointmentResource, putAppointment } from './testing/appointments.ts';
import { formOrder, postTask, publishQuestionnaire, questionnaire, sampleAnswers } from './testing/forms.ts';
import { dataFingerprint, drammen, fredrik, hanne, lars, lise, marit, serviceId } from './testing/municipal.ts';

type Principal = 'citizenA' | 'citizenB' | 'staffX' | 'staffY' | 'staffOtherMunicipality' | 'staffRemoved' | 'none';
const principals: Principal[] = ['citizenA', 'citizenB', 'staffX', 'staffY', 'staffOtherMunicipality', 'staffRemoved', 'none'];
const citizens: Principal[] = ['citizenA', 'citizenB'];
const staff: Principal[] = ['staffX', 'staffY', 'staffOtherMunicipality', 'staffRemoved'];

interface Fixture {
  /** Citizen A's thread with home nursing (service X): a message from A, an answer with a PDF. */
  threadId: string;
  attachmentId: string;
  homeNursing: string;
  /** Citizen A's appointment at a Helse Vest hospital (the dialogue region). */
  appointmentId: string;
  /** A survey ordered for citizen A (a Task) and the inbox letter it came as. */
  formId: string;
  formLetterId: string;
  /** A hospital's question to citizen A that came by Dialogmelding (recorded as the door records it): a thread A may answer. */
  questionThreadId: string;
}

interface Entry {
  /** Who must be logged in at all: a citizen, a staff member, or nobody (public). */
  audience: 'citizen' | 'staff' | 'public';
  allowed: Principal[];
  request: (fixture: Fixture) => { path: string; body?: unknown };
  /** For routes that name an object: the same request for an id that does not exist. */
  missing?: (fixture: Fixture) => { path: string; body?: unknown };
}

const missingId = '00000000-0000-4000-8000-000000000000';

/** One entry per route: `${METHOD} ${url}`. */
const matrix: Record<string, Entry> = {
  'GET /api/openapi.json': { audience: 'public', allowed: principals, request: () => ({ path: '/api/openapi.json' }) },
  'GET /api/config': { audience: 'public', allowed: principals, request: () => ({ path: '/api/config' }) },
  'GET /api/session': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/session' }) },
  'GET /api/inbox': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/inbox' }) },
  'POST /api/inbox/search': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/inbox/search', body: { q: 'svar' } }) },
  'GET /api/inbox/unread': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/inbox/unread' }) },
  'GET /api/letters/:id': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/letters/${f.threadId}` }),
    missing: () => ({ path: `/api/letters/${missingId}` }),
  },
  'PATCH /api/letters/:id': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/letters/${f.threadId}`, body: { archived: false } }),
    missing: () => ({ path: `/api/letters/${missingId}`, body: { archived: false } }),
  },
  'GET /api/attachments/:id': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/attachments/${f.attachmentId}` }),
    missing: () => ({ path: `/api/attachments/${missingId}` }),
  },
  'GET /api/appointments': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/appointments' }) },
  'GET /api/appointments/:id': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/appointments/${f.appointmentId}` }),
    missing: () => ({ path: `/api/appointments/${missingId}` }),
  },
  'POST /api/appointments/:id/replies': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/appointments/${f.appointmentId}/replies`, body: { reason: 'confirm' } }),
    missing: () => ({ path: `/api/appointments/${missingId}/replies`, body: { reason: 'confirm' } }),
  },
  'GET /api/letters/:id/appointment': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/letters/${f.threadId}/appointment` }),
    missing: () => ({ path: `/api/letters/${missingId}/appointment` }),
  },
  'GET /api/notice-settings': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/notice-settings' }) },
  'PUT /api/notice-settings': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/notice-settings', body: { choice: 'sms' } }) },
  'GET /api/language': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/language' }) },
  'PUT /api/language': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/language', body: { language: 'se' } }) },
  'GET /api/municipal/services': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/municipal/services' }) },
  // Both citizens receive home nursing: each may start a conversation of their own with it.
  'POST /api/municipal/messages': {
    audience: 'citizen',
    allowed: citizens,
    request: (f) => ({ path: '/api/municipal/messages', body: { serviceId: f.homeNursing, subject: 'Matrise', text: 'Hei' } }),
  },
  'GET /api/municipal/threads/:id': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/municipal/threads/${f.threadId}` }),
    missing: () => ({ path: `/api/municipal/threads/${missingId}` }),
  },
  'POST /api/letters/:id/answers': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/letters/${f.questionThreadId}/answers`, body: { text: 'Ja, det går bra.' } }),
    missing: () => ({ path: `/api/letters/${missingId}/answers`, body: { text: 'Ja, det går bra.' } }),
  },
  'POST /api/municipal/threads/:id/messages': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/municipal/threads/${f.threadId}/messages`, body: { text: 'Igjen' } }),
    missing: () => ({ path: `/api/municipal/threads/${missingId}/messages`, body: { text: 'Igjen' } }),
  },
  'GET /api/municipal/access-log': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/municipal/access-log' }) },
  'GET /api/forms': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/forms' }) },
  'GET /api/forms/for-message/:messageId': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/forms/for-message/${f.formLetterId}` }),
    missing: () => ({ path: `/api/forms/for-message/${missingId}` }),
  },
  'GET /api/forms/:kind/:id': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/forms/ordered/${f.formId}` }),
    missing: () => ({ path: `/api/forms/ordered/${missingId}` }),
  },
  // Before the submit below: a submitted form takes no more drafts.
  'PUT /api/forms/:kind/:id/draft': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/forms/ordered/${f.formId}/draft`, body: { items: sampleAnswers } }),
    missing: () => ({ path: `/api/forms/ordered/${missingId}/draft`, body: { items: sampleAnswers } }),
  },
  'POST /api/forms/:kind/:id/submit': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/forms/ordered/${f.formId}/submit`, body: { items: sampleAnswers } }),
    missing: () => ({ path: `/api/forms/ordered/${missingId}/submit`, body: { items: sampleAnswers } }),
  },
  'GET /api/research-reservation': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/research-reservation' }) },
  'PUT /api/research-reservation': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/research-reservation', body: { reserved: false } }) },
  // Every staff member with a session, including one who lost every membership.
  'GET /ansatt/api/session': { audience: 'staff', allowed: staff, request: () => ({ path: '/ansatt/api/session' }) },
  'GET /ansatt/api/services': { audience: 'staff', allowed: staff, request: () => ({ path: '/ansatt/api/services' }) },
  'GET /ansatt/api/services/:id/threads': {
    audience: 'staff',
    allowed: ['staffX'],
    request: (f) => ({ path: `/ansatt/api/services/${f.homeNursing}/threads` }),
    missing: () => ({ path: `/ansatt/api/services/${missingId}/threads` }),
  },
  'GET /ansatt/api/threads/:id': {
    audience: 'staff',
    allowed: ['staffX'],
    request: (f) => ({ path: `/ansatt/api/threads/${f.threadId}` }),
    missing: () => ({ path: `/ansatt/api/threads/${missingId}` }),
  },
  'PATCH /ansatt/api/threads/:id': {
    audience: 'staff',
    allowed: ['staffX'],
    request: (f) => ({ path: `/ansatt/api/threads/${f.threadId}`, body: { assignedToMe: true } }),
    missing: () => ({ path: `/ansatt/api/threads/${missingId}`, body: { assignedToMe: true } }),
  },
  'POST /ansatt/api/threads/:id/messages': {
    audience: 'staff',
    allowed: ['staffX'],
    request: (f) => ({ path: `/ansatt/api/threads/${f.threadId}/messages`, body: { text: 'Svar' } }),
    missing: () => ({ path: `/ansatt/api/threads/${missingId}/messages`, body: { text: 'Svar' } }),
  },
  'GET /ansatt/api/attachments/:id': {
    audience: 'staff',
    allowed: ['staffX'],
    request: (f) => ({ path: `/ansatt/api/attachments/${f.attachmentId}` }),
    missing: () => ({ path: `/ansatt/api/attachments/${missingId}` }),
  },
};

const covered = (url: string) => url.startsWith('/api/') || url.startsWith('/ansatt/api/');

describe.each(testDatabaseKinds())('the access matrix on %s', (kind) => {
  let server: TestServer;
  const routes = new Set<string>();
  const jars = new Map<Principal, CookieJar>();
  let fixture: Fixture;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      onRoute: ({ method, url }) => {
        for (const one of Array.isArray(method) ? method : [method]) {
          if (one !== 'HEAD' && covered(url)) routes.add(`${one} ${url}`);
        }
      },
    });
    const db = server.database.db;
    const homeNursing = await serviceId(db, 'drammen-helse-omsorg', 'hjemmesykepleie');

    // A staff member of home nursing who logs in, and then loses the membership.
    const directory = new MunicipalDirectory(db);
    const removedId = await directory.saveStaff({ nationalId: '05898812312', hprNumber: '9199999', name: 'Rune Fjernet' });
    await directory.addMembership(removedId, homeNursing);

    jars.set('citizenA', await loginAsCitizen(server.baseUrl, lars.nationalId));
    jars.set('citizenB', await loginAsCitizen(server.baseUrl, marit.nationalId));
    jars.set('staffX', await loginAsStaff(server.baseUrl, hanne.nationalId));
    jars.set('staffY', await loginAsStaff(server.baseUrl, fredrik.nationalId));
    jars.set('staffOtherMunicipality', await loginAsStaff(server.baseUrl, lise.nationalId));
    jars.set('staffRemoved', await loginAsStaff(server.baseUrl, '05898812312'));
    jars.set('none', new CookieJar());
    await directory.removeMembership(removedId, homeNursing);

    const a = jars.get('citizenA')!;
    const sent = await a.fetch(`${server.baseUrl}/api/municipal/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': a.cookies.get('innboks_csrf')! },
      body: JSON.stringify({ serviceId: homeNursing, subject: 'Til hjemmesykepleien', text: 'Kan dere komme tidligere?' }),
    });
    const { threadId, messageId } = (await sent.json()) as { threadId: string; messageId: string };
    const letter = await postLetter(server.baseUrl, await server.tokenFor(drammen.clientId), communication(drammen, lars.nationalId, { inResponseTo: [{ reference: `Communication/${messageId}` }] }));
    const attachment = await db.selectFrom('attachment').select('id').where('message_id', '=', String(letter.body!.id)).executeTakeFirstOrThrow();
    const vest = server.senders.find((sender) => sender.region === 'helse-vest')!;
    const start = new Date(Date.now() + 7 * 24 * 3_600_000);
    const appointment = await putAppointment(
      server.baseUrl,
      await server.tokenFor(vest.clientId),
      appointmentResource(vest, lars.nationalId, { start: start.toISOString(), end: new Date(start.getTime() + 1_800_000).toISOString() }),
    );
    const survey = server.senders.find((sender) => sender.kind === 'survey')!;
    const surveyToken = await server.tokenFor(survey.clientId);
    const form = questionnaire('https://forms.example.no/matrix', '1');
    await publishQuestionnaire(server.baseUrl, surveyToken, form);
    const task = await postTask(server.baseUrl, surveyToken, formOrder(survey, lars.nationalId, `${form.url}|1`));
    const formLetter = await db.selectFrom('form_task').select('message_id').where('id', '=', task.body!.id).executeTakeFirstOrThrow();
    const hospital = server.senders.find((sender) => sender.kind === 'hospital')!;
    const question = await postLetter(server.baseUrl, await server.tokenFor(hospital.clientId), communication(hospital, lars.nationalId));
    const questionRow = await db.selectFrom('message').select(['id', 'thread_id', 'citizen_id']).where('id', '=', String(question.body!.id)).executeTakeFirstOrThrow();
    await new DialogExchanges(db).record(
      { direction: 'in', counterpartHerId: '8100012', msgId: 'matrix-question', messageType: 'DIALOG_FORESPORSEL', conversationId: 'matrix-question', citizenId: questionRow.citizen_id, messageId: questionRow.id, appRec: { status: '1', errors: [] } },
      new Date(),
    );
    fixture = { threadId, attachmentId: attachment.id, homeNursing, appointmentId: appointment.body.id, formId: task.body!.id, formLetterId: formLetter.message_id, questionThreadId: questionRow.thread_id };
  });
  afterAll(async () => server?.close());

  const call = async (principal: Principal, method: string, request: { path: string; body?: unknown }) => {
    const jar = jars.get(principal)!;
    const csrf = jar.cookies.get('innboks_csrf') ?? jar.cookies.get('innboks_staff_csrf');
    return jar.fetch(`${server.baseUrl}${request.path}`, {
      method,
      headers: { accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
  };
  const withoutInstance = (text: string) => {
    const { instance: _instance, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return rest;
  };

  it('has an entry for every citizen and staff route, and no entry for a route that does not exist', () => {
    expect([...routes].sort()).toEqual(Object.keys(matrix).sort());
  });

  it.each(Object.keys(matrix))('%s: only the allowed callers succeed; the rest get 404 (401 without a session) and change nothing', async (key) => {
    const entry = matrix[key]!;
    const [method] = key.split(' ') as [string];
    const request = entry.request(fixture);
    const refusedFirst = [...principals].sort((left, right) => Number(entry.allowed.includes(left)) - Number(entry.allowed.includes(right)));
    let notFoundBody: Record<string, unknown> | undefined;
    if (entry.missing) {
      const missing = await call(entry.allowed[0]!, method, entry.missing(fixture));
      expect(missing.status, `${key} for a missing id`).toBe(404);
      notFoundBody = withoutInstance(await missing.text());
    }
    for (const principal of refusedFirst) {
      const before = entry.allowed.includes(principal) ? undefined : await dataFingerprint(server.database.db);
      const response = await call(principal, method, request);
      const body = await response.text();
      if (entry.allowed.includes(principal)) {
        expect(response.status, `${key} as ${principal}: ${body}`).toBeGreaterThanOrEqual(200);
        expect(response.status, `${key} as ${principal}: ${body}`).toBeLessThan(300);
        continue;
      }
      const hasSession = entry.audience === 'citizen' ? citizens.includes(principal) : entry.audience === 'staff' ? staff.includes(principal) : true;
      expect(response.status, `${key} as ${principal}: ${body}`).toBe(hasSession ? 404 : 401);
      if (hasSession && notFoundBody) expect(withoutInstance(body), `${key} as ${principal}: same body as a missing id`).toEqual(notFoundBody);
      expect(await dataFingerprint(server.database.db), `${key} as ${principal} wrote something`).toBe(before);
    }
  });
});
