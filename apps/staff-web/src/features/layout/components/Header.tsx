import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { LanguageSelect, useLanguage } from '@innboks/web-base/language';
import { format } from '../../../i18n/nb.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import styles from './Header.module.scss';

export interface HeaderProps {
  /** The logged-in staff member's name; undefined when nobody is logged in. */
  staffName?: string | undefined;
  /** The logout control, shown beside the name. */
  logout?: ReactNode;
  /** An operator gets a link to the operator's screen. */
  operator?: boolean | undefined;
}

/** The banner on every page: product name, the language switch (remembered in this browser), and who is logged in. */
export function Header({ staffName, logout, operator }: HeaderProps) {
  const { m } = useMessages();
  const { language, setLanguage } = useLanguage();
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link to="/" className={styles.brand}>
          {m.appName}
        </Link>
        {operator && (
          <nav aria-label={m.operator.nav}>
            <NavLink to="/drift" className={styles.navLink}>
              {m.operator.nav}
            </NavLink>
          </nav>
        )}
        <LanguageSelect label={m.language.label} value={language} onChange={setLanguage} />
        {staffName !== undefined && (
          <div className={styles.user}>
            <span>
              <span className="visually-hidden">{format(m.loggedInAs, { name: staffName })}</span>
              <span aria-hidden="true" data-testid="staff-name">
                {staffName}
              </span>
            </span>
            {logout}
          </div>
        )}
      </div>
    </header>
  );
}
