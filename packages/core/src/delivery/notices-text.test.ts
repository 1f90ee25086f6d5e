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

  test('a notice to a parent of a child\'s letters says it concerns a child in their care, and nothing more', () => {
    expect(noticeText(options, 'nb', 'child').sms).toBe(
      'Du har fått en ny melding på Helsenorge for et barn du har foreldreansvar for. Logg inn på https://innboks.example for å lese den.',
    );
    expect(noticeText(options, 'nn', 'child').sms).toContain('for eit barn du har foreldreansvar for');
    expect(noticeText(options, 'en', 'child').sms).toContain('for a child you have parental responsibility for');
    expect(noticeText(options, 'se', 'child').sms).not.toBe(noticeText(options, 'se').sms);
  });

  for (const language of languages) {
    test(`${language}: a parent's notice is built from the service name and login address alone, and fits one SMS`, () => {
      const text = noticeText(options, language, 'child');
      const other = noticeText({ serviceName: 'Portalen', loginUrl: 'https://other.example' }, language, 'child');
      const strip = (value: string, serviceName: string, loginUrl: string) => value.replaceAll(serviceName, '¤').replaceAll(loginUrl, '¤');
      expect(strip(text.sms, 'Helsenorge', 'https://innboks.example')).toBe(strip(other.sms, 'Portalen', 'https://other.example'));
      expect(text.sms.length).toBeLessThanOrEqual(160);
    });

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
