import { Link } from 'react-router';
import { inboxCategories, type InboxCategory, type UnreadCounts } from '@innboks/contracts';
import { plural } from '@innboks/web-base/plural';
import { useMessages } from '../../../i18n/use-messages.ts';
import type { InboxFilters } from '../../../lib/query-keys.ts';
import { inboxHistoryState } from '../../../lib/navigation-state.ts';
import { inboxSearch } from '../filters.ts';
import styles from './CategoryNav.module.scss';

export interface CategoryNavProps {
  /** The filters now shown; a category link keeps the search and the archive view. */
  filters: InboxFilters;
  /** Unread counts from the server; undefined until the first page has loaded. */
  unread: UnreadCounts | undefined;
}

/** "Alle" and the five categories, each with its unread count. */
export function CategoryNav({ filters, unread }: CategoryNavProps) {
  const { m, locale } = useMessages();
  const entries: { key: InboxCategory | 'total'; category: InboxCategory | undefined; label: string; count: number | undefined }[] = [
    { key: 'total', category: undefined, label: m.inbox.all, count: unread?.total },
    ...inboxCategories.map((category) => ({
      key: category,
      category,
      label: m.categories[category],
      count: unread?.byCategory[category],
    })),
  ];

  return (
    <nav className={styles.nav} aria-label={m.inbox.categoriesLabel}>
      <ul className={styles.list}>
        {entries.map(({ key, category, label, count }) => {
          const current = filters.category === category;
          return (
            <li key={key}>
              <Link
                to={{ pathname: '/innboks', search: inboxSearch({ ...filters, category }) }}
                state={inboxHistoryState(filters.q)}
                className={styles.link}
                aria-current={current ? 'page' : undefined}
              >
                <span className={styles.label}>{label}</span>
                {count !== undefined && (
                  <>
                    <span
                      className={count > 0 ? styles.count : styles.countZero}
                      data-testid={`unread-count-${key}`}
                      aria-hidden="true"
                    >
                      {count}
                    </span>
                    <span className="visually-hidden">
                      , {plural(locale, m.inbox.unreadCount, count)}
                    </span>
                  </>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
