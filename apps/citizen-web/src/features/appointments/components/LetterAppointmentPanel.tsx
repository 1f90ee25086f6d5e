import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useMessages } from '../../../i18n/use-messages.ts';
import { isApiError } from '../../../lib/http.ts';
import { useLetterAppointment } from '../api/get-appointments.ts';
import { AppointmentFacts } from './AppointmentFacts.tsx';
import { AppointmentReplySection } from './AppointmentReplySection.tsx';
import { ReplyHistory } from './ReplyHistory.tsx';
import styles from './LetterAppointmentPanel.module.scss';

/** Beside an appointment letter: the appointment as it stands now, and how to answer it. Nothing for other letters. */
export function LetterAppointmentPanel({ letterId }: { letterId: string }) {
  const { m } = useMessages();
  const a = m.appointments;
  const query = useLetterAppointment(letterId);
  const headingId = useId();

  if (query.isPending || (query.isError && isApiError(query.error, 404))) return null;
  if (query.isError) return <ErrorNotice message={a.panelLoadFailed} onRetry={() => void query.refetch()} />;
  const { appointment } = query.data;
  if (!appointment) return null;

  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="appointment-panel">
      <h2 id={headingId} className={styles.heading}>
        {a.panelHeading}
      </h2>
      <AppointmentFacts appointment={appointment} />
      <AppointmentReplySection appointment={appointment} context="letter" />
      <ReplyHistory appointment={appointment} linkThreads={false} />
      <p className={styles.more}>
        <Link to={`/timeavtaler/${appointment.id}`}>{a.seeInAppointments}</Link>
      </p>
    </section>
  );
}
