import { useId } from 'react';
import type { FormListItem } from '@innboks/contracts';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { SubPage } from '../../../components/SubPage.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formHref, useFormsOverview } from '../api/forms.ts';
import styles from './FormsPage.module.scss';

/** Skjema: forms waiting for the citizen, drafts to go on with, and the forms anyone may fill in. */
export function FormsPage() {
  const { m } = useMessages();
  useDocumentTitle(m.forms.pageTitle, m.app.titleSuffix);
  const overview = useFormsOverview();

  return (
    <SubPage heading={m.forms.heading}>
      <p>{m.forms.lead}</p>
      {overview.isPending && <PageLoader />}
      {overview.isError && <ErrorNotice message={m.forms.loadFailed} onRetry={() => void overview.refetch()} />}
      {overview.data && (
        <>
          <FormList heading={m.forms.waitingHeading} empty={m.forms.noneWaiting} forms={overview.data.waiting} testId="forms-waiting" />
          <FormList heading={m.forms.draftsHeading} empty={m.forms.noDrafts} forms={overview.data.drafts} testId="forms-drafts" />
          <FormList heading={m.forms.catalogueHeading} empty={m.forms.noneInCatalogue} forms={overview.data.catalogue} testId="forms-catalogue" />
        </>
      )}
    </SubPage>
  );
}

function FormList({ heading, empty, forms, testId }: { heading: string; empty: string; forms: FormListItem[]; testId: string }) {
  const { m, locale } = useMessages();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid={testId}>
      <h2 id={headingId} className={styles.heading}>
        {heading}
      </h2>
      {forms.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className={styles.list}>
          {forms.map((form) => (
            <li key={`${form.kind}-${form.id}`} className={styles.item}>
              {/* A full page load: the forms app is a bundle of its own. */}
              <a href={formHref(form)} className={styles.link}>
                {form.title}
              </a>
              <span className={styles.meta}>
                {form.organizationName}
                {form.closesAt && ` · ${format(m.forms.closesAt, { when: formatWhenWithTime(form.closesAt, locale) })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
