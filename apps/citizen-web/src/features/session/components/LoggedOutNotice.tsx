import { useState } from 'react';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useMessages } from '../../../i18n/use-messages.ts';
import { takeLoggedOut } from '../logged-out-marker.ts';

/** "Du er logget ut", on the start page right after a logout in this tab. */
export function LoggedOutNotice() {
  const { m } = useMessages();
  const [loggedOut] = useState(takeLoggedOut);
  if (!loggedOut) return null;
  return (
    <div role="status" data-testid="logged-out">
      <NotificationPanel variant="success">{m.start.loggedOut}</NotificationPanel>
    </div>
  );
}
