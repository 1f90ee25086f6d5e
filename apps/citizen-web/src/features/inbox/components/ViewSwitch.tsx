import { Link } from 'react-router';
import { useMessages } from '../../../i18n/use-messages.ts';
import type { InboxFilters } from '../../../lib/query-keys.ts';
import { inboxHistoryState } from '../../../lib/navigation-state.ts';
import { inboxSearch } from '../filters.ts';
import styles from './ViewSwitch.module.scss';

/** Switches between the inbox and the archive, keeping category and search. */
export function ViewSwitch({ filters }: { filters: InboxFilters }) {
  const { m } = useMessages();
  const views = [
    { archived: false, label: m.inbox.viewInbox },
    { archived: true, label: m.inbox.viewArchive },
  ];

  return (
    <nav className={styles.switch} aria-label={m.inbox.viewLabel}>
      <ul className={styles.list}>
        {views.map(({ archived, label }) => (
          <li key={label}>
            <Link
              to={{ pathname: '/innboks', search: inboxSearch({ ...filters, archived }) }}
                state={inboxHistoryState(filters.q)}
              className={styles.tab}
              aria-current={filters.archived === archived ? 'page' : undefined}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
