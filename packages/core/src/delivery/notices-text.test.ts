import { describe, expect, test } from 'vitest';
import { languages } from '../language/language.ts';
import { noticeText } from './notices-text.ts';

const options = { serviceName: 'Helsenorge', loginUrl: 'https://innboks.example' };

describe('Notice text', () => {
  test('in Bokmål it says only that a message came, and where to log in', () => {
    const text = noticeText(options, 'nb');
    expect(text.sms).toBe('Du har fått en ny melding på Helsenorge. Logg inn på https://innboks.example for å lese den.');
    expect(text.emailSubject).toBe('Ny melding på Helsenorge');
    expect(text.emailText).toContain('Logg inn på https://innboks.example');
  });

  test('Nynorsk, Northern Sami and English each have their own words', () => {
    expect(noticeText(options, 'nn').sms).toBe('Du har fått ei ny melding på Helsenorge. Logg inn på https://innboks.example for å lese ho.');
    expect(noticeText(options, 'se').sms).toBe('Don leat ožžon ođđa dieđáhusa: Helsenorge. Čálit sisa https://innboks.example ja loga dan.');
    expect(noticeText(options, 'en').emailSubject).toBe('New message on Helsenorge');
  });

  for (const language of languages) {
    test(`${language}: the text is built from the service name and login address alone, and fits one SMS`, () => {
      const text = noticeText(options, language);
      const other = noticeText({ serviceName: 'Portalen', loginUrl: 'https://other.example' }, language);
      const strip = (value: string, serviceName: string, loginUrl: string) => value.replaceAll(serviceName, '¤').replaceAll(loginUrl, '¤');
      expect(strip(text.sms, 'Helsenorge', 'https://innboks.example')).toBe(strip(other.sms, 'Portalen', 'https://other.example'));
      expect(strip(text.emailText, 'Helsenorge', 'https://innboks.example')).toBe(strip(other.emailText, 'Portalen', 'https://other.example'));
      expect(text.sms.length).toBeLessThanOrEqual(160);
    });
  }
});
