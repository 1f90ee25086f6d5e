import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import Input from '@helsenorge/designsystem-react/components/Input';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import type { MunicipalMessageSent } from '@innboks/contracts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { SubPage } from '../../../components/SubPage.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { isApiError } from '../../../lib/http.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useMunicipalServices, useSendMunicipalMessage } from '../api/municipal.ts';
import { formatFullDay } from '@innboks/web-base/dates';
import { fieldError } from '@innboks/web-base/field-error';
import { MessageField } from '@innboks/web-base/message-field';
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

  if (overview.isPending) return <PageLoader />;
  if (overview.isError) {
    return (
      <SubPage heading={m.municipal.newMessageHeading}>
        <ErrorNotice message={m.municipal.loadFailed} onRetry={() => void overview.refetch()} />
      </SubPage>
    );
  }
  const data = overview.data;
  if (!data.inTrial) {
    return (
      <SubPage heading={m.municipal.newMessageHeading}>
        <NotificationPanel variant="info" label={m.municipal.notInTrialHeading}>
          <p data-testid="municipal-not-in-trial">{m.municipal.notInTrial}</p>
        </NotificationPanel>
      </SubPage>
    );
  }
  if (sent) {
    return (
      <SubPage heading={m.municipal.newMessageHeading}>
        <div role="status" data-testid="municipal-sent">
          <NotificationPanel variant="success">
            <p>{format(m.municipal.expectedAfter, { day: formatFullDay(sent.expectedAnswerBy, locale) })}</p>
          </NotificationPanel>
        </div>
        <p>
          <Link to={`/innboks/${sent.threadId}`}>{m.municipal.openThread}</Link>
        </p>
      </SubPage>
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

  return (
    <SubPage heading={m.municipal.newMessageHeading}>
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
          <FormGroup legend={m.municipal.servicesLegend} error={errors.serviceId} errorTextId={`${id}-serviceId-error`}>
            {writable.map((service, index) => (
              <RadioButton
                key={service.id}
                name="serviceId"
                value={service.id}
                inputId={index === 0 ? `${id}-serviceId` : `${id}-serviceId-${index}`}
                label={service.displayName}
                checked={chosen === service.id}
                onChange={() => setServiceId(service.id)}
              />
            ))}
          </FormGroup>
          <Input
            inputId={`${id}-subject`}
            label={m.municipal.subjectLabel}
            value={subject}
            onChange={(event) => setSubject(event.target.value)}
            {...fieldError(errors.subject, `${id}-subject-error`)}
          />
          <p id={`${id}-text-hint`} className={styles.hint}>
            {m.municipal.textHint}
          </p>
          <MessageField id={`${id}-text`} label={m.municipal.textLabel} rows={8} value={text} onChange={setText} error={errors.text} describedBy={`${id}-text-hint`} />
          <p className={styles.expected} data-testid="municipal-expected-before">
            {format(m.municipal.expectedBefore, { day: formatFullDay(data.expectedAnswerIfSentNow, locale) })}
          </p>
          <Button type="submit" disabled={send.isPending}>
            {send.isPending ? m.municipal.sending : m.municipal.send}
          </Button>
        </form>
      )}
    </SubPage>
  );
}
