import { PowersOfAttorneyPage } from '../../features/representation/components/PowersOfAttorneyPage.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';

/** `/innstillinger/fullmakter` (loaded on demand). */
export default function PowersOfAttorneyRoute() {
  return (
    <RequireSession>
      <PowersOfAttorneyPage />
    </RequireSession>
  );
}
