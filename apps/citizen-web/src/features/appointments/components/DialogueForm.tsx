import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import Button from '@helsenorge/designsystem-react/components/Button';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import Title from '@helsenorge/designsystem-react/components/Title';
import {
  appointmentReplyTextMaxLength,
  earlierAnswer,
  reasonsAffectingAttendance,
  replyModeRules,
  type AppointmentReplyReason,
  type AppointmentView,
} from '@innboks/contracts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useSendAppointmentReply } from '../api/send-reply.ts';
import { formatFullDateTime } from '../format.ts';
import { LateWarning } from './LateWarning.tsx';
import { replyErrorText } from './replyErrors.ts';
import styles from './Reply.module.scss';

/**
 * The appointment dialogue (Helse Vest, Helse Nord): confirm, ask, ask for another
 * time, ask to end the treatment — the reasons the region table offers. The message
 * starts (or continues) a thread in the inbox, where the hospital answers.
 */
export function DialogueForm({ appointment }: { appointment: AppointmentView }) {
  const { m, locale } = useMessages();
  const a = m.appointments;
  const rule = replyModeRules[appointment.replyMode];
  const send = useSendAppointmentReply(appointment.id);
  const [reason, setReason] = useState<AppointmentReplyReason | undefined>();
  const [errors, setErrors] = useState<{ reason?: string; text?: string }>({});
  const [sentThread, setSentThread] = useState<string | undefined>();
  const [formKey, setFormKey] = useState(0);
  const textRef = useRef<HTMLTextAreaElement | null>(null);
  const id = useId();
  // A reason already given for this booking is not offered again (the server refuses it too).
  const offered = rule.reasons.filter((option) => !earlierAnswer(option, appointment.replies, appointment.updatedAt));
  const textRequired = reason !== undefined && rule.textRequiredFor.includes(reason);
  const mayCancel = reason !== undefined && reasonsAffectingAttendance.includes(reason);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('text') ?? '').trim();
    const found = { ...(reason ? {} : { reason: a.chooseReason }), ...(textRequired && !text ? { text: a.textMissing } : {}) };
    setErrors(found);
    if (found.reason) {
      document.getElementById(`${id}-reason-${offered[0]}`)?.focus();
      return;
    }
    if (found.text) {
      textRef.current?.focus();
      return;
    }
    send.mutate(
      { reason: reason!, ...(text ? { text } : {}) },
      {
        onSuccess: (receipt) => {
          setSentThread(receipt.threadId);
          setReason(undefined);
          setFormKey((key) => key + 1);
        },
      },
    );
  };

  return (
    <section className={styles.reply} aria-labelledby={`${id}-heading`}>
      <Title id={`${id}-heading`} htmlMarkup="h2" appearance="title3" margin={0}>
        {a.dialogueHeading}
      </Title>
      {sentThread && (
        <NotificationPanel variant="success" role="status" testId="dialogue-sent">
          <p>{a.dialogueSent}</p>
          <p>
            <Link to={`/innboks/${sentThread}`}>{a.openThread}</Link>
          </p>
        </NotificationPanel>
      )}
      <form key={formKey} className={styles.form} onSubmit={submit} noValidate>
        <FormGroup legend={a.dialogueLegend} error={errors.reason} errorTextId={`${id}-reason-error`}>
          {offered.map((option) => (
            <RadioButton
              key={option}
              inputId={`${id}-reason-${option}`}
              name="reason"
              value={option}
              label={a.reasons[option]}
              checked={reason === option}
              onChange={() => {
                setReason(option);
                setErrors({});
              }}
            />
          ))}
        </FormGroup>
        {mayCancel &&
          (appointment.reply.state === 'late' ? (
            <LateWarning appointment={appointment} />
          ) : (
            <p className={styles.deadline} data-testid="reply-deadline">
              {format(a.replyBefore, { deadline: formatFullDateTime(appointment.reply.deadline, locale) })}
            </p>
          ))}
        <Textarea
          ref={textRef}
          textareaId={`${id}-text`}
          name="text"
          label={textRequired ? a.textRequired : a.textOptional}
          required={textRequired}
          maxCharacters={appointmentReplyTextMaxLength}
          minRows={3}
          grow
          error={Boolean(errors.text)}
          errorText={errors.text}
          errorTextId={`${id}-text-error`}
        />
        <div className={styles.buttons}>
          <Button type="submit" disabled={send.isPending}>
            {send.isPending ? a.sending : a.send}
          </Button>
        </div>
        {send.isError && <ErrorNotice message={replyErrorText(send.error, a)} />}
      </form>
    </section>
  );
}
