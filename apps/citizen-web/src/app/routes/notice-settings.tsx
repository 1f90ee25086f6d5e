import { NoticeSettingsPage } from '../../features/notice-settings/components/NoticeSettingsPage.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';
import { useActingFor } from '../../features/representation/api/representation.ts';
import { format } from '../../i18n/format.ts';
import { useMessages } from '../../i18n/use-messages.ts';

/** `/innstillinger/varsling` (loaded on demand). */
export default function NoticeSettingsRoute() {
  return (
    <RequireSession>
      <PersonsOwnSettings />
    </RequireSession>
  );
}

/** The notice choice is the person's own: someone acting for them sees it, and that it is not theirs to change. */
function PersonsOwnSettings() {
  const { m } = useMessages();
  const actingFor = useActingFor();
  return <NoticeSettingsPage readOnlyNotice={actingFor ? format(m.representation.settingsOwnOnly, { name: actingFor.name }) : undefined} />;
}
