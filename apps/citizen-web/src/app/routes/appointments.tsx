import { AppointmentsPage } from '../../features/appointments/components/AppointmentsPage.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';

/** `/timeavtaler` (loaded on demand). */
export default function AppointmentsRoute() {
  return (
    <RequireSession>
      <AppointmentsPage />
    </RequireSession>
  );
}
