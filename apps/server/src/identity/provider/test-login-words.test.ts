import { expect, test } from 'vitest';
import { renderLoginPage } from './pages.ts';
import { visitorLanguage } from '../../language/request-language.ts';

const model = { action: '/login', abortUrl: '/abort', persons: [{ nationalId: '01818012345', name: 'Kari Nordmann' }] };

test('the language the web app remembered wins over the browser’s, and Bokmål is the fallback', () => {
  expect(visitorLanguage('innboks_csrf=x; innboks_lang=se', 'en-GB,en;q=0.9')).toBe('se');
  expect(visitorLanguage(undefined, 'nn-NO,nb;q=0.8')).toBe('nn');
  expect(visitorLanguage('innboks_lang=xx', 'de')).toBe('nb');
});

test('the citizens’ test login page is written in the visitor’s language, with <html lang> to match', () => {
  const sami = renderLoginPage(model, 'se');
  expect(sami).toContain('<html lang="se">');
  expect(sami).toContain('Čálit sisa: Kari Nordmann');
  expect(sami).not.toMatch(/Logg inn|Fødselsnummer|Avbryt/);
  const english = renderLoginPage({ ...model, error: 'x' }, 'en');
  expect(english).toContain('<title>Error: Test login – not the real ID-porten</title>');
  expect(renderLoginPage(model)).toContain('<html lang="nb">');
});
