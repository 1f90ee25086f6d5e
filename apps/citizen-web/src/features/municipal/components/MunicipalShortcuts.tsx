import { Link } from 'react-router';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useMunicipalServices } from '../api/municipal.ts';
import styles from './Municipal.module.scss';

/**
 * Links to writing to the municipality and to the access log, shown on the inbox. "Skriv
 * til kommunen" only for a citizen who has a service to write to: outside the trial, or
 * with no service open for digital contact, there is nothing to do behind it.
 */
export function MunicipalShortcuts() {
  const { m } = useMessages();
  const overview = useMunicipalServices();
  const canWrite = overview.data?.inTrial === true && overview.data.services.some((service) => service.canMessage);
  return (
    <nav className={styles.shortcuts} aria-label={m.municipal.shortcutsLabel}>
      {canWrite && (
        <Link to="/kommunen/ny-melding" className={styles.shortcut}>
          {m.municipal.newMessageLink}
        </Link>
      )}
      <Link to="/logg-over-bruk" className={styles.shortcut}>
        {m.municipal.accessLogLink}
      </Link>
    </nav>
  );
}
