import type { AppointmentView } from '@innboks/contracts';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatAmount, formatFullDateTime, formatTime } from '../format.ts';
import styles from './AppointmentFacts.module.scss';

export interface AppointmentFactsProps {
  appointment: AppointmentView;
  /** Leave out the hospital (when the page already says who sent it). */
  compact?: boolean;
}

/** What, when, where and how: the appointment as the hospital last sent it. */
export function AppointmentFacts({ appointment, compact = false }: AppointmentFactsProps) {
  const { m, locale } = useMessages();
  const a = m.appointments;
  const fee = feeText(appointment, m.appointments, locale);
  return (
    <dl className={styles.facts} data-testid="appointment-facts">
      <div>
        <dt>{a.time}</dt>
        <dd>
          <time dateTime={appointment.start} className={appointment.cancelled ? styles.struck : undefined}>
            {format(a.timeRange, { start: formatFullDateTime(appointment.start, locale), end: formatTime(appointment.end, locale) })}
          </time>
          {appointment.cancelled && <span className={styles.cancelled}>{a.cancelled}</span>}
        </dd>
      </div>
      {!compact && (
        <div>
          <dt>{a.hospital}</dt>
          <dd>{appointment.hospital}</dd>
        </div>
      )}
      {appointment.clinic && (
        <div>
          <dt>{a.clinic}</dt>
          <dd>{appointment.clinic}</dd>
        </div>
      )}
      {appointment.place && (
        <div>
          <dt>{a.place}</dt>
          <dd>{appointment.place}</dd>
        </div>
      )}
      <div>
        <dt>{a.kind}</dt>
        <dd>{a.kinds[appointment.kind]}</dd>
      </div>
      {appointment.description && (
        <div>
          <dt>{a.about}</dt>
          <dd>{appointment.description}</dd>
        </div>
      )}
      {appointment.patientInstruction && (
        <div>
          <dt>{a.instruction}</dt>
          <dd>{appointment.patientInstruction}</dd>
        </div>
      )}
      {!appointment.cancelled && (
        <div>
          <dt>{a.fee}</dt>
          <dd>{fee}</dd>
        </div>
      )}
    </dl>
  );
}

function feeText(appointment: AppointmentView, a: { feeFixed: string; feeUpTo: string; feeNone: string; feeUnknown: string }, locale: string): string {
  switch (appointment.fee.kind) {
    case 'fixed':
      return format(a.feeFixed, { amount: formatAmount(appointment.fee.amountNok, locale) });
    case 'up-to':
      return format(a.feeUpTo, { amount: formatAmount(appointment.fee.amountNok, locale) });
    case 'none':
      return a.feeNone;
    case 'unknown':
      return a.feeUnknown;
  }
}
