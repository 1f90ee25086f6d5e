import Button from '@helsenorge/designsystem-react/components/Button';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useLogout } from '../api/logout.ts';
import styles from './LogoutButton.module.scss';

/** Ends the session on the server, then follows the server's redirect. */
export function LogoutButton() {
  const { m } = useMessages();
  const logout = useLogout();
  // Stays pending after success too, while the browser leaves the page.
  const busy = logout.isPending || logout.isSuccess;

  return (
    <span className={styles.logout}>
      <Button variant="outline" onClick={() => logout.mutate()} disabled={busy}>
        {busy ? m.header.loggingOut : m.header.logout}
      </Button>
      {logout.isError && (
        <span className={styles.error} role="alert">
          {m.header.logoutFailed}
        </span>
      )}
    </span>
  );
}
