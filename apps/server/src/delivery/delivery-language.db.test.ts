/**
 * Notices and printed letters in the citizen's language: the choice saved through the
 * web API reaches the SMS gateway, the SMTP server and the print service (local
 * servers over real connections), and no notice carries health content in any language.
 */
import { describe, expect, test } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixedClock, languages, type Language } from '@innboks/core';
import { pdfText } from '@innboks/channels/testing';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { csrfHeaders, loginAsCitizen } from '../testing/cookie-jar.ts';
import { saveCitizen, saveLetter, type RigPerson } from '../testing/delivery-rig.ts';
import { useDeliveryServer } from '../testing/delivery-server.ts';

/** Words of the letter's subject that must never reach a notice, whatever the language. */
const healthWords = ['hjerte', 'Svar på', 'sykehus', 'undersøkelse'];

/** What each language's notice and letter must say, and the Bokmål words they must not. */
const expected: Record<Language, { sms: RegExp; subject: string; letter: string[]; bokmålOnly: string[] }> = {
  nb: { sms: /^Du har fått en ny melding på Helsenorge\./, subject: 'Ny melding på Helsenorge', letter: ['Avsender:', 'Dato: 20. mars 2026'], bokmålOnly: [] },
  nn: { sms: /^Du har fått ei ny melding på Helsenorge\./, subject: 'Ny melding på Helsenorge', letter: ['Avsendar:', 'Dato: 20. mars 2026'], bokmålOnly: ['en ny melding', 'ikke', 'Avsender'] },
  se: { sms: /^Don leat ožžon ođđa dieđáhusa: Helsenorge\./, subject: 'Ođđa dieđáhus: Helsenorge', letter: ['Sáddejeaddji:', 'Beaivi: 2026 njukčamánnu 20'], bokmålOnly: ['melding', 'ikke', 'Avsender', 'Dato'] },
  en: { sms: /^You have a new message on Helsenorge\./, subject: 'New message on Helsenorge', letter: ['From:', 'Date: 20 March 2026'], bokmålOnly: ['melding', 'ikke', 'Avsender', 'Dato'] },
};

describe.each(testDatabaseKinds())('Notices and printed letters in the citizen’s language on %s', (kind) => {
  const clock = fixedClock('2026-03-20T09:00:00Z');
  const { rig, server } = useDeliveryServer(kind, clock);
  const db = () => server().database.db;
  /** A person in the registers who chose `language` through the web API, as a citizen would. */
  const personSpeaking = async (language: Language, facts: RigPerson) => {
    const nationalId = rig().addPerson(facts);
    const citizenId = await saveCitizen(db(), nationalId, facts);
    const jar = await loginAsCitizen(server().baseUrl, nationalId);
    const saved = await jar.fetch(`${server().baseUrl}/api/language`, { method: 'PUT', headers: csrfHeaders(jar), body: JSON.stringify({ language }) });
    expect(saved.status).toBe(200);
    return { nationalId, citizenId };
  };

  languages.forEach((language, index) => {
    test(`${language}: the SMS and the e-mail are in the chosen language and say nothing about health`, async () => {
      const mobile = `+479200000${index}`;
      const email = `språk-${language}@example.test`;
      const citizen = await personSpeaking(language, { portalUser: true, mobile, email });
      await server().delivery.store.saveNoticeChoice(citizen.citizenId, 'both', clock.now());
      await saveLetter(db(), citizen.nationalId, clock.now(), { subject: 'Svar på hjerteundersøkelsen' });
      await server().worker.drain();

      const sms = rig().sms.requests.filter((request) => request.body.to === mobile && request.answered === 'ok');
      const mails = rig().smtp.mails.filter((mail) => mail.to.includes(email));
      expect(sms).toHaveLength(1);
      expect(mails).toHaveLength(1);
      expect(String(sms[0]!.body.text)).toMatch(expected[language].sms);
      expect(mails[0]!.subject).toBe(expected[language].subject);
      for (const text of [String(sms[0]!.body.text), mails[0]!.subject, mails[0]!.text]) {
        for (const word of [...healthWords, ...expected[language].bokmålOnly]) expect(text.toLowerCase()).not.toContain(word.toLowerCase());
      }
    });

    test(`${language}: a printed letter’s own words and date are in the chosen language`, async () => {
      const citizen = await personSpeaking(language, { portalUser: false, name: 'Áile Papirsen', postalAddress: { street: 'Ŋuorra 1', postalCode: '9730', city: 'Kárášjohka' } });
      const { messageId } = await saveLetter(db(), citizen.nationalId, clock.now());
      await server().worker.drain();
      const job = rig().print.requests.find((request) => request.body.letterId === messageId)!;
      const dir = await mkdtemp(path.join(os.tmpdir(), 'innboks-print-'));
      try {
        const file = path.join(dir, 'letter.pdf');
        await writeFile(file, Buffer.from(String(job.body.pdf), 'base64'));
        const text = pdfText(file).replace(/\s+/g, ' ');
        for (const words of expected[language].letter) expect(text).toContain(words);
        for (const word of expected[language].bokmålOnly) expect(text).not.toContain(word);
        expect(text).toContain('9730 Kárášjohka');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
