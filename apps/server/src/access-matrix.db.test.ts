/**
 * The access matrix: every citizen and staff endpoint (every route under /api/ and
 * /ansatt/api/, taken from Fastify's own route table) against every kind of caller.
 * Only the allowed combinations succeed; every other answers 404 — with the same body
 * as a missing id — or 401 without a session of the right kind, and writes nothing.
 * The callers include citizens acting for others (a holder of a power of attorney, one
 * whose power ended, a representative of another person); which items a parent sees
 * by the child's age and the item's access code is the second table below.
 * A new route without an entry here fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '@innboks/core';
import { DialogExchanges, MunicipalDirectory, Representations, type Person } from '@innboks/db';
import { startTestServer, type TestServer } from './testing/test-server.ts';
import { testDatabaseKinds } from './testing/test-database.ts';
import { CookieJar, csrfHeaders, loginAsCitizen } from './testing/cookie-jar.ts';
import { demoCitizen, demoStaff, type DemoCitizen } from './demo/demo-data.ts';
import { loginAsStaff } from './testing/staff-login.ts';
import { communication, postLetter } from './testing/letters.ts';
import { appointmentResource, putAppointment } from './testing/appointments.ts';
import { formOrder, postTask, publishQuestionnaire, questionnaire, sampleAnswers } from './testing/forms.ts';
import { dataFingerprint, drammen, fredrik, hanne, lars, lise, marit, serviceId } from './testing/municipal.ts';

type Principal =
  | 'citizenA'
  | 'citizenB'
  | 'representativeOfA'
  | 'exRepresentativeOfA'
  | 'representativeOfB'
  | 'staffX'
  | 'staffY'
  | 'staffOtherMunicipality'
  | 'staffRemoved'
  | 'operator'
  | 'none';
const principals: Principal[] = [
  'citizenA',
  'citizenB',
  'representativeOfA',
  'exRepresentativeOfA',
  'representativeOfB',
  'staffX',
  'staffY',
  'staffOtherMunicipality',
  'staffRemoved',
  'operator',
  'none',
];
/**
 * Citizens with a session: A and B for themselves; A's holder of a power of attorney
 * acting for A; one whose power from A ended while they acted for A; B's holder acting for B.
 */
const citizens: Principal[] = ['citizenA', 'citizenB', 'representativeOfA', 'exRepresentativeOfA', 'representativeOfB'];
/** Whoever may reach A's items: A, and whoever acts for A now. */
const forA: Principal[] = ['citizenA', 'representativeOfA'];
/** Every citizen acting for someone who may (the ex-representative's next request is 404 everywhere). */
const actingNow: Principal[] = ['citizenA', 'citizenB', 'representativeOfA', 'representativeOfB'];
/** Every staff login; the operator runs the service and works in no service. */
const staff: Principal[] = ['staffX', 'staffY', 'staffOtherMunicipality', 'staffRemoved', 'operator'];

interface Fixture {
  /** Citizen A's thread with home nursing (service X): a message from A, an answer with a PDF. */
  threadId: string;
  attachmentId: string;
  homeNursing: string;
  /** Citizen A's appointment at a Helse Vest hospital (the dialogue region). */
  appointmentId: string;
  /** A survey ordered for citizen A (a Task). */
  formId: string;
  /** Citizen A as a person to act for. */
  citizenAId: string;
  /** A power of attorney A gave to someone outside the matrix, for ending. */
  spareAttorneyId: string;
  /** A hospital's question to citizen A that came by Dialogmelding (recorded as the door records it): a thread A may answer. */
  questionThreadId: string;
  /** An open dead letter of A's letter, for the operator's replay. */
  deadLetterId: string;
  /** A letter to A from a sender: the operator's timeline of it. */
  letterId: string;
}

interface Entry {
  /** Who must be logged in at all: a citizen, a staff member, or nobody (public). */
  audience: 'citizen' | 'staff' | 'public';
  allowed: Principal[];
  request: (fixture: Fixture) => { path: string; body?: unknown };
  /** For routes that name an object: the same request for an id that does not exist. */
  missing?: (fixture: Fixture) => { path: string; body?: unknown };
  /** Callers refused with 403 and a reason rather than 404: the item is theirs to see, the change is not theirs to make. */
  forbidden?: Principal[];
  /** Done once: the first allowed caller succeeds, the next allowed ones get 409 (already done), never 404. */
  once?: true;
}

