import type { CarriedState, ThreadMessage as ThreadMessageData } from '@innboks/contracts';
import { StatusTag } from '../../../components/StatusTag.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import { AttachmentList } from './AttachmentList.tsx';
import styles from './ThreadMessage.module.scss';

/** One message in a thread: sender, time, text paragraphs and attachments. */
export function ThreadMessage({ message }: { message: ThreadMessageData }) {
  const { m, locale } = useMessages();
  const headingId = `message-${message.id}`;
  const fromCitizen = message.direction === 'from-citizen';

  return (
    <article className={fromCitizen ? styles.fromCitizen : styles.message} aria-labelledby={headingId}>
      <header className={styles.header}>
        <h2 id={headingId} className={styles.sender}>
          {message.senderName}
        </h2>
        {fromCitizen && <span className={styles.tag}>{m.letter.messageFromYou}</span>}
        {message.carried && <CarriedTag carried={message.carried} />}
        <time className={styles.time} dateTime={message.sentAt}>
          {formatWhenWithTime(message.sentAt, locale)}
        </time>
      </header>
      <div className={styles.text}>
        {message.text.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {message.carried?.state === 'rejected' && (
        <p className={styles.rejected}>{format(m.letter.answerRejectedReason, { reason: message.carried.errors.map((error) => `${error.details ?? error.description} (${error.code})`).join('; ') })}</p>
      )}
      {message.attachments.length > 0 && (
        <AttachmentList attachments={message.attachments} headingId={`${headingId}-attachments`} />
      )}
    </article>
  );
}

/** Where the citizen's answer to a Dialogmelding question is: on its way, received, or refused by the sender (its receipt). */
function CarriedTag({ carried }: { carried: CarriedState }) {
  const { m } = useMessages();
  const words = { sending: m.letter.answerSending, delivered: m.letter.answerDelivered, rejected: m.letter.answerRejected } as const;
  return <StatusTag tone={carried.state === 'rejected' ? 'important' : 'neutral'}>{words[carried.state]}</StatusTag>;
}
