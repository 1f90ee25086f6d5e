import type { ThreadMessage as ThreadMessageData } from '@innboks/contracts';
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
        <time className={styles.time} dateTime={message.sentAt}>
          {formatWhenWithTime(message.sentAt, locale)}
        </time>
      </header>
      <div className={styles.text}>
        {message.text.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {message.attachments.length > 0 && (
        <AttachmentList attachments={message.attachments} headingId={`${headingId}-attachments`} />
      )}
    </article>
  );
}
