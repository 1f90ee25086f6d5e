import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import styles from './PageShell.module.scss';

export interface PageShellProps {
  /** The skip link's text, in the app's language. */
  skipLinkLabel: string;
  /** The page banner. */
  header: ReactNode;
  /** Below main, when the app has one. */
  footer?: ReactNode;
  /** The app's own column (width and side padding) for main. */
  mainClassName?: string | undefined;
  /** The page itself. */
  children: ReactNode;
}

/**
 * The frame of every page: skip link, banner, main, footer. After an in-app navigation,
 * focus moves to the new page's main content, so screen readers start at the top of it.
 */
export function PageShell({ skipLinkLabel, header, footer, mainClassName, children }: PageShellProps) {
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
        {skipLinkLabel}
      </a>
      {header}
      <main id="main" ref={mainRef} tabIndex={-1} className={mainClassName ? `${styles.main} ${mainClassName}` : styles.main}>
        {children}
      </main>
      {footer}
    </div>
  );
}
