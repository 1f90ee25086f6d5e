import { useState, type FormEvent } from 'react';
import Button from '@helsenorge/designsystem-react/components/Button';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { SubPage } from '../../../components/SubPage.tsx';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useResearchReservation, useSaveResearchReservation } from '../api/research-reservation.ts';
import styles from './ResearchReservationPage.module.scss';

/** The citizen's reservation against being contacted for research and other purposes than health care. */
export function ResearchReservationPage() {
  const { m } = useMessages();
  useDocumentTitle(m.research.pageTitle, m.app.titleSuffix);
  const reservation = useResearchReservation();
  return (
    <SubPage heading={m.research.heading}>
      <p>{m.research.lead}</p>
      {reservation.isPending && <PageLoader />}
      {reservation.isError && <ErrorNotice message={m.research.loadFailed} onRetry={() => void reservation.refetch()} />}
      {reservation.data && <ReservationForm reserved={reservation.data.reserved} />}
    </SubPage>
  );
}

function ReservationForm({ reserved: stored }: { reserved: boolean }) {
  const { m } = useMessages();
  const save = useSaveResearchReservation();
  const [reserved, setReserved] = useState(stored);
  const [saved, setSaved] = useState<boolean | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    save.mutate(reserved, { onSuccess: (answer) => setSaved(answer.reserved) });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Checkbox inputId="research-reservation" label={m.research.checkbox} checked={reserved} onChange={(event) => setReserved(event.target.checked)} />
      <p className={styles.hint}>{m.research.surveysStill}</p>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? m.research.saving : m.research.save}
      </Button>
      <p role="status" className={styles.status}>
        {saved === true && m.research.savedReserved}
        {saved === false && m.research.savedNotReserved}
      </p>
      {save.isError && <ErrorNotice message={m.research.saveFailed} />}
    </form>
  );
}
