import type { ReactNode } from 'react';
import { Link } from 'react-router';
import Icon from '@helsenorge/designsystem-react/components/Icon';
import InboxIcon from '@helsenorge/designsystem-react/components/Icons/Inbox';
import { getColor } from '@helsenorge/designsystem-react/theme/currys/color';
import { useMessages } from '../../../i18n/use-messages.ts';
import { format } from '../../../i18n/format.ts';
import { MainNav } from './MainNav.tsx';
import styles from './Header.module.scss';

export interface HeaderProps {
  /** The logged-in citizen's name; undefined when nobody is logged in. */
  citizenName?: string | undefined;
  /** The logout control, shown beside the name. */
  logout?: ReactNode;
  /** The language switch, on every page whether logged in or not. */
  languageSwitch?: ReactNode;
  /** Whom the citizen acts for, under the header's row (a banner when it is someone else). */
  actingFor?: ReactNode;
}

/** The banner on every page: product name, the language switch, who is logged in, and whom they act for. */
export function Header({ citizenName, logout, languageSwitch, actingFor }: HeaderProps) {
  const { m } = useMessages();
  const loggedIn = citizenName !== undefined;

  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link to={loggedIn ? '/innboks' : '/'} className={styles.brand} aria-label={m.header.homeLink}>
          <Icon svgIcon={InboxIcon} size={40} color={getColor('blueberry', 600)} />
          <span className={styles.name}>{m.app.name}</span>
        </Link>
        {languageSwitch}
        {loggedIn && (
          <div className={styles.user}>
            <span className={styles.citizen}>
              <span className="visually-hidden">{format(m.header.loggedInAs, { name: citizenName })}</span>
              <span aria-hidden="true">{citizenName}</span>
            </span>
            <Link to="/innstillinger/varsling" className={styles.settings}>
              {m.noticeSettings.link}
            </Link>
            <Link to="/innstillinger/forskning" className={styles.settings}>
              {m.research.link}
            </Link>
            <Link to="/innstillinger/fullmakter" className={styles.settings}>
              {m.representation.powersLink}
            </Link>
            <Link to="/bytt-person" className={styles.settings}>
              {m.representation.switchLink}
            </Link>
            {logout}
          </div>
        )}
      </div>
      {actingFor}
      {loggedIn && (
        <div className={styles.navRow}>
          <MainNav />
        </div>
      )}
    </header>
  );
}
