import Button from '@helsenorge/designsystem-react/components/Button';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useLogout } from '../api/logout.ts';

/** On the dark banner: the design system's own colours for a dark background, corners and all. */
export function LogoutButton() {
  const { m } = useMessages();
  const logout = useLogout();
  return (
    <Button variant="outline" onColor="ondark" onClick={() => logout.mutate()} disabled={logout.isPending}>
      {m.logout}
    </Button>
  );
}
