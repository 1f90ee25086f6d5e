import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { format, m } from '../../../i18n/nb.ts';
import styles from './Header.module.scss';

export interface HeaderProps {
  /** The logged-in staff member's name; undefined when nobody is logged in. */
  staffName?: string | undefined;
  /** The logout control, shown beside the name. */
  logout?: ReactNode;
}

/** The banner on every page: product name, and who is logged in. */
export function Header({ staffName, logout }: HeaderProps) {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link to="/" className={styles.brand}>
          {m.appName}
        </Link>
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
