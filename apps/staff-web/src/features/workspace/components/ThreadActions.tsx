import { useEffect, useRef, useState } from 'react';
import Button from '@helsenorge/designsystem-react/components/Button';
import type { StaffThread } from '@innboks/contracts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useUpdateThread } from '../api/workspace.ts';
import styles from './Workspace.module.scss';

export interface ThreadActionsProps {
  thread: StaffThread;
  /** Told what happened, to say it where the staff member is looking. */
  onChanged: (status: string) => void;
}

/** Assign to me or release; close — after a confirmation, since the citizen is told — or reopen. */
export function ThreadActions({ thread, onChanged }: ThreadActionsProps) {
  const { m } = useMessages();
  const update = useUpdateThread(thread.id);
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const close = () =>
    update.mutate(
      { status: 'closed' },
      {
        onSuccess: () => {
          setConfirming(false);
          onChanged(m.thread.closedNotice);
        },
      },
    );
  const cancel = () => {
    setConfirming(false);
    closeButton.current?.focus();
  };

  return (
    <>
      <div className={styles.actions}>
        <Button variant="outline" onClick={() => update.mutate({ assignedToMe: !thread.assignedTo?.isMe }, { onSuccess: () => onChanged(m.thread.updated) })} disabled={update.isPending}>
          {thread.assignedTo?.isMe ? m.thread.release : m.thread.assign}
        </Button>
        {thread.status === 'open' ? (
          <Button ref={closeButton} variant="outline" onClick={() => setConfirming(true)} disabled={update.isPending || confirming} aria-expanded={confirming}>
            {m.thread.close}
          </Button>
        ) : (
          <Button variant="outline" onClick={() => update.mutate({ status: 'open' }, { onSuccess: () => onChanged(m.thread.reopenedNotice) })} disabled={update.isPending}>
            {m.thread.reopen}
          </Button>
        )}
      </div>
      {confirming && (
        <section className={styles.confirm} aria-labelledby="confirm-close-heading" data-testid="confirm-close">
          <h2 id="confirm-close-heading" ref={confirmHeading} tabIndex={-1} className={styles.confirmHeading}>
            {m.thread.confirmCloseHeading}
          </h2>
          <p>{m.thread.confirmCloseText}</p>
          <div className={styles.actions}>
            <Button onClick={close} disabled={update.isPending}>
              {m.thread.confirmClose}
            </Button>
            <Button variant="borderless" onClick={cancel}>
              {m.thread.cancel}
            </Button>
          </div>
        </section>
      )}
    </>
  );
}
