import { NewMessagePage } from '../../features/municipal/components/NewMessagePage.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';

/** `/kommunen/ny-melding` (loaded on demand). */
export default function MunicipalNewMessageRoute() {
  return (
    <RequireSession>
      <NewMessagePage />
    </RequireSession>
  );
}
