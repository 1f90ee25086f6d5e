import { NoticeSettingsPage } from '../../features/notice-settings/components/NoticeSettingsPage.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';

/** `/innstillinger/varsling` (loaded on demand). */
export default function NoticeSettingsRoute() {
  return (
    <RequireSession>
      <NoticeSettingsPage />
    </RequireSession>
  );
}
