import { useEffect } from 'react';

/**
 * Sets `<title>` to "Page – App name". Titles name the kind of page, never a letter's or thread's subject:
 * titles end up in browser history, and health content does not belong there.
 */
export function useDocumentTitle(page: string, suffix: string): void {
  useEffect(() => {
    document.title = page === suffix ? suffix : `${page} – ${suffix}`;
  }, [page, suffix]);
}
