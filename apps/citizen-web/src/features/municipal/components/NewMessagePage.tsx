import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import Title from '@helsenorge/designsystem-react/components/Title';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import type { MunicipalMessageSent } from '@innboks/contracts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { isApiError } from '../../../lib/http.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useMunicipalServices, useSendMunicipalMessage } from '../api/municipal.ts';
import { formatFullDay } from '@innboks/web-base/dates';
import styles from './Municipal.module.scss';

type Field = 'serviceId' | 'subject' | 'text';

/**
 * "Ny melding": only the services the citizen receives that have opened for digital
 * contact can be chosen; others received are listed with why not; outside the trial
 * the page explains instead. The answer day is shown before and after sending.
 */
export function NewMessagePage() {
  const { m, locale } = useMessages();
  useDocumentTitle(m.municipal.newMessagePageTitle, m.app.titleSuffix);
  const overview = useMunicipalServices();
  const send = useSendMunicipalMessage();
  const [serviceId, setServiceId] = useState('');
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [sent, setSent] = useState<MunicipalMessageSent | undefined>();
  const id = useId();

  const heading = (
    <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 2, marginBottom: 1 }}>
      {m.municipal.newMessageHeading}
    </Title>
  );
  if (overview.isPending) return <PageLoader />;
  if (overview.isError) {
    return (
      <div className={styles.page}>
        {heading}
        <ErrorNotice message={m.municipal.loadFailed} onRetry={() => void overview.refetch()} />
      </div>
    );
  }
  const data = overview.data;
  if (!data.inTrial) {
    return (
      <div className={styles.page}>
        {heading}
        <NotificationPanel variant="info" label={m.municipal.notInTrialHeading}>
          <p data-testid="municipal-not-in-trial">{m.municipal.notInTrial}</p>
        </NotificationPanel>
      </div>
    );
  }
  if (sent) {
    return (
      <div className={styles.page}>
        {heading}
        <div role="status" data-testid="municipal-sent">
          <NotificationPanel variant="success">
            <p>{format(m.municipal.expectedAfter, { day: formatFullDay(sent.expectedAnswerBy, locale) })}</p>
          </NotificationPanel>
        </div>
        <p>
          <Link to={`/innboks/${sent.threadId}`}>{m.municipal.openThread}</Link>
        </p>
      </div>
    );
  }

  const writable = data.services.filter((service) => service.canMessage);
  const notWritable = data.services.filter((service) => !service.canMessage);
  const chosen = writable.length === 1 ? writable[0]!.id : serviceId;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!chosen) found.serviceId = m.municipal.chooseService;
    if (!subject.trim()) found.subject = m.municipal.writeSubject;
    if (!text.trim()) found.text = m.municipal.writeText;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    send.mutate(
      { serviceId: chosen, subject: subject.trim(), text: text.trim() },
      {
        onSuccess: setSent,
        onError: (error) => {
          const problem = isApiError(error) ? error.problem : undefined;
          const fieldErrors: Partial<Record<Field, string>> = {};
          for (const item of problem?.errors ?? []) if (item.field === 'serviceId' || item.field === 'subject' || item.field === 'text') fieldErrors[item.field] = item.message;
          setErrors(Object.keys(fieldErrors).length ? fieldErrors : { text: m.municipal.sendFailed });
        },
      },
    );
  };
  const describedBy = (field: Field, hint?: string) => [hint, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div className={styles.page}>
      {heading}
      <p>{m.municipal.intro}</p>
      {writable.length === 0 && <p>{m.municipal.noServices}</p>}
      {notWritable.length > 0 && (
        <section aria-labelledby={`${id}-cannot`} className={styles.cannot}>
          <h2 id={`${id}-cannot`} className={styles.subheading}>
            {m.municipal.cannotMessageHeading}
          </h2>
          <ul data-testid="municipal-cannot-message">
            {notWritable.map((service) => (
              <li key={service.id}>
                <strong>{service.displayName}</strong> {m.municipal.reasonNoDigitalContact}
              </li>
            ))}
          </ul>
        </section>
      )}
      {writable.length > 0 && (
        <form onSubmit={submit} noValidate className={styles.form}>
          <fieldset className={styles.fieldset} aria-describedby={describedBy('serviceId')}>
            <legend className={styles.label}>{m.municipal.servicesLegend}</legend>
            {writable.map((service, index) => (
              <label key={service.id} className={styles.radio}>
                <input
                  type="radio"
                  name="serviceId"
                  value={service.id}
                  id={index === 0 ? `${id}-serviceId` : undefined}
                  checked={chosen === service.id}
                  onChange={() => setServiceId(service.id)}
                />
                {service.displayName}
              </label>
            ))}
            {errors.serviceId && (
              <p id={`${id}-serviceId-error`} className={styles.error}>
                {errors.serviceId}
              </p>
            )}
          </fieldset>
          <label htmlFor={`${id}-subject`} className={styles.label}>
            {m.municipal.subjectLabel}
          </label>
          <input
            id={`${id}-subject`}
            className={styles.input}
            value={subject}
            maxLength={200}
            onChange={(event) => setSubject(event.target.value)}
            aria-invalid={errors.subject ? true : undefined}
            aria-describedby={describedBy('subject')}
          />
          {errors.subject && (
            <p id={`${id}-subject-error`} className={styles.error}>
              {errors.subject}
            </p>
          )}
          <label htmlFor={`${id}-text`} className={styles.label}>
            {m.municipal.textLabel}
          </label>
          <p id={`${id}-text-hint`} className={styles.hint}>
            {m.municipal.textHint}
          </p>
          <textarea
            id={`${id}-text`}
            className={styles.textarea}
            rows={8}
            maxLength={5000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={describedBy('text', `${id}-text-hint`)}
          />
          {errors.text && (
            <p id={`${id}-text-error`} className={styles.error}>
              {errors.text}
            </p>
          )}
          <p className={styles.expected} data-testid="municipal-expected-before">
            {format(m.municipal.expectedBefore, { day: formatFullDay(data.expectedAnswerIfSentNow, locale) })}
          </p>
          <Button type="submit" disabled={send.isPending}>
            {send.isPending ? m.municipal.sending : m.municipal.send}
          </Button>
        </form>
      )}
    </div>
  );
}
