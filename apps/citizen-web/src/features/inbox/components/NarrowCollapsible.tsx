import { useId, useState, type ReactNode } from 'react';
import Button from '@helsenorge/designsystem-react/components/Button';
import Icon, { type SvgIcon } from '@helsenorge/designsystem-react/components/Icon';
import ChevronDown from '@helsenorge/designsystem-react/components/Icons/ChevronDown';
import ChevronUp from '@helsenorge/designsystem-react/components/Icons/ChevronUp';
import classNames from 'classnames';
import styles from './NarrowCollapsible.module.scss';

export interface NarrowCollapsibleProps {
  /** What the button says, e.g. "Kategori: Alle". */
  label: string;
  icon: SvgIcon;
  /** Open at first (a search in the URL keeps its form in view). */
  defaultOpen?: boolean;
  testId?: string;
  children: ReactNode;
}

/**
 * On a phone, a part of the inbox behind a button, so the first letters fit on the first
 * screen; from the large breakpoint the part is always shown and the button is not.
 */
export function NarrowCollapsible({ label, icon, defaultOpen = false, testId, children }: NarrowCollapsibleProps) {
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  return (
    <div>
      <span className={styles.toggle}>
        <Button variant="borderless" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} testId={testId}>
          <Icon svgIcon={icon} />
          {label}
          <Icon svgIcon={open ? ChevronUp : ChevronDown} />
        </Button>
      </span>
      <div id={panelId} className={classNames(styles.panel, open && styles.open)}>
        {children}
      </div>
    </div>
  );
}
