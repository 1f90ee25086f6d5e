import { Link, useParams } from 'react-router';
import Icon from '@helsenorge/designsystem-react/components/Icon';
import ArrowLeft from '@helsenorge/designsystem-react/components/Icons/ArrowLeft';
import Title from '@helsenorge/designsystem-react/components/Title';
import { getColor } from '@helsenorge/designsystem-react/theme/currys/color';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useMessages } from '../../../i18n/use-messages.ts';
import { isApiError } from '../../../lib/http.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useAppointment } from '../api/get-appointments.ts';
import { AppointmentFacts } from './AppointmentFacts.tsx';
import { AppointmentReplySection } from './AppointmentReplySection.tsx';
import { ReplyHistory } from './ReplyHistory.tsx';
import styles from './AppointmentPage.module.scss';

/** One appointment in Timeavtaler: the facts, and the dialogue or reply its region offers. */
export function AppointmentPage() {
  const { m } = useMessages();
  const a = m.appointments;
  const { id = '' } = useParams();
  const appointment = useAppointment(id);
  const notFound = appointment.isError && (isApiError(appointment.error, 404) || isApiError(appointment.error, 400));
  // Never the description: a tab title is seen by others and kept in history (no health detail there).
  useDocumentTitle(notFound ? a.notFoundTitle : a.detailTitle, m.app.titleSuffix);

  const back = (
    <Link to="/timeavtaler" className={styles.back}>
      <Icon svgIcon={ArrowLeft} size={24} color={getColor('blueberry', 700)} />
      {a.back}
    </Link>
  );
  if (appointment.isPending) return <PageLoader />;
  if (notFound || appointment.isError) {
    return (
      <div className={styles.page}>
        {back}
        <Title htmlMarkup="h1" appearance="title2" margin={{ marginTop: 1.5, marginBottom: 0.75 }}>
          {notFound ? a.notFoundTitle : a.detailTitle}
        </Title>
        {notFound ? <p>{a.notFoundText}</p> : <ErrorNotice message={a.loadFailed} onRetry={() => void appointment.refetch()} />}
      </div>
    );
  }
  const view = appointment.data;
  return (
    <div className={styles.page}>
      {back}
      <Title htmlMarkup="h1" appearance="title2" margin={{ marginTop: 1.5, marginBottom: 0.75 }}>
        {view.description ?? a.detailTitle}
      </Title>
      <AppointmentFacts appointment={view} />
      {view.letterId && (
        <p className={styles.letter}>
          <Link to={`/innboks/${view.letterId}`}>{a.letterLink}</Link>
        </p>
      )}
      <AppointmentReplySection appointment={view} context="appointments" />
      <ReplyHistory appointment={view} />
    </div>
  );
}
