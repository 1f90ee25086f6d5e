import { useState } from 'react';
import Button from '@helsenorge/designsystem-react/components/Button';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useUpdateLetter } from '../api/update-letter.ts';
import styles from './LetterActions.module.scss';

export interface LetterActionsProps {
  letterId: string;
  archived: boolean;
  /** Called after the letter is marked unread: the citizen is done with it for now. */
  onMarkedUnread: () => void;
}

/** Archive or restore, and mark unread. */
export function LetterActions({ letterId, archived, onMarkedUnread }: LetterActionsProps) {
  const { m } = useMessages();
  const update = useUpdateLetter(letterId);
  const [status, setStatus] = useState('');

  const toggleArchive = () => {
    setStatus('');
    update.mutate(
      { archived: !archived },
      { onSuccess: (item) => setStatus(item.archived ? m.letter.archivedStatus : m.letter.unarchivedStatus) },
    );
  };

  const markUnread = () => {
    setStatus('');
    update.mutate({ unread: true }, { onSuccess: onMarkedUnread });
  };

  return (
    <div className={styles.actions}>
      <div className={styles.buttons} role="group" aria-label={m.letter.actionsLabel}>
        <Button variant="outline" onClick={toggleArchive} disabled={update.isPending}>
          {archived ? m.letter.unarchive : m.letter.archive}
        </Button>
        <Button variant="outline" onClick={markUnread} disabled={update.isPending}>
          {m.letter.markUnread}
        </Button>
      </div>
      <p className={styles.status} role="status">
        {status}
      </p>
      {update.isError && <ErrorNotice message={m.letter.updateFailed} />}
    </div>
  );
}
