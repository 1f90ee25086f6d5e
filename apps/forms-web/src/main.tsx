import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './forms.css';
import { FormPage } from './FormPage.tsx';
import { formLanguage, openingLanguage } from './i18n/language.ts';

// /skjemautfyller/<ordered|catalogue>/<id>: the page a Skjema link or an inbox letter opens.
const [, kind = '', id = ''] = /^\/skjemautfyller\/([^/]+)\/([^/]+)/.exec(window.location.pathname) ?? [];

// The language the inbox would open in, until the citizen's saved choice settles it (i18n/language.ts): asked once, at once.
const opening = openingLanguage();
const settled = formLanguage(opening);
document.documentElement.lang = opening;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main className="form-page">
      <FormPage kind={kind} id={id} opening={opening} settled={settled} />
    </main>
  </StrictMode>,
);
