import { NavLink } from 'react-router';
import { plural } from '@innboks/web-base/plural';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useServices } from '../api/workspace.ts';
import styles from './Workspace.module.scss';

/** The services the staff member works in, each with its count of unanswered threads. */
export function ServiceNav({ current }: { current: string | undefined }) {
  const { m, locale } = useMessages();
  const services = useServices();
  return (
    <nav aria-labelledby="services-heading" className={styles.nav}>
      <h2 id="services-heading" className={styles.navHeading}>
        {m.services.heading}
      </h2>
      {services.data?.services.length === 0 && <p>{m.services.none}</p>}
      <ul className={styles.navList}>
        {services.data?.services.map((service) => (
          <li key={service.id}>
            <NavLink to={`/tjenester/${service.id}`} className={styles.navLink} aria-current={service.id === current ? 'page' : undefined}>
              <span className={styles.navName}>{service.name}</span>
              <span className={styles.navOrg}>{service.organizationName}</span>
              <span className={styles.navCount} data-testid={`unanswered-${service.id}`}>
                {plural(locale, m.services.unanswered, service.unanswered)}
              </span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
