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
import { formDraftSavedSchema, formSubmittedSchema, formToFillSchema, type FormToFill } from '@innboks/contracts';
import { isApiError, request } from './http.ts';
import { chosenLanguage, formMessages, referoLanguage, referoResources } from './i18n/messages.ts';

type Loaded = { status: 'loading' } | { status: 'ready'; form: FormToFill } | { status: 'error'; code: number };
type Notice = { kind: 'saved' | 'submitted' } | { kind: 'failed'; text: string } | undefined;

export function FormPage({ kind, id }: { kind: string; id: string }) {
  const language = chosenLanguage();
  const text = formMessages[language];
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [notice, setNotice] = useState<Notice>();
  const store = useMemo(() => createStore(rootReducer, applyMiddleware(thunks)), []);
  const path = `/api/forms/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`;

  useEffect(() => {
    document.documentElement.lang = language;
    request(path, formToFillSchema).then(
      (form) => {
        document.title = `${form.title} – Innboks`;
        // The draft goes into refero's store before the form is drawn: refero reads its
        // answers into the form fields only on the first draw.
        store.dispatch(setSkjemaDefinition(form.questionnaire as unknown as Questionnaire, draftResponse(form), referoLanguage[language], true));
        setLoaded({ status: 'ready', form });
      },
      (error: unknown) => setLoaded({ status: 'error', code: isApiError(error) ? error.status : 0 }),
    );
  }, [path, language, store]);

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
        {text.from} {form.organizationName}
        {form.closesAt ? ` · ${text.closesAt} ${new Intl.DateTimeFormat(referoLanguage[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(form.closesAt))}` : ''}
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
            language={referoLanguage[language]}
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
