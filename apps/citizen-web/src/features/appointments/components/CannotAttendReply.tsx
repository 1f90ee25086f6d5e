import { useId, useRef, useState, type FormEvent } from 'react';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { appointmentReplyTextMaxLength, earlierAnswer, type AppointmentView } from '@innboks/contracts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useSendAppointmentReply } from '../api/send-reply.ts';
import { formatFullDateTime } from '../format.ts';
import { LateWarning } from './LateWarning.tsx';
import { replyErrorText } from './replyErrors.ts';
import styles from './Reply.module.scss';

/**
 * The reply button (Helse Sør-Øst): "Timen passer ikke" opens a short form with an
 * optional message. Before the deadline the page says by when to answer to avoid the
 * fee; after it, it first says plainly that the fee may be charged, and how much.
 * Once sent (this booking), it says what was sent and when, and offers nothing more.
 */
export function CannotAttendReply({ appointment }: { appointment: AppointmentView }) {
  const { m, locale } = useMessages();
  const a = m.appointments;
  const send = useSendAppointmentReply(appointment.id);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const openerRef = useRef<HTMLButtonElement | HTMLAnchorElement | null>(null);
  const formId = useId();
  const late = appointment.reply.state === 'late';
  const answered = earlierAnswer('cannot-attend', appointment.replies, appointment.updatedAt);

  if (answered && !sent) return <AnsweredNotice sentAt={answered.sentAt} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('text') ?? '').trim();
    send.mutate(
      { reason: 'cannot-attend', ...(text ? { text } : {}) },
      {
        onSuccess: () => {
          setOpen(false);
          setSent(true);
        },
      },
    );
  };

  return (
    <div className={styles.reply}>
      {sent ? null : late ? (
        <LateWarning appointment={appointment} />
      ) : (
        <p className={styles.deadline} data-testid="reply-deadline">
          {format(a.replyBefore, { deadline: formatFullDateTime(appointment.reply.deadline, locale) })}
        </p>
      )}
      {sent && (
        <NotificationPanel variant="success" role="status" testId="reply-sent">
          <p>{a.sent}</p>
        </NotificationPanel>
      )}
      {!open && !sent && (
        <Button
          ref={openerRef}
          onClick={() => {
            setOpen(true);
            // Focus the message field once the form is there.
            setTimeout(() => textareaRef.current?.focus(), 0);
          }}
        >
          {a.cannotAttend}
        </Button>
      )}
      {open && (
        <form id={formId} className={styles.form} onSubmit={submit} aria-label={a.cannotAttend}>
          <Textarea
            ref={textareaRef}
            textareaId={`${formId}-text`}
            name="text"
            label={a.messageLabel}
            maxCharacters={appointmentReplyTextMaxLength}
            minRows={3}
            grow
          />
          <div className={styles.buttons}>
            <Button type="submit" disabled={send.isPending}>
              {send.isPending ? a.sending : late ? a.sendLate : a.send}
            </Button>
            <Button
              variant="borderless"
              onClick={() => {
                setOpen(false);
                send.reset();
                setTimeout(() => openerRef.current?.focus(), 0);
              }}
            >
              {a.cancelForm}
            </Button>
          </div>
          {send.isError && <ErrorNotice message={replyErrorText(send.error, a)} />}
        </form>
      )}
    </div>
  );
}

/** What the citizen already sent: the deadline and the button have done their work. */
function AnsweredNotice({ sentAt }: { sentAt: string }) {
  const { m, locale } = useMessages();
  const a = m.appointments;
  return (
    <div className={styles.reply}>
      <NotificationPanel variant="info" testId="reply-already-sent">
        <p>{format(a.alreadySent, { reason: a.reasons['cannot-attend'], time: formatFullDateTime(sentAt, locale) })}</p>
      </NotificationPanel>
    </div>
  );
}
