import { ResearchReservationPage } from '../../features/research/components/ResearchReservationPage.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';

/** `/innstillinger/forskning` (loaded on demand). */
export default function ResearchReservationRoute() {
  return (
    <RequireSession>
      <ResearchReservationPage />
    </RequireSession>
  );
}
