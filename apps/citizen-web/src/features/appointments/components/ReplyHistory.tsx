import { Link } from 'react-router';
import type { AppointmentView } from '@innboks/contracts';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import styles from './Reply.module.scss';

/** What the citizen already told the hospital about this appointment, each linked to its thread. */
export function ReplyHistory({ appointment, linkThreads = true }: { appointment: AppointmentView; linkThreads?: boolean }) {
  const { m, locale } = useMessages();
  const a = m.appointments;
  if (appointment.replies.length === 0) return null;
  return (
    <div className={styles.history} data-testid="reply-history">
      <h3>{a.yourMessages}</h3>
      <ul>
        {appointment.replies.map((reply) => {
          const text = format(a.replySummary, { reason: a.reasons[reply.reason], time: formatWhenWithTime(reply.sentAt, locale) });
          return (
            <li key={`${reply.sentAt}-${reply.reason}`}>
              {linkThreads ? <Link to={`/innboks/${reply.threadId}`}>{text}</Link> : text}
              {reply.late && <> ({a.lateTag})</>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
