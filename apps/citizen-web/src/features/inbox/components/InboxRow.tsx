import { Link, useLocation } from 'react-router';
import type { InboxItem } from '@innboks/contracts';
import Icon from '@helsenorge/designsystem-react/components/Icon';
import AttachmentIcon from '@helsenorge/designsystem-react/components/Icons/Attachment';
import { getColor } from '@helsenorge/designsystem-react/theme/currys/color';
import classNames from 'classnames';
import { StatusTag } from '../../../components/StatusTag.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatWhen } from '@innboks/web-base/dates';
import { fromInboxState, inboxQueryFrom } from '../../../lib/navigation-state.ts';
import styles from './InboxRow.module.scss';

/**
 * One thread in the list: who (whom the citizen wrote to, when the citizen began it), what,
 * when, and whether it is unread, important or has attachments.
 */
export function InboxRow({ item }: { item: InboxItem }) {
  const { m, locale } = useMessages();
  const { search, state } = useLocation();

  return (
    <li
      className={classNames(styles.row, item.unread && styles.unread)}
      data-testid="inbox-item"
      data-unread={item.unread}
    >
      <span className={styles.marker}>
        {item.unread && (
          <>
            <span className={styles.dot} aria-hidden="true" />
            <span className="visually-hidden">{m.inbox.unread}</span>
          </>
        )}
      </span>
      <div className={styles.body}>
        <p className={styles.sender}>
          {item.startedBy === 'citizen' ? (
            <>
              {format(m.inbox.to, { name: item.senderName })} <StatusTag>{m.inbox.sentByYou}</StatusTag>
            </>
          ) : (
            <>
              <span className="visually-hidden">{m.inbox.from}: </span>
              {item.senderName}
            </>
          )}
        </p>
        <p className={styles.subjectLine}>
          <Link className={styles.subject} to={`/innboks/${item.id}`} state={fromInboxState(search, inboxQueryFrom(state))}>
            {item.subject}
          </Link>
        </p>
        {item.messageCount > 1 && (
          <p className={styles.thread}>{format(m.inbox.messageCount, { count: item.messageCount })}</p>
        )}
      </div>
      <div className={styles.meta}>
        <time className={styles.date} dateTime={item.lastActivityAt}>
          <span className="visually-hidden">{m.inbox.received}: </span>
          {formatWhen(item.lastActivityAt, locale)}
        </time>
        {(item.important || item.hasAttachments) && (
          <span className={styles.marks}>
            {item.important && <StatusTag tone="important">{m.inbox.important}</StatusTag>}
            {item.hasAttachments && (
              <span className={styles.attachments} role="img" aria-label={m.inbox.hasAttachments} title={m.inbox.hasAttachments}>
                <Icon svgIcon={AttachmentIcon} size={32} color={getColor('blueberry', 800)} />
              </span>
            )}
          </span>
        )}
      </div>
    </li>
  );
}
