import { useNavigate } from 'react-router';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { SubPage } from '../../../components/SubPage.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useChooseActingFor, useRepresentation } from '../api/representation.ts';
import styles from './Representation.module.scss';

/** "Bytt person": the citizen themselves, the children, those who gave a power of attorney; each by full name. */
export function ChoosePersonPage() {
  const { m } = useMessages();
  useDocumentTitle(m.representation.chooserTitle, m.app.titleSuffix);
  const representation = useRepresentation();
  const choose = useChooseActingFor();
  const navigate = useNavigate();
  const pick = (personId: string | null) => choose.mutate(personId, { onSuccess: () => void navigate('/innboks') });
  const data = representation.data;

  return (
    <SubPage heading={m.representation.chooserHeading}>
      <p>{m.representation.chooserLead}</p>
      {representation.isPending && <PageLoader />}
      {representation.isError && <ErrorNotice message={m.representation.loadFailed} onRetry={() => void representation.refetch()} />}
      {data && (
        <>
          {data.ownAddressConfidential && <NotificationPanel variant="info">{m.representation.ownAddressConfidential}</NotificationPanel>}
          {!data.ownAddressConfidential && data.candidates.length === 0 && <p>{m.representation.nobody}</p>}
          <ul className={styles.choices}>
            <li>
              <Button variant={data.actingFor === null ? 'fill' : 'outline'} onClick={() => pick(null)} disabled={choose.isPending} aria-current={data.actingFor === null ? 'true' : undefined}>
                {format(m.representation.self, { name: data.self.name })}
              </Button>
            </li>
            {data.candidates.map((candidate) =>
              candidate.available ? (
                <li key={candidate.personId}>
                  <Button
                    variant={data.actingFor?.personId === candidate.personId ? 'fill' : 'outline'}
                    onClick={() => pick(candidate.personId)}
                    disabled={choose.isPending}
                    aria-current={data.actingFor?.personId === candidate.personId ? 'true' : undefined}
                  >
                    {format(m.representation.actFor, { name: candidate.name, relation: m.representation.relation[candidate.relation] })}
                  </Button>
                </li>
              ) : (
                <li key={candidate.personId}>{format(m.representation.unavailable, { name: candidate.name })}</li>
              ),
            )}
          </ul>
          {choose.isPending && <p role="status">{m.representation.choosing}</p>}
          {choose.isError && <ErrorNotice message={m.representation.chooseFailed} />}
        </>
      )}
    </SubPage>
  );
}
