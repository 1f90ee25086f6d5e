import { useState, type FormEvent } from 'react';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import type { NoticeChoiceValue, NoticeSettings } from '@innboks/contracts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { format } from '../../../i18n/format.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { isApiError } from '../../../lib/http.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { SubPage } from '../../../components/SubPage.tsx';
import { formatPhone } from '../../../lib/phone.ts';
import { useNoticeSettings, useSaveNoticeChoice } from '../api/notice-settings.ts';
import styles from './NoticeSettingsPage.module.scss';

/** How the citizen is told that something arrived: SMS, e-mail or both, to the addresses in the register. */
export function NoticeSettingsPage({ readOnlyNotice }: { /** Shown instead of the form when the choice is not the viewer's to change (someone acting for the person). */ readOnlyNotice?: string | undefined }) {
  const { m } = useMessages();
  useDocumentTitle(m.noticeSettings.pageTitle, m.app.titleSuffix);
  const settings = useNoticeSettings();

  return (
    <SubPage heading={m.noticeSettings.heading}>
      <p>{m.noticeSettings.lead}</p>
      {settings.isPending && <PageLoader />}
      {settings.isError && <ErrorNotice message={m.noticeSettings.loadFailed} onRetry={() => void settings.refetch()} />}
      {readOnlyNotice && <NotificationPanel variant="info">{readOnlyNotice}</NotificationPanel>}
      {settings.data && !readOnlyNotice && <NoticeSettingsForm settings={settings.data} />}
    </SubPage>
  );
}

function NoticeSettingsForm({ settings }: { settings: NoticeSettings }) {
  const { m } = useMessages();
  const save = useSaveNoticeChoice();
  const [choice, setChoice] = useState<NoticeChoiceValue | null>(settings.choice ?? (settings.effective.length === 2 ? 'both' : settings.effective[0] ?? null));
  const [saved, setSaved] = useState(false);

  const fieldError = isApiError(save.error, 422) ? save.error.problem?.errors?.find((error) => error.field === 'choice')?.message : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return;
    setSaved(false);
    save.mutate(choice, { onSuccess: () => setSaved(true) });
  };

  return (
    <>
      <section aria-labelledby="register-heading" className={styles.register}>
        <h2 id="register-heading" className={styles.subheading}>
          {m.noticeSettings.registerHeading}
        </h2>
        <dl className={styles.facts}>
          <dt>{m.noticeSettings.mobile}</dt>
          <dd>{settings.mobile ? formatPhone(settings.mobile) : m.noticeSettings.none}</dd>
          <dt>{m.noticeSettings.email}</dt>
          <dd>{settings.email ?? m.noticeSettings.none}</dd>
        </dl>
        <p className={styles.hint}>{m.noticeSettings.registerHint}</p>
      </section>
      {settings.reserved ? (
        <NotificationPanel variant="info">{m.noticeSettings.reserved}</NotificationPanel>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <FormGroup legend={m.noticeSettings.choiceLegend} error={fieldError} errorTextId="choice-error">
            <RadioButton
              name="choice"
              value="sms"
              inputId="choice-sms"
              label={m.noticeSettings.sms}
              checked={choice === 'sms'}
              disabled={!settings.mobile}
              onChange={() => setChoice('sms')}
            />
            <RadioButton
              name="choice"
              value="email"
              inputId="choice-email"
              label={m.noticeSettings.emailChoice}
              checked={choice === 'email'}
              disabled={!settings.email}
              onChange={() => setChoice('email')}
            />
            <RadioButton
              name="choice"
              value="both"
              inputId="choice-both"
              label={m.noticeSettings.both}
              checked={choice === 'both'}
              disabled={!settings.mobile || !settings.email}
              onChange={() => setChoice('both')}
            />
          </FormGroup>
          {(!settings.mobile || !settings.email) && (
            <p className={styles.hint} data-testid="notice-missing-contact">
              {settings.mobile ? m.noticeSettings.noEmail : settings.email ? m.noticeSettings.noMobile : m.noticeSettings.noContact}{' '}
              <a href={registerUrl} target="_blank" rel="noopener">
                {m.noticeSettings.registerLink}
              </a>
            </p>
          )}
          <div className={styles.actions}>
            <Button type="submit" disabled={!choice || save.isPending}>
              {save.isPending ? m.noticeSettings.saving : m.noticeSettings.save}
            </Button>
          </div>
          <p role="status" className={styles.status}>
            {saved && format(m.noticeSettings.saved, { where: describe(settings.effective, m.noticeSettings) })}
          </p>
          {save.isError && !fieldError && <ErrorNotice message={m.noticeSettings.saveFailed} />}
        </form>
      )}
    </>
  );
}

/** Where citizens change their mobile number and e-mail address: the contact and reservation register (Digdir). */
const registerUrl = 'https://eid.difi.no/nb/oppdater-kontaktinformasjonen-din';

function describe(effective: NoticeSettings['effective'], text: { sms: string; emailChoice: string; both: string }): string {
  if (effective.length === 2) return text.both;
  return effective[0] === 'sms' ? text.sms : text.emailChoice;
}
