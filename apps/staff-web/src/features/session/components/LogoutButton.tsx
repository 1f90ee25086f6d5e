import Button from '@helsenorge/designsystem-react/components/Button';
import { m } from '../../../i18n/nb.ts';
import { useLogout } from '../api/logout.ts';

/** On the dark banner: the design system's own colours for a dark background, corners and all. */
export function LogoutButton() {
  const logout = useLogout();
  return (
    <Button variant="outline" onColor="ondark" onClick={() => logout.mutate()} disabled={logout.isPending}>
      {m.logout}
    </Button>
  );
}
