import { Link } from 'react-router';
import { earlierAnswer, replyModeRules, type AppointmentView } from '@innboks/contracts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { CannotAttendReply } from './CannotAttendReply.tsx';
import { DialogueForm } from './DialogueForm.tsx';
import styles from './Reply.module.scss';

export interface AppointmentReplySectionProps {
  appointment: AppointmentView;
  /** Where it is shown: beside the appointment letter, or on the appointment in Timeavtaler. */
  context: 'letter' | 'appointments';
}

/**
 * How the citizen can answer, as the region table says (`replyModeRules`, shared with
 * the server): the reply button on the letter, the dialogue in Timeavtaler, or neither.
 * Nothing to answer once the appointment has started or is cancelled.
 */
export function AppointmentReplySection({ appointment, context }: AppointmentReplySectionProps) {
  const { m } = useMessages();
  const a = m.appointments;
  const rule = replyModeRules[appointment.replyMode];

  if (appointment.reply.state === 'cancelled') return <p className={styles.reply}>{a.cancelledNotice}</p>;
  if (appointment.reply.state === 'started') return <p className={styles.reply}>{a.started}</p>;
  if (rule.letterReplyButton) {
    // Without a letter to reply from, the button is on the appointment itself; once answered, both say so.
    const answered = earlierAnswer('cannot-attend', appointment.replies, appointment.updatedAt);
    if (context === 'letter' || !appointment.letterId || answered) return <CannotAttendReply appointment={appointment} />;
    return (
      <p className={styles.reply}>
        {a.answerInLetter} <Link to={`/innboks/${appointment.letterId}`}>{a.letterLink}</Link>
      </p>
    );
  }
  if (rule.dialogueInAppointments) {
    if (context === 'appointments') return <DialogueForm appointment={appointment} />;
    return (
      <div className={styles.reply}>
        <p>{a.answerInAppointments}</p>
        <Link to={`/timeavtaler/${appointment.id}`} data-testid="go-to-dialogue">
          {a.goToDialogue}
        </Link>
      </div>
    );
  }
  return <p className={styles.reply}>{a.noDigitalReply}</p>;
}
