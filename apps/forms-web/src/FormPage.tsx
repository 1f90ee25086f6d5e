/**
 * One form: loads the Questionnaire and the citizen's draft, draws it with refero,
 * saves drafts and submits once. Everything else (the rules, who may answer, expiry)
 * is the server's; this page shows its answer.
 */
import { useEffect, useMemo, useState } from 'react';
import { Provider } from 'react-redux';
import { applyMiddleware, legacy_createStore as createStore, type Middleware } from 'redux';
import { Refero, rootReducer, setSkjemaDefinition } from '@helsenorge/refero';
import type { Attachment, Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Title from '@helsenorge/designsystem-react/components/Title';
import DesignsystemLanguageProvider from '@helsenorge/designsystem-react/utils/language';
import { formDraftSavedSchema, formSubmittedSchema, formToFillSchema, type FormToFill, type Language } from '@innboks/contracts';
import { formatFullDateTime } from '@innboks/web-base/dates';
import { isApiError, request } from './http.ts';
import { format, formMessages, locales, referoResources } from './i18n/messages.ts';

type Loaded = { status: 'loading' } | { status: 'ready'; form: FormToFill } | { status: 'error'; code: number };
type Notice = { kind: 'saved' | 'submitted' } | { kind: 'failed'; text: string } | undefined;
type Store = ReturnType<typeof newStore>;

const newStore = () => createStore(rootReducer, applyMiddleware(thunks));

/**
 * The page opens in `opening` (the citizen app's opening rules) until the citizen's saved
 * choice has `settled` the language (`formLanguage`, asked beside the form itself); the
 * frame, refero, design system 13's own words and the dates are then in that language,
 * and so is `<html lang>`.
 */
export function FormPage({ kind, id, opening, settled }: { kind: string; id: string; opening: Language; settled: Promise<Language> }) {
  const [language, setLanguage] = useState<Language>(opening);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const store = useMemo(newStore, []);
  const path = `/api/forms/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`;
  const text = formMessages[language];

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${loaded.status === 'ready' ? loaded.form.title : text.pageTitle} – ${text.titleSuffix}`;
  }, [language, loaded, text]);

  useEffect(() => {
    let current = true;
    const form = request(path, formToFillSchema).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    void Promise.all([settled, form]).then(([language, answer]) => {
      if (!current) return;
      setLanguage(language);
      if (!answer.ok) {
        setLoaded({ status: 'error', code: isApiError(answer.error) ? answer.error.status : 0 });
        return;
      }
      // The draft goes into refero's store before the form is drawn: refero reads its
      // answers into the form fields only on the first draw.
      store.dispatch(setSkjemaDefinition(answer.value.questionnaire as unknown as Questionnaire, draftResponse(answer.value), locales[language], true));
      setLoaded({ status: 'ready', form: answer.value });
    });
    return () => {
      current = false;
    };
  }, [path, settled, store]);

  return (
    <DesignsystemLanguageProvider language={locales[language]}>
      <FormView loaded={loaded} language={language} path={path} store={store} />
    </DesignsystemLanguageProvider>
  );
}

function FormView({ loaded, language, path, store }: { loaded: Loaded; language: Language; path: string; store: Store }) {
  const text = formMessages[language];
  const [notice, setNotice] = useState<Notice>();

  if (loaded.status === 'loading') return <p role="status">{text.loading}</p>;
  if (loaded.status === 'error') {
    if (loaded.code === 401) {
      return (
        <NotificationPanel variant="info">
          {text.loginNeeded} <a href={`/auth/login?returnTo=${encodeURIComponent(window.location.pathname)}`}>{text.logIn}</a>
        </NotificationPanel>
      );
    }
    return <NotificationPanel variant="error">{loaded.code === 404 ? text.notFound : text.loadFailed}</NotificationPanel>;
  }

  const { form } = loaded;
  const answers = (response: QuestionnaireResponse) => ({ items: (response.item ?? []) as unknown as Record<string, unknown>[] });
  const failed = (error: unknown) => setNotice({ kind: 'failed', text: isApiError(error) ? (error.problem?.detail ?? error.message) : text.failed });
  const closedText = form.state === 'expired' ? text.expired : form.state === 'cancelled' ? text.cancelled : form.state === 'submitted' ? text.alreadySubmitted : undefined;
  const submitted = notice?.kind === 'submitted';

  return (
    <>
      <Title htmlMarkup="h1" appearance="title2">
        {form.title}
      </Title>
      <p>
        {format(text.from, { name: form.organizationName })}
        {form.closesAt ? ` · ${format(text.closesAt, { when: formatFullDateTime(form.closesAt, locales[language]) })}` : ''}
      </p>
      <div role="status">
        {notice?.kind === 'saved' && <NotificationPanel variant="success">{text.draftSaved}</NotificationPanel>}
        {submitted && (
          <NotificationPanel variant="success">
            {text.submitted} <a href="/?kategori=receipts">{text.toReceipts}</a>
          </NotificationPanel>
        )}
      </div>
      {notice?.kind === 'failed' && (
        <NotificationPanel variant="error" label={text.failed}>
          {notice.text}
        </NotificationPanel>
      )}
      {closedText && <NotificationPanel variant="warn">{closedText}</NotificationPanel>}
      {!closedText && !submitted && (
        <Provider store={store}>
          <Refero
            questionnaire={form.questionnaire as unknown as Questionnaire}
            questionnaireResponse={draftResponse(form)}
            syncQuestionnaireResponse
            resources={referoResources[language]}
            language={locales[language]}
            authorized
            loginButton={<></>}
            validateScriptInjection
            onCancel={() => window.location.assign('/skjema')}
            onSave={(response) => {
              request(`${path}/draft`, formDraftSavedSchema, { method: 'PUT', body: answers(response) }).then(() => setNotice({ kind: 'saved' }), failed);
            }}
            onSubmit={(response) => {
              request(`${path}/submit`, formSubmittedSchema, { method: 'POST', body: answers(response) }).then(() => setNotice({ kind: 'submitted' }), failed);
            }}
            uploadAttachment={(files, onSuccess) => {
              // Kept in the answers as data: the server checks each file like a letter's attachment on save and submit.
              for (const file of files) {
                void readAsBase64(file).then((data) => onSuccess({ id: crypto.randomUUID(), title: file.name, contentType: file.type, data } as Attachment));
              }
            }}
            onDeleteAttachment={(_fileId, onSuccess) => onSuccess()}
          />
        </Provider>
      )}
      <p>
        <a href="/skjema">{text.backToForms}</a>
      </p>
    </>
  );
}

/** refero records answers with thunks (as Redux Toolkit's default store runs them): a function is called with dispatch and getState. */
const thunks: Middleware = ({ dispatch, getState }) => (next) => (action) =>
  typeof action === 'function' ? (action as (d: typeof dispatch, g: typeof getState) => unknown)(dispatch, getState) : next(action);

function draftResponse(form: FormToFill): QuestionnaireResponse | undefined {
  return form.draft ? ({ resourceType: 'QuestionnaireResponse', status: 'in-progress', item: form.draft } as QuestionnaireResponse) : undefined;
}

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