const missingId = '00000000-0000-4000-8000-000000000000';
const [kari, ola, siri, per] = ['Kari Nordmann', 'Ola Hansen', 'Siri Utenfor', 'Per Digitalsen'].map(demoCitizen) as [DemoCitizen, DemoCitizen, DemoCitizen, DemoCitizen];

/** One entry per route: `${METHOD} ${url}`. */
const matrix: Record<string, Entry> = {
  'GET /api/openapi.json': { audience: 'public', allowed: principals, request: () => ({ path: '/api/openapi.json' }) },
  'GET /api/config': { audience: 'public', allowed: principals, request: () => ({ path: '/api/config' }) },
  'GET /api/session': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/session' }) },
  'GET /api/inbox': { audience: 'citizen', allowed: actingNow, request: () => ({ path: '/api/inbox' }) },
  'POST /api/inbox/search': { audience: 'citizen', allowed: actingNow, request: () => ({ path: '/api/inbox/search', body: { q: 'svar' } }) },
  'GET /api/inbox/unread': { audience: 'citizen', allowed: actingNow, request: () => ({ path: '/api/inbox/unread' }) },
  'GET /api/letters/:id': {
    audience: 'citizen',
    allowed: forA,
    request: (f) => ({ path: `/api/letters/${f.threadId}` }),
    missing: () => ({ path: `/api/letters/${missingId}` }),
  },
  'PATCH /api/letters/:id': {
    audience: 'citizen',
    allowed: forA,
    request: (f) => ({ path: `/api/letters/${f.threadId}`, body: { archived: false } }),
    missing: () => ({ path: `/api/letters/${missingId}`, body: { archived: false } }),
  },
  'GET /api/attachments/:id': {
    audience: 'citizen',
    allowed: forA,
    request: (f) => ({ path: `/api/attachments/${f.attachmentId}` }),
    missing: () => ({ path: `/api/attachments/${missingId}` }),
  },
  'GET /api/appointments': { audience: 'citizen', allowed: actingNow, request: () => ({ path: '/api/appointments' }) },
  'GET /api/appointments/:id': {
    audience: 'citizen',
    allowed: forA,
    request: (f) => ({ path: `/api/appointments/${f.appointmentId}` }),
    missing: () => ({ path: `/api/appointments/${missingId}` }),
  },
  'POST /api/appointments/:id/replies': {
    audience: 'citizen',
    allowed: forA,
    // A question, which may be asked again: A and then A's representative both send one.
    request: (f) => ({ path: `/api/appointments/${f.appointmentId}/replies`, body: { reason: 'question', text: 'Hvor er inngangen?' } }),
    missing: () => ({ path: `/api/appointments/${missingId}/replies`, body: { reason: 'question', text: 'Hvor er inngangen?' } }),
  },
  'GET /api/letters/:id/appointment': {
    audience: 'citizen',
    allowed: forA,
    request: (f) => ({ path: `/api/letters/${f.threadId}/appointment` }),
    missing: () => ({ path: `/api/letters/${missingId}/appointment` }),
  },
  'GET /api/notice-settings': { audience: 'citizen', allowed: actingNow, request: () => ({ path: '/api/notice-settings' }) },
  'PUT /api/notice-settings': {
    audience: 'citizen',
    allowed: ['citizenA', 'citizenB'],
    forbidden: ['representativeOfA', 'representativeOfB'],
    request: () => ({ path: '/api/notice-settings', body: { choice: 'sms' } }),
  },
  // The language is the login's own, whoever they act for.
  'GET /api/language': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/language' }) },
  'PUT /api/language': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/language', body: { language: 'se' } }) },
  'GET /api/municipal/services': { audience: 'citizen', allowed: actingNow, request: () => ({ path: '/api/municipal/services' }) },
  // Both citizens receive home nursing: each may start a conversation of their own with it.
  'POST /api/municipal/messages': {
    audience: 'citizen',
    allowed: actingNow,
    request: (f) => ({ path: '/api/municipal/messages', body: { serviceId: f.homeNursing, subject: 'Matrise', text: 'Hei' } }),
  },
  'GET /api/municipal/threads/:id': {
    audience: 'citizen',
    allowed: forA,
    request: (f) => ({ path: `/api/municipal/threads/${f.threadId}` }),
    missing: () => ({ path: `/api/municipal/threads/${missingId}` }),
  },
  'POST /api/letters/:id/answers': {
    audience: 'citizen',
    allowed: forA,
    request: (f) => ({ path: `/api/letters/${f.questionThreadId}/answers`, body: { text: 'Ja, det går bra.' } }),
    missing: () => ({ path: `/api/letters/${missingId}/answers`, body: { text: 'Ja, det går bra.' } }),
  },
  'POST /api/municipal/threads/:id/messages': {
    audience: 'citizen',
    allowed: forA,
    request: (f) => ({ path: `/api/municipal/threads/${f.threadId}/messages`, body: { text: 'Igjen' } }),
    missing: () => ({ path: `/api/municipal/threads/${missingId}/messages`, body: { text: 'Igjen' } }),
  },
  'GET /api/municipal/access-log': { audience: 'citizen', allowed: actingNow, request: () => ({ path: '/api/municipal/access-log' }) },
  'GET /api/forms': { audience: 'citizen', allowed: actingNow, request: () => ({ path: '/api/forms' }) },
  'GET /api/forms/:kind/:id': {
    audience: 'citizen',
    allowed: forA,
    request: (f) => ({ path: `/api/forms/ordered/${f.formId}` }),
    missing: () => ({ path: `/api/forms/ordered/${missingId}` }),
  },
  // Before the submit below: a submitted form takes no more drafts.
  'PUT /api/forms/:kind/:id/draft': {
    audience: 'citizen',
    allowed: forA,
    request: (f) => ({ path: `/api/forms/ordered/${f.formId}/draft`, body: { items: sampleAnswers } }),
    missing: () => ({ path: `/api/forms/ordered/${missingId}/draft`, body: { items: sampleAnswers } }),
  },
  'POST /api/forms/:kind/:id/submit': {
    audience: 'citizen',
    allowed: forA,
    once: true,
    request: (f) => ({ path: `/api/forms/ordered/${f.formId}/submit`, body: { items: sampleAnswers } }),
    missing: () => ({ path: `/api/forms/ordered/${missingId}/submit`, body: { items: sampleAnswers } }),
  },
  'GET /api/research-reservation': { audience: 'citizen', allowed: actingNow, request: () => ({ path: '/api/research-reservation' }) },
  // The reservation is the person's own choice: someone acting for them may see it, not change it.
  'PUT /api/research-reservation': {
    audience: 'citizen',
    allowed: ['citizenA', 'citizenB'],
    forbidden: ['representativeOfA', 'representativeOfB'],
    request: () => ({ path: '/api/research-reservation', body: { reserved: false } }),
  },
  // The citizen's own representation pages answer whoever they act for at the moment.
  'GET /api/representation': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/representation' }) },
  'GET /api/representation/log': { audience: 'citizen', allowed: citizens, request: () => ({ path: '/api/representation/log' }) },
  // Choosing A: only A's holder may; A cannot act for themselves, the others have no relation.
  'PUT /api/representation/acting-for': {
    audience: 'citizen',
    allowed: ['representativeOfA'],
    request: (f) => ({ path: '/api/representation/acting-for', body: { personId: f.citizenAId } }),
    missing: () => ({ path: '/api/representation/acting-for', body: { personId: missingId } }),
  },
  // Ending: only the two people of a power of attorney (here A, who gave it).
  'DELETE /api/representation/powers/:id': {
    audience: 'citizen',
    allowed: ['citizenA'],
    request: (f) => ({ path: `/api/representation/powers/${f.spareAttorneyId}` }),
    missing: () => ({ path: `/api/representation/powers/${missingId}` }),
  },
  // Giving is each citizen's own, to Kari (outside the matrix), whoever they act for now.
  'POST /api/representation/powers': {
    audience: 'citizen',
    allowed: citizens,
    request: () => ({ path: '/api/representation/powers', body: { holderNationalId: kari.nationalId } }),
  },
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
  // The operator's screen: the operator alone; every other staff member finds nothing there.
  'GET /ansatt/api/operator/overview': { audience: 'staff', allowed: ['operator'], request: () => ({ path: '/ansatt/api/operator/overview' }) },
  'POST /ansatt/api/operator/letters/search': {
    audience: 'staff',
    allowed: ['operator'],
    request: (f) => ({ path: '/ansatt/api/operator/letters/search', body: { query: f.letterId } }),
  },
  'GET /ansatt/api/operator/letters/:id/timeline': {
    audience: 'staff',
    allowed: ['operator'],
    request: (f) => ({ path: `/ansatt/api/operator/letters/${f.letterId}/timeline` }),
    missing: () => ({ path: `/ansatt/api/operator/letters/${missingId}/timeline` }),
  },
  'GET /ansatt/api/operator/dead-letters': { audience: 'staff', allowed: ['operator'], request: () => ({ path: '/ansatt/api/operator/dead-letters' }) },
  'POST /ansatt/api/operator/dead-letters/:id/replay': {
    audience: 'staff',
    allowed: ['operator'],
    request: (f) => ({ path: `/ansatt/api/operator/dead-letters/${f.deadLetterId}/replay` }),
    missing: () => ({ path: '/ansatt/api/operator/dead-letters/d999999/replay' }),
  },
  'POST /ansatt/api/operator/dead-letters/replay-stopped': {
    audience: 'staff',
    allowed: ['operator'],
    request: (f) => ({ path: '/ansatt/api/operator/dead-letters/replay-stopped', body: { replayed: [], left: [f.deadLetterId] } }),
  },
  'GET /ansatt/api/operator/audit': { audience: 'staff', allowed: ['operator'], request: () => ({ path: '/ansatt/api/operator/audit' }) },
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
    jars.set('operator', await loginAsStaff(server.baseUrl, demoStaff.find((member) => member.operator)!.nationalId));
    jars.set('none', new CookieJar());
    await directory.removeMembership(removedId, homeNursing);

    // Powers of attorney: from A to Ola (acting for A) and to Siri (acting for A, then ended); from B to Per.
    const representations = new Representations(db);
    const person = async (nationalId: string) => (await representations.person((await db.selectFrom('citizen').select('id').where('national_id', '=', nationalId).executeTakeFirstOrThrow()).id))!;
    const [larsPerson, maritPerson, olaPerson, siriPerson, perPerson, kariPerson] = (await Promise.all([lars, marit, ola, siri, per, kari].map((citizen) => person(citizen.nationalId)))) as [
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
    ];
    const now = new Date();
    await representations.give(larsPerson.citizenId, olaPerson.citizenId, null, now);
    const ending = await representations.give(larsPerson.citizenId, siriPerson.citizenId, null, now);
    await representations.give(maritPerson.citizenId, perPerson.citizenId, null, now);
    const spareAttorneyId = await representations.give(larsPerson.citizenId, kariPerson.citizenId, null, now);
    const actingFor = async (principal: Principal, holder: { nationalId: string }, personId: string) => {
      const jar = await loginAsCitizen(server.baseUrl, holder.nationalId);
      const chosen = await jar.fetch(`${server.baseUrl}/api/representation/acting-for`, { method: 'PUT', headers: csrfHeaders(jar), body: JSON.stringify({ personId }) });
      expect(chosen.status).toBe(200);
      jars.set(principal, jar);
    };
    await actingFor('representativeOfA', ola, larsPerson.citizenId);
    await actingFor('exRepresentativeOfA', siri, larsPerson.citizenId);
    await actingFor('representativeOfB', per, maritPerson.citizenId);
    await representations.end(ending, larsPerson.citizenId, now);

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
    const hospital = server.senders.find((sender) => sender.kind === 'hospital')!;
    const question = await postLetter(server.baseUrl, await server.tokenFor(hospital.clientId), communication(hospital, lars.nationalId));
    const questionRow = await db.selectFrom('message').select(['id', 'thread_id', 'citizen_id']).where('id', '=', String(question.body!.id)).executeTakeFirstOrThrow();
    await new DialogExchanges(db).record(
      { direction: 'in', counterpartHerId: '8100012', msgId: 'matrix-question', messageType: 'DIALOG_FORESPORSEL', conversationId: 'matrix-question', citizenId: questionRow.citizen_id, messageId: questionRow.id, appRec: { status: '1', errors: [] } },
      new Date(),
    );
    // A dead letter of that letter, as a channel that refused it leaves one.
    const deadLetter = await db
      .insertInto('dead_letter')
      .values({ citizen_id: larsPerson.citizenId, message_id: String(letter.body!.id), notice_id: null, step: 'digital-mailbox', reason: 'rejected: matrix', attempts: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    fixture = { threadId, attachmentId: attachment.id, homeNursing, appointmentId: appointment.body.id, formId: task.body!.id, questionThreadId: questionRow.thread_id, citizenAId: larsPerson.citizenId, spareAttorneyId, deadLetterId: `d${deadLetter.id}`, letterId: String(letter.body!.id) };
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
    let doneOnce = false;
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
        if (entry.once && doneOnce) {
          expect(response.status, `${key} as ${principal}: ${body}`).toBe(409);
          continue;
        }
        doneOnce = true;
        expect(response.status, `${key} as ${principal}: ${body}`).toBeGreaterThanOrEqual(200);
        expect(response.status, `${key} as ${principal}: ${body}`).toBeLessThan(300);
        continue;
      }
      const hasSession = entry.audience === 'citizen' ? citizens.includes(principal) : entry.audience === 'staff' ? staff.includes(principal) : true;
      const forbidden = entry.forbidden?.includes(principal) ?? false;
      expect(response.status, `${key} as ${principal}: ${body}`).toBe(forbidden ? 403 : hasSession ? 404 : 401);
      if (hasSession && notFoundBody && !forbidden) expect(withoutInstance(body), `${key} as ${principal}: same body as a missing id`).toEqual(notFoundBody);
      expect(await dataFingerprint(server.database.db), `${key} as ${principal} wrote something`).toBe(before);
    }
  });
});

