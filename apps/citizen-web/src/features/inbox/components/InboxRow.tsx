import { Link, useLocation } from 'react-router';
import type { InboxItem } from '@innboks/contracts';
import Icon from '@helsenorge/designsystem-react/components/Icon';
import AttachmentIcon from '@helsenorge/designsystem-react/components/Icons/Attachment';
import { getColor } from '@helsenorge/designsystem-react/theme/currys/color';
import classNames from 'classnames';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatWhen } from '@innboks/web-base/dates';
import { fromInboxState } from '../../../lib/navigation-state.ts';
import styles from './InboxRow.module.scss';

/** One thread in the list: who, what, when, and whether it is unread or has attachments. */
export function InboxRow({ item }: { item: InboxItem }) {
  const { m, locale } = useMessages();
  const { search } = useLocation();

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
          <span className="visually-hidden">{m.inbox.from}: </span>
          {item.senderName}
        </p>
        <p className={styles.subjectLine}>
          <Link className={styles.subject} to={`/innboks/${item.id}`} state={fromInboxState(search)}>
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
        {item.hasAttachments && (
          <span className={styles.attachments}>
            <Icon svgIcon={AttachmentIcon} size={24} color={getColor('neutral', 800)} />
            <span className="visually-hidden">{m.inbox.attachments}</span>
          </span>
        )}
      </div>
    </li>
  );
}
