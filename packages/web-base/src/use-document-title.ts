import { createContext, useContext, useEffect } from 'react';

/**
 * A part every page's title carries while it holds, between the page and the app name:
 * the citizen web app names the person the citizen acts for ("på vegne av Emma
 * Nordmann"), so a tab or a screen reader's window list says it too.
 */
export const DocumentTitleContext = createContext<string | undefined>(undefined);

/**
 * Sets `<title>` to "Page – App name". Titles name the kind of page, never a letter's or thread's subject:
 * titles end up in browser history, and health content does not belong there.
 */
export function useDocumentTitle(page: string, suffix: string): void {
  const context = useContext(DocumentTitleContext);
  useEffect(() => {
    const parts = page === suffix ? [suffix] : [page, suffix];
    if (context) parts.splice(parts.length - 1, 0, context);
    document.title = parts.join(' – ');
  }, [page, suffix, context]);
}
