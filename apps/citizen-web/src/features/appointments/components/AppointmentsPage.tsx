import { Link } from 'react-router';
import Title from '@helsenorge/designsystem-react/components/Title';
import type { AppointmentView } from '@innboks/contracts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useAppointments } from '../api/get-appointments.ts';
import { formatFullDateTime, formatTime } from '../format.ts';
import styles from './AppointmentsPage.module.scss';

/** Timeavtaler: upcoming and past appointments; cancelled ones marked. */
export function AppointmentsPage() {
  const { m } = useMessages();
  const a = m.appointments;
  const appointments = useAppointments();
  useDocumentTitle(a.pageTitle, m.app.titleSuffix);

  return (
    <div className={styles.page}>
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 2, marginBottom: 0.75 }}>
        {a.heading}
      </Title>
      <p className={styles.lead}>{a.lead}</p>
      {appointments.isPending && <PageLoader />}
      {appointments.isError && <ErrorNotice message={a.loadFailed} onRetry={() => void appointments.refetch()} />}
      {appointments.data && (
        <>
          <AppointmentSection id="upcoming" heading={a.upcomingHeading} empty={a.noUpcoming} items={appointments.data.upcoming} />
          <AppointmentSection id="past" heading={a.pastHeading} empty={a.noPast} items={appointments.data.past} />
        </>
      )}
    </div>
  );
}

function AppointmentSection({ id, heading, empty, items }: { id: string; heading: string; empty: string; items: AppointmentView[] }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={styles.section}>
      <Title id={`${id}-heading`} htmlMarkup="h2" appearance="title3" margin={{ marginTop: 0, marginBottom: 0.5 }}>
        {heading}
      </Title>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className={styles.list} data-testid={`appointments-${id}`}>
          {items.map((item) => (
            <AppointmentRow key={item.id} appointment={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AppointmentRow({ appointment }: { appointment: AppointmentView }) {
  const { m, locale } = useMessages();
  const a = m.appointments;
  const when = format(a.timeRange, { start: formatFullDateTime(appointment.start, locale), end: formatTime(appointment.end, locale) });
  return (
    <li className={styles.row} data-testid="appointment-row" data-cancelled={appointment.cancelled}>
      <p className={styles.when}>
        <Link to={`/timeavtaler/${appointment.id}`} className={appointment.cancelled ? styles.struck : undefined}>
          <time dateTime={appointment.start}>{when}</time>
        </Link>
        {appointment.cancelled && <span className={styles.cancelled}>{a.cancelled}</span>}
      </p>
      <p className={styles.where}>
        {[appointment.clinic, appointment.hospital].filter(Boolean).join(', ')}
        {appointment.place && (
          <>
            <br />
            {appointment.place}
          </>
        )}
      </p>
      <p className={styles.kind}>
        <span className="visually-hidden">{a.kind}: </span>
        {a.kinds[appointment.kind]}
        {appointment.description && <> · {appointment.description}</>}
      </p>
    </li>
  );
}
