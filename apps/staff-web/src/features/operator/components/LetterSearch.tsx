import { useState, type FormEvent } from 'react';
import Title from '@helsenorge/designsystem-react/components/Title';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import { fieldError } from '@innboks/web-base/field-error';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import { isApiError } from '../../../lib/http.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useLetterSearch } from '../api/operator.ts';
import { LetterTimeline } from './LetterTimeline.tsx';
import styles from './Operator.module.scss';

/** Find a letter by its id or the sender's identifier (`system|value`), and open its delivery timeline. */
export function LetterSearch() {
  const { m, locale } = useMessages();
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState<string | undefined>();
  const search = useLetterSearch();
  const invalid = search.isError && isApiError(search.error, 400) ? m.operator.search.invalid : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOpened(undefined);
    search.mutate(query.trim(), {
      // One letter found: straight to its timeline.
      onSuccess: (found) => setOpened(found.letters.length === 1 ? found.letters[0]!.letterId : undefined),
    });
  };

  return (
    <section className={styles.section} aria-labelledby="search-heading">
      <Title id="search-heading" htmlMarkup="h2" appearance="title3" margin={{ marginTop: 0, marginBottom: 1 }}>
        {m.operator.search.heading}
      </Title>
      <form className={styles.searchForm} onSubmit={onSubmit} noValidate role="search" aria-labelledby="search-heading">
        <div className={styles.searchInput}>
          <Input inputId="letter-query" label={m.operator.search.label} autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} {...fieldError(invalid, 'letter-query-error')} />
        </div>
        <Button type="submit" disabled={search.isPending || query.trim() === ''}>
          {m.operator.search.submit}
        </Button>
      </form>
      {search.isError && !invalid && <ErrorNotice message={m.operator.loadFailed} />}
      <div aria-live="polite">
        {search.data?.letters.length === 0 && <p>{m.operator.search.none}</p>}
        {search.data && search.data.letters.length > 1 && (
          <ul data-testid="found-letters">
            {search.data.letters.map((letter) => (
              <li key={letter.letterId}>
                {letter.organizationName} – {formatWhenWithTime(letter.sentAt, locale)}{' '}
                <Button variant="borderless" onClick={() => setOpened(letter.letterId)}>
                  {m.operator.search.open}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {opened && <LetterTimeline letterId={opened} />}
    </section>
  );
}