/**
 * The second table: a parent for each age band of the child, and the young person
 * themselves, against the child's items of each access code (SENDER-API
 * "Representation"). Written out, not computed from the rule table it checks. A
 * refused item answers 404 with a missing id's body and writes nothing, on every
 * route that names it; the inbox and Skjema lists leave it out. Items are letters
 * and form orders (the Task carries the code; its letter the same).
 */
type Code = 'unmarked' | 'N' | 'NORN_FORANS' | 'NORN_UNGDOM';
const codes: Code[] = ['unmarked', 'N', 'NORN_FORANS', 'NORN_UNGDOM'];
type Viewer = 'parentOfChildUnder12' | 'parentOfYoungPerson' | 'youngPerson';
const sees: Record<Viewer, Record<Code, boolean>> = {
  parentOfChildUnder12: { unmarked: true, N: true, NORN_FORANS: false, NORN_UNGDOM: true },
  parentOfYoungPerson: { unmarked: false, N: true, NORN_FORANS: false, NORN_UNGDOM: true },
  youngPerson: { unmarked: true, N: true, NORN_FORANS: true, NORN_UNGDOM: false },
};

describe.each(testDatabaseKinds())('items by access code and age band on %s', (kind) => {
  const clock = fixedClock('2026-12-05T10:00:00Z');
  let server: TestServer;
  const jars = new Map<Viewer, CookieJar>();
  /** The letter, attachment and form order ids of each code, for the child each viewer sees. */
  type Item = { letterId: string; attachmentId: string; formId: string; formLetterId: string };
  const items = new Map<Viewer, Map<Code, Item>>();
  const emma = demoCitizen('Emma Nordmann');
  const jonas = demoCitizen('Jonas Ungdom');

  beforeAll(async () => {
    server = await startTestServer(kind, { clock });
    const db = server.database.db;
    const hospital = server.senders.find((sender) => sender.kind === 'hospital')!;
    const token = await server.tokenFor(hospital.clientId);
    const formService = server.senders.find((sender) => sender.clientId === 'skjematjenesten')!;
    const formToken = await server.tokenFor(formService.clientId);
    const form = questionnaire('https://forms.example.no/matrix-by-code', '1');
    await publishQuestionnaire(server.baseUrl, formToken, form);
    const lettersFor = async (nationalId: string) => {
      const byCode = new Map<Code, Item>();
      for (const code of codes) {
        const extension = code === 'unmarked' ? [] : [{ url: 'urn:innboks:extension:representative-access', valueCode: code }];
        const sent = await postLetter(server.baseUrl, token, communication(hospital, nationalId, { topic: { text: `Kode ${code}` }, extension }));
        expect(sent.status).toBe(201);
        const letterId = String(sent.body!.id);
        const attachment = await db.selectFrom('attachment').select('id').where('message_id', '=', letterId).executeTakeFirstOrThrow();
        const task = await postTask(server.baseUrl, formToken, formOrder(formService, nationalId, `${form.url}|1`, { extension }));
        expect(task.status).toBe(201);
        const formId = String(task.body!.id);
        const formLetter = await db.selectFrom('form_task').select('message_id').where('id', '=', formId).executeTakeFirstOrThrow();
        byCode.set(code, { letterId, attachmentId: attachment.id, formId, formLetterId: formLetter.message_id });
      }
      return byCode;
    };
    const emmaItems = await lettersFor(emma.nationalId);
    const jonasItems = await lettersFor(jonas.nationalId);
    items.set('parentOfChildUnder12', emmaItems);
    items.set('parentOfYoungPerson', jonasItems);
    items.set('youngPerson', jonasItems);

    const parentActingFor = async (child: { nationalId: string }) => {
      const jar = await loginAsCitizen(server.baseUrl, kari.nationalId);
      const childId = (await db.selectFrom('citizen').select('id').where('national_id', '=', child.nationalId).executeTakeFirstOrThrow()).id;
      const chosen = await jar.fetch(`${server.baseUrl}/api/representation/acting-for`, { method: 'PUT', headers: csrfHeaders(jar), body: JSON.stringify({ personId: childId }) });
      expect(chosen.status).toBe(200);
      return jar;
    };
    jars.set('parentOfChildUnder12', await parentActingFor(emma));
    jars.set('parentOfYoungPerson', await parentActingFor(jonas));
    jars.set('youngPerson', await loginAsCitizen(server.baseUrl, jonas.nationalId));
  });
  afterAll(async () => server?.close());

  const call = (viewer: Viewer, method: string, path: string, body?: unknown) => {
    const jar = jars.get(viewer)!;
    return jar.fetch(`${server.baseUrl}${path}`, { method, headers: csrfHeaders(jar), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  };
  const routes: { method: string; path: (item: Item) => string; body?: unknown }[] = [
    { method: 'GET', path: (item) => `/api/letters/${item.letterId}` },
    { method: 'PATCH', path: (item) => `/api/letters/${item.letterId}`, body: { archived: false } },
    { method: 'GET', path: (item) => `/api/attachments/${item.attachmentId}` },
    { method: 'GET', path: (item) => `/api/letters/${item.letterId}/appointment` },
    { method: 'GET', path: (item) => `/api/letters/${item.formLetterId}` },
    { method: 'GET', path: (item) => `/api/forms/ordered/${item.formId}` },
    // A draft, not a submit: the parent of the young person and the young person share the child's items.
    { method: 'PUT', path: (item) => `/api/forms/ordered/${item.formId}/draft`, body: { items: sampleAnswers } },
  ];

  it.each((Object.keys(sees) as Viewer[]).flatMap((viewer) => codes.map((code) => [viewer, code] as const)))('%s and an item marked %s', async (viewer, code) => {
    const item = items.get(viewer)!.get(code)!;
    const allowed = sees[viewer][code];
    const listed = (await (await call(viewer, 'GET', '/api/inbox?limit=100')).json()) as { items: { id: string }[] };
    expect(listed.items.some((listedItem) => listedItem.id === item.letterId), `listed for ${viewer}`).toBe(allowed);
    const forms = (await (await call(viewer, 'GET', '/api/forms')).json()) as { waiting: { id: string }[] };
    expect(forms.waiting.some((waiting) => waiting.id === item.formId), `form listed for ${viewer}`).toBe(allowed);
    for (const route of routes) {
      const path = route.path(item);
      const before = allowed ? undefined : await dataFingerprint(server.database.db);
      const response = await call(viewer, route.method, path, route.body);
      const text = await response.text();
      if (allowed) {
        expect(response.status, `${route.method} ${path}: ${text}`).toBe(200);
        continue;
      }
      const missing = await call(viewer, route.method, path.replace(/[0-9a-f-]{36}/, missingId), route.body);
      expect(response.status, `${route.method} ${path}`).toBe(404);
      const { instance: _a, ...refusedBody } = JSON.parse(text) as Record<string, unknown>;
      const { instance: _b, ...missingBody } = (await missing.json()) as Record<string, unknown>;
      expect(refusedBody).toEqual(missingBody);
      expect(await dataFingerprint(server.database.db), `${route.method} ${path} wrote something`).toBe(before);
    }
  });

  it('a parent of a child who turned 16 that day cannot choose them at all', async () => {
    clock.set('2028-03-13T23:00:00Z');
    try {
      const jar = await loginAsCitizen(server.baseUrl, kari.nationalId);
      const jonasId = (await server.database.db.selectFrom('citizen').select('id').where('national_id', '=', jonas.nationalId).executeTakeFirstOrThrow()).id;
      const before = await dataFingerprint(server.database.db);
      const chosen = await jar.fetch(`${server.baseUrl}/api/representation/acting-for`, { method: 'PUT', headers: csrfHeaders(jar), body: JSON.stringify({ personId: jonasId }) });
      expect(chosen.status).toBe(404);
      expect(await dataFingerprint(server.database.db)).toBe(before);
    } finally {
      clock.set('2026-12-05T10:00:00Z');
    }
  });
});
