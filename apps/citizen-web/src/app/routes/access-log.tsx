import { AccessLogPage } from '../../features/municipal/components/AccessLogPage.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';
import { RepresentationLogSection } from '../../features/representation/components/RepresentationLogSection.tsx';

/** `/logg-over-bruk` (loaded on demand). */
export default function AccessLogRoute() {
  return (
    <RequireSession>
      <AccessLogPage>
        <RepresentationLogSection />
      </AccessLogPage>
    </RequireSession>
  );
}
