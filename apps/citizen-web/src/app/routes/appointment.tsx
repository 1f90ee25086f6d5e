import { useParams } from 'react-router';
import { AppointmentPage } from '../../features/appointments/components/AppointmentPage.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';

/** `/timeavtaler/:id` (loaded on demand). Keyed by id so no form state carries over. */
export default function AppointmentRoute() {
  const { id } = useParams();
  return (
    <RequireSession>
      <AppointmentPage key={id} />
    </RequireSession>
  );
}
