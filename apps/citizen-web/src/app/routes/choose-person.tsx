import { ChoosePersonPage } from '../../features/representation/components/ChoosePersonPage.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';

/** `/bytt-person` (loaded on demand). */
export default function ChoosePersonRoute() {
  return (
    <RequireSession>
      <ChoosePersonPage />
    </RequireSession>
  );
}
