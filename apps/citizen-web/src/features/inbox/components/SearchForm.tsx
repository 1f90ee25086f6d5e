import type { FormEvent } from 'react';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useMessages } from '../../../i18n/use-messages.ts';
import { maxQueryLength } from '../filters.ts';
import styles from './SearchForm.module.scss';

export interface SearchFormProps {
  /** The search now shown (kept in history state). */
  query: string | undefined;
  /** Called with the trimmed search, or undefined to clear it. */
  onSearch: (query: string | undefined) => void;
}

/** Full-text search over subject, body and sender. */
export function SearchForm({ query, onSearch }: SearchFormProps) {
  const { m } = useMessages();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('q');
    const trimmed = typeof value === 'string' ? value.trim().slice(0, maxQueryLength) : '';
    onSearch(trimmed === '' ? undefined : trimmed);
  };

  return (
    // Keyed by the search so back/forward puts the right text back in the field.
    <form key={query ?? ''} role="search" className={styles.form} onSubmit={submit}>
      <Input
        inputId="inbox-search"
        name="q"
        type="search"
        label={m.inbox.searchLabel}
        defaultValue={query ?? ''}
        autoComplete="off"
        width={30}
      />
      <Button type="submit">
        {m.inbox.searchButton}
      </Button>
      {query && (
        <Button variant="borderless" onClick={() => onSearch(undefined)}>
          {m.inbox.searchClear}
        </Button>
      )}
    </form>
  );
}
