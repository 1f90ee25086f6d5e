import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import type { AppointmentView } from '@innboks/contracts';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatAmount, formatFullDateTime } from '../format.ts';

/** Less than 24 hours before the start: the reply still goes, and the fee that may be charged is said plainly. */
export function LateWarning({ appointment }: { appointment: AppointmentView }) {
  const { m, locale } = useMessages();
  const a = m.appointments;
  const fee = appointment.fee;
  const text =
    fee.kind === 'fixed'
      ? format(a.lateFixed, { amount: formatAmount(fee.amountNok, locale) })
      : fee.kind === 'up-to'
        ? format(a.lateUpTo, { amount: formatAmount(fee.amountNok, locale) })
        : fee.kind === 'none'
          ? a.lateNone
          : a.lateUnknown;
  return (
    <NotificationPanel variant="warn" label={a.lateTitle} labelHtmlMarkup="h3" testId="late-warning">
      <p>{text}</p>
      <p>{format(a.deadlinePassedAt, { deadline: formatFullDateTime(appointment.reply.deadline, locale) })}</p>
    </NotificationPanel>
  );
}
