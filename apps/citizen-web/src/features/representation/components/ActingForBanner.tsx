import { Link } from 'react-router';
import type { Representation } from '@innboks/contracts';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import styles from './Representation.module.scss';

/**
 * Says on every page, in words and not only by colour, whom the citizen acts for. A
 * live region, so a screen reader announces it when the person changes.
 */
export function ActingForBanner({ actingFor }: { actingFor: Representation['actingFor'] | undefined }) {
  const { m } = useMessages();
  return (
    <div role="status" className={actingFor ? styles.banner : undefined} data-testid="acting-for-banner">
      {actingFor && (
        <div className={styles.bannerInner}>
          <strong>{format(m.representation.bannerActing, { name: actingFor.name, relation: m.representation.relation[actingFor.relation] })}</strong>
          <Link to="/bytt-person">{m.representation.switchLink}</Link>
        </div>
      )}
    </div>
  );
}
