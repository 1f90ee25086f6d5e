import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useMessages } from '../../../i18n/use-messages.ts';
import { Footer } from './Footer.tsx';
import styles from './AppShell.module.scss';

export interface AppShellProps {
  /** The page banner (see `Header`). */
  header: ReactNode;
  /** The page itself. */
  children: ReactNode;
}

/**
 * The frame of every page: skip link, banner, main, footer. After an in-app navigation,
 * focus moves to the new page's main content, so screen readers start at the top of it.
 */
export function AppShell({ header, children }: AppShellProps) {
  const { m } = useMessages();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <div className={styles.shell}>
      <a className={styles.skipLink} href="#main">
        {m.app.skipToContent}
      </a>
      {header}
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        {children}
      </main>
      <Footer />
    </div>
  );
}
