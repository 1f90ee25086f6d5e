import Button from '@helsenorge/designsystem-react/components/Button';
import { m } from '../../../i18n/nb.ts';
import { useLogout } from '../api/logout.ts';

export function LogoutButton() {
  const logout = useLogout();
  return (
    <Button variant="outline" onClick={() => logout.mutate()} disabled={logout.isPending}>
      {m.logout}
    </Button>
  );
}
