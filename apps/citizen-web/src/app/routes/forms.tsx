import { FormsPage } from '../../features/forms/components/FormsPage.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';

/** `/skjema` (loaded on demand). */
export default function FormsRoute() {
  return (
    <RequireSession>
      <FormsPage />
    </RequireSession>
  );
}
