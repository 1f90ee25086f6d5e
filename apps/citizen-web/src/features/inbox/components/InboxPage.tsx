import type { ReactNode } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import Button from '@helsenorge/designsystem-react/components/Button';
import Title from '@helsenorge/designsystem-react/components/Title';
import FilterIcon from '@helsenorge/designsystem-react/components/Icons/Filter';
import SearchIcon from '@helsenorge/designsystem-react/components/Icons/Search';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { format } from '../../../i18n/format.ts';
import { plural } from '@innboks/web-base/plural';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useInbox } from '../api/get-inbox.ts';
import { inboxHistoryState } from '../../../lib/navigation-state.ts';
import { inboxSearch, parseInboxFilters } from '../filters.ts';
import { CategoryNav } from './CategoryNav.tsx';
import { InboxRow } from './InboxRow.tsx';
import { NarrowCollapsible } from './NarrowCollapsible.tsx';
import { useFocusFirstNew } from './use-focus-first-new.ts';
import { SearchForm } from './SearchForm.tsx';
import { ViewSwitch } from './ViewSwitch.tsx';
import styles from './InboxPage.module.scss';

/**
 * The inbox: categories with unread counts, search, inbox/archive, and the list of threads.
 * On a phone the categories and the search are behind a button each, so the first letters
 * are on the first screen.
 */
export function InboxPage({ actions }: { actions?: ReactNode } = {}) {
  const { m, locale } = useMessages();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const filters = parseInboxFilters(searchParams, location.state);
  const inbox = useInbox(filters);
  useDocumentTitle(filters.archived ? m.inbox.archivePageTitle : m.inbox.pageTitle, m.app.titleSuffix);

  const pages = inbox.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const unread = pages[0]?.unread;
  const categoryLabel = filters.category ? m.categories[filters.category] : undefined;
  const listHeading = filters.archived
    ? categoryLabel
      ? format(m.inbox.listHeadingArchiveCategory, { category: categoryLabel })
      : m.inbox.listHeadingArchive
    : (categoryLabel ?? m.inbox.listHeadingAll);
  const emptyText = filters.q
    ? format(m.inbox.emptySearch, { query: filters.q })
    : filters.archived
      ? m.inbox.emptyArchive
      : m.inbox.emptyInbox;

  // A new history entry, so back/forward restores the search; its words only in the entry's state.
  const search = (q: string | undefined) =>
    void navigate({ pathname: '/innboks', search: inboxSearch(filters) }, { state: inboxHistoryState(q) });
  const { listRef, loadMore } = useFocusFirstNew(items.length, () => void inbox.fetchNextPage());

  return (
    <div className={styles.page}>
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 2, marginBottom: 1.5 }}>
        {m.inbox.heading}
      </Title>
      {actions}
      <div className={styles.columns}>
        <div className={styles.sidebar}>
          <NarrowCollapsible label={format(m.inbox.categoryToggle, { category: categoryLabel ?? m.inbox.all })} icon={FilterIcon} testId="category-toggle">
            <CategoryNav filters={filters} unread={unread} />
          </NarrowCollapsible>
        </div>
        <div className={styles.content}>
          <ViewSwitch filters={filters} />
          <NarrowCollapsible label={m.inbox.searchToggle} icon={SearchIcon} defaultOpen={filters.q !== undefined} testId="search-toggle">
            <SearchForm query={filters.q} onSearch={search} />
          </NarrowCollapsible>

          <section aria-labelledby="inbox-list-heading" aria-busy={inbox.isFetching && !inbox.isFetchingNextPage}>
            <Title id="inbox-list-heading" htmlMarkup="h2" appearance="title3" margin={{ marginTop: 0, marginBottom: 0.5 }}>
              {listHeading}
            </Title>
            {filters.q && <p className={styles.searchInfo}>{format(m.inbox.searchResultsFor, { query: filters.q })}</p>}

            {inbox.isPending && <PageLoader />}
            {inbox.isError && !inbox.data && (
              <ErrorNotice message={m.inbox.loadFailed} onRetry={() => void inbox.refetch()} />
            )}
            {inbox.isSuccess && items.length === 0 && <p className={styles.empty}>{emptyText}</p>}
            {items.length > 0 && (
              <ul ref={listRef} className={styles.list} data-testid="inbox-list">
                {items.map((item) => (
                  <InboxRow key={item.id} item={item} />
                ))}
              </ul>
            )}
            <p className="visually-hidden" role="status">
              {inbox.isSuccess && !inbox.isPlaceholderData
                ? plural(locale, m.inbox.showing, items.length)
                : ''}
            </p>
            {inbox.isFetchNextPageError && (
              <ErrorNotice message={m.inbox.loadFailed} onRetry={() => void inbox.fetchNextPage()} />
            )}
            {inbox.hasNextPage && !inbox.isPlaceholderData && (
              <div className={styles.more}>
                <Button variant="outline" onClick={loadMore} disabled={inbox.isFetchingNextPage}>
                  {inbox.isFetchingNextPage ? m.inbox.loadingMore : m.inbox.loadMore}
                </Button>
              </div>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
