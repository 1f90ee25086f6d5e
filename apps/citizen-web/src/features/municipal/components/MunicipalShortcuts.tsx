import { Link } from 'react-router';
import { useMessages } from '../../../i18n/use-messages.ts';
import styles from './Municipal.module.scss';

/** Links to writing to the municipality and to the access log, shown on the inbox. */
export function MunicipalShortcuts() {
  const { m } = useMessages();
  return (
    <nav className={styles.shortcuts} aria-label={m.municipal.shortcutsLabel}>
      <Link to="/kommunen/ny-melding" className={styles.shortcut}>
        {m.municipal.newMessageLink}
      </Link>
      <Link to="/logg-over-bruk" className={styles.shortcut}>
        {m.municipal.accessLogLink}
      </Link>
    </nav>
  );
}
