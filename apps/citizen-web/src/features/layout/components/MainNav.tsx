import { NavLink } from 'react-router';
import { useMessages } from '../../../i18n/use-messages.ts';
import styles from './MainNav.module.scss';

/** The logged-in citizen's sections: the inbox, the appointments and the forms. */
export function MainNav() {
  const { m } = useMessages();
  const links = [
    { to: '/innboks', label: m.nav.inbox },
    { to: '/timeavtaler', label: m.nav.appointments },
    { to: '/skjema', label: m.forms.nav },
  ];
  return (
    <nav aria-label={m.nav.label} className={styles.nav}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} className={({ isActive }) => (isActive ? styles.active : undefined)}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
