import { Link } from 'react-router';
import Icon from '@helsenorge/designsystem-react/components/Icon';
import ArrowLeft from '@helsenorge/designsystem-react/components/Icons/ArrowLeft';
import { getColor } from '@helsenorge/designsystem-react/theme/currys/color';
import styles from './BackLink.module.scss';

/** "← Tilbake til innboksen": the same on every page below the inbox. */
export function BackLink({ to, state, children }: { to: string; state?: unknown; children: string }) {
  return (
    <Link to={to} state={state} className={styles.back}>
      <Icon svgIcon={ArrowLeft} size={24} color={getColor('blueberry', 700)} />
      {children}
    </Link>
  );
}
