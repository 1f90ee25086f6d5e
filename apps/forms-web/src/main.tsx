import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './forms.css';
import { FormPage } from './FormPage.tsx';

// /skjemautfyller/<ordered|catalogue>/<id>: the page a Skjema link or an inbox letter opens.
const [, kind = '', id = ''] = /^\/skjemautfyller\/([^/]+)\/([^/]+)/.exec(window.location.pathname) ?? [];

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main className="form-page">
      <FormPage kind={kind} id={id} />
    </main>
  </StrictMode>,
);
