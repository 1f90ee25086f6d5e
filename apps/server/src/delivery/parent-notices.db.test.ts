/**
 * Notices of a child's letters go to the parents' own channels, on both databases,
 * against local servers over real connections (SMS gateway, SMTP, registers with
 * relations): each parent by their own choice and in their own language, for the
 * letters the rule table lets them see, never to a child's phone for those, and
 * never naming the health matter. Adults, with or without a representative, keep
 * their own settings.
 */
import { describe, expect, test } from 'vitest';
import { fixedClock } from '@innboks/core';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { saveCitizen, saveLetter, type RigPerson } from '../testing/delivery-rig.ts';
import { useDeliveryServer } from '../testing/delivery-server.ts';
import { demoSenders } from '../demo/demo-data.ts';

/** Words of the letters' subjects and bodies that must never reach a notice. */
const healthWords = ['hjerte', 'Kardiologisk', 'Ekkokardiografien', 'mitralklaffen', 'Svar på', 'astma'];
const gp = demoSenders.find((sender) => sender.kind === 'gp')!;

describe.each(testDatabaseKinds())('Notices of a child\'s letters on %s', (kind) => {
  const clock = fixedClock('2026-03-20T09:00:00Z');
  const { rig, server } = useDeliveryServer(kind, clock);
  const db = () => server().database.db;
  const drain = () => server().worker.drain();
  const person = async (facts: RigPerson) => {
    const nationalId = rig().addPerson(facts);
    const citizenId = await saveCitizen(db(), nationalId, facts);
    return { nationalId, citizenId };
  };
  const smsTo = (mobile: string) => rig().sms.requests.filter((request) => request.body.to === mobile && request.answered === 'ok').map((request) => String(request.body.text));
  const mailsTo = (email: string) => rig().smtp.mails.filter((mail) => mail.to.includes(email));
  const family = async (childBirthDate: string, tag: string) => {
    const mother = await person({ name: `Mor ${tag}`, birthDate: '1984-02-02', portalUser: true, mobile: `+47930${tag}1`, email: `mor-${tag}@example.test` });
    const father = await person({ name: `Far ${tag}`, birthDate: '1982-03-03', portalUser: false, mobile: `+47930${tag}2`, email: `far-${tag}@example.test` });
    await server().delivery.store.saveNoticeChoice(father.citizenId, 'email', clock.now());
    const child = await person({ name: `Barn ${tag}`, birthDate: childBirthDate, portalUser: true, mobile: `+47930${tag}3`, parents: [mother.nationalId, father.nationalId] });
    return { mother, father, child, phones: { mother: `+47930${tag}1`, father: `+47930${tag}2`, child: `+47930${tag}3` }, mails: { father: `far-${tag}@example.test` } };
  };

  test('a letter to an 8-year-old tells each parent on their own channel that it concerns a child in their care, and not the child\'s phone', async () => {
    const { child, phones, mails } = await family('2018-01-10', '101');
    const { messageId } = await saveLetter(db(), child.nationalId, clock.now(), { sender: gp, subject: 'Svar på astmatesten', textParts: ['Ekkokardiografien er normal.'] });
    await drain();

    const [motherSms, ...moreForMother] = smsTo(phones.mother);
    expect(moreForMother).toEqual([]);
    expect(motherSms).toMatch(/^Du har fått en ny melding på Helsenorge for et barn du har foreldreansvar for\. Logg inn på http:\/\/localhost:\d+ for å lese den\.$/);
    const [fatherMail, ...moreForFather] = mailsTo(mails.father);
    expect(moreForFather).toEqual([]);
    expect(fatherMail!.text).toContain('for et barn du har foreldreansvar for');
    expect(smsTo(phones.father)).toEqual([]);
    expect(smsTo(phones.child)).toEqual([]);
    for (const text of [motherSms!, fatherMail!.subject, fatherMail!.text]) {
      for (const word of healthWords) expect(text.toLowerCase()).not.toContain(word.toLowerCase());
      expect(text).not.toContain('Barn 101');
    }
    // The letter is delivered to the child's inbox, where the parents read it.
    const attempts = await db().selectFrom('delivery_attempt').select(['channel', 'state']).where('message_id', '=', messageId).execute();
    expect(Object.fromEntries(attempts.map((row) => [row.channel, row.state]))).toMatchObject({ inbox: 'delivered', sms: 'delivered', email: 'delivered' });
  });

  test('to a 14-year-old a letter marked N tells the parents, an unmarked one does not, and a parent-only one never reaches the young person', async () => {
    const { child, phones } = await family('2012-01-10', '102');
    await saveLetter(db(), child.nationalId, clock.now(), { sender: gp, subject: 'Svar på blodprøve', representativeAccess: 'N' });
    await drain();
    expect(smsTo(phones.mother)).toHaveLength(1);
    expect(smsTo(phones.child)).toHaveLength(1);
    expect(smsTo(phones.child)[0]).toMatch(/^Du har fått en ny melding på Helsenorge\./);

    clock.advance(30 * 60_000);
    await saveLetter(db(), child.nationalId, clock.now(), { sender: gp, subject: 'Samtale på helsestasjon for ungdom' });
    await drain();
    expect(smsTo(phones.mother)).toHaveLength(1);
    expect(smsTo(phones.child)).toHaveLength(2);

    clock.advance(30 * 60_000);
    await saveLetter(db(), child.nationalId, clock.now(), { sender: gp, subject: 'Samtale hos helsesykepleier', representativeAccess: 'NORN_FORANS' });
    await saveLetter(db(), child.nationalId, clock.now(), { sender: gp, subject: 'Egenandel for foreldre', representativeAccess: 'NORN_UNGDOM' });
    await drain();
    expect(smsTo(phones.mother)).toHaveLength(2);
    expect(smsTo(phones.child)).toHaveLength(3);
  });

  test('a letter hidden from parents of an 8-year-old (NORN_FORANS) tells no parent', async () => {
    const { child, phones, mails } = await family('2018-05-05', '103');
    await saveLetter(db(), child.nationalId, clock.now(), { sender: gp, representativeAccess: 'NORN_FORANS' });
    await drain();
    expect(smsTo(phones.mother)).toEqual([]);
    expect(mailsTo(mails.father)).toEqual([]);
    expect(smsTo(phones.child)).toEqual([]);
  });

  test('a parent with a confidential address is not told of the child\'s letters', async () => {
    const hidden = await person({ birthDate: '1983-04-04', portalUser: true, mobile: '+4793010401', confidentialAddress: true });
    const child = await person({ birthDate: '2019-06-06', mobile: '+4793010403', parents: [hidden.nationalId] });
    await saveLetter(db(), child.nationalId, clock.now(), { sender: gp });
    await drain();
    expect(smsTo('+4793010401')).toEqual([]);
    expect(smsTo('+4793010403')).toEqual([]);
  });

  test('an adult with a power of attorney holder is told by their own settings only', async () => {
    const holder = await person({ birthDate: '1970-01-01', portalUser: true, mobile: '+4793010501' });
    const adult = await person({ birthDate: '1940-01-01', portalUser: true, mobile: '+4793010502', email: 'voksen@example.test' });
    await server().delivery.store.saveNoticeChoice(adult.citizenId, 'email', clock.now());
    const given = await db()
      .insertInto('power_of_attorney')
      .values({ citizen_id: adult.citizenId, holder_citizen_id: holder.citizenId, given_at: clock.now(), valid_until: null })
      .returning('id')
      .executeTakeFirst();
    expect(given).toBeDefined();
    await saveLetter(db(), adult.nationalId, clock.now(), { sender: gp });
    await drain();
    expect(mailsTo('voksen@example.test')).toHaveLength(1);
    expect(mailsTo('voksen@example.test')[0]!.text).not.toContain('barn');
    expect(smsTo('+4793010502')).toEqual([]);
    expect(smsTo('+4793010501')).toEqual([]);
  });
});
